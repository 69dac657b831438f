// The PowerPoint result (`fileType` 3): one slide per page, the screenshot filling it and each
// line (or table cell) as a text box where the picture shows it, selectable and editable; the
// page's text in the speaker notes, for reading it out or copying it whole. Made with pptxgenjs.
import pptxgen from 'pptxgenjs';
import type { TableDocument, TextDocument } from './document.js';
import type { PageImage } from './pdf.js';

// The package's types describe its CommonJS build (the class under `default`); Node loads its
// ES build, whose default export is the class itself, and a bundler may give either.
const PptxGenJS = ((pptxgen as unknown as { default?: unknown }).default ?? pptxgen) as typeof pptxgen.default;

/** A screenshot at 96 dpi is shown at its size on screen: inches per image pixel. */
const inchesPerPixel = 1 / 96;
/** PowerPoint's slides are 1 to 56 inches a side: a page is scaled to fit within them. */
const maxSlideInches = 56;
const minSlideInches = 1;

interface PlacedText {
  text: string;
  box: { left: number; top: number; width: number; height: number };
  pageIndex: number;
}

export async function toPptx(
  doc: TextDocument | TableDocument,
  images: PageImage | PageImage[],
  title: string,
): Promise<Buffer> {
  const pictures = Array.isArray(images) ? images : [images];
  const first = pictures[0]!;
  // One layout for the deck (PowerPoint has one slide size): the first page's, in proportion.
  const scale = slideScale(first.width, first.height);
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'page', width: first.width * scale, height: first.height * scale });
  pptx.layout = 'page';
  pptx.title = title;
  pptx.author = 'OCR Assistant';
  const placed: PlacedText[] =
    doc.kind === 'text'
      ? doc.lines.map((l) => ({ text: l.text, box: l.box, pageIndex: l.pageIndex }))
      : doc.cells.filter((c) => c.text.trim()).map((c) => ({ text: c.text, box: c.box, pageIndex: 0 }));
  for (const [index, picture] of pictures.entries()) {
    const slide = pptx.addSlide();
    // A later page of another shape is fitted into the slide, centred.
    const fit = Math.min((first.width * scale) / picture.width, (first.height * scale) / picture.height);
    const [dx, dy] = [
      (first.width * scale - picture.width * fit) / 2,
      (first.height * scale - picture.height * fit) / 2,
    ];
    slide.addImage({
      data: `data:image/${picture.format};base64,${Buffer.from(picture.bytes).toString('base64')}`,
      x: dx,
      y: dy,
      w: picture.width * fit,
      h: picture.height * fit,
    });
    const mine = placed.filter((p) => p.pageIndex === index);
    for (const item of mine) {
      const h = item.box.height * fit;
      slide.addText(item.text, {
        x: dx + item.box.left * fit,
        y: dy + item.box.top * fit,
        w: Math.max(item.box.width * fit, 0.05),
        h: Math.max(h, 0.05),
        // The glyphs' height is about 70 % of a line box's; points are 1/72 inch.
        fontSize: Math.max(1, Math.round(h * 72 * 0.7 * 10) / 10),
        margin: 0,
        valign: 'middle',
        fit: 'shrink',
        // Over the picture's own text: transparent, so the slide looks like the screenshot
        // while every word can be selected, searched and copied.
        color: '000000',
        transparency: 100,
      });
    }
    const notes = mine.map((p) => p.text).join('\n');
    if (notes) slide.addNotes(notes);
  }
  const data = await pptx.write({ outputType: 'nodebuffer' });
  return Buffer.from(data as ArrayBuffer);
}

/** Inches per pixel for a page: its size on screen, brought within PowerPoint's slide sizes. */
function slideScale(width: number, height: number): number {
  let scale = inchesPerPixel;
  const longest = Math.max(width, height) * scale;
  if (longest > maxSlideInches) scale *= maxSlideInches / longest;
  const shortest = Math.min(width, height) * scale;
  if (shortest < minSlideInches) scale *= minSlideInches / shortest;
  return Math.min(scale, maxSlideInches / Math.max(width, height));
}
