// The stores of backend.ts in Redis, so that every front and node shares them: tokens and
// their daily counts (admission and counting are Lua scripts, atomic across fronts), results
// with their TTL (idcode works on any front), uploads and the screenshots kept for PDFs.
import type { Redis } from 'ioredis';
import { noQuota, type OcrResponse, type QuotaCount, type TokenRefusal } from '../../protocol/index.js';
import type { LimitsConfig } from '../../engine/config.js';
import type { Authorization, ResultKeeper, SourceImageKeeper, TokenAuthority, UploadKeeper } from '../backend.js';
import { localDay, newToken, tokenHash, type TokenInfo } from '../token-store.js';
import { checkUpload, newUploadName, uploadMimeType } from '../image-bed.js';
import { keyPrefix } from './redis.js';

const tokensKey = `${keyPrefix}tokens`;
const countKey = (account: string, day: string) => `${keyPrefix}count:${account}:${day}`;
const heldKey = (account: string) => `${keyPrefix}held:${account}`;
const uploadBytesKey = (account: string, day: string) => `${keyPrefix}upload-bytes:${account}:${day}`;
/** Daily counts are kept a little past their day, for `token list` across midnight. */
const countTtlSeconds = 3 * 24 * 3600;

interface StoredToken {
  label: string;
  dailyLimit: number;
  createdAt: string;
}

// Admission: a known token whose done + held units are under its limit holds one more unit
// (a sorted set of tickets, scored by when the hold lapses, so a front that dies mid-request
// does not hold a unit for ever). Keys are derived inside the script: one Redis, not a cluster.
const admitScript = `
local info = redis.call('HGET', KEYS[1], ARGV[1])
if not info then return {0, 'invalid-token'} end
local limit = tonumber(cjson.decode(info).dailyLimit)
local held = ARGV[6] .. 'held:' .. ARGV[1]
local count = ARGV[6] .. 'count:' .. ARGV[1] .. ':' .. ARGV[2]
redis.call('ZREMRANGEBYSCORE', held, '-inf', ARGV[4])
local used = tonumber(redis.call('GET', count) or '0') + redis.call('ZCARD', held)
if used >= limit then return {0, 'quota-exhausted'} end
redis.call('ZADD', held, tonumber(ARGV[4]) + tonumber(ARGV[5]), ARGV[3])
redis.call('PEXPIRE', held, ARGV[5])
return {1, ARGV[1]}
`;
// Settling: only a ticket still held counts, so a request is counted at most once.
const settleScript = `
if redis.call('ZREM', KEYS[1], ARGV[1]) == 1 and ARGV[2] == '1' then
  redis.call('INCR', KEYS[2])
  redis.call('EXPIRE', KEYS[2], ARGV[3])
end
return 1
`;

// An upload's bytes are added to the day's only while the sum keeps to the limit.
const chargeUploadScript = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return 0 end
redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
`;

export class RedisTokens implements TokenAuthority {
  constructor(
    private readonly redis: Redis,
    /** How long an admitted request may hold its unit before it lapses (past any job's deadline). */
    private readonly holdMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(dailyLimit: number): Promise<{ token: string; label: string }> {
    const { token, label } = newToken(dailyLimit);
    const stored: StoredToken = { label, dailyLimit, createdAt: this.now().toISOString() };
    await this.redis.hset(tokensKey, tokenHash(token), JSON.stringify(stored));
    return { token, label };
  }

  async list(): Promise<TokenInfo[]> {
    const all = await this.redis.hgetall(tokensKey);
    const day = localDay(this.now());
    const rows = await Promise.all(
      Object.entries(all).map(async ([hash, json]) => {
        const stored = JSON.parse(json) as StoredToken;
        return {
          label: stored.label,
          dailyLimit: stored.dailyLimit,
          todayCount: Number((await this.redis.get(countKey(hash, day))) ?? 0),
          createdAt: stored.createdAt,
        };
      }),
    );
    return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async remove(tokenOrLabel: string): Promise<'removed' | 'not-found' | 'ambiguous'> {
    if (await this.redis.hdel(tokensKey, tokenHash(tokenOrLabel))) return 'removed';
    const all = await this.redis.hgetall(tokensKey);
    const matches = Object.entries(all).filter(([, json]) => (JSON.parse(json) as StoredToken).label === tokenOrLabel);
    if (matches.length > 1) return 'ambiguous';
    if (!matches[0]) return 'not-found';
    await this.redis.hdel(tokensKey, matches[0][0]);
    return 'removed';
  }

  async accountOf(token: string | undefined): Promise<string | undefined> {
    if (!token) return undefined;
    const hash = tokenHash(token);
    return (await this.redis.hexists(tokensKey, hash)) ? hash : undefined;
  }

  async admit(token: string | undefined, ticket: string): Promise<Authorization> {
    if (!token) return { ok: false, refusal: 'invalid-token' };
    const [admitted, value] = (await this.redis.eval(
      admitScript,
      1,
      tokensKey,
      tokenHash(token),
      localDay(this.now()),
      ticket,
      String(this.now().getTime()),
      String(this.holdMs),
      keyPrefix,
    )) as [number, string];
    return admitted === 1 ? { ok: true, account: value } : { ok: false, refusal: value as TokenRefusal };
  }

  async settle(account: string, ticket: string, success: boolean): Promise<void> {
    await this.redis.eval(
      settleScript,
      2,
      heldKey(account),
      countKey(account, localDay(this.now())),
      ticket,
      success ? '1' : '0',
      String(countTtlSeconds),
    );
  }

  async chargeUpload(account: string, bytes: number, dailyLimit: number): Promise<boolean> {
    const charged = await this.redis.eval(
      chargeUploadScript,
      1,
      uploadBytesKey(account, localDay(this.now())),
      String(bytes),
      String(dailyLimit),
      String(countTtlSeconds),
    );
    return charged === 1;
  }

  async count(token: string | undefined): Promise<QuotaCount> {
    const hash = token ? tokenHash(token) : '';
    const json = hash ? await this.redis.hget(tokensKey, hash) : null;
    if (!json) return noQuota;
    const { dailyLimit } = JSON.parse(json) as StoredToken;
    const today = Number((await this.redis.get(countKey(hash, localDay(this.now())))) ?? 0);
    return { Account: 'api', TodayCount: today, LimitCount: Math.max(0, dailyLimit - today) };
  }
}

const resultKey = (id: string) => `${keyPrefix}result:${id}`;

export class RedisResults implements ResultKeeper {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs: number,
  ) {}

  async put(account: string, response: OcrResponse, ttlMs = this.ttlMs): Promise<void> {
    await this.redis.set(resultKey(response.id), JSON.stringify({ account, response }), 'PX', ttlMs);
  }

  async get(account: string, id: string): Promise<OcrResponse | undefined> {
    const entry = await this.entry(id);
    return entry?.account === account ? entry.response : undefined;
  }

  async find(id: string): Promise<OcrResponse | undefined> {
    return (await this.entry(id))?.response;
  }

  private async entry(id: string): Promise<{ account: string; response: OcrResponse } | undefined> {
    if (!/^[\w-]{1,64}$/.test(id)) return undefined;
    const json = await this.redis.get(resultKey(id));
    return json ? (JSON.parse(json) as { account: string; response: OcrResponse }) : undefined;
  }
}

/** Bytes under a key with a TTL: uploads and the screenshots kept for result PDFs. */
class RedisBlobs {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {}

  async put(name: string, bytes: Uint8Array, ttlMs = this.ttlMs): Promise<void> {
    await this.redis.set(
      `${this.prefix}${name}`,
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
      'PX',
      ttlMs,
    );
  }

  async get(name: string): Promise<Uint8Array | undefined> {
    return (await this.redis.getBuffer(`${this.prefix}${name}`)) ?? undefined;
  }
}

export class RedisUploads implements UploadKeeper {
  private readonly blobs: RedisBlobs;

  constructor(
    redis: Redis,
    private readonly limits: { maxBytes: number; ttlMs: number },
    private readonly imageLimits: LimitsConfig,
  ) {
    this.blobs = new RedisBlobs(redis, `${keyPrefix}upload:`, limits.ttlMs);
  }

  async check(bytes: Uint8Array): Promise<void> {
    await checkUpload(bytes, this.limits.maxBytes, this.imageLimits);
  }

  async store(bytes: Uint8Array): Promise<string> {
    const name = await newUploadName(bytes, this.imageLimits);
    await this.blobs.put(name, bytes);
    return name;
  }

  async read(name: string): Promise<{ bytes: Uint8Array; mimeType: string } | undefined> {
    const mimeType = uploadMimeType(name);
    const bytes = mimeType ? await this.blobs.get(name.toLowerCase()) : undefined;
    return bytes && mimeType ? { bytes, mimeType } : undefined;
  }
}

export class RedisSourceImages extends RedisBlobs implements SourceImageKeeper {
  constructor(redis: Redis, ttlMs: number) {
    super(redis, `${keyPrefix}source:`, ttlMs);
  }
}
