// Stage 4 (only when needed): lines in a script the PP-OCRv4 dictionary lacks. The recognizer
// reads Japanese kana as nothing, so such a line comes back with wide unread gaps between the
// Han characters it did know, or empty. Those lines, and only those, are read again with
// Tesseract's Japanese model, and its reading is kept when it shows kana: evidence of the
// language, where a guess from the gaps alone could be a wide space in a Chinese line.
import type { SecondScriptConfig } from './config.js';
import type { RgbImage } from './raster.js';
import type { Quad } from './geometry.js';
import { growQuad, lineGeometry, quarterTurnQuad, straightenQuad } from './crop.js';
import { encodePng } from './image.js';
import type { RecognizedText } from './recognize.js';
import type { TesseractReader } from './tesseract.js';

export interface SecondScriptLine {
  /** As the recognizer read it (vertical columns already turned to read top to bottom). */
  quad: Quad;
  direction: 'horizontal' | 'vertical';
}

export interface SecondScriptOutput {
  /** For each line, Tesseract's reading where it replaces the recognizer's; undefined elsewhere. */
  readings: (string | undefined)[];
  /** Lines read again (0 on a page without such gaps: the pass cost nothing). */
  reread: number;
  elapsedMs: number;
}

const kana = /[\u3041-\u3096\u30a1-\u30fa\u30fc\u31f0-\u31ff\u30fd\u30fe\u309d\u309e]/gu;
const han = /[\u3400-\u4dbf\u4e00-\u9fff]/u;
const latinLetter = /[A-Za-z]/gu;

export class SecondScriptPass {
  constructor(
    private readonly reader: TesseractReader,
    private readonly config: SecondScriptConfig,
  ) {}

  async run(image: RgbImage, lines: readonly SecondScriptLine[], recognized: readonly RecognizedText[]): Promise<SecondScriptOutput> {
    const started = performance.now();
    const readings: (string | undefined)[] = new Array(lines.length).fill(undefined);
    let reread = 0;
    let accepted = 0;
    // Lines before columns: one Tesseract worker lives at a time, so each model loads once a page.
    const candidates = [...lines.keys()]
      .filter((i) => this.hasUnreadGlyphs(lines[i]!.quad, recognized[i]!))
      .sort((a, b) => Number(lines[a]!.direction === 'vertical') - Number(lines[b]!.direction === 'vertical'));
    for (const i of candidates) {
      // A page is Japanese or not: when the first lines read again show no kana, the gaps were
      // something else (placeholders cut out of UI strings, a page upside down), and the rest
      // of the page is not worth a second reading.
      if (!accepted && reread >= this.config.probeLines) break;
      const line = lines[i]!;
      reread++;
      const vertical = line.direction === 'vertical';
      // jpn_vert reads a column upright; the recognizer's quad lies it on its side.
      // Room around a line helps Tesseract; around a column it would take in the next column.
      const quad = vertical ? quarterTurnQuad(quarterTurnQuad(quarterTurnQuad(line.quad))) : growQuad(line.quad, this.config.margin);
      const picture = straightenQuad(image, quad, vertical ? Math.round(this.config.pictureHeight * lineGeometry(quad).thickness / Math.max(1, lineGeometry(quad).length)) : this.config.pictureHeight);
      const reading = await this.reader.read(await encodePng(picture), vertical ? 'jpn_vert' : 'jpn');
      const kanaCount = reading.text.match(kana)?.length ?? 0;
      if (this.isJapanese(reading, kanaCount, recognized[i]!.text)) {
        readings[i] = withoutSpacesInCjk(reading.text);
        accepted++;
      }
    }
    return { readings, reread, elapsedMs: performance.now() - started };
  }

  /**
   * Kana are the evidence: two at a fair confidence, or one where Tesseract is sure. A line the
   * first reader read as Latin letters needs more: kana for a good share of what Tesseract read
   * (its Japanese model sees the odd katakana in capitals, ヒ for a serifed E).
   */
  private isJapanese(reading: { text: string; confidence: number }, kanaCount: number, first: string): boolean {
    if (reading.confidence < this.config.minConfidence) return false;
    if (isMostlyLatin(first)) {
      return kanaCount >= this.config.minKana && kanaCount >= this.config.minKanaShareInLatin * [...reading.text.replace(/\s/g, '')].length;
    }
    return kanaCount >= this.config.minKana || (kanaCount >= 1 && reading.confidence >= this.config.sureConfidence);
  }

  /**
   * Nothing read at all, a reading the recognizer doubts, or a stretch with no character read: the middles of two neighbouring
   * characters (or a line's end and the nearest character) further apart than `maxGapEm` text
   * heights. Neighbouring Han characters stand one apart, Latin ones closer, a word space
   * adds about a third: only glyphs the recognizer could not read open a wider stretch.
   */
  private hasUnreadGlyphs(quad: Quad, text: RecognizedText): boolean {
    const { length, thickness } = lineGeometry(quad);
    if (length < thickness * this.config.minAspect) return false;
    if (!text.text.trim()) return true;
    // Katakana often read as look-alike Han radicals, with little confidence.
    if (text.score < this.config.doubtfulScore && han.test(text.text)) return true;
    // The detector's box stands off the ink on every side: the text is thinner than the box.
    const em = thickness / this.config.boxToTextHeight;
    const pad = (thickness - em) / 2 / length;
    const middles = [pad - 0.5 * (em / length), ...text.chars.filter((c) => c.char !== ' ').map((c) => (c.start + c.end) / 2), 1 - pad + 0.5 * (em / length)];
    // Latin text has wider gaps of its own (tabs, spaced capitals): there it takes more.
    const maxGap = isMostlyLatin(text.text) ? this.config.maxGapEmInLatin : this.config.maxGapEm;
    for (let i = 1; i < middles.length; i++) if (((middles[i]! - middles[i - 1]!) * length) / em > maxGap) return true;
    return false;
  }
}

/** Tesseract sets spaces between Japanese words; a Japanese line has none between its characters. */
function withoutSpacesInCjk(text: string): string {
  return text.replace(/(?<=[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]) +(?=[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef])/gu, '');
}

/** Most of the (non-space) characters are Latin letters. */
function isMostlyLatin(text: string): boolean {
  const letters = text.match(latinLetter)?.length ?? 0;
  return letters * 2 > [...text.replace(/\s/g, '')].length;
}
