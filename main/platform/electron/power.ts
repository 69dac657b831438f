import { powerMonitor } from 'electron';
import type { PowerEvents } from '../types.js';

export const electronPower: PowerEvents = {
  onResume: (listener) => powerMonitor.on('resume', listener),
};
