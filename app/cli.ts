// `ocr-assistant`: the command line. Each command lives in app/cli/; this file only dispatches.
import { parseArgs } from 'node:util';
import { optionNames } from './protocol/types.js';
// Each command is loaded when it is run: the server, Redis and engine libraries cost memory
// (tens of MB each) that the other commands should not pay.

/** The Open API's options as flags, from the protocol's one list of them: [--left 1] [--top 1]... */
const optionFlags = optionNames.map((name) => `[--${name} 1]`).join(' ');

const usage = `ocr-assistant — offline screenshot OCR and the OCR Open API

Usage:
  ocr-assistant recognize IMAGE... [--type 0|1|2|3] ${optionFlags} [--jsonl]
                          [--threads N] [--verbose] [--server URL --token T] [--out DIR]
                          [--language auto|jpn|kor|chi_tra|ukr|fra|deu|spa|ita|por|none]
      Prints each image's text (autoText); with --jsonl, one Open API response per image per line.
      With --out, writes each image's result files to DIR, named after the image: Word,
      searchable PDF, Markdown and TXT (and Excel for a table, --type 2).
      With --server, the images go to that Open API server (token also from OCR_ASSISTANT_TOKEN);
      without it, the engine runs in this process. --type 3 reads a formula snip as LaTeX.
      --language (or OCR_ASSISTANT_LANGUAGE): lines the models cannot read (kana, Hangul,
      Traditional characters, Cyrillic; French, German, Spanish, Italian and Portuguese accents)
      are read again by Tesseract in the language they show (auto); jpn, kor, chi_tra, ukr
      (Cyrillic, Russian too), fra, deu, spa, ita or por pins one; none reads without them.
  ocr-assistant serve [--host 127.0.0.1] [--port 8080] [--data DIR] [--nodes N]
                      [--allow-private-urls] [--public-url URL] [--log-level info] [--wait-budget 20]
                      [--result-ttl 1800] [--max-in-flight 16] [--redis URL]
                      [--language auto|jpn|kor|chi_tra|ukr|fra|deu|spa|ita|por|none]
      Serves the OCR Open API (/Code.ashx, /Code.aspx) and GET /health. --data (default: the
      user data folder, or OCR_ASSISTANT_DATA) holds tokens, counts and uploads. op=code waits
      --wait-budget seconds, then answers state 0; idcode keeps results --result-ttl seconds;
      a token may have --max-in-flight requests queued or running (past it: state 6).
      With --redis URL, a front with no engine of its own: tokens, results, uploads and the
      job queue live in that Redis, shared by every front and by the engine node hosts.
  ocr-assistant node --redis URL [--nodes N] [--name NAME] [--lock-seconds 10]
      Engine nodes on this machine taking jobs from the queue in Redis; responses name them
      NAME-01, NAME-02... A host that dies mid-job loses its lock, and the job moves on.
  ocr-assistant token add [--limit N] [--data DIR | --redis URL]    prints the new token as its last line
  ocr-assistant token list [--data DIR | --redis URL]
  ocr-assistant token remove TOKEN [--data DIR | --redis URL]

Exit codes: 0 all images recognized, 1 some image failed (others still ran), 2 usage error.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = { stdout: process.stdout, stderr: process.stderr };
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(usage);
    return command ? 0 : 2;
  }
  if (command === 'recognize') {
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          type: { type: 'string' },
          jsonl: { type: 'boolean' },
          threads: { type: 'string' },
          language: { type: 'string' },
          verbose: { type: 'boolean' },
          server: { type: 'string' },
          token: { type: 'string' },
          out: { type: 'string' },
          ...Object.fromEntries(optionNames.map((name) => [name, { type: 'string' as const }])),
        },
      });
    } catch (error) {
      process.stderr.write(`ocr-assistant recognize: ${(error as Error).message}\n\n${usage}`);
      return 2;
    }
    const { recognizeCommand } = await import('./cli/recognize-command.js');
    return recognizeCommand(
      { images: parsed.positionals, values: parsed.values as Record<string, string | boolean | undefined> },
      io,
    );
  }
  if (command === 'serve') {
    const parsed = parseOrUsage(command, rest, {
      host: { type: 'string' },
      port: { type: 'string' },
      data: { type: 'string' },
      nodes: { type: 'string' },
      'allow-private-urls': { type: 'boolean' },
      'public-url': { type: 'string' },
      'log-level': { type: 'string' },
      'wait-budget': { type: 'string' },
      'result-ttl': { type: 'string' },
      'max-in-flight': { type: 'string' },
      redis: { type: 'string' },
      language: { type: 'string' },
    });
    return parsed ? (await import('./cli/serve-command.js')).serveCommand(parsed.values, io) : 2;
  }
  if (command === 'node') {
    const parsed = parseOrUsage(command, rest, {
      redis: { type: 'string' },
      nodes: { type: 'string' },
      name: { type: 'string' },
      'lock-seconds': { type: 'string' },
    });
    return parsed ? (await import('./cli/node-command.js')).nodeCommand(parsed.values, io) : 2;
  }
  if (command === 'token') {
    const parsed = parseOrUsage(command, rest, {
      limit: { type: 'string' },
      data: { type: 'string' },
      redis: { type: 'string' },
    });
    return parsed
      ? (await import('./cli/token-command.js')).tokenCommand(
          parsed.positionals[0],
          parsed.positionals.slice(1),
          parsed.values,
          io,
        )
      : 2;
  }
  process.stderr.write(`ocr-assistant: unknown command "${command}"\n\n${usage}`);
  return 2;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/** parseArgs, with a usage error on stderr instead of a throw. */
function parseOrUsage<T extends OptionSpec>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`ocr-assistant ${command}: ${(error as Error).message}\n\n${usage}`);
    return undefined;
  }
}
