// `ocr-assistant token add|list|remove`: manages the tokens of a server's data folder. Works
// while the server runs (both open the same SQLite file).
import { TokenStore } from '../server/token-store.js';
import { defaultDataDir } from '../server/data-dir.js';
import { resolveServerConfig } from '../server/config.js';
import type { CommandIo } from './recognize-command.js';

export interface TokenValues {
  limit?: string;
  data?: string;
}

export function tokenCommand(action: string | undefined, args: string[], values: TokenValues, io: CommandIo): number {
  const dataDir = values.data ?? defaultDataDir();
  if (action !== 'add' && action !== 'list' && action !== 'remove') {
    io.stderr.write('ocr-assistant token: say add [--limit N], list, or remove TOKEN\n');
    return 2;
  }
  const store = TokenStore.open(dataDir);
  try {
    if (action === 'add') {
      const limit = values.limit === undefined ? resolveServerConfig({ dataDir }).defaultDailyLimit : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) {
        io.stderr.write(`ocr-assistant token add: --limit must be a whole number of at least 1, not "${values.limit}"\n`);
        return 2;
      }
      const { token } = store.add(limit);
      io.stderr.write(`New token, ${limit} recognitions a day. It is shown only now; keep it somewhere safe.\n`);
      // The token alone on the last line, so scripts can take it with `tail -n 1`.
      io.stdout.write(`${token}\n`);
      return 0;
    }
    if (action === 'list') {
      const tokens = store.list();
      if (!tokens.length) io.stderr.write(`no tokens in ${dataDir}\n`);
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
    const outcome = store.remove(target.replace(/…$/, ''));
    if (outcome === 'removed') {
      io.stderr.write('token removed\n');
      return 0;
    }
    io.stderr.write(outcome === 'ambiguous' ? 'two tokens share that label: give the whole token\n' : 'no such token\n');
    return 1;
  } finally {
    store.close();
  }
}
