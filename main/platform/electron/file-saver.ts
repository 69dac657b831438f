import { app, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileSaver } from '../types.js';

export const electronFileSaver: FileSaver = {
  async chooseSavePath(defaultName, filter) {
    const { canceled, filePath } = await dialog.showSaveDialog({
      defaultPath: path.join(app.getPath('downloads'), defaultName),
      filters: [filter],
    });
    return canceled || !filePath ? undefined : filePath;
  },
  write: (file, bytes) => writeFile(file, bytes),
};
