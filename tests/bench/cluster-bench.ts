// `npm run bench:cluster`: the many-machine mode against the single-machine server, in one run
// on the bench screenshots. Prints figures; asserts nothing.
//   - throughput (images/s, 4 clients at once) of: the single-machine server (its default
//     pool), a Redis front with one engine node host, and with two hosts;
//   - the queue's overhead per request: one client, one image at a time, Redis front against
//     the single-machine server on the same images (median latency difference).
//
//   npm run bench:cluster [-- --rounds 1 --clients 4]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchRoot, hasBench, readGroundTruth } from './bench-data.js';
import { bin, cli, spawnServe, type ServeProcess } from '../cli/cli-helpers.js';
import { startRedis } from '../cluster/redis-helpers.js';

const { values } = parseArgs({ options: { rounds: { type: 'string' }, clients: { type: 'string' } } });
const rounds = Number(values.rounds ?? 1);
const clients = Number(values.clients ?? 4);
if (!hasBench()) {
  console.error(`no benchmark data at ${benchRoot()} (set OCR_BENCH_DIR)`);
  process.exit(2);
}
const { dir, items } = readGroundTruth('screens');
const images = items.map((g) => readFileSync(path.join(dir, g.image)));

async function recognize(
  url: string,
  token: string,
  image: Buffer,
): Promise<{ ms: number; state: number; node?: string }> {
  const started = performance.now();
  const response = await fetch(`${url}/Code.ashx?op=code&app=api&token=${token}`, {
    method: 'POST',
    body: image.toString('base64'),
    headers: { 'content-type': 'text/plain' },
  });
  const body = (await response.json()) as { state: number; processName?: string };
  return { ms: performance.now() - started, state: body.state, node: body.processName };
}

/** Every image `rounds` times through `clients` clients at once: images/s, and who did the work. */
async function throughput(
  url: string,
  token: string,
): Promise<{ rate: number; failed: number; nodes: Record<string, number> }> {
  const work = Array.from({ length: rounds }, () => images).flat();
  let next = 0;
  let failed = 0;
  const nodes: Record<string, number> = {};
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < work.length) {
        const answer = await recognize(url, token, work[next++]!);
        if (answer.state !== 2) failed++;
        else nodes[answer.node ?? '?'] = (nodes[answer.node ?? '?'] ?? 0) + 1;
      }
    }),
  );
  return { rate: (work.length - failed) / ((performance.now() - started) / 1000), failed, nodes };
}

/** Median latency of one image at a time. */
async function latency(url: string, token: string): Promise<number> {
  const times: number[] = [];
  for (const image of images) times.push((await recognize(url, token, image)).ms);
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function warm(url: string, token: string) {
  for (const image of images.slice(0, 4)) await recognize(url, token, image);
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

function spawnHost(redisUrl: string, name: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'node', '--redis', redisUrl, '--nodes', '1', '--name', name], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      log += chunk;
      if (log.includes('taking jobs')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`node host exited with ${code}: ${log}`)));
  });
}

// 1. The single-machine server, as `serve` runs by default.
const data = mkdtempSync(path.join(tmpdir(), 'ocr-bench-cluster-'));
const localToken = (await cli('token', 'add', '--limit', '10000000', '--data', data)).stdout.trim().split('\n').at(-1)!;
const local: ServeProcess = await spawnServe(['--port', '0', '--data', data, '--log-level', 'warn']);
for (;;) {
  const health = await (await fetch(`${local.url}/health`)).json();
  if (health.nodes.every((n: { state: string }) => n.state !== 'starting')) break;
  await new Promise((r) => setTimeout(r, 100));
}
await warm(local.url, localToken);
const localRun = await throughput(local.url, localToken);
await stop(local.process);
// For the queue's overhead, the same engine as one host runs: one node with every core.
const single = await spawnServe(['--port', '0', '--data', data, '--log-level', 'warn', '--nodes', '1']);
await warm(single.url, localToken);
const localLatency = await latency(single.url, localToken);
await stop(single.process);

// 2. A Redis front with one, then two engine node hosts.
const redis = await startRedis();
const token = (await cli('token', 'add', '--redis', redis.url, '--limit', '10000000')).stdout
  .trim()
  .split('\n')
  .at(-1)!;
const front = await spawnServe(['--redis', redis.url, '--port', '0', '--log-level', 'warn', '--wait-budget', '120']);
const hostA = await spawnHost(redis.url, 'hostA');
await warm(front.url, token);
const queueLatency = await latency(front.url, token);
const oneHost = await throughput(front.url, token);
const hostB = await spawnHost(redis.url, 'hostB');
await warm(front.url, token);
const twoHosts = await throughput(front.url, token);
await Promise.all([stop(front.process), stop(hostA), stop(hostB)]);
await redis.stop();

const line = (name: string, run: { rate: number; failed: number; nodes: Record<string, number> }) =>
  console.log(
    `${name.padEnd(44)} ${run.rate.toFixed(2).padStart(6)} images/s   failed ${run.failed}   by node ${JSON.stringify(run.nodes)}`,
  );
console.log(`${images.length * rounds} screenshots per run, ${clients} clients at once\n`);
line('single machine (serve, default pool)', localRun);
line('Redis front + 1 node host (1 node process)', oneHost);
line('Redis front + 2 node hosts (1 node process each)', twoHosts);
console.log(
  `\nratio 2 hosts / 1 host: ${(twoHosts.rate / oneHost.rate).toFixed(2)}   Redis (1 host) / single machine: ${(oneHost.rate / localRun.rate).toFixed(2)}`,
);
console.log(
  `median latency, one image at a time, one node with both cores: single machine ${localLatency.toFixed(0)} ms, Redis front ${queueLatency.toFixed(0)} ms: queue overhead ${(queueLatency - localLatency).toFixed(0)} ms per request`,
);
console.log(
  '\nOn this 2-core machine every host shares the same two cores, so a second host adds no\n' +
    'compute: the 2-host figure shows the queue spreading work, not more capacity. On N machines\n' +
    'each host brings its own cores: throughput grows about N times the 1-host figure, less the\n' +
    'per-request overhead above, until one Redis or the fronts become the limit.',
);
