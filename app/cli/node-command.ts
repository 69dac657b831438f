// `ocr-assistant node --redis URL`: an engine node host for fronts started with `serve --redis`.
import { resolveServerConfig } from '../server/config.js';
import { defaultDataDir } from '../server/data-dir.js';
import { startNodeHost } from '../server/cluster/node-host.js';
import type { CommandIo } from './recognize-command.js';
import { untilStopSignal } from './signals.js';

export interface NodeValues {
  redis?: string;
  nodes?: string;
  name?: string;
  'lock-seconds'?: string;
}

export async function nodeCommand(values: NodeValues, io: CommandIo): Promise<number> {
  if (!values.redis) {
    io.stderr.write('ocr-assistant node: --redis URL is needed (the Redis that the fronts use)\n');
    return 2;
  }
  const nodes = values.nodes === undefined ? undefined : Number(values.nodes);
  const lockSeconds = values['lock-seconds'] === undefined ? undefined : Number(values['lock-seconds']);
  if (
    (nodes !== undefined && (!Number.isInteger(nodes) || nodes < 1)) ||
    (lockSeconds !== undefined && !(lockSeconds >= 1))
  ) {
    io.stderr.write('ocr-assistant node: --nodes must be a whole number of at least 1, --lock-seconds at least 1\n');
    return 2;
  }
  if (values.name !== undefined && !/^[\w.-]{1,40}$/.test(values.name)) {
    io.stderr.write('ocr-assistant node: --name takes letters, digits, dot, dash and underscore (at most 40)\n');
    return 2;
  }
  const config = resolveServerConfig({ nodes, dataDir: defaultDataDir() });
  const host = await startNodeHost({
    redisUrl: values.redis,
    config,
    name: values.name,
    lockMs: lockSeconds === undefined ? undefined : lockSeconds * 1000,
    log: (message) => io.stderr.write(`${message}\n`),
  }).catch((error: Error) => {
    io.stderr.write(`ocr-assistant node: cannot start: ${error.message}\n`);
    return undefined;
  });
  if (!host) return 1;
  await untilStopSignal();
  io.stderr.write('stopping: finishing the jobs in hand\n');
  await host.close();
  return 0;
}
