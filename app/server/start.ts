// The one place that listens: opens the token store, starts the engine nodes, builds the
// app and binds it. The CLI's `serve` and the desktop app's embedded server both call this.
import type { FastifyInstance } from 'fastify';
import { resolveServerConfig, type ServerConfig, type ServerConfigOverrides } from './config.js';
import { defaultDataDir } from './data-dir.js';
import { TokenStore } from './token-store.js';
import { DataFolderLock } from './data-lock.js';
import { EngineNodePool } from './nodes/pool.js';
import { buildServer, type ServerParts } from './app.js';

export interface RunningServer {
  app: FastifyInstance;
  config: ServerConfig;
  tokens: TokenStore;
  pool: EngineNodePool;
  /** `http://127.0.0.1:PORT`, with the port actually bound (port 0 picks a free one). */
  url: string;
  close(): Promise<void>;
}

export interface StartOptions extends ServerConfigOverrides {
  logger?: ServerParts['logger'];
  /** Wait for every engine node to load its models before listening. */
  waitForNodes?: boolean;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const { logger, waitForNodes, ...overrides } = options;
  const config = resolveServerConfig({ ...overrides, dataDir: overrides.dataDir ?? defaultDataDir() });
  // Before anything in the folder is touched: a second server must not clear the first one's results.
  const lock = DataFolderLock.acquire(config.dataDir);
  let tokens: TokenStore;
  try {
    tokens = TokenStore.open(config.dataDir);
  } catch (error) {
    lock.release();
    throw error;
  }
  let app: FastifyInstance | undefined;
  const pool = new EngineNodePool({
    size: config.nodes,
    threadsPerNode: config.threadsPerNode,
    language: config.readingLanguage,
    deadlineMs: config.jobDeadlineMs,
    maxQueued: config.maxQueued,
    onEvent: (event) => {
      if (event.kind === 'ready')
        app?.log.info({ node: event.node, loadMs: Math.round(event.loadMs) }, 'engine node ready');
      else if (event.kind === 'died')
        app?.log.warn({ node: event.node, reason: event.reason }, 'engine node died; replacing it');
      else app?.log.warn({ node: event.node, id: event.jobId }, 'engine node missed the deadline; replacing it');
    },
  });
  try {
    app = await buildServer({ config, tokens, pool, logger });
    if (waitForNodes) await pool.ready;
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app?.close();
    await pool.close();
    tokens.close();
    lock.release();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const running = app;
  return {
    app: running,
    config,
    tokens,
    pool,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    async close() {
      await running.close();
      await pool.close();
      tokens.close();
      lock.release();
    },
  };
}
