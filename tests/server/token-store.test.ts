// Tokens and their daily counts (app/server/token-store.ts). The store on Node's built-in SQLite
// opens what the earlier store (better-sqlite3, an addon bound to one Node ABI) wrote: the
// fixture was written by better-sqlite3 12.11 running that store's own statements, with one
// token (limit 50) used 7 times on 2026-11-20.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TokenStore, localDay } from '../../app/server/token-store.js';
import { tempDataDir } from './server-helpers.js';

const fixture = fileURLToPath(new URL('../fixtures/tokens-written-by-better-sqlite3.sqlite', import.meta.url));
const oldToken = 'ocr_written-by-the-better-sqlite3-store';

describe('TokenStore on node:sqlite', () => {
  it('opens a tokens.sqlite written by the better-sqlite3 store, with its tokens and counts', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ocr-old-tokens-'));
    copyFileSync(fixture, path.join(dir, 'tokens.sqlite'));
    const store = TokenStore.open(dir, { now: () => new Date(2026, 10, 20, 15, 0) });
    expect(store.authorize(oldToken)).toMatchObject({ ok: true });
    expect(store.count(oldToken)).toEqual({ Account: 'api', TodayCount: 7, LimitCount: 43 });
    expect(store.list()).toEqual([
      { label: 'ocr_written-', dailyLimit: 50, todayCount: 7, createdAt: '2026-11-20T10:00:00.000Z' },
    ]);
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

describe('TokenStore', () => {
  it('holds a unit of quota for each request in flight, so concurrent requests never overspend', () => {
    const store = TokenStore.open(tempDataDir());
    const { token } = store.add(2);
    const first = store.admit(token, 'job-1');
    const second = store.admit(token, 'job-2');
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(store.admit(token, 'job-3')).toEqual({ ok: false, refusal: 'quota-exhausted' });
    const account = store.accountOf(token)!;
    store.settle(account, 'job-1', false); // a failure frees its unit
    expect(store.admit(token, 'job-3').ok).toBe(true);
    store.settle(account, 'job-2', true);
    store.settle(account, 'job-3', true);
    store.settle(account, 'job-3', true); // settling twice counts once
    expect(store.count(token)).toEqual({ Account: 'api', TodayCount: 2, LimitCount: 0 });
    expect(store.admit(token, 'job-4').ok).toBe(false);
    store.close();
  });

  it('adds, lists, authorizes, counts by local day, and removes by token or label', () => {
    let now = new Date(2026, 10, 25, 23, 59);
    const store = TokenStore.open(tempDataDir(), { now: () => now });
    const { token, label } = store.add(2);
    expect(token).toMatch(/^ocr_[A-Za-z0-9_-]{32}$/);
    expect(label).toBe(token.slice(0, 12));
    expect(store.authorize(token)).toEqual({ ok: true, account: expect.any(String) });
    expect(store.authorize('ocr_wrong')).toEqual({ ok: false, refusal: 'invalid-token' });
    expect(store.authorize(undefined)).toEqual({ ok: false, refusal: 'invalid-token' });
    const account = store.accountOf(token)!;
    store.recordSuccess(account);
    store.recordSuccess(account);
    expect(store.authorize(token)).toEqual({ ok: false, refusal: 'quota-exhausted' });
    expect(store.count(token)).toEqual({ Account: 'api', TodayCount: 2, LimitCount: 0 });
    expect(store.list()).toEqual([{ label, dailyLimit: 2, todayCount: 2, createdAt: expect.any(String) }]);
    now = new Date(2026, 10, 26, 0, 1);
    expect(localDay(now)).toBe('2026-11-26');
    expect(store.count(token)).toEqual({ Account: 'api', TodayCount: 0, LimitCount: 2 });
    expect(store.remove('ocr_nothing')).toBe('not-found');
    expect(store.remove(label)).toBe('removed');
    expect(store.authorize(token).ok).toBe(false);
    const second = store.add(5);
    expect(store.remove(second.token)).toBe('removed');
    store.close();
  });

  it('stores digests, not tokens', async () => {
    const dir = tempDataDir();
    const store = TokenStore.open(dir);
    const { token } = store.add(10);
    store.close();
    const { readFileSync } = await import('node:fs');
    const bytes =
      readFileSync(`${dir}/tokens.sqlite`).toString('latin1') +
      readFileSync(`${dir}/tokens.sqlite-wal`, { flag: 'a+' }).toString('latin1');
    expect(bytes).not.toContain(token);
  });

  it('serves launch tokens from memory, counted under their account', () => {
    const store = TokenStore.open(tempDataDir());
    store.addLaunchToken('launch-secret', { account: 'launch:app', dailyLimit: 3 });
    expect(store.authorize('launch-secret')).toEqual({ ok: true, account: 'launch:app' });
    store.recordSuccess('launch:app');
    expect(store.count('launch-secret')).toEqual({ Account: 'api', TodayCount: 1, LimitCount: 2 });
    expect(store.list()).toEqual([]);
    store.close();
  });
});
