// The IPC contract between the Electron main process and the renderer (DESIGN rule 2): channel
// names, payload schemas, the types inferred from them, and the `window.ocr` API the preload
// exposes. The preload exposes exactly `invokeChannels` and `eventChannels`; every main-side
// handler checks the sender and parses its argument with the schema here before anything else.
import { z } from 'zod';
import {
  isServerUrl,
  optionNames,
  ResultType,
  State,
  type CodeInfo,
  type OcrResponse,
  type OptionName,
  type ProgressInfo,
  type QuotaCount,
  type TextCellInfo,
} from './protocol/index.js';

// What the renderer needs of the wire format comes through here: it sees app/ipc.ts only.
export { isServerUrl, optionNames, ResultType };
export type {
  CodeInfo,
  OcrResponse,
  OptionName,
  ProgressInfo,
  QuotaCount,
  RecognizeOptions,
  TextCellInfo,
} from './protocol/index.js';

/** What the user asks for: the Open API's `type`, by name. */
export const modes = ['text', 'vertical', 'table', 'formula'] as const;
export type Mode = (typeof modes)[number];
export const modeTypes: Record<Mode, 0 | 1 | 2 | 3> = { text: 0, vertical: 1, table: 2, formula: 3 };

const optionsSchema = z
  .object(Object.fromEntries(optionNames.map((name) => [name, z.boolean()])) as Record<OptionName, z.ZodBoolean>)
  .partial()
  .strict();

/** A PNG, JPEG... as bytes; 60 MB at most, like the server's body limit. */
const imageBytes = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'image bytes (a Uint8Array)')
  .refine((b) => b.length > 0 && b.length <= 60 * 2 ** 20, 'an image of 1 byte to 60 MB');

/** An electron accelerator such as `CommandOrControl+Alt+O`: modifiers, then one key. */
export const acceleratorSchema = z
  .string()
  .max(64)
  .regex(
    /^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+[A-Za-z0-9]$|^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)*(F([1-9]|1[0-9]|2[0-4])|PrintScreen|Space|Insert|Home|End|PageUp|PageDown)$/,
    'modifiers and one key, e.g. CommandOrControl+Alt+O',
  );

export const readingLanguages = [
  'auto',
  'jpn',
  'kor',
  'chi_tra',
  'ukr',
  'fra',
  'deu',
  'spa',
  'ita',
  'por',
  'none',
] as const;
export type ReadingLanguage = (typeof readingLanguages)[number];

/** The translation servers the app can use (`--translator`'s kinds); off: no translation. */
export const translatorKinds = ['off', 'apertium', 'libretranslate'] as const;
export type TranslatorKind = (typeof translatorKinds)[number];

/** The languages the Settings offer to translate into: ISO 639-1, as `trans=` takes them. */
export const translationTargets = [
  'en',
  'zh',
  'zh-Hant',
  'ja',
  'ko',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'ru',
  'uk',
] as const;

const translationFields = z.object({
  translator: z.enum(translatorKinds),
  /** The translation server's address (Apertium's APY, or LibreTranslate); '' while off. */
  url: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
  target: z.enum(translationTargets),
  /** A LibreTranslate API key is stored (with safeStorage; it never crosses IPC back). */
  keySet: z.boolean(),
});
const translationSchema = translationFields.refine((t) => t.translator === 'off' || t.url !== '', {
  message: 'a translator needs its address',
  path: ['url'],
});

/** How many history entries may be kept: the settings schema's bounds, shown by the Settings view. */
export const historyLimitRange = { min: 10, max: 5000 } as const;

export const settingsSchema = z.object({
  hotkeys: z.object({ capture: acceleratorSchema, clipboard: acceleratorSchema, repeat: acceleratorSchema }),
  server: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('embedded') }),
    // The token itself never crosses IPC back to the renderer; see `tokenSet`.
    z.object({ kind: z.literal('remote'), url: z.url({ protocol: /^https?$/ }), tokenSet: z.boolean() }),
  ]),
  mode: z.enum(modes),
  options: optionsSchema,
  theme: z.enum(['system', 'light', 'dark']),
  language: z.enum(['en', 'zh-CN']),
  /** Lines the models cannot read (kana, Hangul, Cyrillic): read again in the language they show (auto), in one, or not at all. */
  readingLanguage: z.enum(readingLanguages),
  copyToClipboard: z.boolean(),
  notify: z.boolean(),
  historyLimit: z.number().int().min(historyLimitRange.min).max(historyLimitRange.max),
  /** Recognized text translated by a translation server of the user's own (the embedded server's translator). */
  translation: translationSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

/** The actions a global hotkey can start, in the order the views list them: the schema's own keys. */
export const hotkeyActions = Object.keys(settingsSchema.shape.hotkeys.shape) as (keyof Settings['hotkeys'])[];

/** The desktops the app is built for; anything else is treated as Linux (X11/Wayland rules). */
export type DesktopPlatform = 'darwin' | 'win32' | 'linux';
export const desktopPlatformOf = (platform: string): DesktopPlatform =>
  platform === 'darwin' || platform === 'win32' ? platform : 'linux';

/**
 * A fresh install's hotkeys, per platform. On Windows, Ctrl+Alt is AltGr: Ctrl+Alt+O types ó on
 * a Polish keyboard (and others on many layouts), so a global Ctrl+Alt hotkey swallows typing;
 * Windows gets Win+Shift, the family PowerToys' Text Extractor uses. On Linux AltGr is a key of
 * its own, and on macOS Command is held, so Ctrl/Cmd+Alt produce no characters there. None
 * collides with a common program's (main/hotkeys/owners.ts).
 */
export function defaultHotkeys(platform: DesktopPlatform): Settings['hotkeys'] {
  if (platform === 'win32') return { capture: 'Super+Shift+O', clipboard: 'Super+Shift+I', repeat: 'Super+Shift+P' };
  return {
    capture: 'CommandOrControl+Alt+O',
    clipboard: 'CommandOrControl+Alt+Shift+O',
    repeat: 'CommandOrControl+Alt+Shift+R',
  };
}

/** The hotkeys every platform had before they were chosen per platform (Windows users still on them are moved). */
export const formerDefaultHotkeys: Settings['hotkeys'] = {
  capture: 'CommandOrControl+Alt+O',
  clipboard: 'CommandOrControl+Alt+Shift+O',
  repeat: 'CommandOrControl+Alt+Shift+R',
};

/** The language recognitions ask to be translated into (`trans=`), or undefined while translation is off. */
export const translationTarget = (settings: Settings): string | undefined =>
  settings.translation.translator === 'off' ? undefined : settings.translation.target;

/** A fresh install's settings on a platform. */
export function defaultSettingsFor(platform: DesktopPlatform): Settings {
  return {
    hotkeys: defaultHotkeys(platform),
    server: { kind: 'embedded' },
    mode: 'text',
    options: {},
    theme: 'system',
    language: 'en',
    readingLanguage: 'auto',
    copyToClipboard: true,
    notify: true,
    historyLimit: 500,
    translation: { translator: 'off', url: '', target: 'en', keySet: false },
  };
}

/**
 * An accelerator as the platform writes it: `⌥⌘O` on macOS (modifiers in Apple's order, no
 * separators), `Win+Shift+O` on Windows, `Ctrl+Alt+O` on Linux; never `CommandOrControl+...`.
 */
export function acceleratorLabel(accelerator: string, platform: DesktopPlatform): string {
  const parts = accelerator.split('+').filter(Boolean);
  const key = parts.pop() ?? '';
  const held = new Set<'ctrl' | 'alt' | 'altgr' | 'shift' | 'meta'>();
  for (const part of parts.map((p) => p.toLowerCase())) {
    if (part === 'commandorcontrol' || part === 'cmdorctrl') held.add(platform === 'darwin' ? 'meta' : 'ctrl');
    else if (part === 'command' || part === 'cmd' || part === 'super' || part === 'meta') held.add('meta');
    else if (part === 'control' || part === 'ctrl') held.add('ctrl');
    else if (part === 'alt' || part === 'option') held.add('alt');
    else if (part === 'altgr') held.add('altgr');
    else if (part === 'shift') held.add('shift');
  }
  const keyName = key.length === 1 ? key.toUpperCase() : key;
  if (platform === 'darwin') {
    const symbols = { ctrl: '⌃', alt: '⌥', altgr: '⌥', shift: '⇧', meta: '⌘' } as const;
    return (
      (['ctrl', 'alt', 'altgr', 'shift', 'meta'] as const)
        .filter((m) => held.has(m))
        .map((m) => symbols[m])
        .join('') + keyName
    );
  }
  const names = {
    meta: platform === 'win32' ? 'Win' : 'Super',
    ctrl: 'Ctrl',
    alt: 'Alt',
    altgr: 'AltGr',
    shift: 'Shift',
  } as const;
  return [
    ...(['meta', 'ctrl', 'alt', 'altgr', 'shift'] as const).filter((m) => held.has(m)).map((m) => names[m]),
    keyName,
  ].join('+');
}

/** What the views need to know of where they run. */
export interface AppStatus {
  platform: DesktopPlatform;
  /**
   * False where the desktop shows no tray icons (stock GNOME): the main window is then the
   * app, and closing it quits.
   */
  trayAvailable: boolean;
}

/** A change to the settings; `serverToken` is write-only (kept with safeStorage in main). */
export const settingsPatchSchema = settingsSchema
  .omit({ hotkeys: true, server: true, translation: true })
  .partial()
  .extend({
    hotkeys: settingsSchema.shape.hotkeys.partial().optional(),
    server: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('embedded') }),
        z.object({ kind: z.literal('remote'), url: z.url({ protocol: /^https?$/ }) }),
      ])
      .optional(),
    serverToken: z.string().min(1).max(512).optional(),
    translation: translationFields.omit({ keySet: true }).partial().optional(),
    /** A LibreTranslate API key, write-only like `serverToken`; '' removes it. */
    translatorKey: z.string().max(512).optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** A region of one display, in that display's DIP coordinates (as the overlay sees it). */
export const regionSchema = z.object({
  displayId: z.number().int(),
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().positive(),
  height: z.number().finite().positive(),
});
export type Region = z.infer<typeof regionSchema>;

/** One recognition as the result panel and history show it. */
export interface Recognition {
  id: string;
  /** The mode the result was read in: the one asked for, or text where a formula was asked for and none found. */
  mode: Mode;
  /** The mode asked for, where the result was read in another. */
  requestedMode?: Mode;
  createdAt: string;
  /** The image that was read, as PNG. */
  image: Uint8Array;
  width: number;
  height: number;
  text: string;
  /** Line boxes in the pixels of `image`. */
  lines: TextCellInfo[];
  lang?: string;
  elapsedMs: number;
  response: OcrResponse;
  /** A table's rows of cells (table mode, `spiltText`), or null. */
  rows: string[][] | null;
  /** QR codes and barcodes found beside the text (`desc`). */
  codes: CodeInfo[];
  /** A formula's LaTeX (a result of resultType 1), or null. */
  formula: string | null;
  /** A large image read scaled down (the server's `message` says so): at what percentage of its size. */
  readPercent?: number;
  /**
   * The text translated (`trans=`): paragraphs a line each, or a table's rows tab-separated;
   * each line's own translation is its cell's `trans`. Absent without a translation.
   */
  translation?: string;
  /** Why a translation asked for did not come (the server's message), shown beside the text. */
  translationNote?: string;
  /** The file the image came from, where it came from one (its documents' title). */
  sourceName?: string;
}

/** The image of a recognition in progress, as PNG, with its size in pixels. */
export interface PendingImage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** JSON that may be absent, broken or another server's free text: `fallback` then. */
function parsedOr<T>(json: string | undefined, fallback: T, accept: (value: unknown) => value is T): T {
  if (!json) return fallback;
  try {
    const value = JSON.parse(json) as unknown;
    return accept(value) ? value : fallback;
  } catch {
    return fallback;
  }
}
const isCellList = (v: unknown): v is TextCellInfo[] =>
  Array.isArray(v) &&
  v.every((c) => typeof (c as TextCellInfo)?.words === 'string' && typeof (c as TextCellInfo)?.location === 'object');
const isRows = (v: unknown): v is string[][] => Array.isArray(v) && v.every((r) => Array.isArray(r));
/** A table's rows (`spiltText` or `transText` in table mode), or null where they are not rows. */
const rowsOf = (json: string | undefined) => parsedOr<string[][] | null>(json, null, isRows);
const isCodeList = (v: unknown): v is CodeInfo[] =>
  Array.isArray(v) && v.every((c) => typeof (c as CodeInfo)?.text === 'string');

/**
 * A response as the views show it: the text, the line boxes (`verticalText`), a table's rows
 * (`spiltText` in table mode), codes (`desc`) and a formula, each read once and guarded: a
 * response from any server, however odd, becomes a Recognition. Main and the browser build
 * both make theirs here.
 */
export function recognitionOf(
  response: OcrResponse,
  image: { bytes: Uint8Array; width: number; height: number },
  about: { id: string; mode: Mode; createdAt: string; elapsedMs: number; sourceName?: string },
): Recognition {
  const result = response.result;
  const formula = result?.resultType === ResultType.webPage && result.autoText ? result.autoText : null;
  // The server answers formula mode on a snip that is no formula with its text: the result
  // says so, so that the mode picker shows what was done.
  const mode: Mode = about.mode === 'formula' && !formula && response.state === State.done ? 'text' : about.mode;
  const rows = result?.resultType === ResultType.table ? rowsOf(result.spiltText) : null;
  const readPercent =
    response.state === State.done ? Number(/read at (\d+)% of its size/.exec(response.message ?? '')?.[1]) : NaN;
  const translation = translatedText(result);
  const translationNote = /no translation: [^;]*|only part was translated: [^;]*/.exec(response.message ?? '')?.[0];
  return {
    ...about,
    mode,
    ...(mode !== about.mode ? { requestedMode: about.mode } : {}),
    ...(readPercent > 0 && readPercent < 100 ? { readPercent } : {}),
    ...(translation ? { translation } : {}),
    ...(translationNote ? { translationNote } : {}),
    image: image.bytes,
    width: image.width,
    height: image.height,
    text: result?.autoText ?? '',
    lines: parsedOr(result?.verticalText, [], isCellList),
    lang: result?.lang,
    response,
    rows: rows?.map((row) => row.map((cell) => String(cell ?? ''))) ?? null,
    codes: parsedOr(response.desc, [], isCodeList),
    formula,
  };
}

/** A result's translation as text: `transLocText`'s paragraphs a line each, a table's `transText` rows tab-separated. */
function translatedText(result: OcrResponse['result']): string | undefined {
  if (!result?.transLocText) return undefined;
  if (result.resultType === ResultType.table) {
    return rowsOf(result.transText)
      ?.map((row) => row.join('\t'))
      .join('\n');
  }
  const paragraphs = parsedOr(result.transLocText, [], isCellList);
  return paragraphs.map((p) => p.words).join('\n') || undefined;
}

export interface HistorySummary {
  id: string;
  mode: Mode;
  createdAt: string;
  /** The first line of the text. */
  title: string;
  /** A small PNG thumbnail as a data: URL. */
  thumbnail: string;
}

/** A history entry's title: its first non-empty line, cut at 120 characters with an ellipsis. */
export function historyTitle(text: string): string {
  const line =
    text
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** Whether an entry's text matches a history search: case- and width-insensitive. */
export function matchesHistoryQuery(text: string, query: string | undefined): boolean {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase();
  const needle = fold(query ?? '');
  return !needle || fold(text).includes(needle);
}

export interface QuotaView {
  quota?: QuotaCount;
  /** Where the quota comes from: the embedded server or a remote URL. */
  server: string;
  error?: string;
}

/** What a translation server answered to Test: the pairs it offers (ISO 639-1), or why it could not say. */
export interface TranslatorCheck {
  pairs?: { source: string; target: string }[];
  error?: string;
}

export interface HotkeyProblem {
  action: keyof Settings['hotkeys'];
  accelerator: string;
  /** Who probably holds the accelerator, when we know. */
  likelyOwner?: string;
  message: string;
}

/** The frozen screen shown by one display's overlay. */
export interface CaptureFrame {
  displayId: number;
  /** PNG of the display at its native resolution. */
  image: Uint8Array;
  /** The display in DIP, as the overlay window covers it. */
  width: number;
  height: number;
  scaleFactor: number;
  mode: Mode;
}

/**
 * Why an invoke failed, for the renderer to branch on: the sender was refused, the argument was
 * invalid, or one of the app's own errors (by class); anything else is `internal`.
 */
export const failureKinds = [
  'forbidden',
  'invalid',
  'capture',
  'recognition',
  'settings',
  'server',
  'history',
  'cancelled',
  'internal',
] as const;
export type FailureKind = (typeof failureKinds)[number];
export type Failure = { kind: FailureKind; message: string };

/** The app's error classes set their `name`; this maps a thrown error to its failure kind. */
const kindsByErrorName: Record<string, FailureKind> = {
  CaptureError: 'capture',
  RecognitionError: 'recognition',
  SettingsError: 'settings',
  HistoryError: 'history',
  OcrClientError: 'server',
  CancelledError: 'cancelled',
};
/** A recognition the user stopped: not a failure to warn of, but the invoke has no result. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(message = 'Recognition cancelled.') {
    super(message);
  }
}
export function failureOf(error: unknown): Failure {
  const name = error instanceof Error ? error.name : '';
  return {
    kind: kindsByErrorName[name] ?? 'internal',
    message: error instanceof Error ? error.message : String(error),
  };
}
/** Every invoke answers with a value or a failure a person can read; nothing throws across IPC. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Failure };

const none = z.undefined();

/** Renderer → main requests: channel, argument schema. */
export const invokeChannels = {
  recognizeImage: {
    channel: 'ocr:recognize-image',
    args: z
      .object({
        image: imageBytes,
        mode: z.enum(modes).optional(),
        options: optionsSchema.optional(),
        /** The file's own name, where the image came from one: its documents are titled with it. */
        name: z.string().min(1).max(255).optional(),
      })
      .strict(),
  },
  recognizeClipboard: { channel: 'ocr:recognize-clipboard', args: none },
  rerun: {
    channel: 'ocr:rerun',
    args: z.object({ id: z.string().uuid(), mode: z.enum(modes), options: optionsSchema }).strict(),
  },
  startCapture: {
    channel: 'capture:start',
    args: z
      .object({ mode: z.enum(modes).optional() })
      .strict()
      .optional(),
  },
  captureFrame: { channel: 'capture:frame', args: none },
  confirmCapture: {
    channel: 'capture:confirm',
    args: z.object({ region: regionSchema, mode: z.enum(modes) }).strict(),
  },
  cancelCapture: { channel: 'capture:cancel', args: none },
  /** Stops the recognitions in progress: their invokes fail with a `cancelled` failure. */
  cancelRecognition: { channel: 'ocr:cancel', args: none },
  currentResult: { channel: 'result:current', args: none },
  saveResultFile: {
    channel: 'result:save-file',
    args: z.object({ id: z.string().uuid(), fileType: z.number().int().min(1).max(6) }).strict(),
  },
  copyText: { channel: 'clipboard:copy-text', args: z.object({ text: z.string().max(10_000_000) }).strict() },
  listHistory: {
    channel: 'history:list',
    args: z
      .object({ query: z.string().max(200).optional(), limit: z.number().int().min(1).max(500).optional() })
      .strict()
      .optional(),
  },
  openHistory: { channel: 'history:open', args: z.object({ id: z.string().uuid() }).strict() },
  deleteHistory: { channel: 'history:delete', args: z.object({ id: z.string().uuid() }).strict() },
  /** Puts a history entry's text on the clipboard, without opening it. */
  copyHistory: { channel: 'history:copy', args: z.object({ id: z.string().uuid() }).strict() },
  clearHistory: { channel: 'history:clear', args: none },
  getSettings: { channel: 'settings:get', args: none },
  updateSettings: { channel: 'settings:update', args: settingsPatchSchema },
  testServer: {
    channel: 'server:test',
    args: z.object({ url: z.url({ protocol: /^https?$/ }), token: z.string().min(1).max(512) }).strict(),
  },
  getQuota: { channel: 'quota:get', args: none },
  /** The pairs a translation server offers, before the Settings use it. */
  testTranslator: {
    channel: 'translator:test',
    args: z
      .object({
        translator: z.enum(['apertium', 'libretranslate']),
        url: z.url({ protocol: /^https?$/ }),
        key: z.string().max(512).optional(),
      })
      .strict(),
  },
  hotkeyProblems: { channel: 'hotkeys:problems', args: none },
  appStatus: { channel: 'app:status', args: none },
} as const;

/** What each request answers with. */
export interface InvokeResults {
  recognizeImage: Recognition;
  recognizeClipboard: Recognition;
  rerun: Recognition;
  startCapture: void;
  captureFrame: CaptureFrame;
  confirmCapture: void;
  cancelCapture: void;
  cancelRecognition: void;
  currentResult: Recognition | null;
  /** Where the file was saved; null when the person cancelled the save dialog. */
  saveResultFile: { saved: string | null };
  copyText: void;
  listHistory: HistorySummary[];
  openHistory: Recognition;
  deleteHistory: void;
  copyHistory: void;
  clearHistory: void;
  getSettings: Settings;
  updateSettings: Settings;
  testServer: QuotaView;
  getQuota: QuotaView;
  testTranslator: TranslatorCheck;
  hotkeyProblems: HotkeyProblem[];
  appStatus: AppStatus;
}

/** Main → renderer notifications: channel and payload. */
export const eventChannels = {
  onResult: 'event:result',
  onRecognizing: 'event:recognizing',
  onProgress: 'event:progress',
  onQuota: 'event:quota',
  onHotkeyProblem: 'event:hotkey-problem',
  onSettings: 'event:settings',
  onNavigate: 'event:navigate',
  onFailure: 'event:failure',
} as const;

export interface EventPayloads {
  onResult: Recognition;
  /**
   * A recognition started (true) or ended (false): for progress states. Once the image is
   * ready it is told again with the image, so the panel can show what is being read at once.
   */
  onRecognizing: { busy: boolean; mode: Mode; image?: PendingImage };
  /** The lines read so far of the recognition in progress (the app's own server gives them). */
  onProgress: ProgressInfo;
  onQuota: QuotaView;
  onHotkeyProblem: HotkeyProblem;
  onSettings: Settings;
  /** Main asks the main window to show a view (from the tray, a second launch...). */
  onNavigate: View;
  /** A recognition no window asked for (hotkey, tray, overlay) failed: what to tell the user. */
  onFailure: Failure;
}

export const views = ['result', 'history', 'settings'] as const;
export type View = (typeof views)[number];

export type InvokeName = keyof typeof invokeChannels;
export type InvokeArgs<K extends InvokeName> = z.input<(typeof invokeChannels)[K]['args']>;
export type EventName = keyof typeof eventChannels;

/** `window.ocr`: what the renderer can do, and nothing more. */
export type OcrApi = {
  [K in InvokeName]: undefined extends InvokeArgs<K>
    ? (args?: InvokeArgs<K>) => Promise<Outcome<InvokeResults[K]>>
    : (args: InvokeArgs<K>) => Promise<Outcome<InvokeResults[K]>>;
} & {
  [K in EventName]: (listener: (payload: EventPayloads[K]) => void) => () => void;
};

/** The names the preload must expose, no more and no fewer. */
export const apiKeys = [...Object.keys(invokeChannels), ...Object.keys(eventChannels)] as (keyof OcrApi)[];
