import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { expandInputs } from './inputs.js';
import {
  parseOcrType,
  parseOptions,
  ResultType,
  State,
  failedResponse,
  type OcrResponse,
  type OcrType,
  type RecognizeOptions,
} from '../protocol/index.js';
import { ProgressBar } from './progress.js';
import { inProcessRecognizer, remoteRecognizer, type Recognizer } from './recognizers.js';
import { makeResultFiles } from '../server/result-files.js';
import { defaultEngineConfig } from '../engine/config.js';
import { Translation, translatorFrom } from '../server/translation/index.js';

export interface RecognizeCommandArgs {
  images: string[];
  values: Record<string, string | boolean | undefined>;
}

export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

interface RecognitionPlan {
  type: OcrType;
  options: RecognizeOptions;
  jsonl: boolean;
  verbose: boolean;
  /** Read again the images whose results are already in `outDir`. */
  force: boolean;
  outDir?: string;
  recognizer: Recognizer;
  /** --translate: the language to translate into. */
  translate?: string;
}

/** Every image's run as it ended: read (or refused, as a response), left as done, or no answer at all. */
type ImageOutcome =
  | { kind: 'answered'; response: OcrResponse; failed: boolean }
  | { kind: 'resumed' }
  | { kind: 'no-answer'; message: string };

const usageError = (io: CommandIo, message: string) => {
  io.stderr.write(`ocr-assistant recognize: ${message}\n`);
  return 2;
};

/**
 * `ocr-assistant recognize IMAGE...`: each image in argument order; one bad image is
 * reported and the rest still run. Returns the exit code: 1 if any image failed.
 */
export async function recognizeCommand(args: RecognizeCommandArgs, io: CommandIo): Promise<number> {
  const plan = await planRecognition(args, io);
  if (typeof plan === 'number') return plan;
  const inputs = await expandInputs(args.images, plan.outDir);
  if (!inputs.length) {
    await plan.recognizer.close();
    return usageError(io, 'the folders named hold no images or PDFs');
  }
  const progress = new ProgressBar(inputs.length, io.stderr);
  let failures = 0;
  let resumed = 0;
  try {
    for (const [index, input] of inputs.entries()) {
      progress.update(index, input.path);
      const outcome = await recognizeOne(plan, input, io, () => progress.clear());
      progress.clear();
      if (outcome.kind === 'resumed') resumed++;
      else if (outcome.kind === 'no-answer') {
        // No response at all (server unreachable, token refused): the other images would fare
        // no better, so stop here and say why.
        io.stderr.write(`ocr-assistant recognize: ${outcome.message}\n`);
        return 1;
      } else {
        if (outcome.failed) failures++;
        printResponse(plan, outcome.response, input.path, index, inputs.length, io);
      }
    }
    progress.update(inputs.length, 'done');
    progress.clear();
  } finally {
    await plan.recognizer.close();
  }
  if (resumed)
    io.stderr.write(
      `${resumed} of ${inputs.length} files were already done in ${plan.outDir} and were left as they are (--force reads them again)\n`,
    );
  if (plan.verbose) {
    // maxRSS is in kilobytes: the process's high-water mark, models and all.
    io.stderr.write(
      `${inputs.length} images, ${failures} failed; peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
    );
  }
  return failures ? 1 : 0;
}

/** The run's settings from the command line, its recognizer and its --out folder; an exit code for a usage error. */
async function planRecognition(args: RecognizeCommandArgs, io: CommandIo): Promise<RecognitionPlan | number> {
  const { images, values } = args;
  if (!images.length) return usageError(io, 'name at least one image (PNG, JPEG, WebP, BMP, GIF, TIFF)');
  let type: OcrType, options: RecognizeOptions;
  try {
    type = parseOcrType(values.type as string | undefined);
    options = parseOptions((name) => values[name] as string | undefined);
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const server = values.server as string | undefined;
  const token = (values.token as string | undefined) ?? process.env.OCR_ASSISTANT_TOKEN;
  if (server && !token) return usageError(io, '--server needs --token T (or OCR_ASSISTANT_TOKEN)');
  const outDir = values.out as string | undefined;
  if (outDir) {
    const existing = await stat(outDir).catch(() => undefined);
    if (existing && !existing.isDirectory())
      return usageError(io, `--out ${outDir} is a file; name a folder for the result files (it is made if missing)`);
    try {
      await mkdir(outDir, { recursive: true });
    } catch (error) {
      return usageError(io, `cannot make the folder ${outDir}: ${(error as Error).message}`);
    }
  }
  const translate = (values.translate as string | undefined)?.trim() || undefined;
  const translatorSpec = values.translator as string | undefined;
  if (translatorSpec && server)
    return usageError(io, '--translator is for reading here; with --server, the server translates with its own');
  if (translatorSpec && !translate) return usageError(io, '--translator needs --translate LANG (e.g. --translate es)');
  let translation: Translation | undefined;
  try {
    translation = translatorSpec ? new Translation(translatorFrom(translatorSpec)) : undefined;
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  let recognizer: Recognizer;
  if (server) recognizer = remoteRecognizer(server, token!);
  else {
    try {
      recognizer = await inProcessRecognizer(
        values.threads ? Number(values.threads) : undefined,
        values.language as string | undefined,
        translation,
      );
    } catch (error) {
      return usageError(io, (error as Error).message);
    }
    if (values.verbose) io.stderr.write(`models loaded in ${recognizer.loadMs?.toFixed(0)} ms\n`);
  }
  return {
    type,
    options,
    jsonl: values.jsonl === true,
    verbose: values.verbose === true,
    force: values.force === true,
    outDir,
    recognizer,
    ...(translate && { translate }),
  };
}

/** One image: left alone when its results are there, else read, reported and its files written. */
async function recognizeOne(
  plan: RecognitionPlan,
  input: { path: string; outName: string },
  io: CommandIo,
  clearProgress: () => void,
): Promise<ImageOutcome> {
  const { path, outName } = input;
  const { outDir } = plan;
  // Resuming an interrupted run: a file whose TXT (written last) is there is done.
  if (!plan.force && outDir && (await stat(join(outDir, `${outName}.txt`)).catch(() => undefined)))
    return { kind: 'resumed' };
  const bytes = await (path === STDIN ? readStdin() : readFile(path)).catch((error: NodeJS.ErrnoException) => error);
  let response: OcrResponse;
  if (bytes instanceof Error) {
    response = failedResponse(
      plan.type,
      State.unsupported,
      `cannot read the file: ${bytes.code === 'ENOENT' ? 'no such file' : bytes.message}`,
    );
  } else {
    try {
      response = await plan.recognizer.recognize(bytes, plan.type, plan.options, plan.translate);
    } catch (error) {
      return { kind: 'no-answer', message: (error as Error).message };
    }
  }
  clearProgress();
  let failed = response.state !== State.done;
  if (failed) io.stderr.write(`${path}: ${response.message ?? `state ${response.state}`}\n`);
  if (outDir && response.state === State.done && response.result && !(bytes instanceof Error)) {
    try {
      await writeResultFiles(
        outDir,
        outName,
        // The documents are titled by the file read (a viewer's title bar shows it); stdin has no name.
        await makeResultFiles(response.result, bytes, defaultEngineConfig, path === '-' ? undefined : basename(path)),
      );
    } catch (error) {
      failed = true;
      io.stderr.write(`${path}: the result files could not be written: ${(error as Error).message}\n`);
    }
  }
  return { kind: 'answered', response, failed };
}

/** The name `-` stands for the image on standard input (`grim -g ... - | ocr-assistant recognize -`). */
const STDIN = '-';

async function readStdin(): Promise<Buffer> {
  if (process.stdin.isTTY) throw new Error('- reads an image from standard input, but it is a terminal');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The response as asked: a JSON line, or its text (under a header when there are several images). */
function printResponse(
  plan: RecognitionPlan,
  response: OcrResponse,
  path: string,
  index: number,
  count: number,
  io: CommandIo,
): void {
  if (plan.jsonl) io.stdout.write(`${JSON.stringify(response)}\n`);
  else if (response.state === State.done) {
    if (count > 1) io.stdout.write(`${index > 0 ? '\n' : ''}==> ${path} <==\n`);
    const text = response.result?.autoText ?? '';
    io.stdout.write(text ? `${text}\n` : '');
    const translation = translatedText(response);
    if (translation) io.stdout.write(`\n--- ${plan.translate} ---\n${translation}\n`);
    // Why a translation asked for did not come (no translator, no such pair, not in time).
    else if (plan.translate && response.message) io.stderr.write(`${path}: ${response.message}\n`);
  }
}

/** A response's translation as its text is printed: paragraphs a line each, a table's rows tab-separated. */
function translatedText(response: OcrResponse): string {
  const result = response.result;
  if (!result?.transLocText) return '';
  try {
    if (result.resultType === ResultType.table) {
      const rows = JSON.parse(result.transText ?? '[]') as string[][];
      return rows.map((row) => row.join('\t')).join('\n');
    }
    return (JSON.parse(result.transLocText) as { words: string }[]).map((p) => p.words).join('\n');
  } catch {
    return '';
  }
}

/**
 * Writes a file's results, each through a temporary name and a rename, the TXT last: an
 * interrupted run leaves no half-written file, and a TXT says the rest are there.
 */
async function writeResultFiles(
  outDir: string,
  outName: string,
  files: { format: { name: string }; body: Buffer }[],
): Promise<void> {
  const target = join(outDir, outName);
  await mkdir(dirname(target), { recursive: true });
  const ordered = [...files].sort(
    (a, b) => Number(extname(a.format.name) === '.txt') - Number(extname(b.format.name) === '.txt'),
  );
  for (const file of ordered) {
    const destination = `${target}${extname(file.format.name)}`;
    await writeFile(`${destination}.partial`, file.body);
    await rename(`${destination}.partial`, destination);
  }
}
