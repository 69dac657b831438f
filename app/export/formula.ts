// A formula result as people use it elsewhere: MathML (Word and LibreOffice take it pasted),
// and a page that typesets it with KaTeX from the server's own copy of KaTeX's styles and
// fonts, so it renders offline.
import katex from 'katex';

/** The formula as a MathML `<math>` element; null when KaTeX cannot parse the LaTeX. */
export function formulaMathMl(latex: string): string | null {
  try {
    return katex
      .renderToString(latex, { displayMode: true, output: 'mathml', throwOnError: true })
      .replace(/^<span class="katex">|<\/span>$/g, '');
  } catch {
    return null;
  }
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A whole page showing the formula typeset, with its LaTeX beneath; `stylesheet` is KaTeX's CSS URL. */
export function formulaPage(latex: string, stylesheet: string): string {
  const typeset = katex.renderToString(latex, { displayMode: true, output: 'htmlAndMathml', throwOnError: false });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Formula</title><link rel="stylesheet" href="${escapeHtml(stylesheet)}">
<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}
.formula{font-size:1.4rem;padding:1rem;border:1px solid #ddd;border-radius:6px;overflow-x:auto}
pre{white-space:pre-wrap;word-break:break-all;background:#f5f5f5;padding:.75rem;border-radius:6px}</style></head>
<body><div class="formula">${typeset}</div><h2>LaTeX</h2><pre>${escapeHtml(latex)}</pre></body></html>
`;
}

/** The `downloadHtml` snippet: the formula's MathML, for pasting into a word processor, and a link to its page. */
export function formulaSnippet(latex: string, viewUrl: string): string {
  const mathMl = formulaMathMl(latex);
  return `${mathMl ?? `<pre>${escapeHtml(latex)}</pre>`}\n<p><a href="${escapeHtml(viewUrl)}">Open the formula page</a></p>`;
}
