import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { UploadKeeper } from '../backend.js';

/** Serves what `op=imgUpload` stored, as an image and nothing else. */
export async function uploadRoutes(app: FastifyInstance, options: { uploads: UploadKeeper }) {
  app.get(
    '/uploads/:name',
    { schema: { params: Type.Object({ name: Type.String({ maxLength: 64 }) }) } },
    async (request, reply) => {
      const stored = await options.uploads.read((request.params as { name: string }).name);
      if (!stored) return reply.code(404).type('text/plain; charset=utf-8').send('no');
      return reply
        .type(stored.mimeType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .header('cache-control', 'private, max-age=3600')
        .send(stored.bytes);
    },
  );
}
