// Hostile and broken traffic over real sockets: every request gets an answer, the server
// stays healthy, and what it holds does not grow with the flood.
import http from 'node:http';
import net from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../app/server/start.js';
import { docImage, imageBlob, multipartBody, tempDataDir, testServer, type TestServer } from './server-helpers.js';

let server: RunningServer;
let token: string;
beforeAll(async () => {
  server = await startServer({ port: 0, nodes: 1, dataDir: tempDataDir(), logger: false, waitForNodes: true });
  token = server.tokens.add(100_000).token;
});
afterAll(() => server.close());

const url = (op: string, t = token) => `${server.url}/Code.ashx?op=${op}&app=api&token=${t}`;

async function healthy(): Promise<void> {
  const response = await fetch(`${server.url}/health`);
  expect(response.status).toBe(200);
  expect((await response.json()).status).toBe('ok');
}

async function recognizeDoc() {
  const form = new FormData();
  form.append('file', imageBlob(docImage), 'doc.png');
  return (await fetch(url('code'), { method: 'POST', body: form })).json();
}

describe('bad traffic', () => {
  it('answers garbage multipart with state 7 and keeps serving', async () => {
    const response = await fetch(url('code'), {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=----nothing' },
      body: 'this is not multipart at all\r\n------something-else--',
    });
    const body = await response.json();
    expect(body.state).toBe(7);
    expect(body.message).toMatch(/has no image|could not be read/);
    await healthy();
    expect((await recognizeDoc()).state).toBe(2);
  });

  it('answers a 200 MB body without reading it all, and keeps serving', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(url('code'), {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'content-length': String(200 * 2 ** 20) },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      // The server may hang up on the rest of the body once it has answered: that is the point.
      request.on('error', (error) =>
        error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error),
      );
      const chunk = Buffer.alloc(2 ** 20, 65);
      let sent = 0;
      const pump = () => {
        while (sent < 200 && request.write(chunk)) sent++;
        if (sent < 200 && !request.destroyed) request.once('drain', () => (sent++, pump()));
        else request.end();
      };
      pump();
    });
    expect(answer.status).toBe(413);
    const body = JSON.parse(answer.body);
    expect(body.state).toBe(7);
    expect(body.message).toMatch(/larger than the limit of 60 MB/);
    await healthy();
  });

  it('refuses URLs to loopback addresses unless --allow-private-urls', async () => {
    for (const target of [
      'http://127.0.0.1:9/shot.png',
      'http://127.7.7.7/x.png',
      'http://localhost:9/x.png',
      'http://[::1]:9/x.png',
      'http://[::ffff:127.0.0.1]/x.png',
    ]) {
      const body = await (
        await fetch(url('code'), { method: 'POST', body: new URLSearchParams({ url: target }) })
      ).json();
      expect(body.state, target).toBe(7);
      expect(body.message, target).toMatch(/loopback, private or link-local/);
    }
    const file = await (
      await fetch(url('code'), { method: 'POST', body: new URLSearchParams({ url: 'file:///etc/passwd' }) })
    ).json();
    expect(file).toMatchObject({ state: 7, message: expect.stringMatching(/only http and https/) });
  });

  it('answers 1000 requests with a bad token with Tips, without growing', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const flood = async () => {
      for (let i = 0; i < 500; i++) {
        const body = await (
          await fetch(url('code', `bad-${i}`), {
            method: 'POST',
            body: 'aGVsbG8=',
            headers: { 'content-type': 'text/plain' },
          })
        ).json();
        expect(body.processName).toBe('Tips');
      }
    };
    await flood(); // warm-up: the first requests fill caches that stay
    gc();
    const before = process.memoryUsage().heapUsed;
    await flood();
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(grown).toBeLessThan(8 * 2 ** 20);
    await healthy();
  });

  it('answers state 3 when a node dies mid-image, replaces it, and the next image is read', async () => {
    const pending = recognizeDoc();
    for (let i = 0; i < 200 && server.pool.status().nodes[0]!.state !== 'busy'; i++)
      await new Promise((r) => setTimeout(r, 5));
    await server.pool.killNode(0);
    const body = await pending;
    expect(body).toMatchObject({ state: 3, processName: 'OCR-Node-01' });
    expect(body.message).toMatch(/stopped while reading this image; try again/);
    expect((await recognizeDoc()).state).toBe(2);
    const health = await (await fetch(`${server.url}/health`)).json();
    expect(health.nodes[0].restarts).toBe(1);
  });
});

describe('slow and hung peers', () => {
  let lenient: TestServer;
  let silent: net.Server;
  let silentPort: number;
  beforeAll(async () => {
    lenient = await testServer({ allowPrivateUrls: true, urlFetch: { timeoutMs: 800 } });
    // A server that takes the connection and never says a word.
    silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    silent.close();
    await lenient.close();
  });

  it('gives up on a URL that never answers with state 3, within the fetch time limit', async () => {
    const started = Date.now();
    const response = await lenient.app.inject({
      method: 'POST',
      url: `/Code.ashx?op=code&app=api&token=${lenient.token}`,
      payload: `http://127.0.0.1:${silentPort}/never.png`,
      headers: { 'content-type': 'text/plain' },
    });
    expect(JSON.parse(response.body)).toMatchObject({
      state: 3,
      message: expect.stringMatching(/did not answer within 0.8 s/),
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('answers state 4 with an empty processName when a node misses the deadline, replaces the node, and charges it', async () => {
    const strict = await testServer({ jobDeadlineMs: 20 });
    try {
      const form = await multipartBody({ file: imageBlob(docImage) });
      const body = JSON.parse(
        (await strict.app.inject({ method: 'POST', url: `/Code.ashx?op=code&app=api&token=${strict.token}`, ...form }))
          .body,
      );
      expect(body).toMatchObject({ state: 4, processName: '' });
      await strict.pool.ready;
      for (let i = 0; i < 100 && strict.pool.status().nodes[0]!.restarts === 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(strict.pool.status().nodes[0]!.restarts).toBe(1);
      // It held a node for the whole deadline: an image built to run out the clock is not free.
      const count = JSON.parse(
        (await strict.app.inject({ method: 'GET', url: `/Code.aspx?op=count&app=api&token=${strict.token}` })).body,
      );
      expect(count.TodayCount).toBe(1);
    } finally {
      await strict.close();
    }
  });
});
