// The holes an attacker or a careless operator found, each reproduced at a small scale over real
// sockets, and closed: memory held before authentication, CPU for free, bodies without a
// deadline, disk for free, answers that disagree, abandoned requests still run and charged, two
// servers on one data folder, and the smaller ones (IPv6 forms, the Host header, repeated
// parameters).
import http from 'node:http';
import net from 'node:net';
import { existsSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../app/server/start.js';
import { isPublicAddress } from '../../app/server/address-policy.js';
import { SourceImageStore } from '../../app/server/source-images.js';
import { docImage, imageBlob, tempDataDir, testServer, uiImage } from './server-helpers.js';

const MB = 2 ** 20;
let server: RunningServer;
let token: string;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    nodes: 1,
    dataDir: tempDataDir(),
    logger: false,
    waitForNodes: true,
    bodyLimit: 4 * MB,
    bodyBudget: 8 * MB,
    timeouts: { headersMs: 1000, requestMs: 2000 },
    uploads: { dailyBytesPerAccount: 3 * uiImage.length, maxTotalBytes: 5 * uiImage.length },
  });
  token = server.tokens.add(1000).token;
}, 60_000);
afterAll(() => server?.close());

const url = (op: string, t = token, extra = '') => `${server.url}/Code.ashx?op=${op}&app=api&token=${t}${extra}`;

/** A request that declares `declared` bytes and sends `send` of them, then waits; resolves with the answer or how it ended. */
function partialPost(
  target: string,
  declared: number,
  send: number,
): Promise<{ status?: number; body: string; ended: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(declared) },
    });
    let body = '';
    request.on('response', (response) => {
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode, body, ended: 'answered', ms: performance.now() - started }),
      );
    });
    request.on('error', (error) => resolve({ body, ended: error.message, ms: performance.now() - started }));
    request.write(Buffer.alloc(send, 0x61));
  });
}

async function postFile(target: string, bytes: Uint8Array): Promise<Response> {
  const form = new FormData();
  form.append('file', imageBlob(bytes), 'shot.png');
  return fetch(target, { method: 'POST', body: form });
}

async function todayCount(t = token): Promise<number> {
  return ((await (await fetch(`${server.url}/Code.aspx?op=count&app=api&token=${t}`)).json()) as { TodayCount: number })
    .TodayCount;
}

/** A PNG whose header says width x height, its rows all white (compressed, so the file stays small). */
function tallPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(height * (1 + width * 3), 0xff);
  for (let y = 0; y < height; y++) rows[y * (1 + width * 3)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

describe('memory before authentication', () => {
  it('answers 24 bad-token requests that announce 59 MB bodies at once, without taking them in', async () => {
    const before = process.memoryUsage().rss;
    const answers = await Promise.all(
      Array.from({ length: 24 }, () => partialPost(url('code', 'not-a-token'), 59 * MB, 256 * 1024)),
    );
    for (const answer of answers) {
      expect(answer.ended).toBe('answered');
      expect(JSON.parse(answer.body)).toMatchObject({ processName: 'Tips' });
      expect(answer.ms).toBeLessThan(5_000);
    }
    // The bodies would be 1.4 GB; what the server holds barely moves.
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * MB);
  });

  it('holds authenticated bodies within one shared budget: past it, state 6 at once', async () => {
    // Two 3.5 MB bodies being sent slowly fill this server's 8 MB budget (one account may hold half of it).
    const slow = [partialPost(url('code'), 3.5 * MB, 1024), partialPost(url('code'), 3.5 * MB, 1024)];
    await new Promise((r) => setTimeout(r, 200));
    const third = await partialPost(url('code'), 3 * MB, 1024);
    expect(third.ended).toBe('answered');
    expect(JSON.parse(third.body)).toMatchObject({
      state: 6,
      message: expect.stringMatching(/too many images at once/),
    });
    expect(third.ms).toBeLessThan(1_000);
    // The slow ones run into the request deadline; then the budget is free again.
    await Promise.all(slow);
    expect((await (await postFile(url('code'), docImage)).json()).state).toBe(2);
  });

  it('refuses a body declared past the limit with 413 before reading it', async () => {
    const answer = await partialPost(url('code'), 5 * MB, 1024);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({
      state: 7,
      message: expect.stringMatching(/larger than the limit of 4 MB/),
    });
  });
});

describe('CPU for free', () => {
  it('does not decode SVG, however small', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="4000"><filter id="f"><feTurbulence baseFrequency="0.9" numOctaves="10"/><feGaussianBlur stdDeviation="40"/></filter><rect width="4000" height="4000" filter="url(#f)"/></svg>',
    );
    const started = performance.now();
    const body = await (await postFile(url('code'), svg)).json();
    expect(body).toMatchObject({
      state: 7,
      message: expect.stringMatching(/not an image we can read \(format: svg\)/),
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses an image far longer than it is wide before decoding it', async () => {
    const thin = tallPng(1, 1_000_000);
    expect(thin.length).toBeLessThan(100_000);
    const started = performance.now();
    const body = await (await postFile(url('code'), thin)).json();
    expect(body).toMatchObject({
      state: 7,
      message: expect.stringMatching(/1x1000000 pixels; no side may be longer than 32000/),
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('bodies without a deadline', () => {
  it('closes a body that trickles in, and headers that never end', async () => {
    const trickle = await new Promise<number>((resolve) => {
      const started = performance.now();
      const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1', () => {
        socket.write(
          `POST /Code.ashx?op=code&app=api&token=${token} HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n`,
        );
        const timer = setInterval(() => socket.write('a'), 300);
        socket.on('close', () => {
          clearInterval(timer);
          resolve(performance.now() - started);
        });
      });
      socket.on('error', () => undefined);
    });
    // The request deadline here is 2 s (120 s by default); Node checks it every second.
    expect(trickle).toBeGreaterThan(1_500);
    expect(trickle).toBeLessThan(5_000);
    const headers = await new Promise<number>((resolve) => {
      const started = performance.now();
      const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1', () => {
        socket.write('POST /Code.ashx?op=code HTTP/1.1\r\n');
        const timer = setInterval(() => socket.write('X-Slow: 1\r\n'), 200);
        socket.on('close', () => {
          clearInterval(timer);
          resolve(performance.now() - started);
        });
      });
      socket.on('error', () => undefined);
    });
    expect(headers).toBeLessThan(4_000);
  });
});

describe('disk for free', () => {
  it("keeps only whole images, meters each account's upload bytes per day, and takes one file per request", async () => {
    const uploads = path.join(server.config.dataDir, 'uploads');
    // A PNG header on garbage: not an image, not kept, not charged.
    const truncated = Buffer.concat([uiImage.subarray(0, 200), Buffer.alloc(20_000, 7)]);
    expect(await (await postFile(url('imgUpload'), truncated)).text()).toBe('no');
    // This token may upload three of these a day.
    const stored = [];
    for (let i = 0; i < 5; i++) stored.push(await (await postFile(url('imgUpload'), uiImage)).text());
    expect(stored.slice(0, 3).every((u) => u.startsWith(`${server.url}/uploads/`))).toBe(true);
    expect(stored.slice(3)).toEqual(['no', 'no']);
    expect(readdirSync(uploads).filter((n) => n.endsWith('.png'))).toHaveLength(3);
    expect(readdirSync(uploads).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // Another token's uploads share the disk budget (five of these): the oldest go first.
    const other = server.tokens.add(10).token;
    for (let i = 0; i < 3; i++)
      expect(await (await postFile(url('imgUpload', other), uiImage)).text()).toMatch(/^http/);
    const kept = readdirSync(uploads).filter((n) => n.endsWith('.png'));
    expect(kept.length).toBeLessThanOrEqual(5);
    expect((await fetch(stored[0]!)).status).toBe(404);
    // op=code takes one image: a second file part is refused, not stored or read.
    const form = new FormData();
    form.append('file', imageBlob(docImage), 'a.png');
    form.append('extra', new Blob([Buffer.alloc(1 * MB)]), 'b.bin');
    expect(await (await fetch(url('code'), { method: 'POST', body: form })).json()).toMatchObject({
      state: 7,
      message: expect.stringMatching(/more than one file/),
    });
  });
});

describe('answers that agree', () => {
  it('answers state 3 through op=code and op=idcode alike when the count cannot be written, and counts nothing', async () => {
    const broken = await testServer({ waitBudgetMs: 20_000 });
    try {
      // The count's write fails as SQLite's does on a full disk (the held unit is released first).
      const settle = broken.tokens.settle.bind(broken.tokens);
      broken.tokens.settle = (account, ticket, success) => {
        settle(account, ticket, false);
        if (success) throw new Error('database or disk is full');
      };
      const form = new FormData();
      form.append('file', imageBlob(docImage), 'doc.png');
      const encoded = new Response(form);
      const payload = Buffer.from(await encoded.arrayBuffer());
      const answer = JSON.parse(
        (
          await broken.app.inject({
            method: 'POST',
            url: `/Code.ashx?op=code&app=api&token=${broken.token}`,
            payload,
            headers: { 'content-type': encoded.headers.get('content-type')! },
          })
        ).body,
      );
      expect(answer).toMatchObject({
        state: 3,
        message: expect.stringMatching(/could not be recorded \(database or disk is full\); it was not counted/),
      });
      const polled = JSON.parse(
        (
          await broken.app.inject({
            method: 'POST',
            url: `/Code.ashx?op=idcode&app=api&token=${broken.token}`,
            payload: answer.id,
            headers: { 'content-type': 'text/plain' },
          })
        ).body,
      );
      expect(polled).toEqual([answer]);
      expect(
        JSON.parse(
          (await broken.app.inject({ method: 'GET', url: `/Code.aspx?op=count&app=api&token=${broken.token}` })).body,
        ).TodayCount,
      ).toBe(0);
    } finally {
      await broken.close();
    }
  });

  it('leaves nothing half-written when a screenshot kept for a PDF cannot be written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ocr-full-disk-'));
    const full = new SourceImageStore(dir, 60_000, 10, Date.now, async (file, bytes) => {
      // Half of it reaches the disk, then the disk is full.
      const { writeFile } = await import('node:fs/promises');
      await writeFile(file, bytes.subarray(0, bytes.length >> 1));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    await expect(full.put('3f0c2a64-1d8e-4f3b-9a57-0c1d2e3f4a5b', docImage)).rejects.toThrow(/ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
    expect(await full.get('3f0c2a64-1d8e-4f3b-9a57-0c1d2e3f4a5b')).toBeUndefined();
  });
});

describe('abandoned requests', () => {
  it('drops a request whose client hung up before a node took it: not read, not charged', async () => {
    const countBefore = await todayCount();
    const doneBefore = server.pool.status().nodes[0]!.jobsDone;
    // One node: the first request keeps it busy while the second waits in the queue, then hangs up.
    const first = postFile(url('code'), docImage);
    const controller = new AbortController();
    const form = new FormData();
    form.append('file', imageBlob(uiImage), 'ui.png');
    const second = fetch(url('code'), { method: 'POST', body: form, signal: controller.signal }).catch(
      (error: Error) => error.name,
    );
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    expect(await second).toBe('AbortError');
    expect((await (await first).json()).state).toBe(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.pool.status().nodes[0]!.jobsDone - doneBefore).toBe(1);
    expect((await todayCount()) - countBefore).toBe(1);
  });
});

describe('two servers on one data folder', () => {
  it("refuses to start the second, naming the first one's process, and leaves its results alone", async () => {
    const results = path.join(server.config.dataDir, 'results');
    expect(existsSync(results)).toBe(true);
    await expect(startServer({ port: 0, nodes: 1, dataDir: server.config.dataDir, logger: false })).rejects.toThrow(
      new RegExp(`another OCR Assistant server \\(PID ${process.pid} on .*\\) is using the data folder`),
    );
    expect(existsSync(results)).toBe(true);
    expect((await (await postFile(url('code'), docImage)).json()).state).toBe(2);
  });
});

describe('smaller holes', () => {
  it.each([
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::127.0.0.1',
    '::ffff:0:7f00:1',
    '64:ff9b::7f00:1',
    '64:ff9b::a00:1',
    '64:ff9b:1::808:808',
    '2002:7f00:1::',
    '2002:c0a8:101::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
  ])('%s is not public', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['8.8.8.8', '2606:4700:4700::1111', '64:ff9b::808:808', '2002:808:808::1'])('%s is public', (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );

  it('never builds the URLs it hands out from the Host header', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const form = new FormData();
      form.append('file', imageBlob(uiImage), 'ui.png');
      const encoded = new Response(form);
      void encoded.arrayBuffer().then((payload) => {
        const request = http.request(url('imgUpload', server.tokens.add(10).token), {
          method: 'POST',
          headers: { host: 'evil.example', 'content-type': encoded.headers.get('content-type')! },
        });
        request.on('response', (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve(body));
        });
        request.on('error', reject);
        request.end(Buffer.from(payload));
      });
    });
    expect(answer.startsWith(`${server.url}/uploads/`)).toBe(true);
    expect(answer).not.toContain('evil.example');
  });

  it('keeps the first of a repeated parameter instead of failing the request', async () => {
    const response = await fetch(`${server.url}/Code.aspx?op=count&app=api&token=${token}&token=other`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { LimitCount: number }).LimitCount).toBeGreaterThan(0);
  });
});
