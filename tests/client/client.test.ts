// The client against real servers on loopback: what the app, the CLI and scripts rely on.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrClient, OcrClientError } from '../../app/client/index.js';
import type { OcrType } from '../../app/protocol/types.js';
import { docImage, newPool, testServer, type TestServer } from '../server/server-helpers.js';
import { resolveServerConfig } from '../../app/server/config.js';
import type { EngineNodePool } from '../../app/server/nodes/pool.js';

let pool: EngineNodePool;
let plain: TestServer;
let plainUrl: string;

async function listening(server: TestServer): Promise<string> {
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  pool = newPool(resolveServerConfig({ nodes: 1, dataDir: '' }));
  plain = await testServer({}, pool);
  plainUrl = await listening(plain);
});
afterAll(async () => {
  await plain.close();
  await pool.close();
});

async function failure(promise: Promise<unknown>): Promise<OcrClientError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OcrClientError);
  return error as OcrClientError;
}

describe('OcrClient', () => {
  it('recognizes bytes, and an uploaded image by its URL', async () => {
    const client = new OcrClient({ baseUrl: plainUrl, token: plain.token });
    const response = await client.recognize(docImage);
    expect(response.state).toBe(2);
    expect(response.result?.autoText).toContain('The Program');
    const url = await client.upload(docImage);
    expect(url).toMatch(new RegExp(`^${plainUrl}/uploads/`));
    expect((await client.recognize({ url })).result?.autoText).toContain('The Program');
  });

  it("reads today's quota", async () => {
    const client = new OcrClient({ baseUrl: plainUrl, token: plain.token });
    const quota = await client.quota();
    expect(quota.TodayCount).toBeGreaterThanOrEqual(2);
    expect(quota.TodayCount + quota.LimitCount).toBe(1000);
  });

  it('turns refusals into typed errors a person can read', async () => {
    const bad = new OcrClient({ baseUrl: plainUrl, token: 'nope' });
    const invalid = await failure(bad.recognize(docImage));
    expect(invalid.kind).toBe('invalid-token');
    expect(invalid.message).toMatch(/token is invalid/);
    expect((await failure(bad.quota())).kind).toBe('invalid-token');
    expect((await failure(bad.upload(docImage))).kind).toBe('unsupported');

    const client = new OcrClient({ baseUrl: plainUrl, token: plain.token });
    const notImage = await failure(client.recognize(Buffer.from('plain text, not pixels')));
    expect(notImage.kind).toBe('unsupported');
    expect(notImage.message).toMatch(/not an image/);
    expect(notImage.response?.state).toBe(7);
    expect((await failure(client.recognize(docImage, { type: 9 as OcrType }))).kind).toBe('unsupported');
    expect((await failure(client.poll('00000000-0000-0000-0000-000000000000'))).kind).toBe('expired');
  });

  it('refuses an address that is no http(s) URL, saying what one looks like', () => {
    for (const baseUrl of ['not a url', 'ftp://files.example.com', '/relative/path', ''])
      expect(() => new OcrClient({ baseUrl, token: 't' })).toThrowError(
        expect.objectContaining({
          kind: 'invalid-url',
          message: expect.stringMatching(/not a server address.*http:\/\//),
        }),
      );
    expect(() => new OcrClient({ baseUrl: ' https://ocr.example.com/ ', token: 't' })).not.toThrow();
  });

  it('says when the server cannot be reached, or is not an Open API server', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = await failure(
      new OcrClient({ baseUrl: `http://127.0.0.1:${port}`, token: 't' }).recognize(docImage),
    );
    expect(unreachable.kind).toBe('network');
    expect(unreachable.message).toMatch(/cannot reach the OCR server at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/);

    const teapot = http.createServer((_req, res) =>
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>'),
    );
    await new Promise<void>((resolve) => teapot.listen(0, '127.0.0.1', resolve));
    const wrong = await failure(
      new OcrClient({ baseUrl: `http://127.0.0.1:${(teapot.address() as AddressInfo).port}`, token: 't' }).recognize(
        docImage,
      ),
    );
    teapot.close();
    expect(wrong.kind).toBe('protocol');
    expect(wrong.message).toMatch(/HTTP 502/);
  });

  it('polls idcode when the server answers state 0, and gives up at its deadline', async () => {
    const patient = await testServer({ waitBudgetMs: 0 }, pool);
    const url = await listening(patient);
    try {
      const client = new OcrClient({ baseUrl: url, token: patient.token, pollIntervalMs: 50 });
      const response = await client.recognize(docImage);
      expect(response.state).toBe(2);
      expect(response.result?.autoText).toContain('The Program');
      const hasty = new OcrClient({ baseUrl: url, token: patient.token, pollIntervalMs: 50, deadlineMs: 1 });
      const late = await failure(hasty.recognize(docImage));
      expect(late.kind).toBe('timeout');
      expect(late.response?.state).toBe(0);
    } finally {
      await patient.close();
    }
  });

  it('retries state 6 with backoff until the token has room again', async () => {
    const narrow = await testServer({ maxInFlightPerToken: 1 }, pool);
    const url = await listening(narrow);
    try {
      const client = new OcrClient({ baseUrl: url, token: narrow.token, busyBackoffMs: 100, busyRetries: 10 });
      const answers = await Promise.all([
        client.recognize(docImage),
        client.recognize(docImage),
        client.recognize(docImage),
      ]);
      expect(answers.map((a) => a.state)).toEqual([2, 2, 2]);
      const impatient = new OcrClient({ baseUrl: url, token: narrow.token, busyRetries: 0 });
      const results = await Promise.allSettled([impatient.recognize(docImage), impatient.recognize(docImage)]);
      const busy = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
      expect((busy?.reason as OcrClientError | undefined)?.kind).toBe('busy');
    } finally {
      await narrow.close();
    }
  });
});
