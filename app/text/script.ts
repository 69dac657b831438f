// Which writing system a character belongs to, for the decisions a typist makes about spaces.

/** Han ideographs, kana, Hangul, and CJK punctuation: scripts written without spaces between words. */
export function isCjk(char: string): boolean {
  const c = char.codePointAt(0) ?? 0;
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0x3400 && c <= 0x4dbf) || // extension A
    (c >= 0x20000 && c <= 0x2ebef) || // extensions B-F
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0x3000 && c <= 0x30ff) || // CJK punctuation, hiragana, katakana
    (c >= 0x31f0 && c <= 0x31ff) || // katakana extensions
    (c >= 0xac00 && c <= 0xd7af) || // Hangul syllables
    (c >= 0xff00 && c <= 0xffef) // full-width forms
  );
}

/** Does a space belong between text ending in `before` and text starting with `after`, when they are apart on the page? */
export function spaceBetween(before: string, after: string): boolean {
  const a = lastChar(before);
  const b = firstChar(after);
  if (!a || !b) return false;
  if (isCjk(a) && isCjk(b)) return false;
  return true;
}

export const lastChar = (s: string) => [...s.trimEnd()].pop() ?? '';
export const firstChar = (s: string) => [...s.trimStart()][0] ?? '';

/** The common Han ideographs (unified ideographs and extension A): what Chinese text is counted in. */
export function isCommonHan(char: string): boolean {
  const c = char.codePointAt(0) ?? 0;
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** Han ideographs, kana and Hangul: the letters of CJK text (not its punctuation). */
export function isCjkLetter(char: string): boolean {
  const c = char.codePointAt(0) ?? 0;
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x20000 && c <= 0x2ebef) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3040 && c <= 0x30ff && c !== 0x30fb) || // kana, not the middle dot
    (c >= 0x31f0 && c <= 0x31ff) ||
    (c >= 0xac00 && c <= 0xd7af)
  );
}

/**
 * CJK and full-width punctuation (、。，：；？！「」（）): their glyphs carry their own spacing.
 * Curly quotes, dashes and ellipses are not here: English uses them too.
 */
export function isCjkPunctuation(char: string): boolean {
  const c = char.codePointAt(0) ?? 0;
  return (
    (c >= 0x3000 && c <= 0x303f) ||
    c === 0x30fb ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65)
  );
}
