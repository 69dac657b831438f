// Result files opened again as a user's program would open them: the spreadsheet's cells and
// merges read back with exceljs, the Word XML holds the table, the PDF's words are found by
// pdftotext (Debian's poppler-utils) at the boxes where the screenshot shows them.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { benchImage, recognizeBytes, sharedEngine } from '../engine/engine-helpers.js';
import { drawTable, quarterlyResults } from '../fixtures/table-image.js';
import { buildResultFile, resultFormats, type PageImage } from '../../app/export/index.js';
import { numberOfCell } from '../../app/export/xlsx.js';
import { pdfReadyImage } from '../../app/engine/image.js';
import { defaultEngineConfig } from '../../app/engine/config.js';
import { FileType, OcrType, type OcrResult, type TextCellInfo } from '../../app/protocol/types.js';

const run = promisify(execFile);
const scratch = mkdtempSync(path.join(tmpdir(), 'ocr-export-'));
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await (await sharedEngine()).dispose();
});

async function fileOf(result: OcrResult, fileType: FileType, image?: PageImage): Promise<Buffer> {
  const format = resultFormats(result).find((f) => f.fileType === fileType);
  if (!format) throw new Error(`no file of type ${fileType} offered`);
  return buildResultFile(result, format, image);
}

interface PdfWord {
  text: string;
  /** In image pixels (the PDF's points back at 96 dpi), y down from the top. */
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The words pdftotext finds in the PDF, with their boxes, back in image pixels. */
async function pdfWords(pdf: Buffer): Promise<PdfWord[]> {
  const file = path.join(scratch, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const { stdout } = await run('pdftotext', ['-bbox', file, '-']);
  const px = (v: string) => Number(v) / 0.75;
  return [
    ...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({
    text: m[5]!
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'"),
    left: px(m[1]!),
    top: px(m[2]!),
    right: px(m[3]!),
    bottom: px(m[4]!),
  }));
}

describe('a merged table as files', () => {
  let result: OcrResult;
  const { rows } = quarterlyResults;
  beforeAll(async () => {
    const png = await drawTable(quarterlyResults.table);
    const response = await recognizeBytes(png, OcrType.table);
    result = response.result!;
    expect(JSON.parse(result.spiltText!)).toEqual(rows);
  });

  it('offers Excel, Word, PDF, PowerPoint, Markdown and TXT', () => {
    expect(resultFormats(result).map((f) => f.fileType)).toEqual([
      FileType.excel,
      FileType.word,
      FileType.pdf,
      FileType.ppt,
      FileType.markdown,
      FileType.txt,
    ]);
  });

  it('writes an Excel sheet whose cells and merges read back', async () => {
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as the old Buffer type; the bytes are the same.
    await workbook.xlsx.load((await fileOf(result, FileType.excel)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const read = rows.map((row, r) => row.map((_, c) => String(sheet.getCell(r + 1, c + 1).value ?? '')));
    // a merged range reads its master's value in every cell it covers
    expect(read[0]).toEqual(['Quarterly results', 'Quarterly results', 'Quarterly results']);
    expect(read[1]).toEqual(['Region', 'Revenue', 'Revenue']);
    expect(read[2]).toEqual(['Region', 'Spring', 'Autumn']);
    expect(read.slice(3)).toEqual(rows.slice(3));
    expect(sheet.getCell('A2').isMerged && sheet.getCell('A3').master.address).toBe('A2');
    expect(sheet.getCell('C2').master.address).toBe('B2');
    expect(sheet.getCell('C4').isMerged).toBe(false);
    expect(sheet.getCell('A2').font?.bold).toBe(true);
    // The figures are numbers a sheet can sum; the headers stay words.
    expect([sheet.getCell('B4').value, sheet.getCell('B5').value, sheet.getCell('C5').value]).toEqual([
      1200, 950, 1010,
    ]);
    expect(typeof sheet.getCell('B3').value).toBe('string');
  });

  it.each([
    ['42', 42, '0'],
    ['-3.50', -3.5, '0.00'],
    ['1,200', 1200, '#,##0'],
    ['12,345.6', 12345.6, '#,##0.0'],
    ['0', 0, '0'],
    ['0.25', 0.25, '0.00'],
  ])('stores %s in Excel as the number %d shown as %s', (text, value, numFmt) => {
    expect(numberOfCell(text)).toEqual({ value, numFmt });
  });

  it.each(['0042', '007', '6444/tcp', '1.2.3', '1,20', '12,34,567', '+5', '1e3', '', 'N/A', '99999999999999999999'])(
    'keeps %s as text in Excel',
    (text) => {
      expect(numberOfCell(text)).toBeUndefined();
    },
  );

  it('writes a Word table with the caption above it and the spans in its XML', async () => {
    const zip = await JSZip.loadAsync(await fileOf(result, FileType.word));
    const xml = await zip.file('word/document.xml')!.async('string');
    const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    expect(xml.indexOf('Quarterly results')).toBeLessThan(xml.indexOf('<w:tbl>'));
    expect(table.match(/<w:tr>|<w:tr /g)!.length).toBe(4);
    expect(table).toContain('<w:gridSpan w:val="2"/>');
    expect(table).toContain('<w:vMerge w:val="restart"/>');
    const texts = [...table.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).filter(Boolean);
    expect(texts).toEqual(['Region', 'Revenue', 'Spring', 'Autumn', 'North', '1200', 'South', '950', '1010']);
  });

  it('writes Markdown and TXT a person can read', async () => {
    expect((await fileOf(result, FileType.markdown)).toString('utf8')).toBe(
      [
        'Quarterly results',
        '',
        '| Region | Revenue |  |',
        '| --- | --- | --- |',
        '|  | Spring | Autumn |',
        '| North | 1200 |  |',
        '| South | 950 | 1010 |',
        '',
      ].join('\n'),
    );
    expect((await fileOf(result, FileType.txt)).toString('utf8')).toBe(rows.map((r) => r.join('\t')).join('\n') + '\n');
  });
});

describe('a text screenshot as files', () => {
  const { bytes, truth } = benchImage('screens', 'public-016-doc-en');
  let result: OcrResult;
  let image: PageImage;
  beforeAll(async () => {
    result = (await recognizeBytes(bytes)).result!;
    image = await pdfReadyImage(bytes, defaultEngineConfig.limits);
  });

  it('makes a searchable PDF: the screenshot as the page, each word under its ink', async () => {
    const pdf = await fileOf(result, FileType.pdf, image);
    const words = await pdfWords(pdf);
    // every word of the text is in the text layer, in reading order
    const fold = (s: string) => s.replace(/[“”]/g, '"').replace(/\s+/g, '');
    expect(fold(words.map((w) => w.text).join(''))).toBe(fold(result.autoText!));
    // and each word lies on its ground-truth line, within that line's left and right ends
    let placed = 0;
    for (const word of words) {
      const line = truth.lines!.find(
        ({ box: [, top, , height] }) => Math.abs((word.top + word.bottom) / 2 - (top + height / 2)) < height / 2,
      );
      if (!line) continue;
      const [left, , width] = line.box;
      if (
        word.left >= left - 4 &&
        word.right <= left + width + 4 &&
        line.text.includes(word.text.replace(/[“”]/g, '"'))
      )
        placed++;
    }
    expect(placed / words.length).toBeGreaterThan(0.95);
    // the page is the screenshot at 96 dpi: its size in points is 3/4 of its pixels
    const file = path.join(scratch, 'page.pdf');
    writeFileSync(file, pdf);
    const { stdout } = await run('pdfinfo', [file]);
    expect(stdout).toMatch(new RegExp(`Page size:\\s+${truth.width * 0.75} x ${truth.height * 0.75} pts`));
  });

  it('keeps Chinese text in the PDF text layer', async () => {
    const zh = benchImage('screens', 'public-019-doc-zh');
    const zhResult = (await recognizeBytes(zh.bytes)).result!;
    const words = await pdfWords(
      await fileOf(zhResult, FileType.pdf, await pdfReadyImage(zh.bytes, defaultEngineConfig.limits)),
    );
    const fold = (s: string) => s.replace(/\s+/g, '');
    expect(fold(words.map((w) => w.text).join(''))).toBe(fold(zhResult.autoText!));
  });

  it('writes the paragraphs to Word, Markdown and TXT', async () => {
    const paragraphs = result.autoText!.split('\n');
    const zip = await JSZip.loadAsync(await fileOf(result, FileType.word));
    const xml = await zip.file('word/document.xml')!.async('string');
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
      m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
    );
    expect(texts).toEqual(paragraphs);
    expect((await fileOf(result, FileType.txt)).toString('utf8')).toBe(paragraphs.join('\n') + '\n');
    expect((await fileOf(result, FileType.markdown)).toString('utf8')).toBe(paragraphs.join('\n\n') + '\n');
    expect(resultFormats(result).map((f) => f.fileType)).not.toContain(FileType.excel);
  });

  it('makes PowerPoint slides: the screenshot, each line a text box where it stands, the text in the notes', async () => {
    const zip = await JSZip.loadAsync(
      await buildResultFile(
        result,
        resultFormats(result).find((f) => f.fileType === FileType.ppt)!,
        image,
        'letter.png',
      ),
    );
    const unescape = (s: string) =>
      s
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&apos;/g, "'");
    const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
    const lines = JSON.parse(result.verticalText!) as TextCellInfo[];
    // Each line is a shape of its own: its text, at its box (EMU: 914400 an inch, 96 px an inch).
    const shapes = [...slide.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => m[1]!);
    const texts = shapes.map((s) => [...s.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => unescape(t[1]!)).join(''));
    expect(texts).toEqual(lines.map((l) => l.words));
    const emuPerPixel = 914400 / 96;
    shapes.forEach((shape, i) => {
      const [, x, y] = /<a:off x="(\d+)" y="(\d+)"/.exec(shape)!;
      expect(Number(x) / emuPerPixel).toBeCloseTo(lines[i]!.location.left, 0);
      expect(Number(y) / emuPerPixel).toBeCloseTo(lines[i]!.location.top, 0);
    });
    // The picture fills the slide, which is the screenshot's size at 96 dpi.
    expect(slide).toMatch(/<p:pic>/);
    const presentation = await zip.file('ppt/presentation.xml')!.async('string');
    expect(presentation).toContain(
      `<p:sldSz cx="${Math.round(truth.width * emuPerPixel)}" cy="${Math.round(truth.height * emuPerPixel)}"`,
    );
    const notes = Object.keys(zip.files).find((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))!;
    const noteText = [...(await zip.file(notes)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)]
      .map((t) => unescape(t[1]!))
      .join('\n');
    for (const line of lines) expect(noteText).toContain(line.words);
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:title>letter.png</dc:title>');
  });

  it('lays a table PDF cell by cell', async () => {
    const table = benchImage('screens', 'public-027-table-bordered-en');
    const tableResult = (await recognizeBytes(table.bytes, OcrType.table)).result!;
    const words = await pdfWords(
      await fileOf(tableResult, FileType.pdf, await pdfReadyImage(table.bytes, defaultEngineConfig.limits)),
    );
    const cells = JSON.parse(tableResult.verticalText!) as TextCellInfo[];
    for (const cell of cells.filter((c) => c.words)) {
      const { left, top, width, height } = cell.location;
      const inCell = words.filter(
        (w) => w.left >= left - 1 && w.right <= left + width + 1 && w.top >= top - 1 && w.bottom <= top + height + 1,
      );
      expect(inCell.map((w) => w.text).join(' '), `the words of cell ${cell.row},${cell.col}`).toBe(cell.words);
    }
  });
});
