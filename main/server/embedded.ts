// The embedded Open API server: the only place main/ reaches into app/server (DESIGN), to
// start it on loopback with a token that lives as long as this launch.
import { randomBytes } from 'node:crypto';
import { availableParallelism, freemem } from 'node:os';
import path from 'node:path';
import { startServer } from '../../app/server/start.js';
import { translatorFrom } from '../../app/server/translation/index.js';

// How the Settings' translator is written for the server: with its parser, in app/server.
export { translatorSpec } from '../../app/server/translation/index.js';
import type { TranslatorCheck } from '../../app/ipc.js';
import { embeddedNodePlan } from './node-plan.js';

export interface EmbeddedServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

/** How the embedded server is started, from the Settings. */
export interface EmbeddedOptions {
  /** The language for lines the models cannot read (auto, jpn, kor, chi_tra, ukr, fra, deu, spa, ita, por, none). */
  readingLanguage: string;
  /** The translation server for trans= (`apertium:URL` or `libretranslate:URL#key`), or none. */
  translator?: string;
}

export async function startEmbeddedServer(
  userData: string,
  options: EmbeddedOptions = { readingLanguage: 'auto' },
): Promise<EmbeddedServer> {
  const server = await startServer({
    readingLanguage: options.readingLanguage,
    translator: options.translator,
    host: '127.0.0.1',
    port: 0,
    dataDir: path.join(userData, 'server'),
    // Sized from this machine's cores and free memory (node-plan.ts).
    ...embeddedNodePlan({ cores: availableParallelism(), freeBytes: freemem() }),
    logger: { level: 'warn', file: path.join(userData, 'server.log') },
    // Ready means able to read: if no engine node can load its models, starting fails at once
    // with their reason, which the tray and a notification show.
    waitForNodes: true,
  });
  const token = `launch_${randomBytes(24).toString('base64url')}`;
  // Counted under one account across launches, so "used today" survives a restart of the app.
  server.tokens.addLaunchToken(token, { account: 'launch:desktop-app', dailyLimit: 1_000_000 });
  return { url: server.url, token, close: () => server.close() };
}

/**
 * The pairs a translation server offers, for Settings' Test: the embedded server's own
 * translator, asked before it is used (so it belongs with starting that server).
 */
export async function checkTranslator(spec: string): Promise<TranslatorCheck> {
  try {
    const pairs = await translatorFrom(spec).pairs();
    return { pairs: pairs.map((p) => ({ source: p.source.iso1, target: p.target.iso1 })) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
