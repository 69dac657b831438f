// window.ocr for the browser build: the same contract as the preload's, answered in the page
// over HTTP to the local Open API server (through app/client, as main does). Settings live in
// localStorage, history in IndexedDB; "capture" freezes an image given by the page's
// ?screen= parameter instead of the screen, so the overlay can be tried and tested anywhere.
import {
  CancelledError,
  defaultSettingsFor,
  type DesktopPlatform,
  eventChannels,
  failureOf,
  recognitionOf,
  modeTypes,
  settingsPatchSchema,
  settingsSchema,
  translationTarget,
  type CaptureFrame,
  type EventName,
  type EventPayloads,
  type HistorySummary,
  type InvokeResults,
  type Mode,
  type OcrApi,
  type Outcome,
  type Recognition,
  type Settings,
} from '../../app/ipc.js';
import { OcrClient } from '../../app/client/index.js';
import type { OcrResponse, RecognizeOptions } from '../../app/protocol/index.js';
import { WebHistory } from './web-history.js';
import { WebCapture } from './web-capture.js';

export interface WebConfig {
  token: string;
  /** Where the API answers; the page's own origin (the web server proxies it). */
  baseUrl: string;
  /** The image "capture" freezes. */
  screenUrl?: string;
}

const settingsKey = 'ocr-assistant.settings';

export function createHttpApi(config: WebConfig): OcrApi {
  const events = new EventTarget();
  const emit = <K extends EventName>(name: K, payload: EventPayloads[K]) =>
    events.dispatchEvent(new CustomEvent(name, { detail: payload }));
  const history = new WebHistory();
  const client = () => new OcrClient({ baseUrl: config.baseUrl, token: config.token });
  let current: Recognition | null = null;
  /** The recognitions in progress, for cancelRecognition. */
  const inProgress = new Set<AbortController>();
  const capture = new WebCapture(config.screenUrl);

  // The browser build has no hotkeys of its own; it shows the ones the desktop app would have here.
  const platform: DesktopPlatform = /Mac/.test(navigator.platform)
    ? 'darwin'
    : /Win/.test(navigator.platform)
      ? 'win32'
      : 'linux';
  const defaultSettings = defaultSettingsFor(platform);
  const readSettings = (): Settings => {
    try {
      return settingsSchema.parse({ ...defaultSettings, ...JSON.parse(localStorage.getItem(settingsKey) ?? '{}') });
    } catch {
      return defaultSettings;
    }
  };

  const quota = async () => {
    try {
      const view = { server: config.baseUrl, quota: await client().quota() };
      emit('onQuota', view);
      return view;
    } catch (error) {
      return { server: config.baseUrl, error: (error as Error).message };
    }
  };

  async function recognize(
    image: Uint8Array,
    mode?: Mode,
    options?: RecognizeOptions,
    name?: string,
  ): Promise<Recognition> {
    const settings = readSettings();
    const chosen = mode ?? settings.mode;
    emit('onRecognizing', { busy: true, mode: chosen });
    const started = performance.now();
    const cancel = new AbortController();
    inProgress.add(cancel);
    try {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(image)])).catch(() => {
        throw new Error('That is not an image the browser can read.');
      });
      emit('onRecognizing', {
        busy: true,
        mode: chosen,
        image: { bytes: image, width: bitmap.width, height: bitmap.height },
      });
      const response = await client().recognize(image, {
        type: modeTypes[chosen],
        options: options ?? settings.options,
        trans: translationTarget(settings),
        ...(name && { filename: name }),
        signal: cancel.signal,
        onProgress: (progress) => emit('onProgress', progress),
      });
      const recognition = recognitionOf(
        response,
        { bytes: image, width: bitmap.width, height: bitmap.height },
        {
          id: crypto.randomUUID(),
          mode: chosen,
          createdAt: new Date().toISOString(),
          elapsedMs: Math.round(performance.now() - started),
          ...(name && { sourceName: name }),
        },
      );
      current = recognition;
      await history.add(recognition, settings.historyLimit);
      emit('onResult', recognition);
      void quota();
      return recognition;
    } catch (error) {
      if (cancel.signal.aborted) throw new CancelledError();
      emit('onFailure', { kind: 'recognition', message: (error as Error).message });
      throw error;
    } finally {
      inProgress.delete(cancel);
      emit('onRecognizing', { busy: false, mode: chosen });
    }
  }

  /** A history entry the page names, or the error it shows when the entry is gone. */
  const historyEntry = async (id: string): Promise<Recognition> => {
    const entry = await history.get(id);
    if (!entry) throw new Error('That entry is no longer in the history.');
    return entry;
  };

  const handlers: { [K in keyof InvokeResults]: (args: never) => Promise<InvokeResults[K]> } = {
    recognizeImage: async ({
      image,
      mode,
      options,
      name,
    }: {
      image: Uint8Array;
      mode?: Mode;
      options?: RecognizeOptions;
      name?: string;
    }) => recognize(image, mode, options, name),
    recognizeClipboard: async () => {
      const items = await navigator.clipboard.read().catch(() => {
        throw new Error('The browser did not allow reading the clipboard: paste the image with Ctrl+V instead.');
      });
      for (const item of items) {
        const type = item.types.find((t) => t.startsWith('image/'));
        if (type) return recognize(new Uint8Array(await (await item.getType(type)).arrayBuffer()));
      }
      throw new Error('The clipboard holds no image. Copy a screenshot or a picture first.');
    },
    rerun: async ({ id, mode, options }: { id: string; mode: Mode; options: RecognizeOptions }) => {
      const previous = current?.id === id ? current : await history.get(id);
      if (!previous) throw new Error('That result is no longer in the history.');
      return recognize(previous.image, mode, options, previous.sourceName);
    },
    startCapture: async (args?: { mode?: Mode }) => capture.start(args?.mode ?? readSettings().mode),
    captureFrame: async (): Promise<CaptureFrame> => capture.frame(readSettings().mode),
    confirmCapture: async ({
      region,
      mode,
    }: {
      region: { x: number; y: number; width: number; height: number };
      mode: Mode;
    }) => {
      await recognize(await capture.confirm(region), mode);
    },
    cancelCapture: async () => capture.cancel(),
    cancelRecognition: async () => {
      for (const controller of inProgress) controller.abort();
    },
    // The browser's own download takes the place of the save dialog: the file is fetched
    // through the page's origin (the web server forwards /files/) and handed to an <a download>.
    saveResultFile: async ({ id, fileType }: { id: string; fileType: number }) => {
      const recognition = current?.id === id ? current : await history.get(id);
      if (!recognition) throw new Error('That result is no longer in the history.');
      const fileOf = (response: OcrResponse) => response.result?.files?.find((f) => f.fileType === fileType);
      const offered = fileOf(recognition.response);
      let download = offered && {
        url: offered.url,
        bytes: await client()
          .download(offered.url)
          .catch(() => undefined),
      };
      if (!download?.bytes) {
        // Expired with its result on the server: read the image again for fresh files.
        const fresh = fileOf(
          await client().recognize(recognition.image, {
            ...(recognition.sourceName && { filename: recognition.sourceName }),
            type: recognition.response.ocrType as 0 | 1 | 2 | 3,
            options: readSettings().options,
          }),
        );
        if (!fresh) throw new Error('The OCR server offers no such file for this result.');
        download = { url: fresh.url, bytes: await client().download(fresh.url) };
      }
      const name = `ocr-${recognition.createdAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}${download.url.slice(download.url.lastIndexOf('.'))}`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([new Uint8Array(download.bytes!)]));
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      return { saved: name };
    },
    currentResult: async () => current,
    copyText: async ({ text }: { text: string }) => navigator.clipboard.writeText(text),
    listHistory: async (args?: { query?: string; limit?: number }): Promise<HistorySummary[]> =>
      history.list(args?.query, args?.limit),
    openHistory: async ({ id }: { id: string }) => (current = await historyEntry(id)),
    deleteHistory: async ({ id }: { id: string }) => history.delete(id),
    copyHistory: async ({ id }: { id: string }) => navigator.clipboard.writeText((await historyEntry(id)).text),
    clearHistory: async () => history.clear(),
    getSettings: async () => readSettings(),
    updateSettings: async (patch: unknown) => {
      const parsed = settingsPatchSchema.parse(patch);
      const { serverToken: _token, server: _server, hotkeys, ...rest } = parsed;
      const current = readSettings();
      const next = settingsSchema.parse({ ...current, ...rest, hotkeys: { ...current.hotkeys, ...hotkeys } });
      localStorage.setItem(settingsKey, JSON.stringify(next));
      emit('onSettings', next);
      return next;
    },
    testServer: async ({ url, token }: { url: string; token: string }) => {
      try {
        return { server: url, quota: await new OcrClient({ baseUrl: url, token }).quota() };
      } catch (error) {
        return { server: url, error: (error as Error).message };
      }
    },
    getQuota: quota,
    // A page may reach only its own origin (the CSP): the browser build's server translates with
    // the translator it was started with (npm run web -- --translator SPEC); Test cannot ask another.
    testTranslator: async () => ({
      error:
        'The browser build cannot reach a translation server itself: start it with npm run web -- --translator apertium:URL (or libretranslate:URL), and pick the language here.',
    }),
    hotkeyProblems: async () => [],
    // A page in a browser has no tray to miss.
    appStatus: async () => ({ platform, trayAvailable: true }),
  };

  const api: Record<string, unknown> = {};
  for (const name of Object.keys(handlers) as (keyof InvokeResults)[]) {
    api[name] = async (args?: unknown): Promise<Outcome<unknown>> => {
      try {
        return { ok: true, value: await (handlers[name] as (a: unknown) => Promise<unknown>)(args) };
      } catch (error) {
        return { ok: false, error: failureOf(error) };
      }
    };
  }
  for (const name of Object.keys(eventChannels) as EventName[]) {
    api[name] = (listener: (payload: unknown) => void) => {
      const forward = (event: Event) => listener((event as CustomEvent).detail);
      events.addEventListener(name, forward);
      return () => events.removeEventListener(name, forward);
    };
  }
  return Object.freeze(api) as OcrApi;
}
