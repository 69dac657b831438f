// The app's services, built from a platform (Electron's in the app, fakes in tests) and
// joined up: what a hotkey, the tray and each IPC request do. main/index.ts only wires.
import {
  acceleratorLabel,
  desktopPlatformOf,
  eventChannels,
  type DesktopPlatform,
  type EventName,
  type EventPayloads,
  type Mode,
  type Recognition,
  type Settings,
  type TranslatorCheck,
} from '../app/ipc.js';
import type {
  ClipboardAccess,
  Displays,
  FileSaver,
  GlobalHotkeys,
  Notifier,
  PowerEvents,
  ScreenCapture,
  SecretBox,
  TrayIcon,
  WindowHost,
} from './platform/types.js';
import { SettingsStore } from './settings/settings-store.js';
import { HistoryStore } from './history/history-store.js';
import { ServerConnection } from './server/connection.js';
import { translatorSpec, type EmbeddedOptions, type EmbeddedServer } from './server/embedded.js';
import { RecognitionFlow } from './recognition/recognition-flow.js';
import { ResultFileExport } from './recognition/result-file-export.js';
import { CaptureError, CaptureFlow } from './capture/capture-flow.js';
import { HotkeyManager } from './hotkeys/hotkey-manager.js';
import { QuotaTracker } from './tray/quota-tracker.js';
import { trayMenu } from './tray/tray-menu.js';
import type { LaunchAction } from './startup/launch.js';
import type { Handlers } from './ipc/handlers.js';
import { OcrClient } from '../app/client/index.js';

export interface Platform {
  displays: Displays;
  screen: ScreenCapture;
  clipboard: ClipboardAccess;
  hotkeys: GlobalHotkeys;
  tray: TrayIcon;
  notifier: Notifier;
  secrets: SecretBox;
  power: PowerEvents;
  windows: WindowHost;
  files: FileSaver;
}

export interface ControllerOptions {
  userData: string;
  /** Starts the built-in server with the Settings' reading language and translator (it takes them at start). */
  startEmbedded: (options: EmbeddedOptions) => Promise<EmbeddedServer>;
  /** Asks a translation server for its pairs (Settings' Test). */
  checkTranslator?: (spec: string) => Promise<TranslatorCheck>;
  quit: () => void;
  /** For failures no window shows (a hotkey's recognition): the log. */
  log: (message: string) => void;
  /** Whose keyboard conventions the hotkeys follow; the running system's unless a test says. */
  platform?: DesktopPlatform;
}

export class AppController {
  readonly settings: SettingsStore;
  readonly history: HistoryStore;
  readonly connection: ServerConnection;
  readonly recognition: RecognitionFlow;
  readonly exports: ResultFileExport;
  readonly capture: CaptureFlow;
  readonly hotkeys: HotkeyManager;
  readonly quota: QuotaTracker;
  readonly desktop: DesktopPlatform;

  constructor(
    private readonly platform: Platform,
    private readonly options: ControllerOptions,
  ) {
    this.desktop = options.platform ?? desktopPlatformOf(process.platform);
    this.settings = new SettingsStore(options.userData, platform.secrets, this.desktop);
    this.history = new HistoryStore(options.userData, this.settings.get().historyLimit);
    this.connection = new ServerConnection(
      () => this.settings.get(),
      () => this.settings.serverToken(),
      options.startEmbedded,
      () => {
        const { translator, url } = this.settings.get().translation;
        return translator === 'off' ? undefined : translatorSpec(translator, url, this.settings.translatorKey());
      },
    );
    const client = () => this.connection.client();
    this.quota = new QuotaTracker(
      client,
      () => this.connection.describe(),
      (view) => {
        this.emit('onQuota', view);
        this.refreshTray();
        this.tellServerProblem(view.error);
      },
    );
    this.recognition = new RecognitionFlow({
      client,
      clipboard: platform.clipboard,
      notifier: platform.notifier,
      history: this.history,
      settings: () => this.settings.get(),
      emit: (event, payload) => this.emit(event, payload),
      afterRecognition: (recognition) => {
        void this.quota.refresh();
        if (recognition) platform.windows.showResult();
      },
      whileSlow: () => platform.windows.showResult(),
    });
    this.exports = new ResultFileExport({
      client,
      saver: platform.files,
      find: (id) => (this.recognition.latest?.id === id ? this.recognition.latest : this.history.get(id)),
      settings: () => this.settings.get(),
    });
    this.capture = new CaptureFlow(platform.displays, platform.screen, platform.windows, (png, mode) =>
      this.recognition.recognize(png, mode),
    );
    this.hotkeys = new HotkeyManager(
      platform.hotkeys,
      {
        capture: () => this.background(this.capture.start(this.settings.get().mode)),
        clipboard: () => this.background(this.recognition.recognizeClipboard()),
        repeat: () => this.background(this.repeatLast()),
      },
      (problem) => {
        this.emit('onHotkeyProblem', problem);
        platform.notifier.show('A hotkey is taken', problem.message);
      },
      (accelerator) => acceleratorLabel(accelerator, this.desktop),
    );
  }

  start(): void {
    // A damaged history was set aside so that the app could start: say so, once.
    for (const problem of this.history.problems) this.platform.notifier.show('History was damaged', problem);
    this.hotkeys.apply(this.settings.get().hotkeys);
    // Some systems drop global grabs on sleep or when displays come and go.
    this.platform.power.onResume(() => this.hotkeys.reapply());
    this.platform.displays.onChange(() => this.hotkeys.reapply());
    this.refreshTray();
    this.platform.tray.setToolTip('OCR Assistant');
    void this.quota.refresh();
    this.quota.every(5 * 60_000);
    // Where no tray shows (stock GNOME), or on the very first launch, the app would otherwise
    // be invisible: its window says what the hotkeys are and has a capture button.
    if (this.settings.firstRun || !this.platform.tray.available) this.platform.windows.showResult();
  }

  /** A launch of the app (the first, or another handed over to this one): its action. */
  launch(action: LaunchAction): void {
    if (action === 'capture') this.background(this.capture.start(this.settings.get().mode));
    else if (action === 'clipboard') this.background(this.recognition.recognizeClipboard());
    else this.platform.windows.showResult();
  }

  async stop(): Promise<void> {
    this.quota.stop();
    this.platform.hotkeys.unregisterAll();
    await this.connection.close();
  }

  /** Every invoke channel of the contract. */
  handlers(): Handlers {
    return {
      recognizeImage: ({ image, mode, options, name }) => this.recognition.recognize(image, mode, options, name),
      recognizeClipboard: () => this.recognition.recognizeClipboard(),
      rerun: ({ id, mode, options }) => this.recognition.rerun(id, mode, options),
      startCapture: (args) => this.capture.start(args?.mode ?? this.settings.get().mode),
      captureFrame: (_args, event) => this.capture.frameFor(event.sender.id),
      confirmCapture: ({ region, mode }) => this.capture.confirm(region, mode),
      cancelCapture: () => this.capture.cancel(),
      cancelRecognition: () => this.recognition.cancel(),
      currentResult: () => this.recognition.latest,
      saveResultFile: ({ id, fileType }) => this.exports.save(id, fileType),
      copyText: ({ text }) => this.platform.clipboard.write({ text }),
      listHistory: (args) => this.history.list(args?.query, args?.limit),
      openHistory: ({ id }) => {
        const recognition = this.historyEntry(id);
        this.recognition.open(recognition);
        return recognition;
      },
      deleteHistory: ({ id }) => this.history.delete(id),
      copyHistory: ({ id }) => this.platform.clipboard.write({ text: this.historyEntry(id).text }),
      clearHistory: () => this.history.clear(),
      getSettings: () => this.settings.get(),
      updateSettings: (patch) => this.updateSettings(patch),
      testServer: async ({ url, token }) => {
        try {
          return { server: url, quota: await new OcrClient({ baseUrl: url, token, deadlineMs: 10_000 }).quota() };
        } catch (error) {
          return { server: url, error: (error as Error).message };
        }
      },
      getQuota: () => this.quota.current ?? this.quota.refresh(),
      testTranslator: ({ translator, url, key }) =>
        this.options.checkTranslator
          ? this.options.checkTranslator(translatorSpec(translator, url, key ?? this.settings.translatorKey()))
          : { error: 'this build cannot reach translation servers' },
      hotkeyProblems: () => this.hotkeys.list(),
      appStatus: () => ({ platform: this.desktop, trayAvailable: this.platform.tray.available }),
    };
  }

  /** A history entry the renderer names, or the error it shows when the entry is gone. */
  private historyEntry(id: string): Recognition {
    const recognition = this.history.get(id);
    if (!recognition) throw new Error('That entry is no longer in the history.');
    return recognition;
  }

  private updateSettings(patch: Parameters<SettingsStore['update']>[0]): Settings {
    const before = this.settings.get();
    const after = this.settings.update(patch);
    if (JSON.stringify(before.hotkeys) !== JSON.stringify(after.hotkeys)) this.hotkeys.apply(after.hotkeys);
    if (before.historyLimit !== after.historyLimit) this.history.setLimit(after.historyLimit);
    if (JSON.stringify(before.server) !== JSON.stringify(after.server) || patch.serverToken) void this.quota.refresh();
    // The built-in server takes the reading language and the translator at start: close it, and
    // the next recognition starts one with the new ones.
    const { target: _before, ...translatorBefore } = before.translation;
    const { target: _after, ...translatorAfter } = after.translation;
    if (
      before.readingLanguage !== after.readingLanguage ||
      JSON.stringify(translatorBefore) !== JSON.stringify(translatorAfter) ||
      patch.translatorKey !== undefined
    )
      void this.connection
        .close()
        .catch((error: Error) => this.options.log(`the built-in server did not stop: ${error.message}`));
    this.refreshTray();
    this.emit('onSettings', after);
    return after;
  }

  private async repeatLast(): Promise<void> {
    const mode = this.settings.get().mode;
    // Nothing captured yet this session: start a normal capture instead.
    if (!(await this.capture.repeatLast(mode))) await this.capture.start(mode);
  }

  private setMode(mode: Mode): void {
    this.updateSettings({ mode });
  }

  private refreshTray(): void {
    this.platform.tray.setMenu(
      trayMenu(this.settings.get(), this.quota.current, {
        capture: () => this.background(this.capture.start(this.settings.get().mode)),
        recognizeClipboard: () => this.background(this.recognition.recognizeClipboard()),
        setMode: (mode) => this.setMode(mode),
        showHistory: () => this.platform.windows.showPage('history'),
        showSettings: () => this.platform.windows.showPage('settings'),
        quit: this.options.quit,
      }),
    );
  }

  emit<K extends EventName>(event: K, payload: EventPayloads[K]): void {
    this.platform.windows.broadcast(eventChannels[event], payload);
  }

  /**
   * A server that cannot be reached or started (no engine node could load its models, say) is
   * told once, with its reason, when it first happens: the tray's label alone is easy to miss.
   */
  private lastServerProblem: string | undefined;
  private tellServerProblem(problem: string | undefined): void {
    if (problem && problem !== this.lastServerProblem)
      this.platform.notifier.show('OCR Assistant cannot read text', problem);
    this.lastServerProblem = problem;
  }

  /** Work started by a hotkey or the tray: no window waits for it, so failures are logged (the user was notified). */
  private background(work: Promise<unknown>): void {
    work.catch((error: Error) => {
      this.options.log(error.message);
      if (error instanceof CaptureError) this.platform.notifier.show('Cannot capture the screen', error.message);
    });
  }
}
