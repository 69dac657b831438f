// `ocr-assistant token add|list|remove`: manages the tokens of a server's data folder, or with
// --redis those every front on that Redis shares. Works while servers run.
import { TokenStore, type TokenInfo } from '../server/token-store.js';
import { RedisTokens } from '../server/cluster/redis-stores.js';
import { commandConnection, connected } from '../server/cluster/redis.js';
import { defaultDataDir } from '../server/data-dir.js';
import { resolveServerConfig } from '../server/config.js';
import type { CommandIo } from './recognize-command.js';

export interface TokenValues {
  limit?: string;
  data?: string;
  redis?: string;
}

/** What the command needs of a token store, SQLite's or Redis's. */
interface TokenAdmin {
  add(limit: number): { token: string; label: string } | Promise<{ token: string; label: string }>;
  list(): TokenInfo[] | Promise<TokenInfo[]>;
  remove(tokenOrLabel: string): 'removed' | 'not-found' | 'ambiguous' | Promise<'removed' | 'not-found' | 'ambiguous'>;
  close(): void;
}

async function openTokens(values: TokenValues, dataDir: string): Promise<TokenAdmin> {
  if (!values.redis) return TokenStore.open(dataDir);
  const redis = commandConnection(values.redis);
  redis.on('error', () => undefined);
  try {
    await connected(redis, values.redis);
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  const tokens = new RedisTokens(redis, 0);
  return {
    add: (limit) => tokens.add(limit),
    list: () => tokens.list(),
    remove: (t) => tokens.remove(t),
    close: () => redis.disconnect(),
  };
}

export async function tokenCommand(
  action: string | undefined,
  args: string[],
  values: TokenValues,
  io: CommandIo,
): Promise<number> {
  const dataDir = values.data ?? defaultDataDir();
  if (action !== 'add' && action !== 'list' && action !== 'remove') {
    io.stderr.write('ocr-assistant token: say add [--limit N], list, or remove TOKEN\n');
    return 2;
  }
  let store: TokenAdmin;
  try {
    store = await openTokens(values, dataDir);
  } catch (error) {
    io.stderr.write(`ocr-assistant token: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    if (action === 'add') {
      const limit =
        values.limit === undefined ? resolveServerConfig({ dataDir }).defaultDailyLimit : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) {
        io.stderr.write(
          `ocr-assistant token add: --limit must be a whole number of at least 1, not "${values.limit}"\n`,
        );
        return 2;
      }
      const { token } = await store.add(limit);
      io.stderr.write(`New token, ${limit} recognitions a day. It is shown only now; keep it somewhere safe.\n`);
      // The token alone on the last line, so scripts can take it with `tail -n 1`.
      io.stdout.write(`${token}\n`);
      return 0;
    }
    if (action === 'list') {
      const tokens = await store.list();
      if (!tokens.length) io.stderr.write(`no tokens in ${values.redis ?? dataDir}\n`);
      for (const t of tokens) {
        io.stdout.write(`${t.label}…  today ${t.todayCount}/${t.dailyLimit}  created ${t.createdAt}\n`);
      }
      return 0;
    }
    const target = args[0];
    if (!target) {
      io.stderr.write('ocr-assistant token remove: name the token (or the label that `token list` shows)\n');
      return 2;
    }
    const outcome = await store.remove(target.replace(/…$/, ''));
    if (outcome === 'removed') {
      io.stderr.write('token removed\n');
      return 0;
    }
    io.stderr.write(
      outcome === 'ambiguous' ? 'two tokens share that label: give the whole token\n' : 'no such token\n',
    );
    return 1;
  } finally {
    store.close();
  }
}
