import type { HistorySummary, Recognition } from '../../../app/ipc.js';
import { api, unwrap } from '../lib/api.js';

export class HistoryState {
  items = $state.raw<HistorySummary[]>([]);
  query = $state('');
  loading = $state(false);
  error = $state<string | null>(null);
  /** The entry whose text was just copied: its button says so for a moment. */
  copied = $state<string | null>(null);

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.items = await unwrap(api().listHistory({ query: this.query.trim() || undefined }));
      this.error = null;
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loading = false;
    }
  }

  async remove(id: string): Promise<void> {
    await unwrap(api().deleteHistory({ id }));
    this.items = this.items.filter((item) => item.id !== id);
  }

  async copy(id: string): Promise<void> {
    try {
      await unwrap(api().copyHistory({ id }));
      this.copied = id;
      setTimeout(() => (this.copied = this.copied === id ? null : this.copied), 1500);
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  async clear(): Promise<void> {
    await unwrap(api().clearHistory());
    this.items = [];
  }

  open(id: string): Promise<Recognition> {
    return unwrap(api().openHistory({ id }));
  }
}
