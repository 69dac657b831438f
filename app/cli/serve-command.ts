// `ocr-assistant serve`: the Open API on HTTP until SIGINT or SIGTERM.
import { startServer } from '../server/start.js';
import { languageSetting } from '../engine/config.js';
import type { CommandIo } from './recognize-command.js';
import { untilStopSignal } from './signals.js';
import { translatorFrom } from '../server/translation/index.js';

export interface ServeValues {
  host?: string;
  port?: string;
  data?: string;
  nodes?: string;
  'allow-private-urls'?: boolean;
  'public-url'?: string;
  'log-level'?: string;
  'wait-budget'?: string;
  'result-ttl'?: string;
  'max-in-flight'?: string;
  redis?: string;
  language?: string;
  translator?: string;
}

function wholeNumber(raw: string | undefined, name: string, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} must be a whole number of at least ${min}, not "${raw}"`);
  return n;
}

export async function serveCommand(values: ServeValues, io: CommandIo): Promise<number> {
  let port, nodes, waitBudgetS, resultTtlS, maxInFlight;
  try {
    port = wholeNumber(values.port, 'port', 0);
    nodes = wholeNumber(values.nodes, 'nodes', 1);
    waitBudgetS = wholeNumber(values['wait-budget'], 'wait-budget', 0);
    resultTtlS = wholeNumber(values['result-ttl'], 'result-ttl', 1);
    maxInFlight = wholeNumber(values['max-in-flight'], 'max-in-flight', 1);
    languageSetting(values.language);
    if (values.translator !== undefined) translatorFrom(values.translator);
    if (values['public-url'] !== undefined && !/^https?:\/\/[^/]+/.test(values['public-url'])) {
      throw new Error(
        `--public-url must be the address clients reach this server at, such as https://ocr.example.com, not "${values['public-url']}"`,
      );
    }
  } catch (error) {
    io.stderr.write(`ocr-assistant serve: ${(error as Error).message}\n`);
    return 2;
  }
  if (values.redis) return serveFront(values.redis, { port, waitBudgetS, resultTtlS, maxInFlight }, values, io);
  const server = await startServer({
    host: values.host,
    port,
    nodes,
    dataDir: values.data,
    allowPrivateUrls: values['allow-private-urls'] === true,
    publicUrl: values['public-url'],
    waitBudgetMs: waitBudgetS === undefined ? undefined : waitBudgetS * 1000,
    resultTtlMs: resultTtlS === undefined ? undefined : resultTtlS * 1000,
    maxInFlightPerToken: maxInFlight,
    readingLanguage: values.language,
    translator: values.translator,
    logger: { level: values['log-level'] ?? 'info' },
  }).catch((error: NodeJS.ErrnoException) => {
    const hint = error.code === 'EADDRINUSE' ? ' (the port is taken: choose another with --port)' : '';
    io.stderr.write(`ocr-assistant serve: cannot start: ${error.message}${hint}\n`);
    return undefined;
  });
  if (!server) return 1;
  const { config } = server;
  const nodeCount = `${config.nodes} engine node${config.nodes === 1 ? '' : 's'}`;
  const hint = server.tokens.list().length
    ? ''
    : `No tokens yet: make one with  ocr-assistant token add --data "${config.dataDir}"\n`;
  // One write, so that whoever reads the first line also has the hint.
  io.stderr.write(`OCR Open API on ${server.url}/Code.ashx with ${nodeCount}; data in ${config.dataDir}\n${hint}`);
  await untilStopSignal();
  io.stderr.write('stopping: finishing the requests in flight\n');
  await server.close();
  return 0;
}

/** `serve --redis`: a front over Redis, no engine of its own (nodes run as `ocr-assistant node`). */
async function serveFront(
  redisUrl: string,
  numbers: { port?: number; waitBudgetS?: number; resultTtlS?: number; maxInFlight?: number },
  values: ServeValues,
  io: CommandIo,
): Promise<number> {
  // Loaded on demand: only a front over Redis needs the queue library.
  const { startRedisFront } = await import('../server/cluster/front.js');
  const front = await startRedisFront(redisUrl, {
    host: values.host,
    port: numbers.port,
    dataDir: values.data,
    allowPrivateUrls: values['allow-private-urls'] === true,
    publicUrl: values['public-url'],
    waitBudgetMs: numbers.waitBudgetS === undefined ? undefined : numbers.waitBudgetS * 1000,
    resultTtlMs: numbers.resultTtlS === undefined ? undefined : numbers.resultTtlS * 1000,
    maxInFlightPerToken: numbers.maxInFlight,
    translator: values.translator,
    logger: { level: values['log-level'] ?? 'info' },
  }).catch((error: NodeJS.ErrnoException) => {
    io.stderr.write(`ocr-assistant serve: cannot start: ${error.message}\n`);
    return undefined;
  });
  if (!front) return 1;
  io.stderr.write(`OCR Open API on ${front.url}/Code.ashx; jobs, tokens and results in ${redisUrl}\n`);
  await untilStopSignal();
  io.stderr.write('stopping: finishing the requests in flight\n');
  await front.close();
  return 0;
}
