// A real server for a test file: a temporary data folder, real engine nodes, one token.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../app/server/app.js';
import { resolveServerConfig, type ServerConfig, type ServerConfigOverrides } from '../../app/server/config.js';
import { TokenStore } from '../../app/server/token-store.js';
import { EngineNodePool } from '../../app/server/nodes/pool.js';
import { readGroundTruth } from '../bench/bench-data.js';

/** What the conformance suite needs of a server under test, whatever stands behind it. */
export interface ApiUnderTest {
  app: FastifyInstance;
  config: ServerConfig;
  /** A token with a large daily limit. */
  token: string;
  /** Makes another token with this daily limit. */
  addToken(limit: number): Promise<string>;
  close(): Promise<void>;
}

export interface TestServer extends ApiUnderTest {
  tokens: TokenStore;
  pool: EngineNodePool;
}

/**
 * Servers for the conformance suite: all over one set of engine nodes, each with its own
 * config overrides (and logger); `start({ dataDir })` of a server's folder is that server
 * restarted. `processName` matches the node names its responses carry.
 */
export interface ApiHarness {
  start(
    overrides?: ServerConfigOverrides,
    logger?: { level: string; stream: { write(line: string): void } },
  ): Promise<ApiUnderTest>;
  nodeNames: string[];
  processName: RegExp;
  close(): Promise<void>;
}

/** The single-machine server: SQLite tokens, the pool of node processes. */
export function localHarness(nodes = 2): ApiHarness {
  let pool: EngineNodePool | undefined;
  return {
    nodeNames: Array.from({ length: nodes }, (_, i) => `OCR-Node-0${i + 1}`),
    processName: new RegExp(`^OCR-Node-0[1-${nodes}]$`),
    async start(overrides = {}, logger) {
      const config = resolveServerConfig({ nodes, dataDir: tempDataDir(), ...overrides });
      pool ??= newPool(config);
      await pool.ready;
      const tokens = TokenStore.open(config.dataDir);
      const app = await buildServer({ config, tokens, pool, logger: logger ?? false });
      return {
        app,
        config,
        token: tokens.add(100_000).token,
        addToken: async (limit) => tokens.add(limit).token,
        async close() {
          await app.close();
          tokens.close();
        },
      };
    },
    close: async () => pool?.close(),
  };
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'ocr-server-'));
}

export function newPool(config: ServerConfig): EngineNodePool {
  return new EngineNodePool({
    size: config.nodes,
    threadsPerNode: 1,
    deadlineMs: config.jobDeadlineMs,
    maxQueued: config.maxQueued,
  });
}

/** Builds the app (not listening) over a fresh pool, or over `pool` when one is shared. */
export async function testServer(overrides: ServerConfigOverrides = {}, pool?: EngineNodePool): Promise<TestServer> {
  const config = resolveServerConfig({ nodes: 1, dataDir: tempDataDir(), ...overrides });
  const tokens = TokenStore.open(config.dataDir);
  const ownPool = pool ?? newPool(config);
  await ownPool.ready;
  const app = await buildServer({ config, tokens, pool: ownPool, logger: false });
  const { token } = tokens.add(1000);
  return {
    app,
    config,
    tokens,
    pool: ownPool,
    token,
    addToken: async (limit) => tokens.add(limit).token,
    async close() {
      await app.close();
      if (!pool) await ownPool.close();
      tokens.close();
    },
  };
}

const { dir } = readGroundTruth('screens');
export const docImage = readFileSync(path.join(dir, 'public-018-doc-en.png'));
export const uiImage = readFileSync(path.join(dir, 'public-001-ui-en.png'));

/** A multipart body as a browser or curl would send it. */
export async function multipartBody(
  fields: Record<string, string | Blob>,
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, 'screenshot.png');
  }
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type')! },
  };
}

export const imageBlob = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)], { type: 'image/png' });

export const json = (response: LightMyRequestResponse) => JSON.parse(response.body);
