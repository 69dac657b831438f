// Telling an N-API addon from one bound to a single Node ABI, by what its binary names.
//
// An N-API addon exports `napi_register_module_v1` and calls only the stable C API, so one build
// loads in every Node and in Electron's. An ABI-bound addon calls V8's or Node's C++ API
// (mangled `v8::`/`node::` names: `_ZN2v8` in ELF and Mach-O, `@v8@@` in MSVC's scheme) or
// registers itself with `node_register_module_vNNN`: it loads only in the Node it was built for.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type AddonKind = 'n-api' | 'abi-bound';

export function addonKind(file: string): AddonKind {
  const bytes = readFileSync(file).toString('latin1');
  const usesCxxApi = ['_ZN2v8', '_ZN4node', '@v8@@', '@node@@', 'node_register_module_v'].some((mark) =>
    bytes.includes(mark),
  );
  return bytes.includes('napi_register_module_v1') && !usesCxxApi ? 'n-api' : 'abi-bound';
}

/** Every `.node` file below `dir`, following no links. */
export function nativeAddons(dir: string): string[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.node'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}
