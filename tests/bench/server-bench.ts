// `npm run bench:server`: the Open API server under load from autocannon (16 connections,
// 30 s by default) on the bench screenshots, beside the in-process engine on the same images
// in the same run. Prints figures; asserts nothing.
//
//   npm run bench:server [-- --duration 30 --connections 16 --nodes N]
import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { OcrEngine } from '../../app/engine/engine.js';
import { recognize } from '../../app/server/image-to-response.js';
import { processInfo } from '../../app/protocol/index.js';
import { hasBench, benchRoot, readGroundTruth } from './bench-data.js';
import { sampleTreeMemory } from './process-memory.js';
import { cli, spawnServe } from '../cli/cli-helpers.js';

const { values } = parseArgs({
  options: { duration: { type: 'string' }, connections: { type: 'string' }, nodes: { type: 'string' } },
});
const duration = Number(values.duration ?? 30);
const connections = Number(values.connections ?? 16);
const nodes = Number(values.nodes ?? availableParallelism());

if (!hasBench()) {
  console.error(`no benchmark data at ${benchRoot()} (set OCR_BENCH_DIR)`);
  process.exit(2);
}
const { dir, items } = readGroundTruth('screens');
const images = items.map((g) => readFileSync(path.join(dir, g.image)));

// 1. The in-process engine on the same images: one engine with every core, two passes (the
// first warms up), the second timed.
const engine = await OcrEngine.load();
for (const image of images.slice(0, 4)) await recognize(engine, { image, type: 0, options: {} }, processInfo(0));
const started = performance.now();
for (const image of images) await recognize(engine, { image, type: 0, options: {} }, processInfo(0));
const inProcessRate = images.length / ((performance.now() - started) / 1000);
await engine.dispose();
console.log(
  `in-process engine (${engine.config.runtime.intraOpThreads} threads): ${inProcessRate.toFixed(2)} images/s over ${images.length} screenshots`,
);

// 2. The server as an operator runs it: its own process, a token from the CLI.
const data = mkdtempSync(path.join(tmpdir(), 'ocr-bench-server-'));
const token = (await cli('token', 'add', '--limit', '10000000', '--data', data)).stdout.trim().split('\n').at(-1)!;
const serve = await spawnServe(['--port', '0', '--nodes', String(nodes), '--data', data, '--log-level', 'warn']);
const server = serve.process;
const baseUrl = serve.url;
for (;;) {
  const health = await (await fetch(`${baseUrl}/health`)).json();
  if (health.nodes.every((n: { state: string }) => n.state !== 'starting')) break;
  await new Promise((r) => setTimeout(r, 100));
}

const states = new Map<string, number>();
const memory = sampleTreeMemory(server.pid!, 250);
const result = await autocannon({
  url: baseUrl,
  connections,
  duration,
  timeout: 120,
  // Each connection walks the screenshots in turn, each sent as a plain-text base64 body.
  requests: images.map((image) => ({
    method: 'POST',
    path: `/Code.ashx?op=code&app=api&token=${token}`,
    headers: { 'content-type': 'text/plain' },
    body: image.toString('base64'),
    onResponse: (_status: number, body: string) => {
      let state = 'unparsable';
      try {
        state = String(JSON.parse(body).state ?? 'tips');
      } catch {
        // counted as unparsable
      }
      states.set(state, (states.get(state) ?? 0) + 1);
    },
  })),
});
const peaks = memory.stop();
server.kill('SIGTERM');

const done = states.get('2') ?? 0;
const serverRate = done / result.duration;
console.log(`\nserver: ${nodes} engine nodes, ${connections} connections, ${result.duration.toFixed(0)} s`);
console.log(
  `  requests/s ${result.requests.average.toFixed(2)}  (${result.requests.total} answered, ${done} recognized)`,
);
console.log(
  `  latency p50 ${result.latency.p50} ms  p90 ${result.latency.p90} ms  p99 ${result.latency.p99} ms  max ${result.latency.max} ms`,
);
console.log(
  `  errors ${result.errors}  timeouts ${result.timeouts}  non-2xx ${result.non2xx}  states ${JSON.stringify(Object.fromEntries(states))}`,
);
console.log(
  `  peak RSS: server process ${peaks.root} MB, server + engine nodes ${peaks.tree} MB (sampled every 250 ms)`,
);
console.log(
  `\nthroughput ratio server / in-process engine: ${(serverRate / inProcessRate).toFixed(2)} (target >= 0.8)`,
);
console.log(
  `  (the in-process engine gives all ${availableParallelism()} cores to one image; the server runs ${nodes} images at once, one core each)`,
);
