// Which server the app talks to: its own embedded one (started on first use), or the remote
// one in Settings. One code path either way: an OcrClient.
import { OcrClient } from '../../app/client/index.js';
import type { ReadingLanguage, Settings } from '../../app/ipc.js';
import type { EmbeddedServer } from './embedded.js';

export class ServerConnection {
  private embedded: Promise<EmbeddedServer> | undefined;
  /** The built-in server being stopped: a new one starts only once it has (they share a data folder). */
  private closing: Promise<void> = Promise.resolve();

  constructor(
    private readonly settings: () => Settings,
    private readonly remoteToken: () => string | undefined,
    private readonly startEmbedded: (readingLanguage: ReadingLanguage) => Promise<EmbeddedServer>,
  ) {}

  async client(): Promise<OcrClient> {
    const server = this.settings().server;
    if (server.kind === 'remote') {
      const token = this.remoteToken();
      if (!token) throw new Error('Settings name a remote server but no token: add the token in Settings → Server.');
      return new OcrClient({ baseUrl: server.url, token });
    }
    this.embedded ??= this.closing
      .then(() => this.startEmbedded(this.settings().readingLanguage))
      .catch((error: Error) => {
        this.embedded = undefined;
        throw new Error(`The built-in OCR server could not start: ${error.message}`);
      });
    const { url, token } = await this.embedded;
    return new OcrClient({ baseUrl: url, token });
  }

  describe(): string {
    const server = this.settings().server;
    return server.kind === 'remote' ? server.url : 'built-in server';
  }

  async close(): Promise<void> {
    const embedded = this.embedded;
    this.embedded = undefined;
    const stopping = (async () => {
      // A server that failed to start has nothing to close (its failure was reported already).
      const server = await embedded?.catch(() => undefined);
      await server?.close();
    })();
    this.closing = stopping.catch(() => undefined);
    await stopping;
  }
}
