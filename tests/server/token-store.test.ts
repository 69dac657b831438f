// The token store on Node's built-in SQLite opens what the earlier store (better-sqlite3, an
// addon bound to one Node ABI) wrote: the fixture was written by better-sqlite3 12.11 running
// that store's own statements, with one token (limit 50) used 7 times on 2026-11-20.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TokenStore } from '../../app/server/token-store.js';

const fixture = fileURLToPath(new URL('../fixtures/tokens-written-by-better-sqlite3.sqlite', import.meta.url));
const oldToken = 'ocr_written-by-the-better-sqlite3-store';

describe('TokenStore on node:sqlite', () => {
  it('opens a tokens.sqlite written by the better-sqlite3 store, with its tokens and counts', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ocr-old-tokens-'));
    copyFileSync(fixture, path.join(dir, 'tokens.sqlite'));
    const store = TokenStore.open(dir, { now: () => new Date(2026, 10, 20, 15, 0) });
    expect(store.authorize(oldToken)).toMatchObject({ ok: true });
    expect(store.count(oldToken)).toEqual({ Account: 'api', TodayCount: 7, LimitCount: 43 });
    expect(store.list()).toEqual([{ label: 'ocr_written-', dailyLimit: 50, todayCount: 7, createdAt: '2026-11-20T10:00:00.000Z' }]);
    // And it goes on writing to it.
    store.recordSuccess(store.accountOf(oldToken)!);
    const { token } = store.add(5);
    expect(store.count(oldToken).TodayCount).toBe(8);
    expect(store.authorize(token)).toMatchObject({ ok: true });
    store.close();
    const reopened = TokenStore.open(dir, { now: () => new Date(2026, 10, 20, 16, 0) });
    expect(reopened.count(oldToken).TodayCount).toBe(8);
    expect(reopened.list()).toHaveLength(2);
    reopened.close();
  });
});
