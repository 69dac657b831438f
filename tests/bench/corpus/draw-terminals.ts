// Real terminal windows: xterm under Xvfb showing real command output, captured from the X
// server as a screenshot tool would. Ground truth is the text xterm was given, one row a line;
// each line's box is the ink of its row.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { sourceServes, type PagePlan } from './corpus-plan.js';
import type { DrawnPage } from './draw-pages.js';
import { Random } from './random.js';
import { commandOutput, terminalCommands } from './text-sources.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const terminalThemes = {
  dark: [
    { bg: '#000000', fg: '#e5e5e5' },
    { bg: '#300a24', fg: '#ffffff' },
    { bg: '#002b36', fg: '#93a1a1' },
  ],
  light: [
    { bg: '#ffffff', fg: '#000000' },
    { bg: '#fdf6e3', fg: '#586e75' },
  ],
};

export function terminalToolsPresent(): boolean {
  return ['/usr/bin/Xvfb', '/usr/bin/xterm', '/usr/bin/xwininfo', '/usr/bin/import'].every((p) => existsSync(p));
}

async function startXvfb(): Promise<{ display: string; server: ChildProcess }> {
  for (let n = 91; n < 120; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const server = spawn('Xvfb', [`:${n}`, '-screen', '0', '1800x1200x24', '-nolisten', 'tcp', '-dpi', '96'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 50 && !existsSync(`/tmp/.X11-unix/X${n}`); i++) await sleep(100);
    if (existsSync(`/tmp/.X11-unix/X${n}`)) return { display: `:${n}`, server };
    server.kill();
  }
  throw new Error('no free X display for Xvfb');
}

/** The rows one terminal shows: the prompt, the command, a window of its output, a new prompt. */
function terminalRows(plan: PagePlan, random: Random): { rows: string[]; columns: number } {
  const commands = terminalCommands.filter((c) => sourceServes(plan.split, `cmd:${c}`));
  const columns = random.pick([80, 80, 100, 120]);
  for (;;) {
    const command = random.pick(commands);
    const output = commandOutput(command).filter((_, i, all) => i < all.length - 1 || all[i]);
    if (output.length < 3) continue;
    const count = Math.min(output.length, random.int(8, 28));
    const start = random.chance(0.5) ? 0 : random.int(0, output.length - count);
    const prompt = `${random.pick(['user', 'dev', 'root'])}@${random.pick(['build-01', 'laptop', 'ocr-test'])}:~${random.pick(['', '/src', '/tmp'])}$`;
    const rows = [`${prompt} ${command}`, ...output.slice(start, start + count), `${prompt}`].map((l) =>
      l.length > columns ? l.slice(0, columns) : l,
    );
    return { rows, columns };
  }
}

/** Each row's ink box: rows are equal bands between xterm's two-pixel inner borders. */
async function rowBoxes(png: Buffer, rows: string[]): Promise<DrawnPage['lines']> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const border = 2;
  const band = (height - 2 * border) / rows.length;
  const bg = [data[0]!, data[1]!, data[2]!];
  const lines: DrawnPage['lines'] = [];
  rows.forEach((text, r) => {
    if (!text.trim()) return;
    const y0 = Math.floor(border + r * band);
    const y1 = Math.min(height, Math.ceil(border + (r + 1) * band));
    let left = width;
    let right = -1;
    let top = y1;
    let bottom = -1;
    for (let y = y0; y < y1; y++)
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 3;
        if (Math.abs(data[i]! - bg[0]!) + Math.abs(data[i + 1]! - bg[1]!) + Math.abs(data[i + 2]! - bg[2]!) > 90) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    if (right >= 0)
      lines.push({ text: text.replace(/\s+/g, ' ').trim(), box: [left, top, right - left + 1, bottom - top + 1] });
  });
  return lines;
}

export async function drawTerminals(
  plans: readonly PagePlan[],
  onPage: (plan: PagePlan, page: DrawnPage) => Promise<void>,
): Promise<void> {
  const mine = plans.filter((p) => p.kind === 'terminal');
  if (mine.length === 0) return;
  const { display, server } = await startXvfb();
  const work = mkdtempSync(path.join(tmpdir(), 'corpus-xterm-'));
  const env = { ...process.env, DISPLAY: display };
  try {
    for (const plan of mine) {
      const random = new Random(plan.seed);
      const { rows, columns } = terminalRows(plan, random);
      const file = path.join(work, `${plan.id}.txt`);
      // The last row is the new prompt: printed without a newline so the cursor stays on it.
      writeFileSync(file, rows.slice(0, -1).join('\n') + '\n');
      const colours = random.pick(terminalThemes[plan.theme]);
      const title = `corpus-${plan.id}`;
      const xterm = spawn(
        'xterm',
        [
          ...[
            '-T',
            title,
            '-fa',
            plan.font,
            '-fs',
            String(plan.fontSize),
            '-geometry',
            `${columns}x${rows.length}+0+0`,
          ],
          ...['-bg', colours.bg, '-fg', colours.fg, '+sb', '-xrm', 'XTerm*cursorBlink: false'],
          ...['-e', 'sh', '-c', `cat "$0"; printf '%s ' "$1"; exec sleep 600`, file, rows.at(-1)!],
        ],
        { env, stdio: 'ignore' },
      );
      try {
        let id = '';
        for (let i = 0; i < 100 && !id; i++) {
          await sleep(100);
          const info = await run('xwininfo', ['-name', title], { env }).catch(() => ({ stdout: '' }));
          id = /Window id: (0x[0-9a-f]+)/.exec(info.stdout)?.[1] ?? '';
        }
        if (!id) throw new Error(`xterm for ${plan.id} did not map a window`);
        await sleep(700);
        const { stdout } = await run('import', ['-silent', '-window', id, 'png:-'], {
          env,
          encoding: 'buffer',
          maxBuffer: 64 << 20,
        });
        const png = stdout as unknown as Buffer;
        await onPage(plan, { png, lines: await rowBoxes(png, rows) });
      } finally {
        xterm.kill();
      }
    }
  } finally {
    server.kill();
  }
}
