import { createRequire } from 'node:module';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ResultFiles } from '../result-files.js';

const katexDist = path.dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));
/** KaTeX's stylesheet and fonts, by exact name: nothing else of the disk is reachable here. */
const katexFile = /^(katex\.min\.css|fonts\/KaTeX_[A-Za-z0-9_-]+\.(woff2|woff|ttf))$/;
const mimeTypes: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
};

/**
 * A formula result's page (`viewUrl`): the formula typeset by KaTeX on the server, styled and
 * set in KaTeX's fonts served from here, so it renders with no network. No script runs in it.
 */
export async function formulaViewRoutes(app: FastifyInstance, options: { files: ResultFiles }) {
  app.get(
    '/view/:id',
    { schema: { params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (request, reply) => {
      const page = await options.files.page((request.params as { id: string }).id.toLowerCase());
      if (!page) return reply.code(404).type('text/plain; charset=utf-8').send('no');
      return reply
        .type('text/html; charset=utf-8')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'")
        .header('cache-control', 'private, max-age=600')
        .send(page);
    },
  );
  app.get('/katex/*', async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    if (!katexFile.test(name)) return reply.code(404).type('text/plain; charset=utf-8').send('no');
    const body = await readFile(path.join(katexDist, name));
    return reply
      .type(mimeTypes[name.split('.').pop()!]!)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=86400')
      .send(body);
  });
}
