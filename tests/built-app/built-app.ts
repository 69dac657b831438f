// Runs the built desktop app, out/main/index.js, the file Electron runs for users, in a Node
// process with the electron stand-in, and drives it the way a user's desktop would: hotkeys,
// windows' IPC, app:// requests, the clipboard, quit. Everything the app asks of Electron
// arrives as an event the test can wait for.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { expect } from 'vitest';
import { invokeChannels, type Mode, type Outcome } from '../../app/ipc.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const standInHooks = path.join(repoRoot, 'tests/built-app/use-electron-stand-in.mjs');

/** Builds what `npm start` and `npm run dist` build: the renderer, then the main bundle. */
export async function buildApp(): Promise<void> {
  await build({ configFile: path.join(repoRoot, 'renderer/vite.config.ts'), logLevel: 'error' });
  const { bundleMain } = (await import(path.join(repoRoot, 'build/bundle-main.mjs'))) as {
    bundleMain: () => Promise<string>;
  };
  await bundleMain();
}

/**
 * The Node that runs the built app. `OCR_ASSISTANT_OTHER_NODE` names one whose ABI differs from
 * the Node that installed node_modules (as Electron's does), so an addon bound to the installer's
 * ABI fails here as it would in the app; without it, this Node.
 */
export function appNode(): { path: string; version: string; abi: string } {
  const other = process.env.OCR_ASSISTANT_OTHER_NODE;
  if (!other) return { path: process.execPath, version: process.version, abi: process.versions.modules };
  const [version = '?', abi = '?'] = execFileSync(other, ['-p', 'process.version + " " + process.versions.modules'], {
    encoding: 'utf8',
  })
    .trim()
    .split(' ');
  return { path: other, version, abi };
}

export type AppEvent = { kind: string; [key: string]: unknown };

/** The tray shows today's quota as numbers (not "checking…" or "unknown"). */
export const quotaShown = (event: AppEvent): boolean =>
  event.kind === 'tray-menu' && (event.labels as string[]).some((label) => /^Used today \d+ · Left \d+$/.test(label));

export interface LaunchOptions {
  userData: string;
  /** The PNG the screen shows. */
  screen?: string;
  entry?: string;
  env?: Record<string, string>;
}

export class BuiltApp {
  readonly events: AppEvent[] = [];
  readonly stderr: string[] = [];
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly replies = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private waiters: Array<() => void> = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly launchedAt = performance.now();

  constructor(options: LaunchOptions) {
    this.child = fork(options.entry ?? path.join(repoRoot, 'out/main/index.js'), [], {
      execPath: appNode().path,
      execArgv: ['--import', standInHooks],
      env: {
        ...process.env,
        ...options.env,
        STAND_IN_USER_DATA: options.userData,
        ...(options.screen ? { STAND_IN_SCREEN: options.screen } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.child.stdout?.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.child.on('message', (message: AppEvent & { reply?: number; value?: unknown; error?: string }) => {
      if (typeof message.reply === 'number') {
        const pending = this.replies.get(message.reply);
        this.replies.delete(message.reply);
        if (message.error) pending?.reject(new Error(message.error));
        else pending?.resolve(message.value);
        return;
      }
      this.events.push({ ...message, at: performance.now() });
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    void this.exited.then(() => {
      for (const wake of this.waiters.splice(0)) wake();
      for (const pending of this.replies.values())
        pending.reject(new Error(`the app exited:\n${this.stderr.join('')}`));
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The first event (from `after` on) that matches; the app's stderr is in the error if none comes. */
  async waitFor(match: (event: AppEvent) => boolean, timeoutMs = 60_000, after = 0): Promise<AppEvent> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(after).find(match);
      if (found) return found;
      if (this.child.exitCode !== null || this.child.signalCode !== null)
        throw new Error(`the app exited before that happened:\n${this.stderr.join('')}`);
      const left = deadline - performance.now();
      if (left <= 0)
        throw new Error(
          `timed out; events: ${JSON.stringify(this.events.slice(-12))}\nstderr:\n${this.stderr.join('')}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  command<T = unknown>(command: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.replies.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ ...args, command, id });
    });
  }

  /** An IPC invoke from the app's window with this web contents id, as Electron delivers it. */
  invoke<T = unknown>(channel: string, arg: unknown, window: number, url: string): Promise<T> {
    return this.command<T>('invoke', { channel, arg, window, url });
  }

  /** The capture hotkey as the tray names it (the tray shows the platform's hotkeys). */
  captureHotkey(): string {
    const tray = this.events.filter((e) => e.kind === 'tray-menu').at(-1);
    const items = (tray?.items ?? []) as Array<{ label: string; accelerator?: string }>;
    const accelerator = items.find((item) => item.label === 'Capture region')?.accelerator;
    if (!accelerator) throw new Error(`the tray names no capture hotkey: ${JSON.stringify(items)}`);
    return accelerator;
  }

  /**
   * What a person does: the capture hotkey (or another way to start a capture), the overlay's
   * frame, the whole screen confirmed as the region; returns what reached the clipboard.
   */
  async captureWholeScreen(
    expectedMode: Mode,
    start: () => Promise<unknown> = () => this.command('pressHotkey', { accelerator: this.captureHotkey() }),
  ): Promise<{ text: string; html?: string }> {
    const before = this.events.length;
    await start();
    const overlay = await this.waitFor(
      (e) => e.kind === 'window-loaded' && String(e.url).endsWith('#/overlay'),
      30_000,
      before,
    );
    const [window, url] = [overlay.window as number, overlay.url as string];
    const frame = await this.invoke<Outcome<{ displayId: number; width: number; height: number; mode: Mode }>>(
      invokeChannels.captureFrame.channel,
      undefined,
      window,
      url,
    );
    if (!frame.ok) throw new Error(frame.error.message);
    expect(frame.value.mode).toBe(expectedMode);
    const region = {
      displayId: frame.value.displayId,
      x: 0,
      y: 0,
      width: frame.value.width,
      height: frame.value.height,
    };
    const confirmed = await this.invoke<Outcome<unknown>>(
      invokeChannels.confirmCapture.channel,
      { region, mode: frame.value.mode },
      window,
      url,
    );
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    const clipboard = await this.waitFor((e) => e.kind === 'clipboard', 60_000, before);
    const data = clipboard.data as Record<string, string>;
    return { text: data['text/plain'] ?? '', html: data['text/html'] };
  }

  /** An IPC invoke from the app's main window (result panel, history, settings), as its page makes it. */
  async invokeFromMainWindow<T>(channel: string, arg: unknown): Promise<T> {
    const shown = await this.waitFor(
      (e) => e.kind === 'window-loaded' && /#\/(result|history|settings)$/.test(String(e.url)),
    );
    const outcome = await this.invoke<Outcome<T>>(channel, arg, shown.window as number, shown.url as string);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value;
  }

  /** Processes whose parent is the app: its engine nodes. */
  childPids(): number[] {
    return descendantsOf(this.pid);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** Every live process whose parent is `pid` (Linux /proc). */
export function descendantsOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command (which may hold spaces) in parentheses: state, ppid, ...
      const [, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) === pid) children.push(Number(entry));
    } catch {
      // gone between the listing and the read
    }
  }
  return children;
}

export function isAlive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return state.slice(state.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
