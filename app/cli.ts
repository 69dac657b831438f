// `ocr-assistant`: the command line. Each command lives in app/cli/; this file only dispatches.
import { parseArgs } from 'node:util';
import { optionNames } from './protocol/types.js';
import { recognizeCommand } from './cli/recognize-command.js';

const usage = `ocr-assistant — offline screenshot OCR and the OCR Open API

Usage:
  ocr-assistant recognize IMAGE... [--type 0|1|2|3] [--left 1] [--top 1] [--autodirection 1]
                          [--half 1] [--space 1] [--symbol 1] [--duplicate 1] [--jsonl]
                          [--threads N] [--verbose]
      Prints each image's text (autoText); with --jsonl, one Open API response per image per line.
  ocr-assistant bench [--quick]
      Runs the benchmark on ../shared/bench (same as npm run bench).

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
          verbose: { type: 'boolean' },
          ...Object.fromEntries(optionNames.map((name) => [name, { type: 'string' as const }])),
        },
      });
    } catch (error) {
      process.stderr.write(`ocr-assistant recognize: ${(error as Error).message}\n\n${usage}`);
      return 2;
    }
    return recognizeCommand({ images: parsed.positionals, values: parsed.values as Record<string, string | boolean | undefined> }, io);
  }
  if (command === 'bench') {
    const { runBenchmark } = await import('../tests/bench/run-bench.js');
    return runBenchmark(rest);
  }
  process.stderr.write(`ocr-assistant: unknown command "${command}"\n\n${usage}`);
  return 2;
}
