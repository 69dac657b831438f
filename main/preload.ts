// The preload: exposes `window.ocr`, exactly the contract of app/ipc.ts and nothing else: no
// ipcRenderer, no Node, no way to name a channel of one's own. Runs sandboxed (bundled to CJS).
import { contextBridge, ipcRenderer } from 'electron';
import { apiKeys, eventChannels, invokeChannels, type OcrApi } from '../app/ipc.js';

type IpcRendererLike = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function buildApi(ipc: IpcRendererLike): OcrApi {
  const api: Record<string, unknown> = {};
  for (const [name, { channel }] of Object.entries(invokeChannels)) {
    // One argument at most, passed as is: main validates it.
    api[name] = (args?: unknown) => ipc.invoke(channel, args);
  }
  for (const [name, channel] of Object.entries(eventChannels)) {
    api[name] = (listener: (payload: unknown) => void) => {
      // The event object stays here: the renderer gets the payload only.
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, forward);
      return () => ipc.removeListener(channel, forward);
    };
  }
  if (Object.keys(api).length !== apiKeys.length) throw new Error('the preload API does not match the contract');
  return Object.freeze(api) as OcrApi;
}

contextBridge.exposeInMainWorld('ocr', buildApi(ipcRenderer));
