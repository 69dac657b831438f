// Module resolution hook for the built-app tests: `electron`, from whatever file imports it
// (the bundle, electron-store), is the stand-in beside this file.
const standIn = new URL('./electron-stand-in.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: standIn, format: 'module', shortCircuit: true };
  return nextResolve(specifier, context);
}
