// The only file that imports pdfjs-dist (DESIGN rule 5): a PDF's pages as pictures for the
// engine, rendered with pdf.js onto @napi-rs/canvas (its prebuilt binary comes from the npm
// registry). Fonts and character maps are read from the installed package, never fetched.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { unsupported } from '../protocol/errors.js';
import type { RgbImage } from './raster.js';
import type { LimitsConfig } from './config.js';
import { checkImageSize } from './limits.js';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));

export function isPdf(bytes: Uint8Array): boolean {
  return (
    bytes.length > 5 &&
    bytes[0] === 0x25 &&
    bytes[1] === 0x50 &&
    bytes[2] === 0x44 &&
    bytes[3] === 0x46 &&
    bytes[4] === 0x2d
  ); // %PDF-
}

export interface PdfOptions {
  /** Pixels per PDF point: 2 renders 12 pt text about 24 px tall, as a HiDPI screen would. */
  scale: number;
  maxPages: number;
}

export interface PdfPages {
  count: number;
  /** Renders page `index` (0-based) to RGB pixels. */
  render(index: number): Promise<RgbImage>;
  close(): Promise<void>;
}

export async function openPdf(bytes: Uint8Array, options: PdfOptions, limits: LimitsConfig): Promise<PdfPages> {
  // Loaded on the first PDF, not at start-up: pdf.js and the canvas cost 30-200 MB of memory
  // (more when compiled on load), which a run of screenshots should not pay.
  const [{ getDocument }, { createCanvas }] = await Promise.all([
    import('pdfjs-dist/legacy/build/pdf.mjs'),
    import('@napi-rs/canvas'),
  ]);
  let pdf: PDFDocumentProxy;
  try {
    pdf = await getDocument({
      // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
      data: new Uint8Array(bytes),
      standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}/`,
      cMapUrl: `${path.join(pdfjsRoot, 'cmaps')}/`,
      cMapPacked: true,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw unsupported(`the PDF could not be read (${(error as Error).message}); it may be damaged or encrypted`);
  }
  if (pdf.numPages > options.maxPages) {
    await pdf.destroy();
    throw unsupported(
      `the PDF has ${pdf.numPages} pages; the limit is ${options.maxPages}: split it, or send its pages as images`,
    );
  }
  return {
    count: pdf.numPages,
    async render(index) {
      const page = await pdf.getPage(index + 1);
      const viewport = page.getViewport({ scale: options.scale });
      const width = Math.ceil(viewport.width);
      const height = Math.ceil(viewport.height);
      checkImageSize(width, height, limits);
      const canvas = createCanvas(width, height);
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      await page.render({
        canvasContext: context as unknown as CanvasRenderingContext2D,
        viewport,
        canvas: canvas as unknown as HTMLCanvasElement,
      }).promise;
      page.cleanup();
      const rgba = context.getImageData(0, 0, width, height).data;
      const data = new Uint8Array(width * height * 3);
      for (let i = 0, j = 0; j < rgba.length; i += 3, j += 4) {
        data[i] = rgba[j]!;
        data[i + 1] = rgba[j + 1]!;
        data[i + 2] = rgba[j + 2]!;
      }
      return { width, height, data };
    },
    close: () => pdf.destroy(),
  };
}
