// The server's pure pieces, table by table: address policy, base64 inputs, the result store,
// token redaction, query names, and the token store's days and quotas.
import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../app/server/address-policy.js';
import { decodeBase64Image, inputFromText } from '../../app/server/inputs.js';
import { ResultStore } from '../../app/server/result-store.js';
import { redactTokens } from '../../app/server/redact.js';
import { lowerCaseQuery } from '../../app/server/routes/open-api.js';
import { TokenStore, localDay } from '../../app/server/token-store.js';
import { tempDataDir } from '../server/server-helpers.js';
import type { OcrResponse } from '../../app/protocol/index.js';
import path from 'node:path';
import { RecognitionService } from '../../app/server/recognition-service.js';
import { ImageBed } from '../../app/server/image-bed.js';
import { resolveServerConfig } from '../../app/server/config.js';
import { defaultEngineConfig } from '../../app/engine/config.js';
import type { JobRunner } from '../../app/server/backend.js';

describe('isPublicAddress', () => {
  it.each([
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['2606:4700::1111', true],
    ['127.0.0.1', false],
    ['127.255.0.9', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['172.32.0.1', true],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd12:3456::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['not-an-ip', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('base64 inputs', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  it.each([
    ['plain', png.toString('base64')],
    ['with a data: header', `data:image/png;base64,${png.toString('base64')}`],
    ['with line breaks', png.toString('base64').replace(/(.{4})/g, '$1\r\n')],
    ['URL-safe', png.toString('base64url')],
  ])('decodes %s', (_name, text) => {
    expect(Buffer.from(decodeBase64Image(text))).toEqual(png);
  });

  it.each([
    ['empty', '', /is empty/],
    ['spaces only', '   ', /is empty/],
    ['not base64', 'héllo wörld', /not valid base64/],
    ['padding in the middle', 'aGk=aGk=', /not valid base64/],
    ['an impossible length', 'aGVsb', /not valid base64/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => decodeBase64Image(text)).toThrow(message);
  });

  it('tells a URL from base64 in a plain-text body', () => {
    expect(inputFromText(' https://example.com/a.png\n')).toEqual({ kind: 'url', url: 'https://example.com/a.png' });
    expect(inputFromText(png.toString('base64')).kind).toBe('bytes');
    expect(() => inputFromText('')).toThrow(/has no image/);
  });
});

describe('RecognitionService', () => {
  it('answers a job the queue could not take with state 3, and idcode says so too, not pending', async () => {
    const dataDir = tempDataDir();
    const config = resolveServerConfig({ dataDir });
    const tokens = TokenStore.open(dataDir);
    const { token } = tokens.add(10);
    const results = new ResultStore(60_000, 10);
    const runner: JobRunner = {
      submit: async () => {
        throw new Error('connection to the job queue lost');
      },
      status: () => ({ nodes: [], queued: 0 }),
      close: async () => {},
    };
    const service = new RecognitionService(config, tokens, runner, results, new ImageBed(path.join(dataDir, 'uploads'), config.uploads, defaultEngineConfig.limits));
    const { body } = await service.code({ token, query: {}, origin: 'http://127.0.0.1', readInput: async () => ({ kind: 'bytes', bytes: Buffer.from('any image bytes: the runner fails first') }) });
    expect(body).toMatchObject({ state: 3, message: expect.stringMatching(/connection to the job queue lost/) });
    expect(await service.idcode(token, (body as OcrResponse).id)).toEqual([body]);
    // its unit of quota was given back
    expect(tokens.count(token)).toEqual({ Account: 'api', TodayCount: 0, LimitCount: 10 });
    expect(tokens.admit(token, 'next').ok).toBe(true);
    tokens.close();
  });
});

describe('ResultStore', () => {
  const response = (id: string): OcrResponse => ({ id, ocrType: 0, state: 2 });
  it('keeps results for the TTL, for the account that asked only', () => {
    let now = 0;
    const store = new ResultStore(1000, 10, () => now);
    store.put('alice', response('a'));
    expect(store.get('alice', 'a')).toEqual(response('a'));
    expect(store.get('bob', 'a')).toBeUndefined();
    now = 999;
    expect(store.get('alice', 'a')).toBeDefined();
    now = 1000;
    expect(store.get('alice', 'a')).toBeUndefined();
  });

  it('drops the oldest past its bound, and a re-put counts as new', () => {
    const store = new ResultStore(60_000, 3, () => 0);
    for (const id of ['1', '2', '3']) store.put('x', response(id));
    store.put('x', { ...response('1'), state: 3 });
    store.put('x', response('4'));
    expect(store.size).toBe(3);
    expect(store.get('x', '2')).toBeUndefined();
    expect(store.get('x', '1')?.state).toBe(3);
  });
});

describe('log hygiene and query names', () => {
  it.each([
    ['/Code.ashx?op=code&app=api&token=secret&type=0', '/Code.ashx?op=code&app=api&token=[redacted]&type=0'],
    ['/Code.ashx?TOKEN=secret', '/Code.ashx?TOKEN=[redacted]'],
    ['/Code.ashx?token=a&x=1&Token=b', '/Code.ashx?token=[redacted]&x=1&Token=[redacted]'],
    ['/health', '/health'],
  ])('redacts %s', (url, expected) => {
    expect(redactTokens(url)).toBe(expected);
  });

  it('lower-cases parameter names and keeps the first of a repeated one', () => {
    expect(lowerCaseQuery({ OP: 'Code', Token: 't', type: ['1', '2'] })).toEqual({ op: 'Code', token: 't', type: '1' });
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
    const bytes = readFileSync(`${dir}/tokens.sqlite`).toString('latin1') + readFileSync(`${dir}/tokens.sqlite-wal`, { flag: 'a+' }).toString('latin1');
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
