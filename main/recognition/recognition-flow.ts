// One recognition from the app's side: image in (a captured region, the clipboard, a file the
// renderer hands over), the API client, then the clipboard, a notification, history and the
// result panel. Main never calls the engine itself (DESIGN rule 3): only the client.
import { randomUUID } from 'node:crypto';
import {
  CancelledError,
  modeTypes,
  recognitionOf,
  translationTarget,
  type EventName,
  type EventPayloads,
  type Mode,
  type Recognition,
  type Settings,
} from '../../app/ipc.js';
import { OcrClientError, type OcrClient } from '../../app/client/index.js';
import type { RecognizeOptions } from '../../app/protocol/index.js';
import type { ClipboardAccess, Notifier } from '../platform/types.js';
import type { HistoryStore } from '../history/history-store.js';
import { imageSize, thumbnailDataUrl, toPng } from '../images.js';
import { clipboardContent } from './clipboard-formats.js';

export class RecognitionError extends Error {
  override name = 'RecognitionError';
}

export interface RecognitionDeps {
  client: () => Promise<OcrClient>;
  clipboard: ClipboardAccess;
  notifier: Notifier;
  history: HistoryStore;
  settings: () => Settings;
  emit: <K extends EventName>(event: K, payload: EventPayloads[K]) => void;
  /** After every recognition that reached the server: quota refresh, result panel. */
  afterRecognition: (recognition: Recognition | undefined) => void;
  /** A recognition still running after `slowAfterMs`: the result panel, to watch its lines come. */
  whileSlow?: () => void;
}

/** How long a recognition may take before the result panel is shown to watch it (a dialog reads in less). */
export const slowAfterMs = 500;

export class RecognitionFlow {
  private current: Recognition | null = null;
  /** The recognitions in progress, for cancelRecognition. */
  private readonly inProgress = new Set<AbortController>();

  constructor(private readonly deps: RecognitionDeps) {}

  get latest(): Recognition | null {
    return this.current;
  }

  /** `name`: the file the image came from, where it came from one (its documents' title). */
  async recognize(image: Uint8Array, mode?: Mode, options?: RecognizeOptions, name?: string): Promise<Recognition> {
    const settings = this.deps.settings();
    const chosenMode = mode ?? settings.mode;
    const chosenOptions = options ?? settings.options;
    this.deps.emit('onRecognizing', { busy: true, mode: chosenMode });
    const started = performance.now();
    const cancel = new AbortController();
    this.inProgress.add(cancel);
    const slow = setTimeout(() => this.deps.whileSlow?.(), slowAfterMs);
    try {
      const png = await toPng(image).catch(() => {
        throw new RecognitionError('That is not an image OCR Assistant can read (PNG, JPEG, WebP, BMP, GIF or TIFF).');
      });
      const { width, height } = await imageSize(png);
      this.deps.emit('onRecognizing', { busy: true, mode: chosenMode, image: { bytes: png, width, height } });
      const client = await this.deps.client();
      const response = await client.recognize(png, {
        type: modeTypes[chosenMode],
        options: chosenOptions,
        signal: cancel.signal,
        ...(name && { filename: name }),
        onProgress: (progress) => this.deps.emit('onProgress', progress),
        trans: translationTarget(settings),
      });
      const recognition = recognitionOf(
        response,
        { bytes: png, width, height },
        {
          id: randomUUID(),
          mode: chosenMode,
          createdAt: new Date().toISOString(),
          elapsedMs: Math.round(performance.now() - started),
          ...(name && { sourceName: name }),
        },
      );
      this.current = recognition;
      await this.deliver(recognition, settings);
      this.deps.history.add(recognition, await thumbnailDataUrl(png));
      this.deps.emit('onResult', recognition);
      this.deps.afterRecognition(recognition);
      return recognition;
    } catch (error) {
      // Stopped by the user: nothing to warn of, and the server was reached.
      if (cancel.signal.aborted) {
        this.deps.afterRecognition(undefined);
        throw new CancelledError();
      }
      const message =
        error instanceof OcrClientError || error instanceof RecognitionError
          ? error.message
          : `Recognition failed: ${(error as Error).message}`;
      if (settings.notify) this.deps.notifier.show('OCR Assistant could not read that', message);
      if (error instanceof OcrClientError) this.deps.afterRecognition(undefined);
      this.deps.emit('onFailure', { kind: 'recognition', message });
      throw new RecognitionError(message);
    } finally {
      clearTimeout(slow);
      this.inProgress.delete(cancel);
      this.deps.emit('onRecognizing', { busy: false, mode: chosenMode });
    }
  }

  /** Stops every recognition in progress; each one's caller gets a CancelledError. */
  cancel(): void {
    for (const controller of this.inProgress) controller.abort();
  }

  async recognizeClipboard(): Promise<Recognition> {
    const image = await this.deps.clipboard.readImage();
    if (!image) {
      const message = 'The clipboard holds no image. Copy a screenshot or a picture first.';
      if (this.deps.settings().notify) this.deps.notifier.show('Nothing to recognize', message);
      throw new RecognitionError(message);
    }
    return this.recognize(image);
  }

  /** The same image again with another mode or options (the result panel's toggles). */
  async rerun(id: string, mode: Mode, options: RecognizeOptions): Promise<Recognition> {
    const previous = this.current?.id === id ? this.current : this.deps.history.get(id);
    if (!previous) throw new RecognitionError('That result is no longer in the history.');
    return this.recognize(previous.image, mode, options, previous.sourceName);
  }

  open(recognition: Recognition): void {
    this.current = recognition;
  }

  private async deliver(recognition: Recognition, settings: Settings): Promise<void> {
    const content = clipboardContent(recognition.response);
    if (settings.copyToClipboard && content.text) await this.deps.clipboard.write(content);
    if (settings.notify) {
      const first = recognition.text.split('\n').find((l) => l.trim()) ?? '';
      const lines = recognition.lines.length;
      const body = content.text
        ? `${settings.copyToClipboard ? 'Copied: ' : ''}${first.slice(0, 80)}${lines > 1 ? ` (+${lines - 1} more lines)` : ''}`
        : 'No text found in the selection.';
      this.deps.notifier.show('OCR Assistant', body);
    }
  }
}
