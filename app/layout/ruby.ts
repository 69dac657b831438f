// Japanese ruby (furigana): the readings set in small kana over the kanji of a line. The
// detector finds them as lines of their own, and read in their place they would stand between
// the lines they annotate (漢字の読み方 / かんじ よ かた). A reader copies the text, not its
// readings: a line of small kana just over a line with kanji, within its width, is dropped.
import { bottom, centreY, right, type TextLine } from './types.js';

export interface RubyConfig {
  /** A ruby line's box is at most this share of its base line's height (its glyphs are half, its box's margins not). */
  maxHeightShare: number;
  /** Its bottom stands at most this share of the base's height above the base's top. */
  maxGapShare: number;
  /** Share of its characters that are kana (the reading), the rest misread as look-alikes. */
  minKanaShare: number;
  /** A line of at most this many characters, none of them Han, over a Japanese line is its misread reading. */
  maxMisreadLength: number;
}

// Measured on ruby drawn by Chromium at 24-32 px: the readings' boxes are 0.70-0.83 of the
// base's and overlap its top by a few pixels.
export const defaultRubyConfig: RubyConfig = {
  maxHeightShare: 0.9,
  maxGapShare: 0.35,
  minKanaShare: 0.8,
  maxMisreadLength: 4,
};

const kana = /[\u3041-\u3096\u30a1-\u30fa\u30fc]/u;
const kanaAll = new RegExp(kana.source, 'gu');
const han = /[\u3400-\u4dbf\u4e00-\u9fff]/u;

function rubyOver(line: TextLine, base: TextLine, config: RubyConfig): boolean {
  if (line === base || base.direction !== 'horizontal' || !han.test(base.text)) return false;
  const { height } = base.box;
  const slack = 0.5 * height;
  return (
    line.box.height <= config.maxHeightShare * height &&
    centreY(line.box) < base.box.top &&
    base.box.top - bottom(line.box) <= config.maxGapShare * height &&
    line.box.left >= base.box.left - slack &&
    right(line.box) <= right(base.box) + slack
  );
}

/** The lines less the ruby over other lines. */
export function dropRuby(lines: readonly TextLine[], config = defaultRubyConfig): TextLine[] {
  return lines.filter((line) => {
    if (line.direction !== 'horizontal') return true;
    const letters = [...line.text.replace(/\s/g, '')];
    const kanaCount = line.text.match(kanaAll)?.length ?? 0;
    // Readings too small for either reader come out as a few Latin look-alikes (にほんご: "h").
    const misread = !han.test(line.text) && letters.length <= config.maxMisreadLength;
    if (!letters.length || (kanaCount < config.minKanaShare * letters.length && !misread)) return true;
    return !lines.some((base) => rubyOver(line, base, config) && (!misread || kana.test(base.text)));
  });
}
