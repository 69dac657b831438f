import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ResultFiles } from '../result-files.js';

/** Serves a result's files (`result.files` of a finished response) while the result lives. */
export async function fileRoutes(app: FastifyInstance, options: { files: ResultFiles }) {
  const params = Type.Object({ id: Type.String({ maxLength: 64 }), name: Type.String({ maxLength: 32 }) });
  app.get('/files/:id/:name', { schema: { params } }, async (request, reply) => {
    const { id, name } = request.params as { id: string; name: string };
    const file = await options.files.build(id.toLowerCase(), name);
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('no');
    return reply
      .type(file.format.mimeType)
      .header('content-disposition', `attachment; filename="${file.format.name}"`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'")
      .header('cache-control', 'private, max-age=600')
      .send(file.body);
  });
}
