// What a request's bytes are as pages: one picture for an image, one per page for a PDF.
import { isPdf, openPdf } from './pdf-pages.js';
import { encodePng, pdfReadyImage, type PagePicture } from './image.js';
import type { EngineConfig } from './config.js';

/** The pictures a result's PDF shows: the screenshot as it came, or each page of a PDF rendered. */
export async function pagePictures(
  bytes: Uint8Array,
  config: Pick<EngineConfig, 'limits' | 'pdf'>,
): Promise<PagePicture[]> {
  if (!isPdf(bytes)) return [await pdfReadyImage(bytes, config.limits)];
  const pages = await openPdf(bytes, config.pdf, config.limits);
  try {
    const out: PagePicture[] = [];
    for (let i = 0; i < pages.count; i++) {
      const image = await pages.render(i);
      out.push({ bytes: await encodePng(image), format: 'png', width: image.width, height: image.height });
    }
    return out;
  } finally {
    await pages.close();
  }
}
