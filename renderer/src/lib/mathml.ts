import katex from 'katex';

/** The formula as a MathML `<math>` element (what Word and LibreOffice take pasted); null if KaTeX cannot parse it. */
export function formulaMathMl(latex: string): string | null {
  try {
    return katex
      .renderToString(latex, { displayMode: true, output: 'mathml', throwOnError: true })
      .replace(/^<span class="katex">|<\/span>$/g, '');
  } catch {
    return null;
  }
}
