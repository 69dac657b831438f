// The house's import rules (../shared/DESIGN.md, "Folders" and "Rules of the house") as one
// ESLint rule. Every file of ours lives in a room; each room lists the rooms of ours it may
// import. An import is resolved against the importing file, so `../engine/x.js`, `./x.js` and
// `../../app/server/start.js` are judged by where they land, in .ts, .js, .mjs and .svelte
// files alike, static or dynamic, `import` or `export ... from`.
import path from 'node:path';

/** Rooms, most specific first: a path belongs to the first whose prefix it starts with. */
export const rooms = [
  ['app/protocol/', 'app/protocol'],
  ['app/engine/', 'app/engine'],
  ['app/layout/', 'app/layout'],
  ['app/text/', 'app/text'],
  ['app/export/', 'app/export'],
  ['app/server/', 'app/server'],
  ['app/client/', 'app/client'],
  ['app/cli/', 'app/cli'],
  ['app/cli.ts', 'app/cli'],
  ['app/ipc.ts', 'app/ipc.ts'],
  ['main/server/embedded.ts', 'main/embedded-server'],
  ['main/', 'main'],
  ['renderer/src/', 'renderer'],
  ['renderer/web/serve.ts', 'renderer/web-server'],
  ['renderer/web/', 'renderer/web'],
  ['renderer/', 'renderer/build'],
  ['build/', 'build'],
  ['bin/', 'bin'],
  ['tests/', 'tests'],
];

const app = [
  'app/protocol',
  'app/engine',
  'app/layout',
  'app/text',
  'app/export',
  'app/server',
  'app/client',
  'app/cli',
  'app/ipc.ts',
];
const mainRooms = ['main', 'main/embedded-server'];

/** What each room may import of ours (its own room always). DESIGN's table, row by row. */
export const mayImport = {
  'app/protocol': [],
  'app/text': [],
  'app/engine': ['app/protocol', 'app/text'],
  'app/layout': ['app/protocol', 'app/text'],
  'app/export': ['app/protocol', 'app/text'],
  'app/server': ['app/engine', 'app/layout', 'app/text', 'app/export', 'app/protocol'],
  'app/client': ['app/protocol'],
  'app/ipc.ts': ['app/protocol'],
  // The command prints the Open API's responses (protocol), asks a server (client), runs one
  // (server), or runs the engine in its own process (engine).
  'app/cli': ['app/client', 'app/server', 'app/engine', 'app/protocol'],
  main: ['main/embedded-server', 'app/client', 'app/protocol', 'app/ipc.ts'],
  // The one file of main/ that starts the embedded server.
  'main/embedded-server': ['main', 'app/server', 'app/client', 'app/protocol', 'app/ipc.ts'],
  renderer: ['app/ipc.ts'],
  // The browser build's window.ocr stands in for main: the contract, the client, the views.
  'renderer/web': ['renderer', 'app/ipc.ts', 'app/client', 'app/protocol'],
  // Its development server starts an API server beside the page.
  'renderer/web-server': ['renderer/web', 'renderer', 'app/server', 'app/ipc.ts', 'app/client', 'app/protocol'],
  'renderer/build': [],
  build: [],
  bin: ['app/cli'],
  tests: [...app, ...mainRooms, 'renderer', 'renderer/web', 'renderer/web-server', 'renderer/build', 'build', 'tests'],
};

/** Packages one file each owns (DESIGN rule 5 and rule 4): nobody else imports them. */
export const packageOwners = [
  { name: 'onnxruntime-node', owners: ['app/engine/runtime.ts'] },
  { name: 'sharp', owners: ['app/engine/image.ts', 'main/images.ts'] },
  { name: 'tesseract.js', owners: ['app/engine/tesseract.ts'] },
  { name: 'zxing-wasm/reader', owners: ['app/engine/barcodes.ts'] },
  { name: 'pdfjs-dist', owners: ['app/engine/pdf-pages.ts', 'renderer/src/lib/pdf-pages.ts'] },
  { name: '@napi-rs/canvas', owners: ['app/engine/pdf-pages.ts'] },
  { name: 'electron', owners: ['main/platform/electron/', 'main/index.ts', 'main/preload.ts'] },
];

export function roomOf(relative) {
  const normal = relative.split(path.sep).join('/');
  return rooms.find(([prefix]) => normal === prefix || normal.startsWith(prefix))?.[1];
}

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports follow the rooms of DESIGN.md' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
  },
  create(context) {
    const root = context.options[0]?.root ?? process.cwd();
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const room = roomOf(file);
    if (!room) return {};
    const allowed = new Set([room, ...(mayImport[room] ?? [])]);
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = path
          .relative(root, path.resolve(path.dirname(context.filename), source))
          .split(path.sep)
          .join('/');
        const targetRoom = roomOf(target);
        if (targetRoom && !allowed.has(targetRoom)) {
          context.report({
            node,
            message: `${room} may not import ${targetRoom} (${source}); it may import: ${[...allowed].join(', ')} (DESIGN: folders)`,
          });
        }
        return;
      }
      const owned = packageOwners.find((p) => source === p.name || source.startsWith(`${p.name}/`));
      if (
        owned &&
        room !== 'tests' &&
        !owned.owners.some((owner) => file === owner || (owner.endsWith('/') && file.startsWith(owner)))
      ) {
        context.report({
          node,
          message: `only ${owned.owners.join(' and ')} import ${owned.name} (DESIGN: rules 4 and 5)`,
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export const housePlugin = { rules: { imports: importsRule } };
