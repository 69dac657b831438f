// Tokens and their daily counts, in SQLite so that counts survive restarts and tokens added
// from the CLI take effect in a running server at once (both open the same file).
//
// Node's built-in SQLite, not an addon: a compiled addon is bound to one Node ABI, and the
// CLI (Node), the desktop app (Electron's Node) and the tests would each need their own build
// of it. The file format is SQLite's own, so a tokens.sqlite written by the earlier
// better-sqlite3 store opens unchanged.
import { DatabaseSync } from 'node:sqlite';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { noQuota, type QuotaCount } from '../protocol/index.js';
import type { Authorization, TokenAuthority } from './backend.js';

export interface TokenInfo {
  /** The token's first characters: enough to tell tokens apart, useless to an attacker. */
  label: string;
  dailyLimit: number;
  todayCount: number;
  createdAt: string;
}

export type { Authorization } from './backend.js';

interface TokenRow {
  hash: string;
  label: string;
  daily_limit: number;
  created_at: string;
}

const labelLength = 12;

/** The local calendar day: "today" in `TodayCount` is the server operator's day. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** A token's SHA-256 digest in hex: the only form in which a token is stored (SQLite or Redis). */
export const tokenHash = (token: string): string => digest(token).toString('hex');

/**
 * A new token and its label, for a daily limit checked here: the one shape of token every
 * store hands out. Only its digest is stored, so the caller must show it now or never.
 */
export function newToken(dailyLimit: number): { token: string; label: string } {
  if (!Number.isInteger(dailyLimit) || dailyLimit < 1)
    throw new Error('the daily limit must be a whole number of at least 1');
  const token = `ocr_${randomBytes(24).toString('base64url')}`;
  return { token, label: token.slice(0, labelLength) };
}

export class TokenStore implements TokenAuthority {
  /** Per-launch tokens (the desktop app's own): kept in memory only, never written down. */
  private readonly launchTokens = new Map<string, { account: string; dailyLimit: number }>();
  /** Units of quota held by requests in flight, per account (tickets): this process's only. */
  private readonly reserved = new Map<string, Set<string>>();

  private constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => Date,
  ) {}

  static open(dataDir: string, options: { now?: () => Date } = {}): TokenStore {
    mkdirSync(dataDir, { recursive: true });
    const db = new DatabaseSync(join(dataDir, 'tokens.sqlite'));
    // The CLI and a running server may write at once: wait for the lock rather than fail.
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`
      CREATE TABLE IF NOT EXISTS tokens (
        hash TEXT PRIMARY KEY, label TEXT NOT NULL, daily_limit INTEGER NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS usage (
        account TEXT NOT NULL, day TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (account, day));
      CREATE TABLE IF NOT EXISTS upload_usage (
        account TEXT NOT NULL, day TEXT NOT NULL, bytes INTEGER NOT NULL, PRIMARY KEY (account, day));
    `);
    return new TokenStore(db, options.now ?? (() => new Date()));
  }

  /** Makes a token; only its digest is stored, so the caller must show it now or never. */
  add(dailyLimit: number): { token: string; label: string } {
    const { token, label } = newToken(dailyLimit);
    this.db
      .prepare('INSERT INTO tokens (hash, label, daily_limit, created_at) VALUES (?, ?, ?, ?)')
      .run(tokenHash(token), label, dailyLimit, this.now().toISOString());
    return { token, label };
  }

  list(): TokenInfo[] {
    const rows = this.db
      .prepare('SELECT hash, label, daily_limit, created_at FROM tokens ORDER BY created_at')
      .all() as unknown as TokenRow[];
    return rows.map((row) => ({
      label: row.label,
      dailyLimit: row.daily_limit,
      todayCount: this.todayCount(row.hash),
      createdAt: row.created_at,
    }));
  }

  /** Removes by the whole token or by its label; a label shared by two tokens removes neither. */
  remove(tokenOrLabel: string): 'removed' | 'not-found' | 'ambiguous' {
    const byHash = this.db.prepare('DELETE FROM tokens WHERE hash = ?').run(digest(tokenOrLabel).toString('hex'));
    if (byHash.changes) return 'removed';
    const matches = this.db.prepare('SELECT hash FROM tokens WHERE label = ?').all(tokenOrLabel) as unknown as {
      hash: string;
    }[];
    if (matches.length > 1) return 'ambiguous';
    if (!matches[0]) return 'not-found';
    this.db.prepare('DELETE FROM tokens WHERE hash = ?').run(matches[0].hash);
    return 'removed';
  }

  /** A token that lives as long as this process: the app's per-launch token. */
  addLaunchToken(token: string, options: { account: string; dailyLimit: number }): void {
    this.launchTokens.set(digest(token).toString('hex'), options);
  }

  /**
   * Looks the token up by its SHA-256 digest, so the time taken says nothing about how much
   * of a guessed token was right; the final comparison of digests is constant-time too.
   */
  private find(token: string | undefined): { account: string; dailyLimit: number } | undefined {
    if (!token) return undefined;
    const hash = digest(token);
    const hex = hash.toString('hex');
    const launch = this.launchTokens.get(hex);
    if (launch) return launch;
    const row = this.db.prepare('SELECT hash, daily_limit FROM tokens WHERE hash = ?').get(hex) as unknown as
      TokenRow | undefined;
    if (!row || !timingSafeEqual(Buffer.from(row.hash, 'hex'), hash)) return undefined;
    return { account: row.hash, dailyLimit: row.daily_limit };
  }

  /** The account a token counts against, whatever its quota; undefined for a bad token. */
  accountOf(token: string | undefined): string | undefined {
    return this.find(token)?.account;
  }

  authorize(token: string | undefined): Authorization {
    const found = this.find(token);
    if (!found) return { ok: false, refusal: 'invalid-token' };
    if (this.todayCount(found.account) >= found.dailyLimit) return { ok: false, refusal: 'quota-exhausted' };
    return { ok: true, account: found.account };
  }

  admit(token: string | undefined, ticket: string): Authorization {
    const found = this.find(token);
    if (!found) return { ok: false, refusal: 'invalid-token' };
    const held = this.reserved.get(found.account) ?? new Set<string>();
    if (this.todayCount(found.account) + held.size >= found.dailyLimit)
      return { ok: false, refusal: 'quota-exhausted' };
    held.add(ticket);
    this.reserved.set(found.account, held);
    return { ok: true, account: found.account };
  }

  settle(account: string, ticket: string, success: boolean): void {
    const held = this.reserved.get(account);
    if (!held?.delete(ticket)) return;
    if (!held.size) this.reserved.delete(account);
    if (success) this.recordSuccess(account);
  }

  /** `TodayCount` counts successful recognitions only. */
  recordSuccess(account: string): void {
    this.db
      .prepare(
        'INSERT INTO usage (account, day, count) VALUES (?, ?, 1) ON CONFLICT (account, day) DO UPDATE SET count = count + 1',
      )
      .run(account, localDay(this.now()));
  }

  chargeUpload(account: string, bytes: number, dailyLimit: number): boolean {
    if (bytes > dailyLimit) return false;
    // One statement, so two servers' CLI and server processes on one file cannot both pass the limit.
    const charged = this.db
      .prepare(
        `INSERT INTO upload_usage (account, day, bytes) VALUES (?, ?, ?)
         ON CONFLICT (account, day) DO UPDATE SET bytes = upload_usage.bytes + excluded.bytes WHERE upload_usage.bytes + excluded.bytes <= ?`,
      )
      .run(account, localDay(this.now()), bytes, dailyLimit);
    return Number(charged.changes) > 0;
  }

  count(token: string | undefined): QuotaCount {
    const found = this.find(token);
    if (!found) return noQuota;
    const today = this.todayCount(found.account);
    return { Account: 'api', TodayCount: today, LimitCount: Math.max(0, found.dailyLimit - today) };
  }

  private todayCount(account: string): number {
    const row = this.db
      .prepare('SELECT count FROM usage WHERE account = ? AND day = ?')
      .get(account, localDay(this.now())) as unknown as { count: number } | undefined;
    return row?.count ?? 0;
  }

  close(): void {
    this.db.close();
  }
}
