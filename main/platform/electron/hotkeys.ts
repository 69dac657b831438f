import { globalShortcut } from 'electron';
import type { GlobalHotkeys } from '../types.js';

export const electronHotkeys: GlobalHotkeys = {
  register(accelerator, callback) {
    try {
      return globalShortcut.register(accelerator, callback);
    } catch {
      // An accelerator the OS cannot express throws rather than returning false.
      return false;
    }
  },
  unregisterAll: () => globalShortcut.unregisterAll(),
};
