// The many-machine mode as an operator runs it: one Redis, two fronts (`serve --redis`) and two
// engine node hosts (`node --redis`), each its own process, talking over loopback. What a
// client sees when a host is killed mid-job, when Redis restarts, when a front dies.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, cli, spawnServe, type ServeProcess } from '../cli/cli-helpers.js';
import { docImage, uiImage } from '../server/server-helpers.js';
import { redisMissing, startRedis, type TestRedis } from './redis-helpers.js';
import type { OcrResponse } from '../../app/protocol/index.js';
import { benchImage } from '../engine/engine-helpers.js';

const largeImage = benchImage('screens-x2', 'publicx2-017-doc-en').bytes;

interface HostProcess {
  process: ChildProcessByStdio<null, null, Readable>;
  name: string;
}

function spawnHost(redisUrl: string, name: string): Promise<HostProcess> {
  // A short lock: a killed host's job moves on within seconds.
  const child = spawn(
    process.execPath,
    [bin, 'node', '--redis', redisUrl, '--nodes', '1', '--name', name, '--lock-seconds', '3'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      log += chunk;
      if (log.includes('taking jobs')) resolve({ process: child, name });
    });
    child.on('exit', (code) => reject(new Error(`node host exited with ${code}: ${log}`)));
  });
}

async function kill(
  child: {
    kill(signal: NodeJS.Signals): boolean;
    exitCode: number | null;
    signalCode: NodeJS.Signals | null;
    once(e: 'exit', l: () => void): unknown;
  },
  signal: NodeJS.Signals = 'SIGTERM',
) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', resolve);
    child.kill(signal);
  });
}

let redis: TestRedis;
let fronts: ServeProcess[] = [];
const hosts: HostProcess[] = [];
let token: string;

async function code(
  front: ServeProcess,
  bytes: Uint8Array,
  useToken = token,
  extra = '',
): Promise<OcrResponse & { processName?: string; result?: { autoText?: string } }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), 'shot.png');
  const response = await fetch(`${front.url}/Code.ashx?op=code&app=api&token=${useToken}${extra}`, {
    method: 'POST',
    body: form,
  });
  return response.json();
}

async function idcode(front: ServeProcess, id: string): Promise<OcrResponse[] | 'no'> {
  const response = await fetch(`${front.url}/Code.ashx?op=idcode&app=api&token=${token}`, {
    method: 'POST',
    body: id,
    headers: { 'content-type': 'text/plain' },
  });
  const text = await response.text();
  return text === 'no' ? 'no' : JSON.parse(text);
}

async function health(front: ServeProcess): Promise<{ nodes: { name: string; state: string }[] }> {
  return (await fetch(`${front.url}/health`)).json();
}

beforeAll(async () => {
  if (redisMissing) return;
  redis = await startRedis();
  token = (await cli('token', 'add', '--redis', redis.url, '--limit', '10000')).stdout.trim().split('\n').at(-1)!;
  fronts = await Promise.all(
    [0, 1].map(() => spawnServe(['--redis', redis.url, '--port', '0', '--log-level', 'warn', '--wait-budget', '40'])),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all([...fronts.map((f) => kill(f.process)), ...hosts.map((h) => kill(h.process))]);
  await redis?.stop();
});

describe.skipIf(redisMissing)('fronts and engine node hosts on one Redis', () => {
  it('answers state 6 with a reason while no engine node is connected', async () => {
    const body = await code(fronts[0]!, uiImage);
    expect(body.state).toBe(6);
    expect(body.message).toMatch(/no engine node is connected/);
  });

  it('reads on either front, names the host that did the work, and either front answers idcode and files for the other', async () => {
    hosts.push(...(await Promise.all([spawnHost(redis.url, 'hostA'), spawnHost(redis.url, 'hostB')])));
    const answers = await Promise.all(
      [fronts[0]!, fronts[1]!, fronts[0]!, fronts[1]!].map((front) => code(front, uiImage)),
    );
    for (const answer of answers) {
      expect(answer.state).toBe(2);
      expect(answer.result?.autoText).toContain('Bourne Again Shell');
      expect(answer.processName).toMatch(/^host[AB]-01$/);
    }
    // Four jobs at once on two one-node hosts: both took some.
    expect(new Set(answers.map((a) => a.processName))).toEqual(new Set(['hostA-01', 'hostB-01']));
    const [viaOther] = (await idcode(fronts[1]!, answers[0]!.id)) as OcrResponse[];
    expect(viaOther).toEqual(answers[0]);
    const file = answers[0]!.result as { files: { url: string; fileType: number }[] };
    const txt = await fetch(`${fronts[1]!.url}${new URL(file.files.find((f) => f.fileType === 5)!.url).pathname}`);
    expect(await txt.text()).toContain('Bourne Again Shell');
    const nodes = (await health(fronts[1]!)).nodes.map((n) => n.name).sort();
    expect(nodes).toEqual(['hostA-01', 'hostB-01']);
  });

  it('spends a quota shared by two fronts exactly once', async () => {
    const limited = (await cli('token', 'add', '--redis', redis.url, '--limit', '3')).stdout.trim().split('\n').at(-1)!;
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => code(fronts[i % 2]!, uiImage, limited)));
    expect(answers.filter((a) => a.state === 2)).toHaveLength(3);
    expect(answers.filter((a) => (a as unknown as { processName: string }).processName === 'Tips')).toHaveLength(5);
    for (const front of fronts) {
      const count = await (await fetch(`${front.url}/Code.aspx?op=count&app=api&token=${limited}`)).json();
      expect(count).toEqual({ Account: 'api', TodayCount: 3, LimitCount: 0 });
    }
  });

  it('loses no request when the host reading it is killed with SIGKILL: another host answers', async () => {
    const started = Date.now();
    // A large screenshot (HiDPI), so the job is in hand long enough to be caught.
    const answer = code(fronts[0]!, largeImage);
    // Wait until a host has the job, then kill that host outright.
    let busy: string | undefined;
    for (let i = 0; i < 200 && !busy; i++) {
      busy = (await health(fronts[0]!)).nodes.find((n) => n.state === 'busy')?.name;
      if (!busy) await new Promise((r) => setTimeout(r, 10));
    }
    expect(busy).toMatch(/^host[AB]-01$/);
    const victim = hosts.find((h) => busy!.startsWith(h.name))!;
    await kill(victim.process, 'SIGKILL');
    const body = await answer;
    expect(body.state).toBe(2);
    expect(body.result?.autoText?.length).toBeGreaterThan(100);
    expect(body.processName).not.toBe(busy);
    expect(Date.now() - started).toBeLessThan(30_000);
    hosts.splice(hosts.indexOf(victim), 1, await spawnHost(redis.url, victim.name));
  });

  it('answers state 3 while Redis is down, and recovers by itself when it is back', async () => {
    await redis.stop();
    const down = await code(fronts[1]!, uiImage);
    expect(down.state).toBe(3);
    expect(down.message).toMatch(/cannot reach its job queue or stores/);
    await redis.start();
    let back: OcrResponse | undefined;
    for (let i = 0; i < 40 && back?.state !== 2; i++) {
      await new Promise((r) => setTimeout(r, 500));
      back = await code(fronts[1]!, uiImage);
    }
    expect(back?.state).toBe(2);
  });

  it('keeps what a front accepted when that front is killed: its result is read on another front', async () => {
    // A front with no wait budget answers state 0 with the id at once, as under load.
    const quick = await spawnServe(['--redis', redis.url, '--port', '0', '--log-level', 'warn', '--wait-budget', '0']);
    const accepted = await code(quick, docImage);
    expect(accepted.state).toBe(0);
    await kill(quick.process, 'SIGKILL');
    let finished: OcrResponse[] | 'no' = 'no';
    for (let i = 0; i < 100; i++) {
      finished = await idcode(fronts[0]!, accepted.id);
      if (finished !== 'no' && finished[0]!.state !== 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(finished).not.toBe('no');
    expect((finished as OcrResponse[])[0]).toMatchObject({ id: accepted.id, state: 2 });
  });
});
