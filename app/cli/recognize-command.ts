import { readFile } from 'node:fs/promises';
import { parseOcrType, parseOptions, OcrError, State, type OcrResponse } from '../protocol/index.js';
import { OcrEngine } from '../engine/engine.js';
import { processInfo } from '../protocol/response.js';
import { recognize } from '../server/recognize.js';
import { failedResponse } from '../protocol/response.js';
import { ProgressBar } from './progress.js';

export interface RecognizeCommandArgs {
  images: string[];
  values: Record<string, string | boolean | undefined>;
}

export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

/**
 * `ocr-assistant recognize IMAGE...`: each image in argument order; one bad image is
 * reported and the rest still run. Returns the exit code: 1 if any image failed.
 */
export async function recognizeCommand(args: RecognizeCommandArgs, io: CommandIo): Promise<number> {
  const { images, values } = args;
  if (!images.length) {
    io.stderr.write('ocr-assistant recognize: name at least one image (PNG, JPEG, WebP, BMP, GIF, TIFF)\n');
    return 2;
  }
  const jsonl = values.jsonl === true;
  let type, options;
  try {
    type = parseOcrType(values.type as string | undefined);
    options = parseOptions((name) => values[name] as string | undefined);
  } catch (error) {
    io.stderr.write(`ocr-assistant recognize: ${(error as Error).message}\n`);
    return 2;
  }
  const threads = values.threads ? Number(values.threads) : undefined;
  const engine = await OcrEngine.load({ config: threads ? { runtime: { intraOpThreads: threads } } : {} });
  if (values.verbose) io.stderr.write(`models loaded in ${engine.loadMs.toFixed(0)} ms\n`);
  const progress = new ProgressBar(images.length, io.stderr);
  let failures = 0;
  try {
    for (const [index, path] of images.entries()) {
      progress.update(index, path);
      let response: OcrResponse;
      try {
        const bytes = await readFile(path);
        response = (await recognize(engine, { image: bytes, type, options }, processInfo(0))).response;
      } catch (error) {
        const message = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
        response = failedResponse(type, error instanceof OcrError ? error.state : State.unsupported, `cannot read the file: ${message}`);
      }
      progress.clear();
      if (response.state !== State.done) {
        failures++;
        io.stderr.write(`${path}: ${response.message ?? `state ${response.state}`}\n`);
      }
      if (jsonl) io.stdout.write(`${JSON.stringify(response)}\n`);
      else if (response.state === State.done) {
        if (images.length > 1) io.stdout.write(`${index > 0 ? '\n' : ''}==> ${path} <==\n`);
        const text = response.result?.autoText ?? '';
        io.stdout.write(text ? `${text}\n` : '');
      }
    }
    progress.update(images.length, 'done');
    progress.clear();
  } finally {
    await engine.dispose();
  }
  if (values.verbose) {
    // maxRSS is in kilobytes: the process's high-water mark, models and all.
    io.stderr.write(`${images.length} images, ${failures} failed; peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
  }
  return failures ? 1 : 0;
}
