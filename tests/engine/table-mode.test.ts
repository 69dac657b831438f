// Table mode (type 2) on the bench's table screenshots and on tables drawn for the test (merged
// cells, wrapped cells, empty cells, text outside the grid): what a user pasting into a
// spreadsheet would check, cell by cell.
import { afterAll, describe, expect, it } from 'vitest';
import { benchImage, recognizeBytes, sharedEngine } from './engine-helpers.js';
import { drawTable, quarterlyResults } from '../fixtures/table-image.js';
import { OcrType, ResultType, type OcrResponse, type TextCellInfo } from '../../app/protocol/types.js';

afterAll(async () => (await sharedEngine()).dispose());

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const rowsOf = (response: OcrResponse): string[][] => JSON.parse(response.result!.spiltText!);
const cellsOf = (response: OcrResponse): TextCellInfo[] => JSON.parse(response.result!.verticalText!);

/** Share of the truth's cells read exactly (whitespace aside), as the bench's cell_acc counts. */
function cellAccuracy(predicted: string[][], truth: string[][]): number {
  let ok = 0;
  let total = 0;
  truth.forEach((row, r) =>
    row.forEach((cell, c) => {
      total++;
      if (predicted[r]?.[c] !== undefined && fold(predicted[r]![c]!) === fold(cell)) ok++;
    }),
  );
  return ok / total;
}

describe('table mode on screenshots', () => {
  it.each([
    ['public-027-table-bordered-en'],
    ['public-029-table-bordered-mixed'],
    ['public-031-table-borderless-en'],
    ['public-034-table-borderless-mixed'],
  ])('reads %s cell by cell, as rows of the right shape', async (id) => {
    const { bytes, truth } = benchImage('screens', id);
    const response = await recognizeBytes(bytes, OcrType.table);
    expect(response.state).toBe(2);
    expect(response.result!.resultType).toBe(ResultType.table);
    const rows = rowsOf(response);
    expect(rows.length).toBe(truth.cells!.length);
    for (const row of rows) expect(row.length).toBe(truth.cells![0]!.length);
    expect(cellAccuracy(rows, truth.cells!)).toBeGreaterThanOrEqual(0.95);
    // autoText pastes into a spreadsheet: tab-separated cells, one row a line.
    expect(response.result!.autoText!.split('\n').map((line) => line.split('\t'))).toEqual(rows);
    // downloadHtml is the same table: the header row as <th>, every cell once.
    const html = response.result!.downloadHtml!;
    expect(html.match(/<th>/g)!.length).toBe(truth.cells![0]!.length);
    expect(html.match(/<tr>/g)!.length).toBe(rows.length);
  });

  it('gives every cell its place and a box inside the image', async () => {
    const { bytes, truth } = benchImage('screens', 'public-028-table-bordered-en');
    const response = await recognizeBytes(bytes, OcrType.table);
    const cells = cellsOf(response);
    expect(cells.length).toBe(truth.cells!.length * truth.cells![0]!.length);
    for (const cell of cells) {
      expect(cell.location.left).toBeGreaterThanOrEqual(0);
      expect(cell.location.top).toBeGreaterThanOrEqual(0);
      expect(cell.location.left + cell.location.width).toBeLessThanOrEqual(truth.width);
      expect(cell.location.top + cell.location.height).toBeLessThanOrEqual(truth.height);
    }
    // The truth's "Comment" header is in row 0, column 3, left of nothing and above every comment.
    const header = cells.find((c) => c.words === 'Comment')!;
    expect([header.row, header.col]).toEqual([0, 3]);
    const below = cells.filter((c) => c.col === 3 && c.row! > 0);
    for (const cell of below)
      expect(cell.location.top).toBeGreaterThanOrEqual(header.location.top + header.location.height - 2);
  });

  it('answers a screenshot with no table in it as text mode does (resultType 0)', async () => {
    const { bytes } = benchImage('screens', 'public-017-doc-en');
    const asTable = await recognizeBytes(bytes, OcrType.table);
    const asText = await recognizeBytes(bytes, OcrType.text);
    expect(asTable.state).toBe(2);
    expect(asTable.result!.resultType).toBe(ResultType.text);
    expect(asTable.result!.autoText).toBe(asText.result!.autoText);
    expect(asTable.ocrType).toBe(OcrType.table);
  });
});

describe('table mode on drawn tables', () => {
  it('reads merged cells (a header over two columns, a cell over two rows), an empty cell and text above the grid', async () => {
    const png = await drawTable(quarterlyResults.table);
    const response = await recognizeBytes(png, OcrType.table);
    expect(response.result!.resultType).toBe(ResultType.table);
    expect(rowsOf(response)).toEqual(quarterlyResults.rows);
    const cells = cellsOf(response);
    const region = cells.find((c) => c.words === 'Region')!;
    const revenue = cells.find((c) => c.words === 'Revenue')!;
    expect([region.row, region.col, region.rowSpan, region.colSpan]).toEqual([1, 0, 2, 1]);
    expect([revenue.row, revenue.col, revenue.rowSpan, revenue.colSpan]).toEqual([1, 1, 1, 2]);
    expect(response.result!.downloadHtml).toContain('<th rowspan="2">Region</th><th colspan="2">Revenue</th>');
  });

  it('joins a cell that wraps over two lines into one cell, bordered or not', async () => {
    for (const ruled of [true, false]) {
      const png = await drawTable({
        ruled,
        columnWidths: [130, 230, 90],
        rowHeights: [36, 58, 36, 36],
        cells: [
          { row: 0, col: 0, lines: ['Service'] },
          { row: 0, col: 1, lines: ['Comment'] },
          { row: 0, col: 2, lines: ['Port'] },
          { row: 1, col: 0, lines: ['kerberos'] },
          { row: 1, col: 1, lines: ['Kerberos v5 ticket', 'granting service'] },
          { row: 1, col: 2, lines: ['88'] },
          { row: 2, col: 0, lines: ['ssh'] },
          { row: 2, col: 1, lines: ['Secure shell'] },
          { row: 2, col: 2, lines: ['22'] },
          { row: 3, col: 0, lines: ['smtp'] },
          { row: 3, col: 1, lines: ['Mail transfer'] },
          { row: 3, col: 2, lines: ['25'] },
        ],
      });
      const response = await recognizeBytes(png, OcrType.table);
      expect(response.result!.resultType, `ruled: ${ruled}`).toBe(ResultType.table);
      expect(rowsOf(response), `ruled: ${ruled}`).toEqual([
        ['Service', 'Comment', 'Port'],
        ['kerberos', 'Kerberos v5 ticket granting service', '88'],
        ['ssh', 'Secure shell', '22'],
        ['smtp', 'Mail transfer', '25'],
      ]);
    }
  });

  it('keeps an empty cell of a borderless table in its column', async () => {
    const png = await drawTable({
      ruled: false,
      columnWidths: [140, 120, 160],
      rowHeights: [34, 34, 34, 34],
      cells: [
        { row: 0, col: 0, lines: ['Name'] },
        { row: 0, col: 1, lines: ['Port'] },
        { row: 0, col: 2, lines: ['Alias'] },
        { row: 1, col: 0, lines: ['http'] },
        { row: 1, col: 1, lines: ['80/tcp'] },
        { row: 1, col: 2, lines: ['www'] },
        { row: 2, col: 0, lines: ['spamd'] },
        { row: 2, col: 1, lines: ['783/tcp'] },
        { row: 2, col: 2, lines: [] },
        { row: 3, col: 0, lines: ['imap'] },
        { row: 3, col: 1, lines: ['143/tcp'] },
        { row: 3, col: 2, lines: ['imap2'] },
      ],
    });
    const response = await recognizeBytes(png, OcrType.table);
    expect(rowsOf(response)).toEqual([
      ['Name', 'Port', 'Alias'],
      ['http', '80/tcp', 'www'],
      ['spamd', '783/tcp', ''],
      ['imap', '143/tcp', 'imap2'],
    ]);
  });
});
