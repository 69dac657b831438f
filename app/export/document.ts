// What a result file holds, read back from the Open API's own result (DESIGN: one wire
// format): every exporter works from the JSON the server answers, so a file written by the
// CLI, served by the server or saved by the app holds the same thing.
import { ResultType, type Box, type OcrResult, type TextCellInfo } from '../protocol/types.js';

export interface TextLine {
  text: string;
  box: Box;
  /** The page it is on (a PDF's pages; 0 for a screenshot). */
  pageIndex: number;
}

export interface TextDocument {
  kind: 'text';
  /** Paragraphs in reading order (`autoText`, one a line). */
  paragraphs: string[];
  /** Visual lines with their boxes in image pixels (`verticalText`). */
  lines: TextLine[];
}

export interface TableDocumentCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: Box;
}

export interface TableDocument {
  kind: 'table';
  rowCount: number;
  colCount: number;
  /** Every cell once, merged cells at their top-left position. */
  cells: TableDocumentCell[];
  /** Rows of text above the grid (a title): each one cell spanning the whole width. */
  captionRows: number;
}

export interface FormulaDocument {
  kind: 'formula';
  latex: string;
}

export type ExportDocument = TextDocument | TableDocument | FormulaDocument;

/** The document a finished result describes. */
export function documentOf(result: OcrResult): ExportDocument {
  if (result.resultType === ResultType.webPage) return { kind: 'formula', latex: result.autoText ?? '' };
  const items = JSON.parse(result.verticalText ?? '[]') as TextCellInfo[];
  if (result.resultType !== ResultType.table) {
    return {
      kind: 'text',
      paragraphs: (result.autoText ?? '').split('\n').filter((p) => p.trim()),
      lines: items
        .filter((i) => i.words.trim())
        .map((i) => ({ text: i.words, box: i.location, pageIndex: i.pageIndex ?? 0 })),
    };
  }
  const cells = items.map((i) => ({
    text: i.words,
    row: i.row ?? 0,
    col: i.col ?? 0,
    rowSpan: i.rowSpan ?? 1,
    colSpan: i.colSpan ?? 1,
    box: i.location,
  }));
  const rowCount = Math.max(0, ...cells.map((c) => c.row + c.rowSpan));
  const colCount = Math.max(0, ...cells.map((c) => c.col + c.colSpan));
  let captionRows = 0;
  // A leading row that is one cell over the whole width is the table's title, not its header.
  while (
    captionRows < rowCount - 1 &&
    cells.some((c) => c.row === captionRows && c.col === 0 && c.colSpan === colCount && c.rowSpan === 1)
  )
    captionRows++;
  return { kind: 'table', rowCount, colCount, cells, captionRows };
}

/** Full rows as a spreadsheet holds them: a merged cell's text at its top-left, '' where it covers. */
export function fullRows(table: TableDocument): string[][] {
  const rows = Array.from({ length: table.rowCount }, () => new Array<string>(table.colCount).fill(''));
  for (const cell of table.cells) rows[cell.row]![cell.col] = cell.text;
  return rows;
}
