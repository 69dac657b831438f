// The lint rules keep DESIGN's folder table in every file type: each forbidden import below is
// reported, each allowed one is not. Linted as text under the path it would have.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../built-app/built-app.js';

const eslint = new ESLint({ cwd: repoRoot });

async function houseErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'house/imports').map((m) => m.message);
}

describe('the house import rules', () => {
  it.each([
    [
      'app/cli/probe.ts',
      "import { AppController } from '../../main/controller.js';\nexport const x = AppController;\n",
      /app\/cli may not import main/,
    ],
    ['app/cli.ts', "export const r = () => import('../tests/bench/run-bench.js');\n", /app\/cli may not import tests/],
    [
      'app/ipc.ts',
      "import { OcrClient } from './client/index.js';\nexport const c = OcrClient;\n",
      /app\/ipc\.ts may not import app\/client/,
    ],
    [
      'app/layout/probe.ts',
      "export { OcrEngine } from '../engine/engine.js';\n",
      /app\/layout may not import app\/engine/,
    ],
    [
      'app/protocol/probe.ts',
      "import { isCjk } from '../text/index.js';\nexport const f = isCjk;\n",
      /app\/protocol may not import app\/text/,
    ],
    [
      'main/tray/probe.ts',
      "import { startServer } from '../../app/server/start.js';\nexport const s = startServer;\n",
      /main may not import app\/server/,
    ],
    [
      'main/tray/probe2.ts',
      "import { app } from 'electron';\nexport const a = app;\n",
      /only main\/platform\/electron\/.* import electron/,
    ],
    [
      'app/engine/probe.ts',
      "import sharp from 'sharp';\nexport const s = sharp;\n",
      /only app\/engine\/image\.ts and main\/images\.ts import sharp/,
    ],
    [
      'renderer/src/components/Probe.svelte',
      '<script lang="ts">\n  import { OcrClient } from \'../../../app/client/index.js\';\n  const c = OcrClient;\n</script>\n<p>{String(c)}</p>\n',
      /renderer may not import app\/client/,
    ],
  ])('reports %s', async (file, code, message) => {
    expect(await houseErrors(file, code)).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    [
      'app/cli/probe.ts',
      "import { OcrEngine } from '../engine/engine.js';\nimport { OcrClient } from '../client/index.js';\nexport const x = [OcrEngine, OcrClient];\n",
    ],
    [
      'main/server/embedded.ts',
      "import { startServer } from '../../app/server/start.js';\nexport const s = startServer;\n",
    ],
    ['app/server/probe.ts', "import { OcrEngine } from '../engine/engine.js';\nexport const e = OcrEngine;\n"],
    [
      'renderer/src/components/Probe.svelte',
      '<script lang="ts">\n  import { modes } from \'../../../app/ipc.js\';\n</script>\n<p>{modes.length}</p>\n',
    ],
  ])('allows %s', async (file, code) => {
    expect(await houseErrors(file, code)).toEqual([]);
  });
});
