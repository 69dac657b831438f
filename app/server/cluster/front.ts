// `ocr-assistant serve --redis URL`: an API front with no engine of its own. Any number of
// fronts share the tokens, results, uploads and the job queue in Redis.
import type { FastifyInstance } from 'fastify';
import { resolveServerConfig, type ServerConfig, type ServerConfigOverrides } from '../config.js';
import { defaultDataDir } from '../data-dir.js';
import { buildServer, type ServerParts } from '../app.js';
import { blockingConnection, commandConnection, connected } from './redis.js';
import { redisBackend } from './redis-backend.js';

export interface RunningFront {
  app: FastifyInstance;
  config: ServerConfig;
  url: string;
  close(): Promise<void>;
}

export async function startRedisFront(
  redisUrl: string,
  options: ServerConfigOverrides & { logger?: ServerParts['logger'] } = {},
): Promise<RunningFront> {
  const { logger, ...overrides } = options;
  const config = resolveServerConfig({ ...overrides, dataDir: overrides.dataDir ?? defaultDataDir() });
  const redis = commandConnection(redisUrl);
  const blocking = blockingConnection(redisUrl);
  // While Redis is away requests get state 3; the connection reports, then recovers by itself.
  redis.on('error', () => undefined);
  blocking.on('error', () => undefined);
  try {
    await connected(redis, redisUrl);
  } catch (error) {
    redis.disconnect();
    blocking.disconnect();
    throw error;
  }
  // The backend is built before the app that logs its warnings.
  const logTo: { app?: FastifyInstance } = {};
  const backend = redisBackend(redis, blocking, config, (error) =>
    logTo.app?.log.warn({ err: error }, 'could not keep the screenshot for its PDF'),
  );
  const app = await buildServer({ config, backend, logger });
  logTo.app = app;
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const running = app;
  return {
    app: running,
    config,
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    async close() {
      await running.close();
      await backend.runner.close();
      redis.disconnect();
      blocking.disconnect();
    },
  };
}
