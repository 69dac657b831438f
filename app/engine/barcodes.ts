// The only file that imports zxing-wasm (DESIGN rule 5): QR codes and barcodes in a capture.
// The WebAssembly binary is read from the installed package, never fetched.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { RgbImage } from './raster.js';
import type { Box } from './geometry.js';
import { ScratchPool } from './scratch.js';

export interface Barcode {
  /** zxing's name of the symbology: QRCode, DataMatrix, Code128, EAN-13... */
  format: string;
  text: string;
  /** Where it is, in the pixels of the image read. */
  box: Box;
}

const require = createRequire(import.meta.url);
let prepared = false;
/** The RGBA copy zxing reads (and copies into its own memory): a capture's worth, reused. */
const rgbaCopies = new ScratchPool<Uint8ClampedArray>(Uint8ClampedArray);

function prepare(): void {
  if (prepared) return;
  const binary = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: { wasmBinary: binary.buffer.slice(binary.byteOffset, binary.byteOffset + binary.length) as ArrayBuffer },
  });
  prepared = true;
}

/** Every readable code in the image; none is an empty list (most screenshots). */
export async function readCodes(image: RgbImage, maxSymbols = 8): Promise<Barcode[]> {
  prepare();
  const results = await rgbaCopies.lend(image.width * image.height * 4, (rgba) => {
    for (let i = 0, j = 0; i < image.data.length; i += 3, j += 4) {
      rgba[j] = image.data[i]!;
      rgba[j + 1] = image.data[i + 1]!;
      rgba[j + 2] = image.data[i + 2]!;
      rgba[j + 3] = 255;
    }
    return readBarcodes({ data: rgba, width: image.width, height: image.height, colorSpace: 'srgb' } as ImageData, {
      tryHarder: true,
      maxNumberOfSymbols: maxSymbols,
    });
  });
  return results
    .filter((r) => r.isValid && r.text)
    .map((r) => {
      const { topLeft, topRight, bottomRight, bottomLeft } = r.position;
      const xs = [topLeft.x, topRight.x, bottomRight.x, bottomLeft.x];
      const ys = [topLeft.y, topRight.y, bottomRight.y, bottomLeft.y];
      const left = Math.min(...xs),
        top = Math.min(...ys);
      return {
        format: r.format,
        text: r.text,
        box: { left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top },
      };
    });
}
