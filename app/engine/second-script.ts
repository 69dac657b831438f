// Stage 4 (only when needed): lines in a script the PP-OCRv4 dictionary lacks. The recognizer
// reads Japanese kana and Korean Hangul as nothing, so such a line comes back with wide unread
// gaps between the Han characters it did know, or empty. Those lines, and only those, are read
// again with Tesseract's Japanese or Korean model, and a reading is kept when it shows its
// script (kana, Hangul): evidence of the language, where a guess from the gaps alone could be a
// wide space in a Chinese line. The first language whose reading is kept serves the whole page.
import type { SecondScriptConfig, SecondScriptLanguage } from './config.js';
import type { Quad } from './geometry.js';
import { growQuad, lineGeometry, quarterTurnQuad, straightenQuad } from './crop.js';
import { encodePng } from './image.js';
import { borderMode, toGray, type RgbImage } from './raster.js';
import type { RecognizedChar, RecognizedText } from './recognizer.js';
import type { LineReading, SecondLanguage, TesseractReader } from './tesseract.js';
import { fillUnknownCharacters, readingDistance } from './reading-merge.js';
import { measureLineInk } from './spacing.js';
import { latinLanguageOf, latinLanguages, withoutAccents, type LatinLanguage } from '../text/latin-languages.js';
import { isTraditionalChinese } from '../text/traditional-chinese.js';

export interface SecondScriptLine {
  /** As the recognizer read it (vertical columns already turned to read top to bottom). */
  quad: Quad;
  direction: 'horizontal' | 'vertical';
}

export interface SecondScriptOutput {
  /** For each line, Tesseract's reading where it replaces the recognizer's; undefined elsewhere. */
  readings: (string | undefined)[];
  /** For each line, the recognizer's reading with the characters it lacks filled in (Traditional Chinese); undefined elsewhere. */
  corrected: (RecognizedText | undefined)[];
  /** Lines read again (0 on a page without such gaps: the pass cost nothing). */
  reread: number;
  elapsedMs: number;
}

const kana = /[\u3041-\u3096\u30a1-\u30fa\u30fc\u31f0-\u31ff\u30fd\u30fe\u309d\u309e]/gu;
const han = /[\u3400-\u4dbf\u4e00-\u9fff]/u;
const hangul = /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/gu;
const latinLetter = /[A-Za-z]/gu;
const cyrillicLetter = /\p{Script=Cyrillic}/gu;

/**
 * What the recognizer makes of a Cyrillic line: its few Cyrillic letters (И Я Й З г П) among
 * Latin look-alikes, with capitals inside words where Cyrillic shapes look like Latin capitals
 * (HaCTpouKИ for Настройки). English text has neither.
 */
export function looksLikeMisreadCyrillic(text: string): boolean {
  const words = text.match(/[\p{L}]{3,}/gu) ?? [];
  if (!words.length) return false;
  if (/[ИЯЙЗгП]/u.test(text) && words.some((w) => /[a-z]/.test(w))) return true;
  // Code has camelCase words of its own (parseInt, someValue): a line with code punctuation is code.
  if (/[=(){};<>[\]]/.test(text)) return false;
  // Prose naming identifiers (Raise SyntaxError or ValueError if the ...) is English: its small
  // words say so, and jumbled Cyrillic spells none of them (не, на, по read He, Ha, no).
  const englishWords = text.toLowerCase().match(/\b(?:the|is|are|if|or|and|of|for|with|this|that|an)\b/g)?.length ?? 0;
  if (englishWords >= 2) return false;
  // A capital inside a word with small letters after it (yAanocb), or two capitals after small
  // letters (oTKpbITb). Brand names have one such word a line (iPhone, QuickTime), not half.
  const jumbled = words.filter((w) => /[a-z][A-Z][a-z]/.test(w) || (w.match(/[a-z][A-Z]/g)?.length ?? 0) >= 2);
  return jumbled.length >= 2 && jumbled.length >= words.length * 0.5;
}

/** The vertical models Tesseract has, for the languages that are set in columns. */
const verticalModels: Partial<Record<SecondScriptLanguage, SecondLanguage>> = {
  jpn: 'jpn_vert',
  chi_tra: 'chi_tra_vert',
};

export class SecondScriptPass {
  constructor(
    private readonly reader: TesseractReader,
    private readonly config: SecondScriptConfig,
    /** Whether the recognizer's dictionary holds a character. */
    private readonly recognizerKnows: (char: string) => boolean,
  ) {}

  async run(
    image: RgbImage,
    lines: readonly SecondScriptLine[],
    recognized: readonly RecognizedText[],
    /**
     * Each line's text with its word spaces put back from the pixels (undefined where it was
     * dropped): a JPEG can hide every space from the recognizer, and English read as one
     * word (DemocraticPeople'sRepublic) has the inner capitals of misread Cyrillic.
     */
    spaced: readonly (string | undefined)[] = [],
  ): Promise<SecondScriptOutput> {
    const started = performance.now();
    const readings: (string | undefined)[] = new Array(lines.length).fill(undefined);
    let reread = 0;
    // Which languages each line may be in: unread stretches say kana or Hangul; Latin letters in
    // disorder (HaCTpouKИ) say Cyrillic read with the look-alike letters the dictionary has.
    // French, German, Spanish, Italian or Portuguese is a page's, told by its common words: the
    // letters alone are Latin to the recognizer, which reads them without their accents.
    const pageLatin = latinLanguageOf(recognized.map((r) => r.text).join('\n'));
    const cjkRead = recognized.some((r) => han.test(r.text) || r.text.match(kana) !== null);
    const suspects = lines.map((line, i) =>
      this.suspectedLanguages(image, line, recognized[i]!, spaced[i] ?? recognized[i]!.text, pageLatin, cjkRead),
    );
    // Lines before columns, so that a page of both reads its lines' model, then the columns'.
    const candidates = [...lines.keys()]
      .filter((i) => suspects[i]!.length)
      .sort((a, b) => Number(lines[a]!.direction === 'vertical') - Number(lines[b]!.direction === 'vertical'));
    // A page is in one such language or none: each language is tried on its first few suspect
    // lines only (one language after another, as the one Tesseract worker switches in about
    // 0.3 s), and when none shows its script there, the gaps were something else and the rest
    // of the page is not worth a second reading.
    let language: SecondScriptLanguage | undefined;
    const doubted: { i: number; language: SecondScriptLanguage; reading: LineReading }[] = [];
    const take = (i: number, tried: SecondScriptLanguage, reading: LineReading) => {
      readings[i] = tried === 'jpn' ? withoutSpacesInCjk(reading.text) : tidyCyrillic(reading.text.trim(), tried);
    };
    const tryLine = async (i: number, tried: SecondScriptLanguage) => {
      reread++;
      const reading = await this.readLine(image, lines[i]!, tried);
      if (!this.shows(tried, reading, recognized[i]!.text, this.config.minConfidence)) {
        doubted.push({ i, language: tried, reading });
        return false;
      }
      take(i, tried, reading);
      return true;
    };
    for (const tried of this.config.languages) {
      // A Latin language is already told by the page's words, and a line without accents
      // proves nothing: every line of it is read.
      const suspected = candidates.filter((i) => suspects[i]!.includes(tried));
      const probes = isLatinLanguage(tried) ? suspected : suspected.slice(0, this.config.probeLines);
      for (const i of probes) if (await tryLine(i, tried)) language = tried;
      if (!language) continue;
      // The page is in this language: its other suspect lines are read in it too.
      for (const i of suspected.slice(probes.length)) await tryLine(i, tried);
      break;
    }
    // Once the page's language is known, a line read in it less surely than the first evidence
    // asked for is still far better read than by a recognizer that lacks the script.
    for (const { i, language: tried, reading } of doubted) {
      if (
        tried === language &&
        readings[i] === undefined &&
        this.shows(tried, reading, recognized[i]!.text, this.config.minConfidenceOnceKnown)
      )
        take(i, tried, reading);
    }
    // On a Japanese page, a lone glyph the recognizer read as nothing or one character (the た
    // that ends a wrapped line or column) is most likely kana: read it too. Layout puts a
    // glyph among columns in its place (app/layout/layout.ts); there it is read as a column of
    // its own, so that a た stacked over its 。 is read whole.
    if (language === 'jpn') {
      const amongColumns = lines.some((l) => l.direction === 'vertical');
      for (const [i, line] of lines.entries()) {
        if (readings[i] !== undefined || suspects[i]!.length) continue;
        const { length, thickness } = lineGeometry(line.quad);
        if (length >= thickness * this.config.minAspect || [...recognized[i]!.text.trim()].length > 1) continue;
        reread++;
        const asRead =
          amongColumns && line.direction === 'horizontal'
            ? { quad: quarterTurnQuad(line.quad), direction: 'vertical' as const }
            : line;
        const reading = await this.readLine(image, asRead, 'jpn');
        const text = reading.text.trim();
        if (reading.confidence >= this.config.minConfidenceOnceKnown && text.match(kana) && [...text].length <= 3)
          readings[i] = text;
      }
    }
    const traditional = language ? { corrected: [], read: 0 } : await this.fillTraditional(image, lines, recognized);
    reread += traditional.read;
    return { readings, corrected: traditional.corrected, reread, elapsedMs: performance.now() - started };
  }

  /**
   * On a Traditional Chinese page (its reading shows it, or the language is pinned), every line
   * with Han characters is read again with Tesseract's Traditional model, and the characters
   * the recognizer's dictionary lacks are taken from that reading (reading-merge.ts): per
   * line, the corrected reading where it changed, and how many lines were read.
   */
  private async fillTraditional(
    image: RgbImage,
    lines: readonly SecondScriptLine[],
    recognized: readonly RecognizedText[],
  ): Promise<{ corrected: (RecognizedText | undefined)[]; read: number }> {
    const { languages } = this.config;
    const pinned = languages.length === 1 && languages[0] === 'chi_tra';
    const corrected: (RecognizedText | undefined)[] = new Array(lines.length).fill(undefined);
    if (!languages.includes('chi_tra') || !(pinned || isTraditionalChinese(recognized.map((r) => r.text).join(''))))
      return { corrected, read: 0 };
    let read = 0;
    for (const [i, line] of lines.entries()) {
      const first = recognized[i]!;
      if (!han.test(first.text)) continue;
      read++;
      const reading = await this.readLine(image, line, 'chi_tra');
      const text = withoutSpacesInCjk(reading.text);
      const faithful =
        readingDistance(text, first.text) <=
        this.config.maxTraditionalDifference * Math.max([...text].length, first.chars.length);
      if (reading.confidence < this.config.minConfidenceOnceKnown || !faithful) continue;
      // Neighbouring Han characters stand one text height apart, middle to middle (1.0-1.6 as
      // the recognizer places them); two or more is a character it dropped (2.4-2.9 measured).
      const em = this.textHeight(image, line.quad) / Math.max(1, lineGeometry(line.quad).length);
      const unread = (before: RecognizedChar, after: RecognizedChar) =>
        (after.start + after.end - before.start - before.end) / 2 > this.config.droppedCharacterGapEm * em;
      const filled = fillUnknownCharacters(first, text, this.recognizerKnows, reading.confidence / 100, unread);
      if (filled !== first) corrected[i] = filled;
    }
    return { corrected, read };
  }

  /**
   * The height of a line's text, in image pixels. The detector's box stands off the ink on
   * every side, by a share that varies (HiDPI boxes hug their text closer): where the line's
   * ink can be measured and is taller than the box's usual share, it is the text's height.
   * From the box alone, HiDPI Chinese lines read whole looked gapped, and woke the second
   * reader on 18 of 37 such pages.
   */
  private textHeight(image: RgbImage, quad: Quad): number {
    return Math.max(
      lineGeometry(quad).thickness / this.config.boxToTextHeight,
      measureLineInk(image, quad)?.inkHeight ?? 0,
    );
  }

  private suspectedLanguages(
    image: RgbImage,
    line: SecondScriptLine,
    text: RecognizedText,
    spacedText: string,
    pageLatin: LatinLanguage | undefined,
    /** Whether the recognizer read any Han or kana on the page. */
    cjkRead: boolean,
  ): SecondScriptLanguage[] {
    const vertical = line.direction === 'vertical';
    // Japanese and Korean ask the same of a line: measured once for both.
    let unread: boolean | undefined;
    return this.config.languages.filter((language) => {
      // Traditional Chinese is read page by page (fillTraditional), not line by suspect line.
      if (language === 'chi_tra') return false;
      // Tesseract has no vertical Korean, Cyrillic or Latin models; they are set across nearly always.
      if (vertical && !verticalModels[language]) return false;
      if (isLatinLanguage(language)) return language === pageLatin && isMostlyLatin(text.text);
      return language === 'ukr'
        ? looksLikeMisreadCyrillic(spacedText)
        : (unread ??= this.hasUnreadGlyphs(image, line.quad, text, cjkRead));
    });
  }

  private async readLine(image: RgbImage, line: SecondScriptLine, language: SecondScriptLanguage) {
    const vertical = line.direction === 'vertical';
    // jpn_vert reads a column upright; the recognizer's quad lies it on its side.
    // Room around a line helps Tesseract; around a column it would take in the next column.
    const quad = vertical
      ? quarterTurnQuad(quarterTurnQuad(quarterTurnQuad(line.quad)))
      : growQuad(line.quad, this.config.margin);
    const { thickness, length } = lineGeometry(quad);
    const picture = straightenQuad(
      image,
      quad,
      vertical ? Math.round((this.config.pictureHeight * thickness) / Math.max(1, length)) : this.config.pictureHeight,
    );
    return this.reader.read(await encodePng(picture), vertical ? (verticalModels[language] ?? language) : language);
  }

  private shows(language: SecondScriptLanguage, reading: LineReading, first: string, minConfidence: number): boolean {
    if (reading.confidence < minConfidence) return false;
    if (language === 'kor') return this.isKorean(reading);
    if (language === 'ukr') return this.isCyrillic(reading);
    if (isLatinLanguage(language)) return this.isFaithfulLatin(reading, first);
    return this.isJapanese(reading, reading.text.match(kana)?.length ?? 0, first);
  }

  /**
   * A Latin reading is taken for its accents only: without them it must say what the first
   * reader read (which reads everything else at least as well), to within a few characters.
   */
  private isFaithfulLatin(reading: LineReading, first: string): boolean {
    // Nothing beyond ASCII: no accent to add, and the first reading stands.
    if (!/\P{ASCII}/u.test(reading.text)) return false;
    const bare = (text: string) => withoutAccents(text).replace(/\s+/g, '');
    const [a, b] = [bare(reading.text), bare(first)];
    return editDistance(a, b) <= this.config.maxLatinDifference * Math.max(a.length, b.length);
  }

  /** Cyrillic letters are the evidence: most of the letters read, at a fair confidence. */
  private isCyrillic(reading: LineReading): boolean {
    const cyrillic = reading.text.match(cyrillicLetter)?.length ?? 0;
    const letters = reading.text.match(/\p{L}/gu)?.length ?? 0;
    return cyrillic >= 3 && cyrillic >= 0.6 * letters;
  }

  /** Hangul are the evidence: a few, and most of what was read, at a fair confidence. */
  private isKorean(reading: LineReading): boolean {
    const hangulCount = reading.text.match(hangul)?.length ?? 0;
    return (
      hangulCount >= this.config.minHangul &&
      hangulCount >= this.config.minHangulShare * [...reading.text.replace(/[\s\p{P}\d]/gu, '')].length
    );
  }

  /**
   * Kana are the evidence: two at a fair confidence, or one where Tesseract is sure. A line the
   * first reader read as Latin letters needs more: kana for a good share of what Tesseract read
   * (its Japanese model sees the odd katakana in capitals, ヒ for a serifed E).
   */
  private isJapanese(reading: LineReading, kanaCount: number, first: string): boolean {
    if (isMostlyLatin(first)) {
      return (
        kanaCount >= this.config.minKana &&
        kanaCount >= this.config.minKanaShareInLatin * [...reading.text.replace(/\s/g, '')].length
      );
    }
    return kanaCount >= this.config.minKana || (kanaCount >= 1 && reading.confidence >= this.config.sureConfidence);
  }

  /**
   * Nothing read at all, a reading the recognizer doubts, or a stretch with no character read: the middles of two neighbouring
   * characters (or a line's end and the nearest character) further apart than `maxGapEm` text
   * heights. Neighbouring Han characters stand one apart, Latin ones closer, a word space
   * adds about a third: only glyphs the recognizer could not read open a wider stretch.
   */
  private hasUnreadGlyphs(image: RgbImage, quad: Quad, text: RecognizedText, cjkRead: boolean): boolean {
    const { length, thickness } = lineGeometry(quad);
    if (length < thickness * this.config.minAspect) return false;
    if (!text.text.trim()) return true;
    // Katakana often read as look-alike Han radicals, with little confidence.
    if (text.score < this.config.doubtfulScore && han.test(text.text)) return true;
    const em = this.textHeight(image, quad);
    const pad = (thickness - em) / 2 / length;
    const middles = [
      pad - 0.5 * (em / length),
      ...text.chars.filter((c) => c.char !== ' ').map((c) => (c.start + c.end) / 2),
      1 - pad + 0.5 * (em / length),
    ];
    // Latin text has wider gaps of its own (tabs, spaced capitals): there it takes more.
    const maxGap = !isMostlyLatin(text.text)
      ? this.config.maxGapEm
      : cjkRead
        ? this.config.maxGapEmInLatin
        : this.config.maxGapEmOnLatinPage;
    let inkColumns: Uint8Array | undefined;
    for (let i = 1; i < middles.length; i++) {
      if (((middles[i]! - middles[i - 1]!) * length) / em <= maxGap) continue;
      inkColumns ??= this.inkColumns(image, quad);
      // Between the two characters read, clear of their ink (wide glyphs run a quarter of a
      // text height past the half-height each side): what lies there was not read.
      const from = Math.max(0, Math.round((middles[i - 1]! + (0.75 * em) / length) * inkColumns.length));
      const to = Math.min(inkColumns.length, Math.round((middles[i]! - (0.75 * em) / length) * inkColumns.length));
      let inked = 0;
      for (let x = from; x < to; x++) inked += inkColumns[x]!;
      if (to > from && inked >= 2 && inked >= this.config.minGapInkShare * (to - from)) return true;
    }
    return false;
  }

  /** For each column of the line straightened (about one per pixel along it), 1 where it shows ink. */
  private inkColumns(image: RgbImage, quad: Quad): Uint8Array {
    const picture = straightenQuad(image, quad, Math.max(8, Math.min(32, Math.round(lineGeometry(quad).thickness))));
    const gray = toGray(picture);
    const background = borderMode(gray, picture.width, picture.height);
    const columns = new Uint8Array(picture.width);
    // The middle rows: the box's edges may graze the lines above and below.
    for (let y = Math.floor(picture.height * 0.2); y < Math.ceil(picture.height * 0.8); y++) {
      for (let x = 0; x < picture.width; x++) {
        if (Math.abs(gray[y * picture.width + x]! - background) > this.config.inkContrast) columns[x] = 1;
      }
    }
    return columns;
  }
}

/**
 * The Ukrainian model serves Russian too, but has no ы: it writes ьі or ьї there (sequences
 * Ukrainian never has), so those are ы again.
 */
function tidyCyrillic(text: string, language: SecondScriptLanguage): string {
  return language === 'ukr' ? text.replace(/ь[іїi]/gu, 'ы').replace(/Ь[ІЇI]/gu, 'Ы') : text;
}

/** Tesseract sets spaces between Japanese words; a Japanese line has none between its characters. */
function withoutSpacesInCjk(text: string): string {
  return text.replace(
    /(?<=[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]) +(?=[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef])/gu,
    '',
  );
}

/** Most of the (non-space) characters are Latin letters. */
function isMostlyLatin(text: string): boolean {
  const letters = text.match(latinLetter)?.length ?? 0;
  return letters * 2 > [...text.replace(/\s/g, '')].length;
}

const isLatinLanguage = (language: SecondScriptLanguage): language is LatinLanguage =>
  (latinLanguages as readonly string[]).includes(language);

/** Levenshtein distance between two strings, by code point. */
function editDistance(a: string, b: string): number {
  const [x, y] = [[...a], [...b]];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[y.length]!;
}
