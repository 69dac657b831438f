// Which server the app talks to: its own embedded one (started on first use), or the remote
// one in Settings. One code path either way: an OcrClient.
import { OcrClient } from '../../app/client/index.js';
import type { Settings } from '../../app/ipc.js';
import type { EmbeddedOptions, EmbeddedServer } from './embedded.js';

export class ServerConnection {
  private embedded: Promise<EmbeddedServer> | undefined;
  /** The built-in server being stopped: a new one starts only once it has (they share a data folder). */
  private closing: Promise<void> = Promise.resolve();

  constructor(
    private readonly settings: () => Settings,
    private readonly remoteToken: () => string | undefined,
    private readonly startEmbedded: (options: EmbeddedOptions) => Promise<EmbeddedServer>,
    /** The translator the Settings name, as `--translator` writes it (with its key), or none. */
    private readonly translator: () => string | undefined = () => undefined,
  ) {}

  async client(): Promise<OcrClient> {
    const server = this.settings().server;
    if (server.kind === 'remote') {
      const token = this.remoteToken();
      if (!token) throw new Error('Settings name a remote server but no token: add the token in Settings → Server.');
      return new OcrClient({ baseUrl: server.url, token });
    }
    this.embedded ??= this.closing
      .then(() =>
        this.startEmbedded({ readingLanguage: this.settings().readingLanguage, translator: this.translator() }),
      )
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
    // A close soon after another (two settings changed in a row) waits for the earlier one
    // too: the next server must not start while the first still holds the data folder.
    const earlier = this.closing;
    this.closing = Promise.all([earlier, stopping.catch(() => undefined)]).then(() => undefined);
    await stopping;
  }
}
