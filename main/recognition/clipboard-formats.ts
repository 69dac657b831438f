// What goes to the clipboard for each kind of result: plain text always; a table also as HTML
// (so spreadsheets and word processors paste a grid) with TSV as its plain text.
import { ResultType, type OcrResponse } from '../../app/protocol/index.js';

export interface ClipboardContent {
  text: string;
  html?: string;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Table rows from `spiltText`, which in table mode is a JSON array of rows of cells. */
export function tableRows(response: OcrResponse): string[][] | undefined {
  if (response.result?.resultType !== ResultType.table || !response.result.spiltText) return undefined;
  try {
    const rows = JSON.parse(response.result.spiltText) as unknown;
    if (Array.isArray(rows) && rows.every((r) => Array.isArray(r)))
      return rows.map((r) => (r as unknown[]).map((c) => String(c ?? '')));
  } catch {
    // not a table after all: fall through to text
  }
  return undefined;
}

export function clipboardContent(response: OcrResponse): ClipboardContent {
  const rows = tableRows(response);
  if (rows) {
    // TSV cells cannot hold tabs or line breaks: spaces stand in for them.
    const text = rows.map((r) => r.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n');
    const html = `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</table>`;
    return { text, html };
  }
  // Text and formulas (LaTeX) alike: autoText is what a person wants to paste.
  return { text: response.result?.autoText ?? '' };
}
