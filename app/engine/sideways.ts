// A page turned a quarter turn clockwise (a screenshot of a rotated window, a scan fed in
// sideways) shows its lines as columns that read top to bottom, and the recognizer reads
// each such column well: its crop, turned to read along, holds the glyphs upright. So the
// reading is confident, and the turned-page test (a poor reading) does not fire. But laid out
// as vertical text the columns go right to left, the page's own layout (a sidebar, the
// columns of a form) is lost, and long columns are cut where detection's strips meet. Such a
// page is read again, stood upright (engine.ts).

/** What the test needs of a reading's lines. */
export interface OrientedText {
  text: string;
  direction: 'horizontal' | 'vertical';
}

export interface SidewaysThresholds {
  sidewaysMinLatinWords: number;
  sidewaysMinLatinShare: number;
}

/** Most of the lines read are columns. */
export function mostlyStanding(lines: readonly OrientedText[]): boolean {
  return lines.filter((l) => l.direction === 'vertical').length * 2 > lines.length;
}

/**
 * Columns in the majority, and Latin words among them: vertical typesetting (Chinese,
 * Japanese) has next to none, so many are the sign of lines stood on end. On the bench's three
 * sets, sideways pages read 10-24 such words, vertical pages 0-2. The share keeps long columns
 * of Han with a handful of Latin names vertical. A sideways page of Chinese alone is not told
 * apart, and stays read as columns.
 */
export function looksSideways(lines: readonly OrientedText[], thresholds: SidewaysThresholds): boolean {
  if (!mostlyStanding(lines)) return false;
  const standing = lines.filter((l) => l.direction === 'vertical');
  const words = standing.flatMap((l) => l.text.match(/[A-Za-z]{3,}/g) ?? []);
  const inWords = words.reduce((sum, w) => sum + w.length, 0);
  const characters = standing.reduce((sum, l) => sum + [...l.text.replace(/\s/g, '')].length, 0);
  return words.length >= thresholds.sidewaysMinLatinWords && inWords >= thresholds.sidewaysMinLatinShare * characters;
}
