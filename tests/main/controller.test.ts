// The app's main process on fake platform pieces and a real embedded server: the clipboard
// flow, hotkeys, the tray with today's quota, and a table's clipboard formats.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppController } from '../../main/controller.js';
import { checkTranslator, startEmbeddedServer } from '../../main/server/embedded.js';
import { startFakeLibreTranslate } from '../fixtures/translators.js';
import { HotkeyManager } from '../../main/hotkeys/hotkey-manager.js';
import { likelyOwner, normalizeAccelerator } from '../../main/hotkeys/owners.js';
import { clipboardContent } from '../../main/recognition/clipboard-formats.js';
import { quotaLabel } from '../../main/tray/tray-menu.js';
import { eventChannels, type HotkeyProblem } from '../../app/ipc.js';
import { FileType } from '../../app/protocol/index.js';
import { docImage } from '../server/server-helpers.js';
import { fullHdCapture } from '../fixtures/desktop-capture.js';
import { FakeHotkeys, fakePlatform } from '../fakes/platform.js';

const userData = mkdtempSync(path.join(tmpdir(), 'ocr-main-app-'));
const platform = fakePlatform();
let controller: AppController;
let quit = 0;
/** The reading language each built-in server was started with. */
const started: string[] = [];

beforeAll(async () => {
  controller = new AppController(platform, {
    userData,
    startEmbedded: (options) => {
      started.push(options.readingLanguage);
      return startEmbeddedServer(userData, options);
    },
    quit: () => quit++,
    log: () => {},
    checkTranslator,
  });
  controller.start();
  await controller.quota.refresh();
});
afterAll(() => controller.stop());

describe('the clipboard flow', () => {
  it('reads the clipboard image, puts the text on the clipboard, notifies, keeps it in history, shows the result', async () => {
    platform.clipboard.image = docImage;
    const recognition = await controller.recognition.recognizeClipboard();
    expect(recognition.text).toContain('"The Program" refers to any copyrightable work licensed under this License.');
    expect(recognition.lines.length).toBeGreaterThan(1);
    expect(recognition.lines[0]!.location.width).toBeGreaterThan(0);
    expect(platform.clipboard.written.at(-1)?.text).toBe(recognition.text);
    expect(platform.notifier.shown.at(-1)).toMatchObject({
      title: 'OCR Assistant',
      body: expect.stringMatching(/^Copied: .+ \(\+\d+ more lines\)$/),
    });
    const [latest] = controller.history.list();
    expect(latest?.id).toBe(recognition.id);
    expect(latest?.title).toBe(`${recognition.text.split('\n')[0]!.slice(0, 119)}…`);
    expect(platform.windows.shown).toContain('result');
    expect(platform.windows.sent.map((s) => s.channel)).toEqual(
      expect.arrayContaining([eventChannels.onRecognizing, eventChannels.onResult]),
    );
  });

  it("copies a history entry's text without opening it", async () => {
    const [latest] = controller.history.list();
    platform.clipboard.written.push({ text: 'something else' });
    await controller.handlers().copyHistory({ id: latest!.id }, { sender: { id: 1 }, senderFrame: null });
    expect(platform.clipboard.written.at(-1)?.text).toBe(controller.history.get(latest!.id)!.text);
    expect(controller.recognition.latest?.id).toBe(latest!.id);
  });

  it('says so when the clipboard holds no image', async () => {
    platform.clipboard.image = undefined;
    await expect(controller.recognition.recognizeClipboard()).rejects.toThrow(/holds no image/);
    expect(platform.notifier.shown.at(-1)?.title).toBe('Nothing to recognize');
  });

  it('says so when the clipboard holds something that is not an image', async () => {
    platform.clipboard.image = Buffer.from('just some text');
    await expect(controller.recognition.recognizeClipboard()).rejects.toThrow(/not an image OCR Assistant can read/);
  });
});

describe('a large capture', () => {
  const sentSince = (from: number, channel: string) =>
    platform.windows.sent.slice(from).filter((s) => s.channel === channel);

  it('sends the image at once, then the lines as they are read, then the result', async () => {
    const capture = await fullHdCapture();
    const from = platform.windows.sent.length;
    const recognition = await controller.recognition.recognize(capture, 'text');
    const events = platform.windows.sent.slice(from).map((s) => s.channel);
    const withImage = sentSince(from, eventChannels.onRecognizing).find(
      (s) => (s.payload as { image?: unknown }).image,
    );
    expect(withImage?.payload).toMatchObject({ busy: true, image: { width: 1920, height: 1080 } });
    const progress = sentSince(from, eventChannels.onProgress).map((s) => s.payload as { lines: unknown[] });
    expect(progress.filter((p) => p.lines.length > 0).length).toBeGreaterThan(1);
    // In that order: the image, lines, the result.
    expect(events.indexOf(eventChannels.onProgress)).toBeGreaterThan(events.indexOf(eventChannels.onRecognizing));
    expect(events.lastIndexOf(eventChannels.onProgress)).toBeLessThan(events.indexOf(eventChannels.onResult));
    // Layout may join or drop a line or two of the raw reading.
    expect(recognition.lines.length).toBeGreaterThan(0.9 * progress.at(-1)!.lines.length);
  }, 60_000);

  it('is stopped by cancelRecognition: a cancelled failure, no notification, nothing in history', async () => {
    const capture = await fullHdCapture();
    const from = platform.windows.sent.length;
    const notified = platform.notifier.shown.length;
    const entries = controller.history.list().length;
    const running = controller.recognition.recognize(capture, 'text');
    await expect.poll(() => sentSince(from, eventChannels.onProgress).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await controller.handlers().cancelRecognition(undefined, { sender: { id: 1 }, senderFrame: null });
    await expect(running).rejects.toMatchObject({ name: 'CancelledError' });
    expect(platform.notifier.shown.length).toBe(notified);
    expect(controller.history.list().length).toBe(entries);
    expect(sentSince(from, eventChannels.onFailure)).toEqual([]);
    expect(sentSince(from, eventChannels.onRecognizing).at(-1)?.payload).toMatchObject({ busy: false });
  }, 60_000);
});

describe('translation', () => {
  const event = { sender: { id: 1 }, senderFrame: null };

  it("tests a translator, then reads with it: each line's trans, the text translated, the key sealed", async () => {
    const translator = await startFakeLibreTranslate({ key: 'k1' });
    try {
      const handlers = controller.handlers();
      const check = await handlers.testTranslator(
        { translator: 'libretranslate', url: translator.url, key: 'k1' },
        event,
      );
      expect(check.pairs).toContainEqual({ source: 'en', target: 'es' });
      const down = await handlers.testTranslator({ translator: 'apertium', url: 'http://127.0.0.1:9' }, event);
      expect(down.error).toMatch(/cannot be reached/);
      const saved = await handlers.updateSettings(
        { translation: { translator: 'libretranslate', url: translator.url, target: 'es' }, translatorKey: 'k1' },
        event,
      );
      expect(saved.translation).toEqual({
        translator: 'libretranslate',
        url: translator.url,
        target: 'es',
        keySet: true,
      });
      expect(JSON.stringify(saved)).not.toContain('k1');
      const recognition = await controller.recognition.recognize(docImage, 'text');
      expect(translator.requests.at(-1)).toMatchObject({ target: 'es', api_key: 'k1' });
      expect(recognition.translation).toBe(recognition.text.toUpperCase());
      expect(
        recognition.lines.every((l) => l.trans?.replace(/\s/g, '') === l.words.toUpperCase().replace(/\s/g, '')),
      ).toBe(true);
      expect(controller.history.get(recognition.id)?.translation).toBe(recognition.translation);
    } finally {
      await controller
        .handlers()
        .updateSettings({ translation: { translator: 'off', url: '' }, translatorKey: '' }, event);
      await translator.close();
    }
  }, 60_000);
});

describe('the reading language', () => {
  it("starts the built-in server in the Settings' language, and a new one when it changes", async () => {
    // (The tests before may have restarted it, always in the Settings' language.)
    expect(new Set(started)).toEqual(new Set(['auto']));
    const before = started.length;
    controller.handlers().updateSettings({ readingLanguage: 'kor' }, { sender: { id: 1 }, senderFrame: null });
    platform.clipboard.image = docImage;
    const recognition = await controller.recognition.recognizeClipboard();
    expect(recognition.text).toContain('"The Program" refers to any copyrightable work');
    expect(started.slice(before)).toEqual(['kor']);
    controller.handlers().updateSettings({ readingLanguage: 'auto' }, { sender: { id: 1 }, senderFrame: null });
  });
});

describe('exporting a result', () => {
  it('saves the chosen file where the save dialog says, and nothing when it is cancelled', async () => {
    platform.clipboard.image = docImage;
    const recognition = await controller.recognition.recognizeClipboard();
    platform.files.answer = '/home/user/Downloads/licence.txt';
    expect(await controller.exports.save(recognition.id, FileType.txt)).toEqual({
      saved: '/home/user/Downloads/licence.txt',
    });
    expect(platform.files.asked.at(-1)).toEqual({
      defaultName: expect.stringMatching(/^ocr-\d{8}-\d{6}\.txt$/),
      extensions: ['txt'],
    });
    expect(Buffer.from(platform.files.written.get('/home/user/Downloads/licence.txt')!).toString('utf8')).toBe(
      `${recognition.text}\n`,
    );
    platform.files.answer = undefined;
    expect(await controller.exports.save(recognition.id, FileType.word)).toEqual({ saved: null });
  });

  it('exports a history entry whose files are gone from the server by reading its image again', async () => {
    const recognition = await controller.recognition.recognize(docImage);
    // as after a restart: the embedded server of that launch, and its results, are gone
    const stale = {
      ...recognition,
      response: {
        ...recognition.response,
        result: {
          ...recognition.response.result,
          files: recognition.response.result!.files!.map((f) => ({
            ...f,
            url: f.url.replace(recognition.response.id, '00000000-0000-4000-8000-000000000000'),
          })),
        },
      },
    };
    controller.recognition.open(stale);
    platform.files.answer = '/home/user/Downloads/licence.pdf';
    await controller.exports.save(stale.id, FileType.pdf);
    expect(Buffer.from(platform.files.written.get('/home/user/Downloads/licence.pdf')!).subarray(0, 5).toString()).toBe(
      '%PDF-',
    );
  });

  it('refuses a file type the result does not offer', async () => {
    const recognition = await controller.recognition.recognize(docImage);
    platform.files.answer = '/tmp/x.xlsx';
    await expect(controller.exports.save(recognition.id, FileType.excel)).rejects.toThrow(
      /offers no Excel workbook file/,
    );
  });
});

describe('the tray', () => {
  it("shows today's quota from op=count, refreshed after a recognition", async () => {
    await controller.quota.refresh();
    const quotaItem = platform.tray.item(/^Used today/);
    expect(quotaItem?.label).toMatch(/^Used today [1-9]\d* · Left \d+$/);
    expect(quotaItem?.enabled).toBe(false);
    const before = Number(/Used today (\d+)/.exec(quotaItem!.label)![1]);
    platform.clipboard.image = docImage;
    await controller.recognition.recognizeClipboard();
    await controller.quota.refresh();
    expect(platform.tray.item(/^Used today/)?.label).toMatch(new RegExp(`^Used today ${before + 1} · Left`));
  });

  it('offers capture, clipboard, the modes, history, settings and quit, and switches the mode', () => {
    expect(platform.tray.labels()).toEqual([
      'Capture region',
      'Recognize clipboard image',
      'Mode: Text',
      'History…',
      'Settings…',
      expect.stringMatching(/^Used today/),
      'Quit OCR Assistant',
    ]);
    const modes = platform.tray.item('Mode: Text')!.submenu!;
    expect(modes.map((m) => [m.label, m.checked])).toEqual([
      ['Text', true],
      ['Vertical text', false],
      ['Table', false],
      ['Formula', false],
    ]);
    modes[2]!.click!();
    expect(controller.settings.get().mode).toBe('table');
    expect(platform.tray.item('Mode: Table')).toBeDefined();
    platform.tray.item('Settings…')!.click!();
    expect(platform.windows.shown.at(-1)).toBe('settings');
    platform.tray.item('Quit OCR Assistant')!.click!();
    expect(quit).toBe(1);
    controller.settings.update({ mode: 'text' });
  });

  it('says why when the quota cannot be read', () => {
    expect(quotaLabel({ server: 'https://x', error: 'cannot reach the OCR server' })).toBe(
      'Quota unknown: cannot reach the OCR server',
    );
    expect(quotaLabel(undefined)).toBe('Quota: checking…');
  });
});

describe('hotkeys', () => {
  it('registers the three defaults, and the capture hotkey opens the overlays', async () => {
    expect([...platform.hotkeys.registered.keys()]).toEqual([
      'CommandOrControl+Alt+O',
      'CommandOrControl+Alt+Shift+O',
      'CommandOrControl+Alt+Shift+R',
    ]);
  });

  it('reports a taken accelerator with its likely owner and a way out, and re-registers after resume and display changes', () => {
    const hotkeys = new FakeHotkeys();
    hotkeys.taken.add('PrintScreen');
    const problems: HotkeyProblem[] = [];
    const manager = new HotkeyManager(hotkeys, { capture: () => {}, clipboard: () => {}, repeat: () => {} }, (p) =>
      problems.push(p),
    );
    manager.apply({ capture: 'PrintScreen', clipboard: 'Alt+Shift+F8', repeat: 'alt+shift+f8' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({
      action: 'capture',
      likelyOwner: expect.stringMatching(/system screenshot tool/),
    });
    expect(problems[0]!.message).toMatch(
      /could not be registered: it is probably taken by the system screenshot tool.*Choose another key in Settings/,
    );
    expect(problems[1]!.message).toMatch(/already used for "Recognize the clipboard image"/);
    const before = hotkeys.registrations;
    manager.reapply();
    expect(hotkeys.registrations).toBeGreaterThan(before);
  });

  it("re-registers the app's hotkeys when the machine resumes or a display changes", () => {
    const before = platform.hotkeys.registrations;
    platform.power.resume();
    platform.displays.change();
    expect(platform.hotkeys.registrations).toBe(before + 6);
    expect(platform.hotkeys.registered.size).toBe(3);
  });

  it('changing a hotkey in settings registers the new one; a taken one is reported to the renderer', () => {
    platform.hotkeys.taken.add('Shift+Super+S');
    controller
      .handlers()
      .updateSettings({ hotkeys: { capture: 'Shift+Super+S' } }, { sender: { id: 1 }, senderFrame: null });
    const problem = platform.windows.sent.filter((s) => s.channel === eventChannels.onHotkeyProblem).at(-1)
      ?.payload as HotkeyProblem;
    expect(problem).toMatchObject({ accelerator: 'Shift+Super+S', likelyOwner: 'Windows Snipping Tool' });
    expect(platform.notifier.shown.at(-1)?.title).toBe('A hotkey is taken');
    controller
      .handlers()
      .updateSettings({ hotkeys: { capture: 'CommandOrControl+Alt+O' } }, { sender: { id: 1 }, senderFrame: null });
    expect(platform.hotkeys.registered.has('CommandOrControl+Alt+O')).toBe(true);
  });

  it.each([
    ['CommandOrControl+Shift+S', 'Ctrl+Shift+S'],
    ['shift+cmdorctrl+s', 'Ctrl+Shift+S'],
    ['Super+Shift+T', 'Shift+Super+T'],
    ['Alt+Option+F4', 'Alt+F4'],
    ['alt+shift+printscreen', 'Alt+Shift+PRINTSCREEN'],
  ])('normalizes %s as %s', (given, normal) => {
    expect(normalizeAccelerator(given)).toBe(normal);
  });

  it('knows the usual owners', () => {
    expect(likelyOwner('Super+Shift+T')).toBe('PowerToys Text Extractor');
    expect(likelyOwner('F4')).toBe('Umi-OCR');
    expect(likelyOwner('CommandOrControl+Alt+O')).toBeUndefined();
  });
});

describe('clipboard formats', () => {
  it('puts a table on the clipboard as TSV text and an HTML table, escaped', () => {
    const content = clipboardContent({
      id: 'x',
      ocrType: 2,
      state: 2,
      result: {
        resultType: 2,
        spiltText: JSON.stringify([
          ['Name', 'Qty'],
          ['<b>Bolt</b>', '4\t2'],
        ]),
      },
    });
    expect(content.text).toBe('Name\tQty\n<b>Bolt</b>\t4 2');
    expect(content.html).toBe(
      '<table><tr><td>Name</td><td>Qty</td></tr><tr><td>&lt;b&gt;Bolt&lt;/b&gt;</td><td>4\t2</td></tr></table>',
    );
  });

  it('puts text and formulas on the clipboard as autoText', () => {
    expect(
      clipboardContent({ id: 'x', ocrType: 3, state: 2, result: { resultType: 1, autoText: '\\frac{a}{b}' } }),
    ).toEqual({ text: '\\frac{a}{b}' });
  });
});
