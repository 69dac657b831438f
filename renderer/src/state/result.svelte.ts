// The result panel's state: the recognition shown, whether one is running, which line the
// pointer is on (shared by the image's boxes and the text's lines), and the last failure.
import type { Mode, Recognition } from '../../../app/ipc.js';
import type { RecognizeOptions } from '../../../app/ipc.js';
import { api, unwrap } from '../lib/api.js';

export class ResultState {
  current = $state.raw<Recognition | null>(null);
  busy = $state(false);
  /** Shown only when work takes longer than 150 ms, so quick answers do not flicker. */
  slow = $state(false);
  error = $state<string | null>(null);
  hovered = $state<number | null>(null);
  private slowTimer: ReturnType<typeof setTimeout> | undefined;

  async load(): Promise<void> {
    this.current = await unwrap(api().currentResult());
  }

  show(recognition: Recognition): void {
    this.current = recognition;
    this.error = null;
    this.hovered = null;
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    clearTimeout(this.slowTimer);
    if (busy) this.slowTimer = setTimeout(() => (this.slow = this.busy), 150);
    else this.slow = false;
  }

  async run(work: () => Promise<Recognition>): Promise<void> {
    this.setBusy(true);
    this.error = null;
    try {
      this.show(await work());
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.setBusy(false);
    }
  }

  rerun(mode: Mode, options: RecognizeOptions): Promise<void> {
    const id = this.current?.id;
    if (!id) return Promise.resolve();
    return this.run(() => unwrap(api().rerun({ id, mode, options })));
  }

  recognizeImage(image: Uint8Array): Promise<void> {
    return this.run(() => unwrap(api().recognizeImage({ image })));
  }

  recognizeClipboard(): Promise<void> {
    return this.run(() => unwrap(api().recognizeClipboard()));
  }
}
