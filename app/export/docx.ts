// Word (.docx) with the docx library: a text result as paragraphs, a table as a Word table
// with its merged cells.
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, VerticalAlignTable } from 'docx';
import type { TableDocument, TextDocument } from './document.js';

export async function toDocx(doc: TextDocument | TableDocument, title: string): Promise<Buffer> {
  const children =
    doc.kind === 'text'
      ? doc.paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] }))
      : tableChildren(doc);
  const document = new Document({ creator: 'OCR Assistant', title, sections: [{ children }] });
  return Packer.toBuffer(document);
}

function tableChildren(table: TableDocument): (Paragraph | Table)[] {
  const captions = table.cells
    .filter((c) => c.row < table.captionRows)
    .map((c) => new Paragraph({ children: [new TextRun({ text: c.text, bold: true })] }));
  const rows: TableRow[] = [];
  for (let r = table.captionRows; r < table.rowCount; r++) {
    const header = r === table.captionRows;
    // A merged cell is written once, at its top-left; docx marks the rows it reaches down into.
    const cells = table.cells
      .filter((c) => c.row === r)
      .sort((a, b) => a.col - b.col)
      .map(
        (c) =>
          new TableCell({
            children: [new Paragraph({ children: [new TextRun({ text: c.text, bold: header })] })],
            columnSpan: c.colSpan,
            rowSpan: c.rowSpan,
            verticalAlign: VerticalAlignTable.CENTER,
          }),
      );
    rows.push(new TableRow({ children: cells, tableHeader: header }));
  }
  return [...captions, new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } })];
}
