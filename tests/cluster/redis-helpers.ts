// Redis for the tests: Debian's redis-server on a free loopback port, its data in a temporary
// folder (append-only, so a restart keeps tokens and counts, as a real deployment would).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServer } from '../../app/server/app.js';
import { resolveServerConfig } from '../../app/server/config.js';
import { blockingConnection, commandConnection, connected } from '../../app/server/cluster/redis.js';
import { redisBackend } from '../../app/server/cluster/redis-backend.js';
import { RedisTokens } from '../../app/server/cluster/redis-stores.js';
import { startNodeHost, type NodeHost } from '../../app/server/cluster/node-host.js';
import { tempDataDir, type ApiHarness } from '../server/server-helpers.js';

export const redisServerPath = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/**
 * Why the many-machine tests cannot run here, or undefined when they can. README's test command
 * (bash .ci/run) installs redis-server; a plain `npm test` on a machine without it skips these
 * tests with this one line rather than fail. In CI a missing Redis is a failure, not a skip.
 */
export const redisMissing =
  existsSync(redisServerPath) || process.env.CI
    ? undefined
    : `the many-machine tests need redis-server (${redisServerPath}): apt-get install redis-server, or run bash .ci/run`;
if (redisMissing) console.warn(`skipped: ${redisMissing}`);

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'ocr-redis-'));
  let child: ChildProcess | undefined;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(
        redisServerPath,
        ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child = proc;
      let log = '';
      proc.stdout!.on('data', (chunk) => {
        log += chunk;
        if (log.includes('Ready to accept connections')) resolve();
      });
      proc.on('error', reject);
      proc.on('exit', (code) => reject(new Error(`redis-server exited (${code}): ${log}`)));
    });
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    async stop() {
      const proc = child;
      if (!proc || proc.exitCode !== null) return;
      await new Promise((resolve) => {
        proc.once('exit', resolve);
        proc.kill('SIGTERM');
      });
    },
  };
}

/** The conformance suite's servers as fronts over Redis, with one engine node host of two nodes. */
export function redisHarness(): ApiHarness {
  let redis: TestRedis | undefined;
  let host: NodeHost | undefined;
  const ready = (async () => {
    redis = await startRedis();
    host = await startNodeHost({
      redisUrl: redis.url,
      config: resolveServerConfig({ nodes: 2, dataDir: tempDataDir(), threadsPerNode: 1 }),
      name: 'hostA',
    });
    return redis;
  })();
  return {
    nodeNames: ['hostA-01', 'hostA-02'],
    processName: /^hostA-0[12]$/,
    async start(overrides = {}, logger) {
      const { url } = await ready;
      const config = resolveServerConfig({ dataDir: tempDataDir(), ...overrides });
      const redisConnection = commandConnection(url);
      const blocking = blockingConnection(url);
      await connected(redisConnection, url);
      const backend = redisBackend(redisConnection, blocking, config);
      const app = await buildServer({ config, backend, logger: logger ?? false });
      const tokens = new RedisTokens(redisConnection, 0);
      return {
        app,
        config,
        token: (await tokens.add(100_000)).token,
        addToken: async (limit) => (await tokens.add(limit)).token,
        async close() {
          await app.close();
          await backend.runner.close();
          redisConnection.disconnect();
          blocking.disconnect();
        },
      };
    },
    async close() {
      await host?.close();
      await redis?.stop();
    },
  };
}
