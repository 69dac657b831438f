// The result panel's state: the recognition shown, whether one is running, which line the
// pointer is on (shared by the image's boxes and the text's lines), and the last failure.
import type { Mode, PendingImage, ProgressInfo, Recognition, TextCellInfo } from '../../../app/ipc.js';
import type { RecognizeOptions } from '../../../app/ipc.js';
import { api, ApiError, unwrap } from '../lib/api.js';
import { t } from '../lib/i18n.svelte.js';

/** The user stopped it (Cancel, Esc): not a failure to show. */
const isCancelled = (error: unknown) => error instanceof ApiError && error.kind === 'cancelled';

export class ResultState {
  current = $state.raw<Recognition | null>(null);
  /** The text box: the result's text, as the user edits it. */
  text = $state('');
  /** The mode and options the toggles show, for the next re-run. */
  mode = $state<Mode>('text');
  options = $state<RecognizeOptions>({});
  busy = $state(false);
  /** Shown only when work takes longer than 150 ms, so quick answers do not flicker. */
  slow = $state(false);
  error = $state<string | null>(null);
  /** A calm word on how the last action ended (a cancelled recognition), not an error. */
  note = $state<string | null>(null);
  /** The recognition in progress, once its image is known: the image and the lines read so far. */
  pending = $state.raw<{ image: PendingImage; lines: TextCellInfo[] } | null>(null);
  /** Milliseconds the user has waited for the recognition in progress, ticking while busy. */
  waitedMs = $state(0);
  hovered = $state<number | null>(null);
  /** A batch of dropped images in progress: how many are done of how many. */
  batch = $state<{ done: number; total: number } | null>(null);
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  private clock: ReturnType<typeof setInterval> | undefined;
  private busySince = 0;
  /** Set by Cancel: a batch stops before its next image. */
  private batchCancelled = false;

  async load(): Promise<void> {
    const current = await unwrap(api().currentResult());
    if (current) this.show(current);
  }

  /** A new result replaces the editable text and the mode with its own. */
  show(recognition: Recognition): void {
    this.current = recognition;
    this.text = recognition.text;
    this.mode = recognition.mode;
    this.error = null;
    this.hovered = null;
  }

  setBusy(busy: boolean): void {
    if (busy && !this.busy) {
      this.busySince = performance.now();
      this.waitedMs = 0;
      this.note = null;
      clearInterval(this.clock);
      this.clock = setInterval(() => (this.waitedMs = performance.now() - this.busySince), 100);
    }
    this.busy = busy;
    clearTimeout(this.slowTimer);
    if (busy) this.slowTimer = setTimeout(() => (this.slow = this.busy), 150);
    else {
      this.slow = false;
      this.pending = null;
      clearInterval(this.clock);
    }
  }

  /** Main's word that a recognition started or ended, with its image once that is ready. */
  recognizing(busy: boolean, image?: PendingImage): void {
    this.setBusy(busy);
    if (busy && image) {
      this.pending = { image, lines: [] };
      this.hovered = null;
    }
  }

  /** Lines read so far of the recognition in progress. */
  progress(progress: ProgressInfo): void {
    if (this.pending && this.busy) this.pending = { ...this.pending, lines: progress.lines };
  }

  /** Stops the recognition in progress; its caller learns it was cancelled (see `run`). */
  async cancel(): Promise<void> {
    this.batchCancelled = true;
    const answer = await api().cancelRecognition();
    if (!answer.ok) this.error = answer.error.message;
  }

  async run(work: () => Promise<Recognition>): Promise<void> {
    this.setBusy(true);
    this.error = null;
    try {
      this.show(await work());
    } catch (error) {
      this.failed(error);
    } finally {
      this.setBusy(false);
    }
  }

  /** A failure shown as an error; a cancelled recognition only noted. */
  private failed(error: unknown): void {
    if (isCancelled(error)) this.note = t('result.cancelled');
    else this.error = (error as Error).message;
  }

  rerun(mode: Mode, options: RecognizeOptions): Promise<void> {
    const id = this.current?.id;
    if (!id) return Promise.resolve();
    return this.run(() => unwrap(api().rerun({ id, mode, options })));
  }

  /** `name`: the file it came from, where it came from one (its documents are titled with it). */
  recognizeImage(image: Uint8Array, name?: string): Promise<void> {
    return this.run(() => unwrap(api().recognizeImage({ image, ...(name && { name }) })));
  }

  /**
   * Several images one after another (a dropped folder, a PDF's pages), with progress: each
   * lands in history as it is read, the last one read is shown, and the ones that failed are
   * named at the end, not lost, with `skipped` and `failedBefore` (what could not even be opened).
   */
  async recognizeImages(
    images: { name: string; bytes: () => Promise<Uint8Array> }[],
    skipped: string[] = [],
    failedBefore: string[] = [],
  ): Promise<void> {
    if (images.length === 1 && !skipped.length && !failedBefore.length)
      return this.recognizeImage(await images[0]!.bytes(), images[0]!.name);
    const failed: string[] = [...failedBefore];
    this.error = null;
    this.batch = { done: 0, total: images.length };
    this.batchCancelled = false;
    this.setBusy(true);
    try {
      for (const image of images) {
        if (this.batchCancelled) break;
        try {
          this.show(await unwrap(api().recognizeImage({ image: await image.bytes(), name: image.name })));
        } catch (error) {
          if (isCancelled(error)) break;
          failed.push(t('result.batchFailed', { name: image.name, message: (error as Error).message }));
        }
        this.batch = { done: this.batch.done + 1, total: images.length };
      }
      if (this.batch.done < images.length)
        this.note = t('result.batchCancelled', { done: this.batch.done, total: images.length });
    } finally {
      this.batch = null;
      this.setBusy(false);
    }
    const problems = [...failed, ...(skipped.length ? [t('result.dropLeftOut', { names: skipped.join(', ') })] : [])];
    // One problem a line: a file's own message ends in a full stop, and joined with "; " read
    // as "read.; empty.png:".
    if (problems.length) this.error = problems.join('\n');
  }

  recognizeClipboard(): Promise<void> {
    return this.run(() => unwrap(api().recognizeClipboard()));
  }
}
