// Plain-text result files: TXT (tab-separated for a table) and Markdown (a GFM table).
import { fullRows, type ExportDocument, type TableDocument } from './document.js';

export function toTxt(doc: ExportDocument): string {
  if (doc.kind === 'text') return doc.paragraphs.join('\n') + '\n';
  if (doc.kind === 'formula') return doc.latex + '\n';
  return (
    fullRows(doc)
      .map((row) => row.map((cell) => cell.replace(/[\t\r\n]+/g, ' ')).join('\t'))
      .join('\n') + '\n'
  );
}

export function toMarkdown(doc: ExportDocument): string {
  if (doc.kind === 'text') return doc.paragraphs.map(escapeMarkdownText).join('\n\n') + '\n';
  // Display math, as GitHub, Obsidian, Typora and pandoc read it.
  if (doc.kind === 'formula') return `$$\n${doc.latex}\n$$\n`;
  return markdownTable(doc);
}

/**
 * A GFM table: caption rows as a paragraph above it, the grid's first row as the header. GFM
 * has no spans: a merged cell's text stands in its top-left position, the rest stay empty.
 */
function markdownTable(table: TableDocument): string {
  const rows = fullRows(table);
  const caption = rows.slice(0, table.captionRows).map((row) => escapeMarkdownText(row[0]!));
  const [header, ...body] = rows.slice(table.captionRows);
  const line = (row: readonly string[]) => `| ${row.map(escapeCell).join(' | ')} |`;
  const table_ = [line(header ?? []), `|${' --- |'.repeat(table.colCount)}`, ...body.map(line)].join('\n');
  return (caption.length ? caption.join('\n\n') + '\n\n' : '') + table_ + '\n';
}

function escapeCell(text: string): string {
  return escapeMarkdownText(text)
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

/** Characters that would start Markdown syntax where the screenshot had plain text. */
function escapeMarkdownText(text: string): string {
  return text
    .replace(/([\\`*_[\]<>])/g, '\\$1')
    .replace(/^(\s*)([#+-])(\s)/, '$1\\$2$3')
    .replace(/^(\s*\d+)\.(\s)/, '$1\\.$2');
}
