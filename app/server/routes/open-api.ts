// Code.ashx and Code.aspx: one handler, dispatched on `op`. The original service runs on
// ASP.NET, so paths, `op` values and parameter names are all matched case-insensitively,
// and every op answers on either path, by GET or POST.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { failedResponse, State, unsupported } from '../../protocol/index.js';
import type { RecognitionService } from '../recognition-service.js';
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

const querySchema = Type.Object(
  {
    op: Type.Optional(Type.String()),
    app: Type.Optional(Type.String()),
    token: Type.Optional(Type.String()),
    type: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

export function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export async function openApiRoutes(app: FastifyInstance, options: { service: RecognitionService }) {
  const { service } = options;
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const query = lowerCaseQuery(request.query);
    const op = (query.op ?? 'code').toLowerCase();
    const token = query.token;
    switch (op) {
      case 'code': {
        const outcome = await service.code({
          token,
          query,
          origin: originOf(request),
          readInput: async () => imageInputOf(await readBody(request)),
        });
        const body = outcome.body;
        request.log.info({ op, state: 'state' in body ? body.state : 'tips', node: body.processName, ms: Math.round(outcome.ms) }, 'op=code answered');
        return reply.send(body);
      }
      case 'idcode': {
        const parts = await readBody(request).catch(() => undefined);
        const answer = parts ? await service.idcode(token, idOf(parts, query)) : 'no';
        return answer === 'no' ? reply.type('text/plain; charset=utf-8').send('no') : reply.send(answer);
      }
      case 'imgupload': {
        const readFile = async () => {
          const parts = await readBody(request);
          return parts.file ?? parts.bytes;
        };
        return reply.type('text/plain; charset=utf-8').send(await service.upload(token, readFile, originOf(request)));
      }
      case 'count':
        return reply.send(await service.count(token));
      default:
        return reply.send(failedResponse(0, State.unsupported, unsupported(`op "${query.op}" is unknown: use code, idcode, imgUpload or count`).message));
    }
  };
  for (const url of ['/Code.ashx', '/Code.aspx']) {
    app.route({ method: ['GET', 'POST'], url, schema: { querystring: querySchema }, handler });
  }
}
