import katex from 'katex';

/**
 * The MathML KaTeX typesets `latex` to, without what does not change the formula (spacing and
 * stretch attributes, grouping rows, the source annotation); null when it does not parse.
 * Two LaTeX strings for one formula (x^2 and x^{2}) give the same string, as in the bench's scorer.
 */
export function typesetForm(latex: string): string | null {
  try {
    return katex
      .renderToString(latex, { output: 'mathml', throwOnError: true, displayMode: true })
      .replace(/<annotation[^>]*>[\s\S]*?<\/annotation>/g, '')
      .replace(/\s(?:stretchy|fence|separator|lspace|rspace|mathvariant|form)="[^"]*"/g, '')
      .replace(/<mrow>|<\/mrow>/g, '');
  } catch {
    return null;
  }
}
