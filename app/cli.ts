// `ocr-assistant`: the command line. Each command lives in app/cli/; this file only dispatches.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { optionNames } from './protocol/types.js';
// Each command is loaded when it is run: the server, Redis and engine libraries cost memory
// (tens of MB each) that the other commands should not pay.

/** The Open API's options as flags, from the protocol's one list of them: [--left 1] [--top 1]... */
const optionFlags = optionNames.map((name) => `[--${name} 1]`).join(' ');

const commandUsage = {
  recognize: `  ocr-assistant recognize IMAGE... [-t|--type 0|1|2|3] ${optionFlags} [--jsonl]
                          [--threads N] [--verbose] [--server URL --token T] [-o|--out DIR] [--force]
                          [--language auto|jpn|kor|chi_tra|ukr|fra|deu|spa|ita|por|none]
                          [--translate LANG [--translator apertium:URL|libretranslate:URL[#key]]]
      Prints each image's text (autoText); with --jsonl, one Open API response per image per line.
      IMAGE may be a file, a folder (its images and PDFs), or - for an image on standard input.
      With --out, writes each image's result files to DIR, named after the image: Word,
      searchable PDF, PowerPoint, Markdown and TXT (and Excel for a table, --type 2). An image whose TXT is
      already in DIR is left as it is (an interrupted run resumes); --force reads it again.
      With --server, the images go to that Open API server (token also from OCR_ASSISTANT_TOKEN);
      without it, the engine runs in this process. --type 3 reads a formula snip as LaTeX.
      --language (or OCR_ASSISTANT_LANGUAGE): lines the models cannot read (kana, Hangul,
      Traditional characters, Cyrillic; French, German, Spanish, Italian and Portuguese accents)
      are read again by Tesseract in the language they show (auto); jpn, kor, chi_tra, ukr
      (Cyrillic, Russian too), fra, deu, spa, ita or por pins one; none reads without them.
      --translate es (ISO 639-1, or spa): prints the translation after the text (transText in
      --jsonl) through --translator, a translation server of yours; with --server, that
      server's own translator (trans=es).
`,
  serve: `  ocr-assistant serve [--host 127.0.0.1] [--port 8080] [--data DIR] [--nodes N]
                      [--allow-private-urls] [--public-url URL] [--log-level info] [--wait-budget 20]
                      [--result-ttl 1800] [--max-in-flight 16] [--redis URL]
                      [--language auto|jpn|kor|chi_tra|ukr|fra|deu|spa|ita|por|none]
                      [--translator apertium:URL|libretranslate:URL[#api-key]]
      Serves the OCR Open API (/Code.ashx, /Code.aspx) and GET /health. --data (default: the
      user data folder, or OCR_ASSISTANT_DATA) holds tokens, counts and uploads. op=code waits
      --wait-budget seconds, then answers state 0; idcode keeps results --result-ttl seconds;
      a token may have --max-in-flight requests queued or running (past it: state 6).
      With --redis URL, a front with no engine of its own: tokens, results, uploads and the
      job queue live in that Redis, shared by every front and by the engine node hosts.
      --translator: the translation server for op=code&trans=LANG (Apertium's APY, or
      LibreTranslate); without it trans= answers the text with a message saying so. With
      --redis, the fronts translate what the node hosts read.
`,
  node: `  ocr-assistant node --redis URL [--nodes N] [--name NAME] [--lock-seconds 10]
      Engine nodes on this machine taking jobs from the queue in Redis; responses name them
      NAME-01, NAME-02... A host that dies mid-job loses its lock, and the job moves on.
`,
  token: `  ocr-assistant token add [--limit N] [--data DIR | --redis URL]    prints the new token as its last line
  ocr-assistant token list [--data DIR | --redis URL]
  ocr-assistant token remove TOKEN [--data DIR | --redis URL]
`,
};
type CommandName = keyof typeof commandUsage;

const exitCodes = 'Exit codes: 0 all images recognized, 1 some image failed (others still ran), 2 usage error.\n';

const usage = `ocr-assistant — offline screenshot OCR and the OCR Open API

Usage:
${Object.values(commandUsage).join('')}  ocr-assistant --version
  ocr-assistant COMMAND --help

${exitCodes}`;

/** The package's version, from the package.json beside app/ (in the packed app too). */
function version(): string {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = { stdout: process.stdout, stderr: process.stderr };
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    const about = rest[0] as CommandName | undefined;
    process.stdout.write(command === 'help' && about && about in commandUsage ? commandHelp(about) : usage);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (command === 'recognize') {
    const parsed = parseOrUsage(command, rest, {
      type: { type: 'string', short: 't' },
      jsonl: { type: 'boolean' },
      threads: { type: 'string' },
      language: { type: 'string' },
      verbose: { type: 'boolean' },
      server: { type: 'string' },
      token: { type: 'string' },
      out: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      translate: { type: 'string' },
      translator: { type: 'string' },
      ...Object.fromEntries(optionNames.map((name) => [name, { type: 'string' as const }])),
    });
    if (!parsed) return 2;
    if (parsed === 'help') return 0;
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
      translator: { type: 'string' },
    });
    if (parsed === 'help') return 0;
    return parsed ? (await import('./cli/serve-command.js')).serveCommand(parsed.values, io) : 2;
  }
  if (command === 'node') {
    const parsed = parseOrUsage(command, rest, {
      redis: { type: 'string' },
      nodes: { type: 'string' },
      name: { type: 'string' },
      'lock-seconds': { type: 'string' },
    });
    if (parsed === 'help') return 0;
    return parsed ? (await import('./cli/node-command.js')).nodeCommand(parsed.values, io) : 2;
  }
  if (command === 'token') {
    const parsed = parseOrUsage(command, rest, {
      limit: { type: 'string' },
      data: { type: 'string' },
      redis: { type: 'string' },
    });
    if (parsed === 'help') return 0;
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

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function commandHelp(command: CommandName): string {
  return `Usage:\n${commandUsage[command]}\n${command === 'recognize' ? exitCodes : ''}`;
}

/**
 * parseArgs with --help (-h) for the command's own usage ('help' returned), and a usage error
 * that says what was wrong in a line and where help is, instead of Node's raw message.
 */
function parseOrUsage<T extends OptionSpec>(command: CommandName, args: string[], options: T) {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(commandHelp(command));
    return 'help' as const;
  }
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(
      `ocr-assistant ${command}: ${usageMessage(error as Error & { code?: string })}\nRun "ocr-assistant ${command} --help" for its options.\n`,
    );
    return undefined;
  }
}

/** parseArgs' errors, said in a line: the option and what is wrong with it. */
function usageMessage(error: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    const name = /--[\w-]+/.exec(option)?.[0] ?? option;
    return /argument missing/.test(error.message) ? `${name} needs a value` : `${name} takes no value`;
  }
  return error.message.split('\n')[0]!;
}
