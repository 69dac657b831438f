// A paragraph's translation laid back over the paragraph's lines: the translation is read as a
// whole (a sentence broken over lines translates badly line by line), then cut into as many
// pieces as there were lines, each piece as long, in proportion, as its line was. Words are
// not cut where the translation has spaces; text without spaces (Chinese, Japanese) is cut
// between characters.

/** `translation` in `lineLengths.length` pieces, in proportion to the lengths; none empty while words last. */
export function spreadOverLines(translation: string, lineLengths: readonly number[]): string[] {
  const count = lineLengths.length;
  if (count <= 1) return count ? [translation.trim()] : [];
  const text = translation.trim();
  const spaced = /\s/.test(text);
  const units = spaced ? text.split(/\s+/) : [...text];
  const glue = spaced ? ' ' : '';
  const total = lineLengths.reduce((a, b) => a + Math.max(1, b), 0);
  const unitLengths = units.map((u) => u.length + glue.length);
  const all = unitLengths.reduce((a, b) => a + b, 0);
  const pieces: string[][] = Array.from({ length: count }, () => []);
  let line = 0;
  let sourceSoFar = Math.max(1, lineLengths[0]!);
  let used = 0;
  for (const [i, unit] of units.entries()) {
    // Move to the next line once this one has its share, keeping a unit for each line after it.
    const unitsLeft = units.length - i;
    const linesLeft = count - line - 1;
    while (
      line < count - 1 &&
      pieces[line]!.length > 0 &&
      (used + unitLengths[i]! / 2 > (all * sourceSoFar) / total || unitsLeft <= linesLeft)
    ) {
      line++;
      sourceSoFar += Math.max(1, lineLengths[line]!);
    }
    pieces[line]!.push(unit);
    used += unitLengths[i]!;
  }
  return pieces.map((p) => p.join(glue));
}
