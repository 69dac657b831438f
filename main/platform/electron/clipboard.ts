// Electron's clipboard is asynchronous and item-based (like the web's): an image is an item
// with an image/* type, and text with its HTML form is one item of two types.
import { clipboard, ClipboardItem } from 'electron';
import type { ClipboardAccess } from '../types.js';

export const electronClipboard: ClipboardAccess = {
  async readImage() {
    for (const item of await clipboard.read()) {
      const type = item.types.find((t) => t.startsWith('image/'));
      if (!type) continue;
      const blob = (await item.getType(type)) as Blob;
      return new Uint8Array(await blob.arrayBuffer());
    }
    return undefined;
  },
  async write(data) {
    await clipboard.write([
      new ClipboardItem(data.html ? { 'text/plain': data.text, 'text/html': data.html } : { 'text/plain': data.text }),
    ]);
  },
};
