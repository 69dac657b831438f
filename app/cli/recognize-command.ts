import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseOcrType, parseOptions, State, failedResponse, type OcrResponse } from '../protocol/index.js';
import { ProgressBar } from './progress.js';
import { inProcessRecognizer, remoteRecognizer, type Recognizer } from './recognizers.js';
import { makeResultFiles } from '../server/result-files.js';
import { defaultEngineConfig } from '../engine/config.js';

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
  const server = values.server as string | undefined;
  const token = (values.token as string | undefined) ?? process.env.OCR_ASSISTANT_TOKEN;
  if (server && !token) {
    io.stderr.write('ocr-assistant recognize: --server needs --token T (or OCR_ASSISTANT_TOKEN)\n');
    return 2;
  }
  let recognizer: Recognizer;
  if (server) recognizer = remoteRecognizer(server, token!);
  else {
    const threads = values.threads ? Number(values.threads) : undefined;
    recognizer = await inProcessRecognizer(threads);
    if (values.verbose) io.stderr.write(`models loaded in ${recognizer.loadMs?.toFixed(0)} ms\n`);
  }
  const outDir = values.out as string | undefined;
  if (outDir) {
    try {
      await mkdir(outDir, { recursive: true });
    } catch (error) {
      io.stderr.write(`ocr-assistant recognize: cannot make the folder ${outDir}: ${(error as Error).message}\n`);
      return 2;
    }
  }
  const stems = new Map<string, number>();
  const progress = new ProgressBar(images.length, io.stderr);
  let failures = 0;
  try {
    for (const [index, path] of images.entries()) {
      progress.update(index, path);
      let response: OcrResponse;
      const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => error);
      if (bytes instanceof Error) {
        const message = bytes.code === 'ENOENT' ? 'no such file' : bytes.message;
        response = failedResponse(type, State.unsupported, `cannot read the file: ${message}`);
      } else {
        try {
          response = await recognizer.recognize(bytes, type, options);
        } catch (error) {
          // No response at all (server unreachable, token refused): the other images would
          // fare no better, so stop here and say why.
          progress.clear();
          io.stderr.write(`ocr-assistant recognize: ${(error as Error).message}\n`);
          return 1;
        }
      }
      progress.clear();
      if (response.state !== State.done) {
        failures++;
        io.stderr.write(`${path}: ${response.message ?? `state ${response.state}`}\n`);
      }
      if (outDir && response.state === State.done && response.result && !(bytes instanceof Error)) {
        // shot.png -> shot.xlsx, shot.pdf...; a second shot.jpg -> shot-2.xlsx...
        const stem = basename(path, extname(path));
        const seen = (stems.get(stem) ?? 0) + 1;
        stems.set(stem, seen);
        const name = seen > 1 ? `${stem}-${seen}` : stem;
        try {
          for (const file of await makeResultFiles(response.result, bytes, defaultEngineConfig.limits)) {
            await writeFile(join(outDir, `${name}${extname(file.format.name)}`), file.body);
          }
        } catch (error) {
          failures++;
          progress.clear();
          io.stderr.write(`${path}: the result files could not be written: ${(error as Error).message}\n`);
        }
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
    await recognizer.close();
  }
  if (values.verbose) {
    // maxRSS is in kilobytes: the process's high-water mark, models and all.
    io.stderr.write(`${images.length} images, ${failures} failed; peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
  }
  return failures ? 1 : 0;
}
