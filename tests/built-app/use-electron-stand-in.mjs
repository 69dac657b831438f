// `node --import ./use-electron-stand-in.mjs out/main/index.js`: the built app, with the
// stand-in answering for Electron.
import { register } from 'node:module';

register('./electron-resolve-hook.mjs', import.meta.url);
