// The API's front door, before a single byte of a body is read. The token is in the URL, so it is
// checked first: a bad token (or, for op=code, a used-up quota) is answered at once and the
// connection closed, whatever the client meant to send after the headers. An accepted request
// then reserves its body's size from one budget that every connection shares (and no account
// may hold more than half of): memory held by bodies in flight has a ceiling, whoever sends them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { failedResponse, noQuota, State, tipsResponse } from '../protocol/index.js';
import type { ServerConfig } from './config.js';
import type { TokenAuthority } from './backend.js';
import { lowerCaseQuery } from './routes/open-api.js';
import { unreachable } from './recognition-service.js';

/** Bytes reserved by bodies being read, in all and per account. */
export class ByteBudget {
  private held = 0;
  private readonly byAccount = new Map<string, number>();

  constructor(
    readonly total: number,
    readonly perAccount: number,
  ) {}

  tryReserve(account: string, bytes: number): boolean {
    const mine = this.byAccount.get(account) ?? 0;
    if (this.held + bytes > this.total || mine + bytes > this.perAccount) return false;
    this.held += bytes;
    this.byAccount.set(account, mine + bytes);
    return true;
  }

  release(account: string, bytes: number): void {
    this.held -= bytes;
    const left = (this.byAccount.get(account) ?? bytes) - bytes;
    if (left > 0) this.byAccount.set(account, left);
    else this.byAccount.delete(account);
  }

  get inUse(): number {
    return this.held;
  }
}

const apiPath = /^\/code\.as[hp]x(\/)?(\?|$)/i;

/**
 * Bodies up to this size are let through to be discarded after an early answer, so that a client
 * still sending one reads the answer as usual; a larger one (or one of unknown size) is cut off:
 * the connection is closed rather than spend the bandwidth on it.
 */
const drainedBytes = 1024 * 1024;

/** Answers now, without reading the body into memory (Node discards whatever still arrives). */
function answerAndClose(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  const declared = Number(reply.request.headers['content-length']);
  const bodyComing = reply.request.method === 'POST' && !(declared <= drainedBytes);
  if (bodyComing) reply.header('connection', 'close');
  reply.code(status);
  if (typeof body === 'string') reply.type('text/plain; charset=utf-8');
  return reply.send(body);
}

export function admission(app: FastifyInstance, config: ServerConfig, tokens: TokenAuthority): ByteBudget {
  const budget = new ByteBudget(config.bodyBudget, Math.max(config.bodyLimit, Math.floor(config.bodyBudget / 2)));
  const reserved = new WeakMap<FastifyRequest, { account: string; bytes: number }>();
  const release = async (request: FastifyRequest) => {
    const held = reserved.get(request);
    if (!held) return;
    reserved.delete(request);
    budget.release(held.account, held.bytes);
  };

  app.addHook('onRequest', async (request, reply) => {
    if (!apiPath.test(request.url)) return;
    const query = lowerCaseQuery(request.query);
    const op = (query.op ?? 'code').toLowerCase();
    const typeNumber = Number(query.type ?? 0);
    const ocrType = Number.isInteger(typeNumber) ? typeNumber : 0;
    let account: string | undefined;
    try {
      account = await tokens.accountOf(query.token);
    } catch (error) {
      // The token store is away (Redis restarting): op=code says so in its own shape.
      if (op === 'code') return answerAndClose(reply, 200, unreachable(ocrType, error));
      throw error;
    }
    if (!account) {
      if (op === 'count') return answerAndClose(reply, 200, noQuota);
      if (op === 'code') return answerAndClose(reply, 200, tipsResponse(ocrType, 'invalid-token'));
      if (op === 'idcode') return answerAndClose(reply, 200, tipsResponse(0, 'invalid-token'));
      return answerAndClose(reply, 200, 'no');
    }
    if (request.method !== 'POST') return;
    if (op === 'code' && (await Promise.resolve(tokens.count(query.token)).catch(() => undefined))?.LimitCount === 0) {
      return answerAndClose(reply, 200, tipsResponse(ocrType, 'quota-exhausted'));
    }
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > config.bodyLimit) {
      const message = `the request body is larger than the limit of ${Math.round(config.bodyLimit / 2 ** 20)} MB`;
      return answerAndClose(reply, 413, op === 'code' ? failedResponse(ocrType, State.unsupported, message) : 'no');
    }
    // A body that does not say its size may grow to the limit: that much is held for it.
    const bytes = Number.isFinite(declared) && declared >= 0 ? declared : config.bodyLimit;
    if (!budget.tryReserve(account, bytes)) {
      const message = 'the server is receiving too many images at once; try again in a moment';
      return answerAndClose(
        reply,
        op === 'code' ? 200 : 429,
        op === 'code' ? failedResponse(ocrType, State.tooManyRequests, message) : 'no',
      );
    }
    reserved.set(request, { account, bytes });
  });
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
  return budget;
}
