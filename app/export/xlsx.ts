// Excel (.xlsx) with exceljs: a table's cells, merged where the screenshot's were.
import ExcelJS from 'exceljs';
import { fullRows, type TableDocument } from './document.js';
import { isCjk } from '../text/script.js';

export async function toXlsx(table: TableDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OCR Assistant';
  const sheet = workbook.addWorksheet('Table');
  const rows = fullRows(table);
  rows.forEach((row) => sheet.addRow(row));
  for (const cell of table.cells) {
    if (cell.rowSpan > 1 || cell.colSpan > 1) {
      sheet.mergeCells(cell.row + 1, cell.col + 1, cell.row + cell.rowSpan, cell.col + cell.colSpan);
    }
  }
  const header = sheet.getRow(table.captionRows + 1);
  header.font = { bold: true };
  // Numbers read from a screenshot stay text: "0042", "6444/tcp" or "1,200" must not be
  // reinterpreted, and the sheet shows what the screen showed.
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

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isCjk(ch) ? 2 : 1;
  return width;
}
