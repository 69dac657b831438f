// Our two extensions of the Open API, over real sockets with a real engine node: `progress=1`
// (state 0 at once, then idcode's pending answers carry the lines read so far) and op=cancel
// (a job stopped while a node reads it, answered with state 3), and the client
// that uses them (onProgress, and a cancel sent when its caller aborts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrClient, OcrClientError } from '../../app/client/index.js';
import { cancelledMessage, type OcrResponse, type ProgressInfo } from '../../app/protocol/index.js';
import { startServer, type RunningServer } from '../../app/server/start.js';
import { fullHdCapture } from '../fixtures/desktop-capture.js';
import { imageBlob, tempDataDir, uiImage } from './server-helpers.js';

let server: RunningServer;
let token: string;
let capture: Buffer;

beforeAll(async () => {
  server = await startServer({ port: 0, nodes: 1, dataDir: tempDataDir(), logger: false, waitForNodes: true });
  token = server.tokens.add(1000).token;
  capture = await fullHdCapture();
}, 60_000);
afterAll(() => server?.close());

const url = (op: string, t = token, extra = '') => `${server.url}/Code.ashx?op=${op}&app=api&token=${t}${extra}`;

async function send(bytes: Uint8Array, extra = '&progress=1'): Promise<OcrResponse> {
  const body = new FormData();
  body.append('file', imageBlob(bytes), 'image.png');
  return (await fetch(url('code', token, extra), { method: 'POST', body })).json() as Promise<OcrResponse>;
}

async function idcode(id: string): Promise<OcrResponse> {
  const answer = (await (await fetch(url('idcode'), { method: 'POST', body: new URLSearchParams({ id }) })).json()) as
    OcrResponse[] | unknown;
  return (answer as OcrResponse[])[0]!;
}

const cancel = async (id: string, t = token) =>
  (await fetch(url('cancel', t), { method: 'POST', body: new URLSearchParams({ id }) })).text();

/** Polls until the answer is final, keeping every pending answer's progress. */
async function follow(id: string): Promise<{ final: OcrResponse; seen: ProgressInfo[] }> {
  const seen: ProgressInfo[] = [];
  for (;;) {
    const answer = await idcode(id);
    if (answer.state !== 0) return { final: answer, seen };
    if (answer.progress) seen.push(answer.progress);
    await new Promise((r) => setTimeout(r, 40));
  }
}

const todayCount = async () => ((await (await fetch(url('count'))).json()) as { TodayCount: number }).TodayCount;

describe('progress=1', () => {
  it('answers state 0 with its id and the first lines, then the lines grow top to bottom, and the answer is the usual one', async () => {
    const accepted = await send(capture);
    expect(accepted.state).toBe(0);
    expect(accepted.result).toBeUndefined();
    const { final, seen } = await follow(accepted.id);
    expect(final.state).toBe(2);
    // The final answer is the Open API's own: no extension field on it.
    expect(final).not.toHaveProperty('progress');
    const words = new Set(JSON.parse(final.result!.verticalText!).map((c: { words: string }) => c.words));
    const partial = seen.filter((p) => p.lines.length > 0);
    // Lines were shown while the capture was still being read, several times, growing.
    expect(partial.length).toBeGreaterThan(2);
    expect(partial[0]!.lines.length).toBeLessThan(words.size);
    for (let i = 1; i < partial.length; i++)
      expect(partial[i]!.lines.length).toBeGreaterThanOrEqual(partial[i - 1]!.lines.length);
    // The first lines are the capture's top: none of them lies in its lower half.
    expect(Math.max(...partial[0]!.lines.map((l) => l.location.top))).toBeLessThan(540);
    // What was shown is what the answer says, line for line (a second reading may mend a few).
    const last = partial.at(-1)!.lines;
    expect(last.filter((l) => words.has(l.words)).length).toBeGreaterThan(0.9 * last.length);
    expect(seen.at(-1)!.elapsedMs).toBeGreaterThan(0);
  }, 60_000);

  it('is ignored on a request without it: the answer comes whole within the wait budget', async () => {
    const answer = await send(uiImage, '');
    expect(answer.state).toBe(2);
    expect(answer).not.toHaveProperty('progress');
  }, 30_000);
});

describe('op=cancel', () => {
  it('stops a capture being read: state 3 with the reason, counted as begun, and the node reads the next image', async () => {
    const before = await todayCount();
    const accepted = await send(capture);
    // Wait for the first lines: a node is reading it now.
    for (let answer = await idcode(accepted.id); !answer.progress?.lines.length; answer = await idcode(accepted.id)) {
      expect(answer.state).toBe(0);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await cancel(accepted.id, server.tokens.add(10).token)).toBe('no'); // another token's job
    expect(await cancel(accepted.id)).toBe('ok');
    const { final } = await follow(accepted.id);
    expect(final.state).toBe(3);
    expect(final.message).toBe(cancelledMessage);
    // A node had begun it, and its first lines were out: it costs its unit (see isCharged).
    expect(final.processName).toBe('OCR-Node-01');
    expect(await todayCount()).toBe(before + 1);
    expect(await cancel(accepted.id)).toBe('no'); // finished: nothing left to stop
    expect((await send(uiImage, '')).state).toBe(2);
  }, 60_000);

  it('drops a job still waiting for a node: state 3, no node named, not counted', async () => {
    const before = await todayCount();
    const reading = await send(capture);
    const waiting = await send(uiImage);
    expect(await cancel(waiting.id)).toBe('ok');
    const { final } = await follow(waiting.id);
    expect(final).toMatchObject({ state: 3, message: cancelledMessage });
    expect(final.processName).toBeUndefined();
    expect((await follow(reading.id)).final.state).toBe(2);
    expect(await todayCount()).toBe(before + 1);
  }, 60_000);

  it('answers no for an id it never gave, and op=code lists it among the ops', async () => {
    expect(await cancel('00000000-0000-4000-8000-000000000000')).toBe('no');
    const unknown = (await (await fetch(url('nonsense'))).json()) as OcrResponse;
    expect(unknown.message).toContain('cancel');
  });
});

describe('OcrClient with onProgress', () => {
  it('hands on the lines as they come, then resolves with the whole answer', async () => {
    const client = new OcrClient({ baseUrl: server.url, token });
    const counts: number[] = [];
    const response = await client.recognize(capture, { onProgress: (p) => counts.push(p.lines.length) });
    expect(response.state).toBe(2);
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(1);
  }, 60_000);

  it('asks the server to stop when its caller aborts, and rejects with aborted', async () => {
    const asked: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      const answer = await fetch(input, init);
      if (String(input).includes('op=cancel')) asked.push(await answer.clone().text());
      return answer;
    };
    const client = new OcrClient({ baseUrl: server.url, token, fetch: recording });
    const stop = new AbortController();
    const before = await todayCount();
    const error = await client
      .recognize(capture, { signal: stop.signal, onProgress: (p) => p.lines.length && stop.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OcrClientError);
    expect((error as OcrClientError).kind).toBe('aborted');
    await expect.poll(() => asked, { timeout: 5000 }).toEqual(['ok']);
    // The node is free again soon.
    await expect.poll(() => server.pool.status().nodes[0]!.state, { timeout: 20_000 }).toBe('idle');
    await expect.poll(todayCount).toBe(before + 1);
  }, 60_000);
});
