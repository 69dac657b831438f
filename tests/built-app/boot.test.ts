// The desktop app as users run it: the bundle in out/main (built here, as `npm start` and
// `npm run dist` build it) started in its own Node process with a stand-in for Electron, and
// used as a person would: launch, the tray's quota, the capture hotkey, a region, the text on
// the clipboard and in history, in text, table and formula modes, then quit.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeChannels, type Mode, type Outcome } from '../../app/ipc.js';
import { readGroundTruth } from '../bench/bench-data.js';
import { cer } from '../engine/engine-helpers.js';
import { appNode, buildApp, BuiltApp, isAlive, quotaShown } from './built-app.js';

const screens = readGroundTruth('screens');
const formulas = readGroundTruth('formulas');
const screenOf = (id: string) => {
  const truth = screens.items.find((item) => item.id === id)!;
  return { truth, file: path.join(screens.dir, truth.image) };
};

let app: BuiltApp;
let engineNodes: number[] = [];

beforeAll(async () => {
  await buildApp();
  const { truth, file } = screenOf('public-001-ui-en');
  expect(truth.kind).toBe('ui');
  app = new BuiltApp({ userData: mkdtempSync(path.join(tmpdir(), 'ocr-built-app-')), screen: file });
}, 180_000);

afterAll(() => app?.kill());

describe('the built app (out/main) started as users start it', () => {
  it("starts its own server and shows today's quota in the tray as numbers", async () => {
    const shown = await app.waitFor(quotaShown, 60_000);
    const node = appNode();
    // A figure for the README, not a timed assertion.
    console.log(
      `built app on Node ${node.version} (ABI ${node.abi}; node_modules installed by ABI ${process.versions.modules}): ` +
        `launch to quota in the tray ${Math.round((shown.at as number) - app.launchedAt)} ms`,
    );
    expect(app.events.some((e) => e.kind === 'tray' && String(e.icon).endsWith('build/icon.png'))).toBe(true);
    engineNodes = app.childPids();
    expect(engineNodes.length).toBeGreaterThan(0);
  });

  it('serves the built renderer through its app:// handler, with the CSP, and nothing outside it', async () => {
    const page = await app.command<{ status: number; headers: Record<string, string>; text: string }>('fetchApp', {
      url: 'app://ocr/index.html',
    });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const script = /<script[^>]+src="\.\/(assets\/[^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeTruthy();
    const asset = await app.command<{ status: number; headers: Record<string, string>; text: string }>('fetchApp', {
      url: `app://ocr/${script}`,
    });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.text).toMatch(/import|function/);
    for (const outside of [
      'app://ocr/..%2f..%2fpackage.json',
      'app://ocr/no-such-page.html',
      'app://elsewhere/index.html',
    ]) {
      expect((await app.command<{ status: number }>('fetchApp', { url: outside })).status, outside).toBe(404);
    }
  });

  it('reads a region taken with the capture hotkey onto the clipboard and into history', async () => {
    const { truth } = screenOf('public-001-ui-en');
    const { text } = await app.captureWholeScreen('text');
    expect(cer(text, truth.text)).toBeLessThan(0.05);
    const history = await app.invokeFromMainWindow<Array<{ id: string; title: string; mode: Mode }>>(
      invokeChannels.listHistory.channel,
      undefined,
    );
    expect(history).toHaveLength(1);
    expect(history[0]!.mode).toBe('text');
    expect(text.startsWith(history[0]!.title)).toBe(true);
    const entry = await app.invokeFromMainWindow<{ text: string }>(invokeChannels.openHistory.channel, {
      id: history[0]!.id,
    });
    expect(entry.text).toBe(text);
    const tray = await app.waitFor(quotaShown, 10_000, app.events.length - 1);
    expect(tray.labels).toContain('Used today 1 · Left 999999');
  });

  it('reads a table in table mode: a grid on the clipboard, for spreadsheets', async () => {
    const { truth, file } = screenOf('public-027-table-bordered-en');
    await app.command('setScreen', { file });
    await app.invokeFromMainWindow(invokeChannels.updateSettings.channel, { mode: 'table' });
    const { text, html } = await app.captureWholeScreen('table');
    const rows = text.split('\n').map((row) => row.split('\t'));
    expect(rows).toHaveLength(truth.cells!.length);
    expect(html).toMatch(/^<table><tr><td>/);
    expect(cer(rows.flat().join(''), truth.cells!.flat().join(''))).toBeLessThan(0.03);
  });

  it('reads a typeset formula in formula mode as LaTeX', async () => {
    const truth = formulas.items.find((item) => item.id === 'public-f003')!;
    await app.command('setScreen', { file: path.join(formulas.dir, truth.image) });
    await app.invokeFromMainWindow(invokeChannels.updateSettings.channel, { mode: 'formula' });
    const { text } = await app.captureWholeScreen('formula');
    expect(text.replace(/\s+/g, '')).toBe(truth.text.replace(/\s+/g, ''));
    const history = await app.invokeFromMainWindow<Array<{ mode: Mode }>>(
      invokeChannels.listHistory.channel,
      undefined,
    );
    expect(history.map((entry) => entry.mode)).toEqual(['formula', 'table', 'text']);
  });

  it('quits cleanly when asked, leaving no engine node behind', async () => {
    expect(engineNodes.every(isAlive)).toBe(true);
    await app.command('quit');
    const exit = await app.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    await expect.poll(() => engineNodes.filter(isAlive), { timeout: 5_000 }).toEqual([]);
  });
});

describe('the built app on GNOME under Wayland, with no tray and a damaged history file', () => {
  let gnome: BuiltApp;

  beforeAll(async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'ocr-built-app-gnome-'));
    // A settings file from an earlier launch (so this is not the first run), and history.json cut short by a crash.
    writeFileSync(path.join(userData, 'settings.json'), JSON.stringify({ settings: { mode: 'text' } }));
    writeFileSync(path.join(userData, 'history.json'), '{"schemaVersion":1,"entries":[{"id":"2b7c1f');
    gnome = new BuiltApp({
      userData,
      screen: screenOf('public-001-ui-en').file,
      // No session bus to ask for a StatusNotifier host: GNOME is taken to have no tray.
      env: {
        XDG_SESSION_TYPE: 'wayland',
        XDG_CURRENT_DESKTOP: 'GNOME',
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
      },
    });
  }, 60_000);

  afterAll(() => gnome?.kill());

  it('asks Chromium for PipeWire capture and portal shortcuts in one switch', async () => {
    await gnome.waitFor(quotaShown, 60_000);
    const features = gnome.events.filter((e) => e.kind === 'switch' && e.name === 'enable-features');
    expect(features.map((e) => e.value)).toEqual(['WebRTCPipeWireCapturer,GlobalShortcutsPortal']);
  });

  it('opens its window at launch, since no tray shows, and says why there', async () => {
    const shown = await gnome.waitFor((e) => e.kind === 'window-loaded' && String(e.url).endsWith('#/result'));
    const status = await gnome.invoke<Outcome<{ trayAvailable: boolean }>>(
      invokeChannels.appStatus.channel,
      undefined,
      shown.window as number,
      shown.url as string,
    );
    expect(status).toEqual({ ok: true, value: { platform: 'linux', trayAvailable: false } });
  });

  it('starts despite the damaged history, tells the user once, and keeps the damaged file', async () => {
    const told = gnome.events.filter((e) => e.kind === 'notification' && e.title === 'History was damaged');
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toMatch(/kept as history\.json\.damaged-/);
    expect(await gnome.invokeFromMainWindow(invokeChannels.listHistory.channel, undefined)).toEqual([]);
  });

  it("captures when launched again with --capture (a desktop shortcut's command), and the text lands in history", async () => {
    const { truth } = screenOf('public-001-ui-en');
    const { text } = await gnome.captureWholeScreen('text', () =>
      gnome.command('secondInstance', { argv: ['--capture'] }),
    );
    expect(cer(text, truth.text)).toBeLessThan(0.05);
    const history = await gnome.invokeFromMainWindow<Array<{ title: string }>>(
      invokeChannels.listHistory.channel,
      undefined,
    );
    expect(history.map((entry) => entry.title)).toEqual([text.split('\n')[0]]);
  });

  it('quits when its last window is closed, as there is no tray to keep it', async () => {
    await gnome.command('closeAllWindows');
    expect(await gnome.exited).toEqual({ code: 0, signal: null });
  });
});
