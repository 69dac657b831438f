// The only file that imports tesseract.js (DESIGN rule 5): Tesseract's LSTM models for the
// scripts and characters the PP-OCRv4 dictionary lacks (kana, Hangul, Traditional characters,
// Cyrillic, accents). The language data comes from the @tesseract.js-data packages installed
// with the app, never from the network. Most pages need no second reader at all: the worker
// starts the first time a page needs it.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readlink, rename, rm, stat, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWorker, PSM, type Worker } from 'tesseract.js';

const languages = [
  'jpn',
  'jpn_vert',
  'kor',
  'chi_tra',
  'chi_tra_vert',
  'ukr',
  'fra',
  'deu',
  'spa',
  'ita',
  'por',
] as const;
export type SecondLanguage = (typeof languages)[number];

const require = createRequire(import.meta.url);

/** Where a language's traineddata lies: the package's int8 "best" models (gzipped, 2 MB). */
function languageFile(language: SecondLanguage): string {
  return path.join(
    path.dirname(require.resolve(`@tesseract.js-data/${language}/package.json`)),
    '4.0.0_best_int',
    `${language}.traineddata.gz`,
  );
}

/**
 * A worker reads every language from one folder, and each language comes in a package of its
 * own: a folder of links to them (in the temp folder, made once) lets one worker switch.
 */
export async function languageFolder(): Promise<string> {
  const folder = path.join(
    tmpdir(),
    `ocr-assistant-tessdata-${createHash('sha1').update(languageFile('jpn')).digest('hex').slice(0, 12)}`,
  );
  await mkdir(folder, { recursive: true });
  for (const language of languages) {
    const link = path.join(folder, `${language}.traineddata.gz`);
    // A link is followed by the system, which cannot look inside Electron's app.asar: in the
    // packaged app the data lies unpacked beside it (electron-builder.yml's asarUnpack).
    const target = languageFile(language).replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
    if ((await readlink(link).catch(() => undefined)) === target) continue;
    // Windows lets only administrators make links: there the folder holds copies (2-10 MB each).
    const [copy, original] = await Promise.all([stat(link).catch(() => undefined), stat(target)]);
    if (copy?.isFile() && copy.size === original.size && copy.mtimeMs >= original.mtimeMs) continue;
    await rm(link, { force: true });
    // Another process making the same link at the same moment is as good as making it.
    await symlink(target, link).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return;
      if (error.code !== 'EPERM') throw error;
      await copyFile(target, `${link}.${process.pid}`);
      await rename(`${link}.${process.pid}`, link);
    });
  }
  return folder;
}

export interface LineReading {
  text: string;
  /** Tesseract's mean word confidence, 0..100. */
  confidence: number;
}

/**
 * One Tesseract worker for the process, started the first time a page needs it, switched
 * between languages in place. A worker costs 50-90 MB (its WebAssembly memory never shrinks while it lives); ending and starting workers as pages
 * change language costs more: every thread that ends leaves 10-20 MB behind in the C
 * allocator (measured: the CLI grew to 860 MB over the bench that way). A page stays in one
 * language, so a switch (about 0.3 s) happens only while a page's language is probed. A
 * server that has read no such page for a minute gives the worker's memory back.
 */
export class TesseractReader {
  private worker: Promise<Worker> | undefined;
  private language: SecondLanguage | undefined;
  /** Reads wait for one another: a switch must not land in the middle of another language's read. */
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | undefined;

  /** @param idleMs how long the worker may sit unused before it is ended */
  constructor(private readonly idleMs = 60_000) {}

  /** Reads one line (horizontal) or one column (vertical, jpn_vert) of an encoded picture. */
  read(picture: Uint8Array, language: SecondLanguage): Promise<LineReading> {
    clearTimeout(this.idleTimer);
    const reading = this.queue.then(async () => {
      const worker = await this.workerIn(language);
      const { data } = await worker.recognize(Buffer.from(picture.buffer, picture.byteOffset, picture.length));
      return { text: data.text.replace(/\s*\n\s*/g, ' ').trim(), confidence: data.confidence };
    });
    this.queue = reading.catch(() => undefined);
    void this.queue.then(() => {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => void this.queue.then(() => this.dispose()), this.idleMs);
      this.idleTimer.unref();
    });
    return reading;
  }

  private async workerIn(language: SecondLanguage): Promise<Worker> {
    if (!this.worker) {
      this.worker = createWorker(language, 1, { langPath: await languageFolder(), gzip: true, cacheMethod: 'none' });
      this.worker.catch(() => (this.worker = undefined));
    } else if (this.language !== language) {
      this.language = undefined;
      await (await this.worker).reinitialize(language);
    }
    const worker = await this.worker;
    if (this.language !== language) {
      await worker.setParameters({
        tessedit_pageseg_mode: language === 'jpn_vert' ? PSM.SINGLE_BLOCK_VERT_TEXT : PSM.SINGLE_LINE,
        preserve_interword_spaces: '1',
        // Pictures carry no resolution; without one Tesseract warns on stdout for each.
        user_defined_dpi: '300',
        // Tesseract's own diagnostics would land on our stdout, in the middle of --jsonl output.
        debug_file: '/dev/null',
      });
      this.language = language;
    }
    return worker;
  }

  async dispose(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.language = undefined;
    await (await worker?.catch(() => undefined))?.terminate().catch(() => undefined);
  }
}
