// Code.ashx and Code.aspx: one handler, dispatched on `op`. The original service runs on
// ASP.NET, so paths, `op` values and parameter names are all matched case-insensitively,
// and every op answers on either path, by GET or POST.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { failedResponse, State, unsupported } from '../../protocol/index.js';
import type { RecognitionService } from '../recognition-service.js';
import type { ServerConfig } from '../config.js';
import { idOf, imageInputOf, readBody } from '../request-body.js';

/** The query's parameters with lower-case names; a repeated parameter keeps its first value. */
export function lowerCaseQuery(query: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    const name = key.toLowerCase();
    if (name in out) continue;
    out[name] = Array.isArray(value) ? String(value[0]) : typeof value === 'string' ? value : undefined;
  }
  return out;
}

// A parameter given twice (token=a&token=b) arrives as a list; lowerCaseQuery keeps the first.
const oneOrMore = Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())]));
const querySchema = Type.Object(
  { op: oneOrMore, app: oneOrMore, token: oneOrMore, type: oneOrMore },
  { additionalProperties: true },
);

/**
 * Where clients reach this server, for the URLs it hands out: `--public-url`, else the address
 * it listens on. Never the request's Host header: any client may write anything there, and the
 * URLs it would get back (and hand to others) would point wherever it liked.
 */
export function publicOrigin(app: FastifyInstance, config: ServerConfig): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export async function openApiRoutes(
  app: FastifyInstance,
  options: { service: RecognitionService; config: ServerConfig },
) {
  const { service, config } = options;
  const { bodyLimit } = config;
  const originOf = () => publicOrigin(app, config);
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const query = lowerCaseQuery(request.query);
    const op = (query.op ?? 'code').toLowerCase();
    const token = query.token;
    switch (op) {
      case 'code': {
        // A client that hangs up before its answer has no use for it: its job is dropped if not begun.
        const gone = new AbortController();
        reply.raw.once('close', () => {
          if (!reply.raw.writableFinished) gone.abort();
        });
        const outcome = await service.code({
          signal: gone.signal,
          token,
          query,
          origin: originOf(),
          readInput: async () => imageInputOf(await readBody(request, bodyLimit)),
        });
        const body = outcome.body;
        request.log.info(
          { op, state: 'state' in body ? body.state : 'tips', node: body.processName, ms: Math.round(outcome.ms) },
          'op=code answered',
        );
        return reply.send(body);
      }
      case 'idcode': {
        const parts = await readBody(request, bodyLimit).catch(() => undefined);
        const answer = parts ? await service.idcode(token, idOf(parts, query)) : 'no';
        return answer === 'no' ? reply.type('text/plain; charset=utf-8').send('no') : reply.send(answer);
      }
      case 'cancel': {
        // Our extension: stop a request this token sent (see RecognitionService.cancel).
        const parts = await readBody(request, bodyLimit).catch(() => undefined);
        const answer = parts ? await service.cancel(token, idOf(parts, query)) : 'no';
        return reply.type('text/plain; charset=utf-8').send(answer);
      }
      case 'imgupload': {
        const readFile = async () => {
          const parts = await readBody(request, bodyLimit);
          return parts.file ?? parts.bytes;
        };
        return reply.type('text/plain; charset=utf-8').send(await service.upload(token, readFile, originOf()));
      }
      case 'count':
        return reply.send(await service.count(token));
      default:
        return reply.send(
          failedResponse(
            0,
            State.unsupported,
            unsupported(`op "${query.op}" is unknown: use code, idcode, imgUpload, count or cancel`).message,
          ),
        );
    }
  };
  for (const url of ['/Code.ashx', '/Code.aspx']) {
    app.route({ method: ['GET', 'POST'], url, schema: { querystring: querySchema }, handler });
  }
}
