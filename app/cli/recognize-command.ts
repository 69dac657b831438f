import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { expandInputs } from './inputs.js';
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
    try {
      recognizer = await inProcessRecognizer(threads, values.language as string | undefined);
    } catch (error) {
      io.stderr.write(`ocr-assistant recognize: ${(error as Error).message}\n`);
      return 2;
    }
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
  const inputs = await expandInputs(images, outDir);
  if (!inputs.length) {
    io.stderr.write('ocr-assistant recognize: the folders named hold no images or PDFs\n');
    return 2;
  }
  const progress = new ProgressBar(inputs.length, io.stderr);
  let failures = 0;
  let resumed = 0;
  try {
    for (const [index, { path, outName }] of inputs.entries()) {
      progress.update(index, path);
      // Resuming an interrupted run: a file whose TXT (written last) is there is done.
      if (outDir && (await stat(join(outDir, `${outName}.txt`)).catch(() => undefined))) {
        resumed++;
        continue;
      }
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
        try {
          await writeResultFiles(outDir, outName, await makeResultFiles(response.result, bytes, defaultEngineConfig));
        } catch (error) {
          failures++;
          progress.clear();
          io.stderr.write(`${path}: the result files could not be written: ${(error as Error).message}\n`);
        }
      }
      if (jsonl) io.stdout.write(`${JSON.stringify(response)}\n`);
      else if (response.state === State.done) {
        if (inputs.length > 1) io.stdout.write(`${index > 0 ? '\n' : ''}==> ${path} <==\n`);
        const text = response.result?.autoText ?? '';
        io.stdout.write(text ? `${text}\n` : '');
      }
    }
    progress.update(inputs.length, 'done');
    progress.clear();
  } finally {
    await recognizer.close();
  }
  if (resumed) io.stderr.write(`${resumed} of ${inputs.length} files were already done in ${outDir} and were left as they are\n`);
  if (values.verbose) {
    // maxRSS is in kilobytes: the process's high-water mark, models and all.
    io.stderr.write(`${inputs.length} images, ${failures} failed; peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
  }
  return failures ? 1 : 0;
}

/**
 * Writes a file's results, each through a temporary name and a rename, the TXT last: an
 * interrupted run leaves no half-written file, and a TXT says the rest are there.
 */
async function writeResultFiles(outDir: string, outName: string, files: { format: { name: string }; body: Buffer }[]): Promise<void> {
  const target = join(outDir, outName);
  await mkdir(dirname(target), { recursive: true });
  const ordered = [...files].sort((a, b) => Number(extname(a.format.name) === '.txt') - Number(extname(b.format.name) === '.txt'));
  for (const file of ordered) {
    const destination = `${target}${extname(file.format.name)}`;
    await writeFile(`${destination}.partial`, file.body);
    await rename(`${destination}.partial`, destination);
  }
}
