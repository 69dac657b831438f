// Excel (.xlsx) with exceljs: a table's cells, merged where the screenshot's were.
import ExcelJS from 'exceljs';
import { fullRows, type TableDocument } from './document.js';
import { isCjk } from '../text/script.js';

export async function toXlsx(table: TableDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OCR Assistant';
  const sheet = workbook.addWorksheet('Table');
  const rows = fullRows(table);
  rows.forEach((row, r) => {
    const added = sheet.addRow(row);
    // The caption and the header are words, whatever they look like.
    if (r <= table.captionRows) return;
    row.forEach((text, c) => {
      const number = numberOfCell(text);
      if (!number) return;
      const cell = added.getCell(c + 1);
      cell.value = number.value;
      cell.numFmt = number.numFmt;
    });
  });
  for (const cell of table.cells) {
    if (cell.rowSpan > 1 || cell.colSpan > 1) {
      sheet.mergeCells(cell.row + 1, cell.col + 1, cell.row + cell.rowSpan, cell.col + cell.colSpan);
    }
  }
  const header = sheet.getRow(table.captionRows + 1);
  header.font = { bold: true };
  sheet.columns.forEach((column, c) => {
    // Wide enough for the longest cell (CJK characters count double), within reason.
    const longest = Math.max(8, ...rows.slice(table.captionRows).map((row) => displayWidth(row[c] ?? '')));
    column.width = Math.min(60, longest + 2);
  });
  for (const cell of table.cells) {
    if (cell.rowSpan > 1 || cell.colSpan > 1)
      sheet.getCell(cell.row + 1, cell.col + 1).alignment = {
        vertical: 'middle',
        horizontal: 'center',
        wrapText: true,
      };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A cell that is a number as written in English (`42`, `-3.50`, `1,200`, `12,345.6`) as a
 * number a sheet can sum, with a format that shows it as the screen did. Anything else stays
 * text: `0042` and `007` (codes keep their zeros), `6444/tcp`, `1.2.3`, `1,20` (a decimal comma
 * or a typo: not guessed), `+5`, `1e3`.
 */
export function numberOfCell(text: string): { value: number; numFmt: string } | undefined {
  const match = /^(-?)(0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole, fraction] = match;
  const value = Number(`${sign}${whole!.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`);
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return undefined;
  const grouped = whole!.includes(',');
  const decimals = fraction ? `.${'0'.repeat(fraction.length)}` : '';
  return { value, numFmt: `${grouped ? '#,##0' : '0'}${decimals}` };
}

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isCjk(ch) ? 2 : 1;
  return width;
}
