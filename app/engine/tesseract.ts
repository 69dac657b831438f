// The only file that imports tesseract.js (DESIGN rule 5): Tesseract's LSTM models for the
// scripts the PP-OCRv4 dictionary lacks (Japanese kana). The language data comes from the
// @tesseract.js-data packages installed with the app, never from the network. A worker per
// language starts the first time a page needs it and ends after a while unused: its
// WebAssembly memory never shrinks, and most pages need no second reader at all.
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, PSM, type Worker } from 'tesseract.js';

export type SecondLanguage = 'jpn' | 'jpn_vert' | 'kor' | 'ukr';

const require = createRequire(import.meta.url);

/** Where a language's traineddata lies: the package's int8 "best" models (gzipped, 2 MB). */
function languagePath(language: SecondLanguage): string {
  return path.join(path.dirname(require.resolve(`@tesseract.js-data/${language}/package.json`)), '4.0.0_best_int');
}

export interface LineReading {
  text: string;
  /** Tesseract's mean word confidence, 0..100. */
  confidence: number;
}

export class TesseractReader {
  private readonly workers = new Map<SecondLanguage, Promise<Worker>>();
  private idleTimer: NodeJS.Timeout | undefined;

  /** @param idleMs how long a worker may sit unused before it is ended */
  constructor(private readonly idleMs = 10_000) {}

  /** Reads one line (horizontal) or one column (vertical, jpn_vert) of an encoded picture. */
  async read(picture: Uint8Array, language: SecondLanguage): Promise<LineReading> {
    clearTimeout(this.idleTimer);
    const worker = await this.worker(language);
    try {
      const { data } = await worker.recognize(Buffer.from(picture.buffer, picture.byteOffset, picture.length));
      return { text: data.text.replace(/\s*\n\s*/g, ' ').trim(), confidence: data.confidence };
    } finally {
      this.idleTimer = setTimeout(() => void this.dispose(), this.idleMs);
      this.idleTimer.unref();
    }
  }

  private async worker(language: SecondLanguage): Promise<Worker> {
    const existing = this.workers.get(language);
    if (existing) return existing;
    const worker = (async () => {
      const created = await createWorker(language, 1, { langPath: languagePath(language), gzip: true, cacheMethod: 'none' });
      await created.setParameters({
        tessedit_pageseg_mode: language === 'jpn_vert' ? PSM.SINGLE_BLOCK_VERT_TEXT : PSM.SINGLE_LINE,
        preserve_interword_spaces: '1',
        // Pictures carry no resolution; without one Tesseract warns on stdout for each.
        user_defined_dpi: '300',
        // Tesseract's own diagnostics would land on our stdout, in the middle of --jsonl output.
        debug_file: '/dev/null',
      });
      return created;
    })();
    this.workers.set(language, worker);
    return worker;
  }

  async dispose(): Promise<void> {
    clearTimeout(this.idleTimer);
    const workers = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(workers.map(async (worker) => (await worker.catch(() => undefined))?.terminate().catch(() => undefined)));
  }
}
