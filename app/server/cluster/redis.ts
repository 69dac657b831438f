// Redis connections for the many-machine mode. Fronts answer people: their commands fail at
// once while Redis is away (state 3 with a message), rather than pile up behind a reconnect.
// Blocking readers (BullMQ's workers and queue events) wait through a restart instead.
import { Redis } from 'ioredis';

export const keyPrefix = 'ocr:';
/** BullMQ's own keys live under this prefix. */
export const queuePrefix = 'ocr:bull';
export const queueName = 'recognize';

export function commandConnection(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 5000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
}

export function blockingConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 200, 2000) });
}

/** Waits until the connection is ready (or fails after `timeoutMs`), for start-up messages that say what is wrong. */
export async function connected(redis: Redis, url: string, timeoutMs = 10_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cannot reach Redis at ${url} (${redis.status})`)), timeoutMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
