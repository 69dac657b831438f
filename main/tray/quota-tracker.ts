// Today's quota from `op=count`: refreshed after each recognition and every few minutes,
// pushed to the tray and the renderer. A failure to ask is shown, not hidden.
import type { QuotaView } from '../../app/ipc.js';
import type { OcrClient } from '../../app/client/index.js';

export class QuotaTracker {
  private latest: QuotaView | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: () => Promise<OcrClient>,
    private readonly serverName: () => string,
    private readonly publish: (view: QuotaView) => void,
  ) {}

  get current(): QuotaView | undefined {
    return this.latest;
  }

  async refresh(): Promise<QuotaView> {
    let view: QuotaView;
    try {
      view = { server: this.serverName(), quota: await (await this.client()).quota() };
    } catch (error) {
      view = { server: this.serverName(), error: (error as Error).message };
    }
    this.latest = view;
    this.publish(view);
    return view;
  }

  every(ms: number): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.refresh(), ms);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
