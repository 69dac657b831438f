// Builds the Open API server: plugins, body parsers, routes. It never listens (start.ts does),
// so tests drive it with inject() as well as over real sockets.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { createServer } from 'node:http';
import multipart from '@fastify/multipart';
import formbody from '@fastify/formbody';
import { join } from 'node:path';
import { failedResponse, State } from '../protocol/index.js';
import { resolveEngineConfig } from '../engine/config.js';
import type { ServerConfig } from './config.js';
import type { TokenStore } from './token-store.js';
import type { EngineNodePool } from './nodes/pool.js';
import { ResultStore } from './result-store.js';
import { ImageBed } from './image-bed.js';
import { RecognitionService } from './recognition-service.js';
import { openApiRoutes, lowerCaseQuery } from './routes/open-api.js';
import { uploadRoutes } from './routes/uploads.js';
import { fileRoutes } from './routes/files.js';
import { formulaViewRoutes } from './routes/formula-view.js';
import { SourceImageStore } from './source-images.js';
import { ResultFiles } from './result-files.js';
import { JobFinisher } from './job-finisher.js';
import { translationOf } from './translation/index.js';
import { LocalJobRunner } from './local-runner.js';
import type { JobRunner, ResultKeeper, TokenAuthority, UploadKeeper } from './backend.js';
import { healthRoutes } from './routes/health.js';
import { redactTokens } from './redact.js';
import { admission } from './admission.js';

/** What a front stands on: built from SQLite and a pool here, or from Redis (`serve --redis`). */
export interface Backend {
  tokens: TokenAuthority;
  results: ResultKeeper;
  uploads: UploadKeeper;
  files: ResultFiles;
  runner: JobRunner;
}

export type ServerParts = (LocalParts | { config: ServerConfig; backend: Backend }) & {
  /** pino settings (level, a file or a stream to write to), or false for no logs at all. */
  logger?: false | { level?: string; file?: string; stream?: { write(line: string): void } };
};

/** One machine: tokens in SQLite, results in memory, files on disk, the pool of node processes. */
interface LocalParts {
  config: ServerConfig;
  tokens: TokenStore;
  pool: EngineNodePool;
}

export function localBackend({ config, tokens, pool }: LocalParts, onError: (error: unknown) => void): Backend {
  const limits = resolveEngineConfig().limits;
  const results = new ResultStore(config.resultTtlMs, config.maxResults);
  const sourceImages = new SourceImageStore(join(config.dataDir, 'results'), config.resultTtlMs, config.maxResults);
  const files = new ResultFiles(results, sourceImages, resolveEngineConfig(), onError);
  const runner = new LocalJobRunner(pool, new JobFinisher(results, tokens, files, translationOf(config)));
  return {
    tokens,
    results,
    uploads: new ImageBed(join(config.dataDir, 'uploads'), config.uploads, limits),
    files,
    runner,
  };
}

export async function buildServer(parts: ServerParts): Promise<FastifyInstance> {
  const { config } = parts;
  const { timeouts } = config;
  const app = Fastify({
    bodyLimit: config.bodyLimit,
    // Deadlines on every connection: headers, the whole request's arrival, silence. Node checks
    // them every connectionsCheckingInterval (30 s by default): often enough for the shortest.
    serverFactory: (handler) => {
      const server = createServer(
        {
          headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
          requestTimeout: timeouts.requestMs,
          keepAliveTimeout: timeouts.keepAliveMs,
          connectionsCheckingInterval: Math.max(250, Math.min(1000, timeouts.headersMs / 2)),
        },
        handler,
      );
      server.setTimeout(timeouts.idleMs);
      return server;
    },
    logger:
      parts.logger === false
        ? false
        : {
            level: 'info',
            ...parts.logger,
            // Never log a URL as sent: its query string carries the token.
            serializers: {
              req: (request: FastifyRequest) => ({
                method: request.method,
                url: redactTokens(request.url),
                remoteAddress: request.ip,
              }),
            },
          },
    // The API's paths come from ASP.NET, where /code.ashx and /Code.ashx are one page.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true },
    requestIdHeader: 'x-request-id',
  });

  // A plain-text body holds base64 or a URL; raw image bytes are accepted as they come.
  app.addContentTypeParser(
    ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/bmp', 'image/tiff', 'application/octet-stream'],
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );
  // Anything else is read as text, and so is a body sent with no content type at all
  // (Fastify would not parse that one: it is given one here).
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', async (request) => {
    if (!request.headers['content-type'] && request.method === 'POST') request.headers['content-type'] = 'text/plain';
  });
  await app.register(formbody, { bodyLimit: config.bodyLimit });
  await app.register(multipart, {
    // One image per request; readBody also holds the parts together to the body limit.
    limits: { fileSize: config.bodyLimit, fieldSize: config.bodyLimit, files: 1, fields: 20, parts: 21 },
  });

  const backend =
    'backend' in parts
      ? parts.backend
      : localBackend(parts, (error) => app.log.warn({ err: error }, 'could not keep the screenshot for its PDF'));
  const { tokens, results, uploads, files, runner } = backend;
  admission(app, config, tokens);
  const service = new RecognitionService(config, tokens, runner, results, uploads);

  // Errors are values at the protocol edge: a body too large, a broken multipart stream, a
  // query that fails its schema, all come back in the API's own shape, never as a stack.
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    const tooLarge = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE';
    const message = tooLarge
      ? `the request body is larger than the limit of ${Math.round(config.bodyLimit / 2 ** 20)} MB`
      : status < 500
        ? `the request could not be read: ${error.message}`
        : 'the server failed on this request; try again';
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.warn({ code: error.code, message: error.message }, 'bad request');
    const op = (lowerCaseQuery(request.query).op ?? 'code').toLowerCase();
    if (op === 'imgupload' || op === 'idcode')
      return reply
        .code(tooLarge ? 413 : status)
        .type('text/plain; charset=utf-8')
        .send('no');
    return reply
      .code(tooLarge ? 413 : status)
      .send(failedResponse(0, status >= 500 ? State.failed : State.unsupported, message));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      message: `no such endpoint: ${request.method} ${redactTokens(request.url)}; the API lives at /Code.ashx and /Code.aspx`,
    }),
  );

  await app.register(openApiRoutes, { service, config });
  await app.register(uploadRoutes, { uploads });
  await app.register(fileRoutes, { files });
  await app.register(formulaViewRoutes, { files });
  await app.register(healthRoutes, { runner, results });
  return app;
}
