import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Who may import whom inside app/ (DESIGN "Folders"): each folder lists the folders of ours
// it may not reach. text/ holds pure character and string rules that engine and layout share.
const ours = ['protocol', 'engine', 'layout', 'text', 'export', 'server', 'client'];
const allowed = {
  protocol: [],
  text: [],
  engine: ['protocol', 'text'],
  layout: ['protocol', 'text'],
  export: ['protocol', 'text'],
  client: ['protocol'],
  server: ['engine', 'layout', 'text', 'export', 'protocol'],
};
const externalOwners = [
  { name: 'onnxruntime-node', owner: 'app/engine/runtime.ts' },
  { name: 'sharp', owner: 'app/engine/image.ts' },
  { name: 'tesseract.js', owner: 'app/engine/tesseract.ts' },
  { name: 'zxing-wasm/reader', owner: 'app/engine/barcodes.ts' },
  { name: 'pdfjs-dist/legacy/build/pdf.mjs', owner: 'app/engine/pdf-pages.ts' },
  { name: '@napi-rs/canvas', owner: 'app/engine/pdf-pages.ts' },
];

function importRules(folder, file) {
  const forbidden = ours.filter((f) => f !== folder && !allowed[folder].includes(f));
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: externalOwners.filter((e) => e.owner !== file).map((e) => ({ name: e.name, message: `only ${e.owner} imports ${e.name}` })),
        patterns: [
          { group: ['**/main/**', '**/renderer/**'], message: 'app/ must not import main/ or renderer/' },
          ...forbidden.map((f) => ({ group: [`../${f}/*`, `../${f}`], message: `app/${folder} may not import app/${f} (DESIGN: folders)` })),
        ],
      },
    ],
  };
}

// main/ reaches OCR only through app/client (DESIGN rule 3); app/server only to start the
// embedded server; Electron itself only in main/platform/electron, the preload and index.ts.
function mainRules(file) {
  const mayStartServer = file === 'main/server/embedded.ts';
  const mayUseElectron = file === 'electron';
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          ...(mayUseElectron ? [] : [{ name: 'electron', message: 'reach Electron through an interface in main/platform (DESIGN rule 4)' }]),
          ...(file === 'main/images.ts' ? [] : [{ name: 'sharp', message: 'only main/images.ts imports sharp in main/' }]),
        ],
        patterns: [
          { group: ['**/app/engine/**', '**/app/layout/**', '**/app/text/**', '**/app/export/**'], message: 'main/ asks app/client, never the engine (DESIGN rule 3)' },
          ...(mayStartServer ? [] : [{ group: ['**/app/server/**'], message: 'only main/server/embedded.ts starts the embedded server' }]),
          { group: ['**/renderer/**'], message: 'main/ does not import the renderer' },
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'bench-results/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  // Plain JavaScript (the command, the build script, the built-app tests' Electron stand-in)
  // runs on Node: its globals, which TypeScript checks for .ts files.
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: Object.fromEntries(
        ['URL', 'setImmediate', 'setTimeout', 'clearTimeout', 'fetch', 'Request', 'Response', 'Headers', 'Blob'].map((name) => [name, 'readonly']),
      ),
    },
  },
  ...Object.keys(allowed).flatMap((folder) => [
    { files: [`app/${folder}/**/*.ts`], rules: importRules(folder, '') },
    ...externalOwners
      .filter((e) => e.owner.startsWith(`app/${folder}/`))
      .map((e) => ({ files: [e.owner], rules: importRules(folder, e.owner) })),
  ]),
  { files: ['main/**/*.ts'], rules: mainRules('') },
  { files: ['main/images.ts'], rules: mainRules('main/images.ts') },
  { files: ['main/server/embedded.ts'], rules: mainRules('main/server/embedded.ts') },
  { files: ['main/platform/electron/**/*.ts', 'main/index.ts', 'main/preload.ts'], rules: mainRules('electron') },
  // The views see app/ipc.ts only (DESIGN rule 1); the browser build's window.ocr stands in
  // for main and may use the client; only its dev server starts an API server.
  {
    files: ['renderer/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/app/*/**', '**/main/**', '!**/app/ipc.js'], message: 'renderer/src talks to window.ocr; it imports app/ipc.ts only' }] }],
    },
  },
  {
    files: ['renderer/web/http-api.ts', 'renderer/web/web-main.ts', 'renderer/web/idb.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/app/server/**', '**/app/engine/**', '**/main/**'], message: 'the browser build reaches OCR over HTTP only' }] }],
    },
  },
);
