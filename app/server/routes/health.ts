import type { FastifyInstance } from 'fastify';
import type { JobRunner, ResultKeeper } from '../backend.js';

/** For supervisors: 200 while at least one node can take work, 503 while none can. */
export async function healthRoutes(app: FastifyInstance, options: { runner: JobRunner; results: ResultKeeper }) {
  const started = Date.now();
  app.get('/health', async (_request, reply) => {
    const { nodes, queued, failure } = await options.runner.status();
    const serving = nodes.some((n) => n.state !== 'starting');
    return reply.code(serving ? 200 : 503).send({
      status: serving ? 'ok' : failure ? 'failed' : 'starting',
      ...(failure ? { failure } : {}),
      nodes,
      queued,
      results: options.results.size,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      rssMB: Math.round(process.memoryUsage.rss() / 2 ** 20),
    });
  });
}
