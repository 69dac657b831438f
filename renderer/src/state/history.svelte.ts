import type { HistorySummary, Recognition } from '../../../app/ipc.js';
import { api, unwrap } from '../lib/api.js';

export class HistoryState {
  items = $state.raw<HistorySummary[]>([]);
  query = $state('');
  loading = $state(false);
  error = $state<string | null>(null);

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

  async clear(): Promise<void> {
    await unwrap(api().clearHistory());
    this.items = [];
  }

  open(id: string): Promise<Recognition> {
    return unwrap(api().openHistory({ id }));
  }
}
