// Which engine node hosts are alive, and how much they can take: each host (`ocr-assistant
// node`) writes a heartbeat every few seconds; one that stops writing drops out after the
// heartbeat's lifetime. Fronts read it to decide state 6 and state 0 from real capacity.
import type { Redis } from 'ioredis';
import type { NodeStatus } from '../backend.js';
import { keyPrefix } from './redis.js';

const hostsKey = `${keyPrefix}nodes`;
const hostKey = (name: string) => `${keyPrefix}node:${name}`;
export const heartbeatMs = 3000;
const lifetimeMs = 3 * heartbeatMs;

export interface HostHeartbeat {
  name: string;
  /** Engine nodes on this host: jobs it runs at once. */
  slots: number;
  nodes: NodeStatus[];
  /** Mean time of a job lately, for estimating waits. */
  averageJobMs: number;
}

export async function beat(redis: Redis, heartbeat: HostHeartbeat): Promise<void> {
  const expires = Date.now() + lifetimeMs;
  await redis
    .multi()
    .zadd(hostsKey, expires, heartbeat.name)
    .set(hostKey(heartbeat.name), JSON.stringify(heartbeat), 'PX', lifetimeMs)
    .exec();
}

export async function leave(redis: Redis, name: string): Promise<void> {
  await redis.multi().zrem(hostsKey, name).del(hostKey(name)).exec();
}

export async function liveHosts(redis: Redis): Promise<HostHeartbeat[]> {
  const now = Date.now();
  await redis.zremrangebyscore(hostsKey, '-inf', now);
  const names = await redis.zrangebyscore(hostsKey, now, '+inf');
  if (!names.length) return [];
  const beats = await redis.mget(names.map(hostKey));
  return beats.filter((b): b is string => b !== null).map((b) => JSON.parse(b) as HostHeartbeat);
}
