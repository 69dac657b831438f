import { screen } from 'electron';
import type { Displays } from '../types.js';

export const electronDisplays: Displays = {
  all: () => screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, scaleFactor: d.scaleFactor })),
  onChange(listener) {
    screen.on('display-added', listener);
    screen.on('display-removed', listener);
    screen.on('display-metrics-changed', listener);
  },
};
