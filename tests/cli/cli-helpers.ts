// The `ocr-assistant` command as a user runs it: a separate process, its output and exit code.
import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/ocr-assistant.js');

export async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { maxBuffer: 256 << 20 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

export interface ServeProcess {
  process: ChildProcessByStdio<null, null, Readable>;
  /** `http://127.0.0.1:PORT`, as the server announced it. */
  url: string;
  /** Everything the server wrote to stderr so far. */
  log(): string;
}

/** Starts `ocr-assistant serve ARGS` and resolves once it says where it listens. */
export function spawnServe(args: string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const match = /OCR Open API on (http:\/\/[\d.:]+)\/Code\.ashx/.exec(log);
      if (match?.[1]) resolve({ process: child, url: match[1], log: () => log });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${log}`)));
  });
}
