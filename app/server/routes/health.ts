import type { FastifyInstance } from 'fastify';
import type { EngineNodePool } from '../nodes/pool.js';
import type { ResultStore } from '../result-store.js';

/** For supervisors: 200 while at least one node can take work, 503 while none can. */
export async function healthRoutes(app: FastifyInstance, options: { pool: EngineNodePool; results: ResultStore }) {
  const started = Date.now();
  app.get('/health', async (_request, reply) => {
    const { nodes, queued } = options.pool.status();
    const serving = nodes.some((n) => n.state !== 'starting');
    return reply.code(serving ? 200 : 503).send({
      status: serving ? 'ok' : 'starting',
      nodes,
      queued,
      results: options.results.size,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      rssMB: Math.round(process.memoryUsage.rss() / 2 ** 20),
    });
  });
}
