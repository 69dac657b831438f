// The embedded Open API server: the only place main/ reaches into app/server (DESIGN), to
// start it on loopback with a token that lives as long as this launch.
import { randomBytes } from 'node:crypto';
import { availableParallelism, freemem } from 'node:os';
import path from 'node:path';
import { startServer } from '../../app/server/start.js';
import { embeddedNodePlan } from './node-plan.js';

export interface EmbeddedServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

/** `readingLanguage`: the Settings' language for lines the models cannot read (auto, jpn, kor, chi_tra, ukr, fra, deu, spa, ita, por, none). */
export async function startEmbeddedServer(userData: string, readingLanguage = 'auto'): Promise<EmbeddedServer> {
  const server = await startServer({
    readingLanguage,
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
