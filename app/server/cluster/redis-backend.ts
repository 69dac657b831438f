// A front's backend on Redis (`ocr-assistant serve --redis URL`), and the stores a node host
// needs to finish jobs: built from one place so both read and write the same keys.
import type { Redis } from 'ioredis';
import { resolveEngineConfig } from '../../engine/config.js';
import type { Backend } from '../app.js';
import type { ServerConfig } from '../config.js';
import { ResultFiles } from '../result-files.js';
import { JobFinisher } from '../job-finisher.js';
import { translationOf } from '../translation/index.js';
import { RedisJobRunner } from './redis-runner.js';
import { RedisResults, RedisSourceImages, RedisTokens, RedisUploads } from './redis-stores.js';

/** A request holds its unit of quota at most this long past the job deadline (a front that died). */
const holdSlackMs = 5 * 60_000;

export function redisStores(redis: Redis, config: ServerConfig, onError: (error: unknown) => void = () => {}) {
  const tokens = new RedisTokens(redis, config.jobDeadlineMs + holdSlackMs);
  const results = new RedisResults(redis, config.resultTtlMs);
  const files = new ResultFiles(
    results,
    new RedisSourceImages(redis, config.resultTtlMs),
    resolveEngineConfig(),
    onError,
  );
  // A host's finisher does not translate: the front that took the job does (RedisJobRunner).
  return { tokens, results, files, finisher: new JobFinisher(results, tokens, files) };
}

export function redisBackend(
  redis: Redis,
  blocking: Redis,
  config: ServerConfig,
  onError?: (error: unknown) => void,
): Backend {
  const { tokens, results, files } = redisStores(redis, config, onError);
  const runner = new RedisJobRunner(redis, blocking, results, {
    maxQueuedPerSlot: 16,
    deadlineMs: config.jobDeadlineMs,
    attempts: 3,
    translation: translationOf(config),
  });
  return {
    tokens,
    results,
    uploads: new RedisUploads(redis, config.uploads, resolveEngineConfig().limits),
    files,
    runner,
  };
}
