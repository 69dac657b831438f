// Japanese ruby (furigana): the readings set in small kana over the kanji of a line. The
// detector finds them as lines of their own, and read in their place they would stand between
// the lines they annotate (漢字の読み方 / かんじ よ かた). A reader copies the text, not its
// readings: a line of small kana whose box touches the top of a line with kanji right under
// it is dropped. The kanji under it tell ruby from the kana-only last line of a wrapped
// sentence set tight over the next one ("ありません" over "ソースリスト..."), which stands
// apart from it besides.
import { isCommonHan } from '../text/script.js';
import { bottom, centreY, right, type TextLine } from './types.js';

export interface RubyConfig {
  /** A ruby line's box is at most this share of its base line's height (its glyphs are half, its box's margins not). */
  maxHeightShare: number;
  /** Its bottom is at most this share of the base's height above the base's top: the boxes touch. */
  maxGapShare: number;
  /** Share of its characters that are kana (the reading), the rest misread as look-alikes. */
  minKanaShare: number;
  /** A line of at most this many characters, none of them Han, over a Japanese line is its misread reading. */
  maxMisreadLength: number;
  /** Share of the base's characters under it that are Han: readings stand over kanji (with the kana between them). */
  minHanUnder: number;
}

// Measured on ruby drawn by Chromium at 20-40 px: the readings' boxes are 0.39-0.89 of the
// base's and overlap its top by 0-12 px; a wrapped line's box over the next line's, 0.86 of
// it, stood 4 px (0.19 of its height) apart.
export const defaultRubyConfig: RubyConfig = {
  maxHeightShare: 0.9,
  maxGapShare: 0.05,
  minKanaShare: 0.8,
  maxMisreadLength: 4,
  minHanUnder: 0.3,
};

const kana = /[\u3041-\u3096\u30a1-\u30fa\u30fc]/u;
const kanaAll = new RegExp(kana.source, 'gu');
const hasHan = (text: string) => [...text].some(isCommonHan);

/**
 * The characters of `line` whose middles lie between `left` and `right`: from the recognizer's
 * boxes, or where a second reader's text has none, the text spread evenly over the line (CJK
 * glyphs are all one width).
 */
function charsBetween(line: TextLine, left: number, right: number): string[] {
  const placed = line.fragments.flatMap((f) => f.chars);
  if (placed.length)
    return placed
      .filter((c) => c.box.left + c.box.width / 2 >= left && c.box.left + c.box.width / 2 <= right)
      .map((c) => c.char);
  const chars = [...line.text.replace(/\s/g, '')];
  const step = line.box.width / Math.max(1, chars.length);
  return chars.filter((_, i) => {
    const middle = line.box.left + (i + 0.5) * step;
    return middle >= left && middle <= right;
  });
}

function rubyOver(line: TextLine, base: TextLine, config: RubyConfig): boolean {
  if (line === base || base.direction !== 'horizontal' || !hasHan(base.text)) return false;
  const { height } = base.box;
  const slack = 0.5 * height;
  if (!(
    line.box.height <= config.maxHeightShare * height &&
    centreY(line.box) < base.box.top &&
    base.box.top - bottom(line.box) <= config.maxGapShare * height &&
    line.box.left >= base.box.left - slack &&
    right(line.box) <= right(base.box) + slack
  ))
    return false;
  // Half a glyph more each side: a one-kana reading over one kanji, where the base's places are guessed.
  const under = charsBetween(base, line.box.left - slack, right(line.box) + slack);
  return under.length > 0 && under.filter(isCommonHan).length >= config.minHanUnder * under.length;
}

/** The lines less the ruby over other lines. */
export function dropRuby(lines: readonly TextLine[], config = defaultRubyConfig): TextLine[] {
  return lines.filter((line) => {
    if (line.direction !== 'horizontal') return true;
    const letters = [...line.text.replace(/\s/g, '')];
    const kanaCount = line.text.match(kanaAll)?.length ?? 0;
    // Readings too small for either reader come out as a few Latin look-alikes (にほんご: "h").
    const misread = !hasHan(line.text) && letters.length <= config.maxMisreadLength;
    if (!letters.length || (kanaCount < config.minKanaShare * letters.length && !misread)) return true;
    return !lines.some((base) => rubyOver(line, base, config) && (!misread || kana.test(base.text)));
  });
}
