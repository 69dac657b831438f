// A searchable PDF with pdf-lib: the screenshot as the page, with an invisible text layer
// laid over it line by line (cell by cell for a table), so a PDF viewer's search and
// selection find the words where the picture shows them.
//
// The text layer uses a "glyphless" font, as Tesseract and OCRmyPDF do: a CID font whose
// codes are the text's UTF-16 units, with a ToUnicode map that reads them back as they are.
// Nothing is drawn (render mode 3), so no glyph shapes are needed, and Chinese, Latin and
// anything else in the Basic Multilingual Plane go through one font with no font files.
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  beginText,
  endText,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFPage,
} from 'pdf-lib';
import type { Box } from '../protocol/types.js';
import type { TableDocument, TextDocument } from './document.js';
import { isCjk } from '../text/script.js';

/** The page's picture: PNG or JPEG bytes (what PDF embeds), its size in pixels. */
export interface PageImage {
  bytes: Uint8Array;
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

/** Points per image pixel: a screenshot at 96 dpi prints at its size on screen. */
const pointsPerPixel = 0.75;
/** Every glyph is this wide (thousandths of the font size); a line is stretched to its box with Tz. */
const glyphWidth = 500;
const fontName = 'GlyphLessFont';

/**
 * The searchable PDF: one page per picture (a screenshot, or each page of a PDF that was
 * read), each with its lines' (or cells') text laid invisibly where the picture shows it.
 */
export async function toSearchablePdf(
  doc: TextDocument | TableDocument,
  images: PageImage | PageImage[],
  title: string,
): Promise<Buffer> {
  const pictures = Array.isArray(images) ? images : [images];
  const pdf = await PDFDocument.create();
  // A viewer shows the title, not the file name, in its title bar: the source's name says what it is.
  pdf.setTitle(title, { showInWindowTitleBar: true });
  pdf.setCreator('OCR Assistant');
  pdf.setProducer('OCR Assistant (pdf-lib)');
  const font = PDFName.of('OcrText');
  const fontRef = registerGlyphlessFont(pdf);
  for (const [index, image] of pictures.entries()) {
    const width = image.width * pointsPerPixel;
    const height = image.height * pointsPerPixel;
    const page = pdf.addPage([width, height]);
    const picture = image.format === 'png' ? await pdf.embedPng(image.bytes) : await pdf.embedJpg(image.bytes);
    page.drawImage(picture, { x: 0, y: 0, width, height });
    page.node.setFontDictionary(font, fontRef);
    const spans =
      doc.kind === 'text'
        ? doc.lines.filter((l) => l.pageIndex === index).map((l) => ({ text: l.text, box: l.box }))
        : index === 0
          ? doc.cells
              .filter((c) => c.text.trim())
              .map((c) => ({ text: c.text.replace(/\s+/g, ' '), box: cellTextBox(c.text, c.box) }))
          : [];
    for (const span of spans) placeText(page, font, span.text, span.box, height);
  }
  return Buffer.from(await pdf.save());
}

/** Largest height (px) of the line a cell's text is set on: a cell is often taller than its text. */
const maxCellLineHeight = 20;

/**
 * Where a cell's text is set: one line over the middle of the cell, from a little inside its
 * left edge, as wide as the text would be in a common font (CJK a full em, others about half)
 * but never past the cell. The wire gives the cell's box, not its ink's: this keeps a
 * selection of a short word from covering the whole cell.
 */
export function cellTextBox(text: string, box: Box): Box {
  const inset = Math.min(6, box.width / 10);
  const lineHeight = Math.min(box.height * 0.8, maxCellLineHeight);
  let ems = 0;
  for (const ch of text) ems += isCjk(ch) ? 1 : 0.55;
  const width = Math.max(1, Math.min(box.width - 2 * inset, ems * lineHeight));
  return { left: box.left + inset, top: box.top + (box.height - lineHeight) / 2, width, height: lineHeight };
}

function placeText(page: PDFPage, font: PDFName, text: string, box: Box, pageHeight: number): void {
  const units = [...text].flatMap((ch) => {
    const code = ch.codePointAt(0)!;
    return code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code];
  });
  if (!units.length || box.width <= 0 || box.height <= 0) return;
  const size = box.height * pointsPerPixel;
  const naturalWidth = (units.length * glyphWidth * size) / 1000;
  const hex = units.map((u) => u.toString(16).padStart(4, '0')).join('');
  page.pushOperators(
    beginText(),
    setTextRenderingMode(TextRenderingMode.Invisible),
    setFontAndSize(font, size),
    // Horizontal scaling so the line spans its box exactly, whatever the real font's widths were.
    setCharacterSqueeze((100 * box.width * pointsPerPixel) / naturalWidth),
    // The baseline at the box's bottom: the font's ascent is a whole em, its descent none.
    setTextMatrix(1, 0, 0, 1, box.left * pointsPerPixel, pageHeight - (box.top + box.height) * pointsPerPixel),
    showText(PDFHexString.of(hex)),
    endText(),
  );
}

/** The Type0 font over a glyphless CID font (Identity-H, codes = UTF-16 units) and its ToUnicode map. */
function registerGlyphlessFont(pdf: PDFDocument) {
  const context = pdf.context;
  const toUnicode = context.flateStream(
    [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      '1 beginbfrange',
      '<0000> <FFFF> <0000>',
      'endbfrange',
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n'),
  );
  const descriptor = context.obj({
    Type: 'FontDescriptor',
    FontName: fontName,
    Flags: 5,
    FontBBox: [0, 0, glyphWidth, 1000],
    ItalicAngle: 0,
    Ascent: 1000,
    // Not 0: readers (poppler) take a zero descent for a missing one and put their default in.
    Descent: -1,
    CapHeight: 1000,
    StemV: 80,
  });
  const cidFont = context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: fontName,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: context.register(descriptor),
    DW: glyphWidth,
    CIDToGIDMap: 'Identity',
  });
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: fontName,
      Encoding: 'Identity-H',
      DescendantFonts: [context.register(cidFont)],
      ToUnicode: context.register(toUnicode),
    }),
  );
}
