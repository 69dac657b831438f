// Result files (the Open API's `files`): which formats a result offers, and each one built
// from the result itself (and the screenshot, for the PDF).
import { FileType, ResultType, type OcrResult } from '../protocol/types.js';
import { documentOf } from './document.js';
import { toMarkdown, toTxt } from './text-files.js';
import type { PageImage } from './pdf.js';

export type { PageImage } from './pdf.js';
export {
  documentOf,
  fullRows,
  type ExportDocument,
  type FormulaDocument,
  type TableDocument,
  type TextDocument,
} from './document.js';
export { formulaMathMl, formulaPage, formulaSnippet } from './formula.js';

export interface ResultFormat {
  /** The file's name as served and written: `ocr.xlsx`, `ocr.pdf`, ... */
  name: string;
  fileType: FileType;
  mimeType: string;
  /** What the file is, for a person choosing one (the `desc` of a `files` entry). */
  desc: string;
  /** The PDF shows the screenshot: it needs the image. */
  needsImage: boolean;
}

const formats: Record<string, ResultFormat> = {
  xlsx: {
    name: 'ocr.xlsx',
    fileType: FileType.excel,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    desc: 'Excel workbook',
    needsImage: false,
  },
  docx: {
    name: 'ocr.docx',
    fileType: FileType.word,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    desc: 'Word document',
    needsImage: false,
  },
  pdf: {
    name: 'ocr.pdf',
    fileType: FileType.pdf,
    mimeType: 'application/pdf',
    desc: 'searchable PDF (the image with its text)',
    needsImage: true,
  },
  pptx: {
    name: 'ocr.pptx',
    fileType: FileType.ppt,
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    desc: 'PowerPoint slides (the image with its text)',
    needsImage: true,
  },
  md: {
    name: 'ocr.md',
    fileType: FileType.markdown,
    mimeType: 'text/markdown; charset=utf-8',
    desc: 'Markdown',
    needsImage: false,
  },
  txt: {
    name: 'ocr.txt',
    fileType: FileType.txt,
    mimeType: 'text/plain; charset=utf-8',
    desc: 'plain text',
    needsImage: false,
  },
};

/** The files a finished result offers: a table as a spreadsheet first, text without one, a formula as its source. */
export function resultFormats(result: OcrResult): ResultFormat[] {
  const kinds =
    result.resultType === ResultType.table
      ? ['xlsx', 'docx', 'pdf', 'pptx', 'md', 'txt']
      : result.resultType === ResultType.webPage
        ? ['md', 'txt']
        : ['docx', 'pdf', 'pptx', 'md', 'txt'];
  return kinds.map((k) => formats[k]!);
}

/** The format of a file name handed out by `resultFormats`, or undefined for any other name. */
export function formatNamed(result: OcrResult, name: string): ResultFormat | undefined {
  return resultFormats(result).find((f) => f.name === name.toLowerCase());
}

/**
 * Builds one result file. The PDF needs the screenshot (or each page of a PDF read) as PNG or JPEG.
 * The Word, Excel and PDF writers load on first use: their libraries cost about 60 MB of memory,
 * which a run that never writes those files (the CLI without --out) should not pay.
 */
export async function buildResultFile(
  result: OcrResult,
  format: ResultFormat,
  image?: PageImage | PageImage[],
  /** The document's title (PDF, Word and slides): the source file's name where there is one. */
  title = 'OCR result',
): Promise<Buffer> {
  const doc = documentOf(result);
  switch (format.fileType) {
    case FileType.txt:
      return Buffer.from(toTxt(doc), 'utf8');
    case FileType.markdown:
      return Buffer.from(toMarkdown(doc), 'utf8');
    case FileType.word:
      if (doc.kind === 'formula') throw new Error('a formula is offered as Markdown and text only');
      return (await import('./docx.js')).toDocx(doc, title);
    case FileType.excel:
      if (doc.kind !== 'table') throw new Error('an Excel file is made of a table result only');
      return (await import('./xlsx.js')).toXlsx(doc);
    case FileType.pdf:
      if (doc.kind === 'formula') throw new Error('a formula is offered as Markdown and text only');
      if (!image) throw new Error('a PDF needs the screenshot it lays the text over');
      return (await import('./pdf.js')).toSearchablePdf(doc, image, title);
    case FileType.ppt:
      if (doc.kind === 'formula') throw new Error('a formula is offered as Markdown and text only');
      if (!image) throw new Error('the slides need the screenshot they lay the text over');
      return (await import('./pptx.js')).toPptx(doc, image, title);
    default:
      throw new Error(`no ${format.name} files are made`);
  }
}
