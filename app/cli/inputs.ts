// What `recognize` was given, as the files to read: images and PDFs named on the command line,
// and every image and PDF inside a folder (its subfolders too), in a stable order. Each gets
// the name its result files take in --out: a file's own name, or its path inside the folder.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const readable = /\.(png|jpe?g|webp|bmp|gif|tiff?|pdf)$/i;

export interface InputFile {
  path: string;
  /** The result files' name in --out, without extension (may hold subfolders). */
  outName: string;
}

/** `skip`: a folder not to look into (the --out folder, which may lie inside the one read). */
export async function expandInputs(args: readonly string[], skip?: string): Promise<InputFile[]> {
  const files: InputFile[] = [];
  const taken = new Map<string, number>();
  const add = (file: string, outName: string) => {
    // shot.png and shot.jpg side by side: the second one's files are shot-2.*
    const seen = (taken.get(outName) ?? 0) + 1;
    taken.set(outName, seen);
    files.push({ path: file, outName: seen > 1 ? `${outName}-${seen}` : outName });
  };
  for (const arg of args) {
    // `-`: the image on standard input, its result files named stdin.*
    if (arg === '-') {
      add(arg, 'stdin');
      continue;
    }
    const info = await stat(arg).catch(() => undefined);
    if (!info?.isDirectory()) {
      // A missing file is kept: recognizing it reports it, and the others still run.
      add(arg, path.basename(arg, path.extname(arg)));
      continue;
    }
    for (const file of await walk(arg, skip && path.resolve(skip))) {
      const relative = path.relative(arg, file);
      add(file, relative.slice(0, relative.length - path.extname(relative).length));
    }
  }
  return files;
}

async function walk(dir: string, skip: string | undefined): Promise<string[]> {
  if (skip && path.resolve(dir) === skip) return [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full, skip)));
    else if (entry.isFile() && readable.test(entry.name)) out.push(full);
  }
  return out;
}
