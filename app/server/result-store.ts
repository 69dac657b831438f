// Responses of `op=code`, kept for `op=idcode`: a pending entry while the engine works, the
// final response once it is done, gone after the TTL. Bounded: past `maxEntries` the oldest
// go first, so a flood of requests cannot grow the server without limit.
import type { OcrResponse } from '../protocol/index.js';
import type { ResultKeeper } from './backend.js';

interface Entry {
  /** The account that asked: one token's results are not another's to read. */
  account: string;
  response: OcrResponse;
  expiresAt: number;
}

export class ResultStore implements ResultKeeper {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a response (pending or final); each put starts the TTL afresh. */
  put(account: string, response: OcrResponse): void {
    this.entries.delete(response.id);
    this.entries.set(response.id, { account, response, expiresAt: this.now() + this.ttlMs });
    this.evict();
  }

  get(account: string, id: string): OcrResponse | undefined {
    const entry = this.live(id);
    return entry?.account === account ? entry.response : undefined;
  }

  /**
   * A live response by id alone, for its result files: their URLs name the id, a random
   * UUID handed only to the client that asked, as the image bed's URLs name their image.
   */
  find(id: string): OcrResponse | undefined {
    return this.live(id)?.response;
  }

  private live(id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    // Map keeps insertion order, and put() re-inserts: the first entries are the oldest.
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (this.entries.size > this.maxEntries || entry.expiresAt <= now) this.entries.delete(id);
      else break;
    }
  }
}
