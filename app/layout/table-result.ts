// A table as the Open API's `result` (type 2, `resultType` 2).
import { ResultType, type OcrResult, type TextCellInfo } from '../protocol/types.js';
import { applyTextOptions, type TextOptions } from '../text/options.js';
import type { Box } from './types.js';
import type { Table, TableCell } from './table.js';
import { toLocation } from './result.js';
import { detectLanguage } from './lang.js';

/**
 * The table's cells as full rows: every row `colCount` long, a merged cell's text at its
 * top-left position and '' in the positions it covers, as a spreadsheet holds it.
 */
export function tableRows(table: Table): string[][] {
  const rows = Array.from({ length: table.rowCount }, () => new Array<string>(table.colCount).fill(''));
  for (const cell of table.cells) rows[cell.row]![cell.col] = cell.text;
  return rows;
}

/**
 * - `spiltText`: the rows as a JSON array of arrays of cell texts (the guide's table form);
 * - `autoText`: the rows tab-separated, one a line (pastes into any spreadsheet);
 * - `verticalText`/`spiltLocText`: every cell with its box, row, column and spans;
 * - `downloadHtml`: the table as HTML, header row first, merged cells spanning.
 */
export function tableResult(table: Table, pageIndex = 0): OcrResult {
  const rows = tableRows(table);
  const autoText = rows.map((row) => row.map((text) => text.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n');
  const cells = JSON.stringify(
    table.cells.map((cell): TextCellInfo => ({
      words: cell.text,
      pageIndex,
      location: toLocation(cell.box),
      row: cell.row,
      col: cell.col,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
    })),
  );
  return {
    autoText,
    spiltText: JSON.stringify(rows),
    spiltLocText: cells,
    verticalText: cells,
    lang: detectLanguage(rows.flat().join('\n')),
    resultType: ResultType.table,
    downloadHtml: tableHtml(table),
  };
}

/**
 * The table as an HTML `<table>`: text above the grid as its caption, the grid's first row as
 * the header, spans as colspan/rowspan.
 */
export function tableHtml(table: Table): string {
  const byRow = new Map<number, TableCell[]>();
  for (const cell of table.cells) byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell]);
  const rowHtml = (row: number, tag: 'th' | 'td') => {
    const cells = (byRow.get(row) ?? []).sort((a, b) => a.col - b.col);
    const html = cells.map((c) => {
      const spans = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
      return `<${tag}${spans}>${escapeHtml(c.text)}</${tag}>`;
    });
    return `<tr>${html.join('')}</tr>`;
  };
  const header = table.captionRows;
  const caption = table.cells.filter((c) => c.row < header).map((c) => escapeHtml(c.text));
  const body = Array.from({ length: table.rowCount - header - 1 }, (_, i) => rowHtml(header + 1 + i, 'td'));
  const captionHtml = caption.length ? `<caption>${caption.join('<br>')}</caption>` : '';
  return `<table>${captionHtml}<thead>${rowHtml(header, 'th')}</thead><tbody>${body.join('')}</tbody></table>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The text options applied to every cell. */
export function withTableTextOptions(table: Table, options: TextOptions): Table {
  if (!options.half && !options.symbol && !options.space) return table;
  return { ...table, cells: table.cells.map((c) => ({ ...c, text: applyTextOptions(c.text, options) })) };
}

/** The same table with every cell box moved by `map` (e.g. back out of a rotation). */
export function mapTableBoxes(table: Table, map: (box: Box) => Box): Table {
  return { ...table, cells: table.cells.map((c) => ({ ...c, box: map(c.box) })) };
}
