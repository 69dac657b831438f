// A dropped PDF's pages as PNG pictures, rendered in the page with pdf.js. Each page is then
// read like a dropped image: it gets its own result, boxes and history entry, and any OCR
// server that reads images reads a PDF's pages too (the built-in one, or a remote one).
import { t } from './i18n.svelte.js';

/** Pixels per PDF point, as the engine renders PDFs: 12 pt text comes out about 24 px tall. */
export const pdfScale = 2;
/** A longer document is a job for the command line (`ocr-assistant recognize FILE.pdf --out DIR`). */
export const maxPdfPages = 100;

export const isPdfFile = (file: File) => file.type === 'application/pdf' || /\.pdf$/i.test(file.name);

export interface PdfPages {
  count: number;
  /** Page `index` (0-based) as PNG. */
  render(index: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Opens a PDF: a clear error when it is damaged, encrypted or too long. */
export async function openPdfPages(bytes: Uint8Array): Promise<PdfPages> {
  // Loaded on the first PDF only: pdf.js is as large as the rest of the renderer.
  const pdfjs = await import('pdfjs-dist');
  // pdf.js runs on this thread, not in a worker: the CSP lets scripts come from our own origin
  // only and the app's pages are served from app://, where module workers may not start. Its
  // worker's message handler, loaded here, is what it looks for to run without one.
  const scope = globalThis as { pdfjsWorker?: unknown };
  scope.pdfjsWorker ??= await import('pdfjs-dist/build/pdf.worker.min.mjs');
  let pdf: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    // pdf.js takes (and detaches) the buffer it is given: a copy. No eval: the CSP forbids it.
    pdf = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  } catch (error) {
    throw new Error(`the PDF could not be read (${(error as Error).message}); it may be damaged or encrypted`, {
      cause: error,
    });
  }
  if (pdf.numPages > maxPdfPages) {
    await pdf.destroy();
    throw new Error(
      `it has ${pdf.numPages} pages; the app reads ${maxPdfPages} at most (the command line reads any number)`,
    );
  }
  return {
    count: pdf.numPages,
    async render(index) {
      const page = await pdf.getPage(index + 1);
      const viewport = page.getViewport({ scale: pdfScale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('this window cannot draw a PDF page');
      // Paper is white where the PDF paints nothing.
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvasContext: context, viewport, canvas }).promise;
      page.cleanup();
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error(`page ${index + 1} could not be drawn`);
      return new Uint8Array(await blob.arrayBuffer());
    },
    close: () => pdf.destroy(),
  };
}

export interface PageItem {
  name: string;
  bytes: () => Promise<Uint8Array>;
}

/**
 * The pages of dropped PDFs as items to read one by one (each drawn only when its turn comes),
 * the PDFs that could not be opened with why, and a `close` for when the reading is done.
 */
export async function pdfPageItems(
  files: readonly File[],
  bytesOf: (file: File) => Promise<Uint8Array>,
): Promise<{ items: PageItem[]; failed: string[]; close(): Promise<void> }> {
  const items: PageItem[] = [];
  const failed: string[] = [];
  const opened: PdfPages[] = [];
  for (const file of files) {
    try {
      const pages = await openPdfPages(await bytesOf(file));
      opened.push(pages);
      for (let index = 0; index < pages.count; index++) {
        items.push({
          name: pages.count > 1 ? `${file.name} p. ${index + 1}` : file.name,
          bytes: () => pages.render(index),
        });
      }
    } catch (error) {
      failed.push(t('result.batchFailed', { name: file.name, message: (error as Error).message }));
    }
  }
  return { items, failed, close: async () => void (await Promise.all(opened.map((p) => p.close()))) };
}
