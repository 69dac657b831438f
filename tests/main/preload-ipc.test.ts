// The contract at both ends: the preload exposes exactly it, and main's handlers refuse what
// does not come from our windows or does not match the schema.
import { describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from 'electron';
import { apiKeys, eventChannels, failureKinds, invokeChannels, type FailureKind, type OcrApi } from '../../app/ipc.js';
import { OcrClientError } from '../../app/client/index.js';
import { CaptureError } from '../../main/capture/capture-flow.js';
import { RecognitionError } from '../../main/recognition/recognition-flow.js';
import { SettingsError } from '../../main/settings/settings-store.js';
import { registerHandlers, trustOurWindows, type Handlers, type InvokeEvent } from '../../main/ipc/handlers.js';

type FakeRenderer = typeof ipcRenderer & {
  invoked: Array<{ channel: string; args: unknown[] }>;
  emit(channel: string, payload: unknown): void;
};
const renderer = ipcRenderer as FakeRenderer;

describe('preload', () => {
  it("exposes window.ocr with exactly the contract's keys, frozen, and nothing of Electron", async () => {
    await import('../../main/preload.js');
    const api = (contextBridge as unknown as { exposed: Map<string, OcrApi> }).exposed.get('ocr')!;
    expect(Object.keys(api).sort()).toEqual([...apiKeys].sort());
    expect(Object.keys(api)).not.toContain('invoke');
    expect(Object.isFrozen(api)).toBe(true);
    for (const key of Object.keys(api))
      expect(typeof (api as unknown as Record<string, unknown>)[key]).toBe('function');
  });

  it('sends each call on its own channel with its argument, and hands listeners the payload only', async () => {
    await import('../../main/preload.js');
    const api = (contextBridge as unknown as { exposed: Map<string, OcrApi> }).exposed.get('ocr')!;
    await api.listHistory({ query: 'invoice' });
    expect(renderer.invoked.at(-1)).toEqual({
      channel: invokeChannels.listHistory.channel,
      args: [{ query: 'invoice' }],
    });
    const received: unknown[] = [];
    const stop = api.onQuota((payload) => received.push(payload));
    renderer.emit(eventChannels.onQuota, { server: 'built-in server' });
    stop();
    renderer.emit(eventChannels.onQuota, { server: 'after unsubscribing' });
    expect(received).toEqual([{ server: 'built-in server' }]);
  });
});

describe('main-side handlers', () => {
  function setup(given?: Handlers & Record<string, ReturnType<typeof vi.fn>>) {
    const registered = new Map<string, (event: InvokeEvent, arg: unknown) => Promise<unknown>>();
    const handlers =
      given ??
      (Object.fromEntries(
        Object.keys(invokeChannels).map((name) => [name, vi.fn(async () => `${name} done`)]),
      ) as unknown as Handlers & Record<string, ReturnType<typeof vi.fn>>);
    if (!given) {
      handlers.copyText = vi.fn(async () => {
        throw new Error('the clipboard is locked');
      }) as never;
    }
    const ours = new Set([7]);
    const refused: string[] = [];
    registerHandlers(
      { handle: (channel, listener) => registered.set(channel, listener) },
      handlers,
      trustOurWindows('app://ocr', (id) => ours.has(id)),
      (m) => refused.push(m),
    );
    const call = (
      name: keyof typeof invokeChannels,
      arg: unknown,
      event: InvokeEvent = { sender: { id: 7 }, senderFrame: { url: 'app://ocr/index.html#/result' } },
    ) => registered.get(invokeChannels[name].channel)!(event, arg);
    return { registered, handlers, call, refused };
  }

  it('registers every channel of the contract', () => {
    expect([...setup().registered.keys()].sort()).toEqual(
      Object.values(invokeChannels)
        .map((c) => c.channel)
        .sort(),
    );
  });

  it("answers a valid call from our window with the handler's value", async () => {
    const { call, handlers } = setup();
    expect(await call('listHistory', { query: 'abc', limit: 5 })).toEqual({ ok: true, value: 'listHistory done' });
    expect(handlers.listHistory).toHaveBeenCalledWith({ query: 'abc', limit: 5 }, expect.anything());
  });

  it('refuses a payload that fails the schema, without calling the handler', async () => {
    const { call, handlers } = setup();
    const cases: Array<[keyof typeof invokeChannels, unknown]> = [
      ['recognizeImage', { image: 'not bytes' }],
      ['recognizeImage', { image: new Uint8Array(0) }],
      ['recognizeImage', { image: new Uint8Array(4), mode: 'handwriting' }],
      ['confirmCapture', { region: { displayId: 1, x: 0, y: 0, width: -5, height: 10 }, mode: 'text' }],
      ['updateSettings', { hotkeys: { capture: 'rm -rf /' } }],
      ['updateSettings', { server: { kind: 'remote', url: 'file:///etc/passwd' } }],
      ['updateSettings', { unknownSetting: true }],
      ['deleteHistory', { id: '../../etc' }],
      ['listHistory', { limit: 100000 }],
    ];
    for (const [name, arg] of cases) {
      const answer = (await call(name, arg)) as { ok: boolean; error?: { kind: string; message: string } };
      expect(answer.ok, `${name} ${JSON.stringify(arg)}`).toBe(false);
      expect(answer.error?.kind).toBe('invalid');
      expect(answer.error?.message.length).toBeGreaterThan(5);
    }
    expect(handlers.recognizeImage).not.toHaveBeenCalled();
    expect(handlers.updateSettings).not.toHaveBeenCalled();
  });

  it('refuses senders that are not our windows showing our page', async () => {
    const { call, handlers, refused } = setup();
    const strangers: InvokeEvent[] = [
      { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/' } },
      { sender: { id: 7 }, senderFrame: { url: 'file:///tmp/page.html' } },
      { sender: { id: 8 }, senderFrame: { url: 'app://ocr/index.html' } },
      { sender: { id: 7 }, senderFrame: null },
    ];
    for (const event of strangers) {
      expect(await call('getSettings', undefined, event)).toEqual({
        ok: false,
        error: { kind: 'forbidden', message: expect.any(String) },
      });
    }
    expect(handlers.getSettings).not.toHaveBeenCalled();
    expect(refused).toHaveLength(4);
  });

  it("turns a handler's failure into a readable outcome of a known kind", async () => {
    const { call, handlers } = setup();
    expect(await call('copyText', { text: 'hi' })).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'the clipboard is locked' },
    });
    const failures: Array<[Error, FailureKind]> = [
      [new CaptureError('no screen'), 'capture'],
      [new RecognitionError('not an image'), 'recognition'],
      [new SettingsError('no keychain'), 'settings'],
      [new OcrClientError('network', 'refused'), 'server'],
      [new TypeError('oops'), 'internal'],
    ];
    for (const [error, kind] of failures) {
      handlers.startCapture = vi.fn(async () => {
        throw error;
      }) as never;
      const { call: callAgain } = setup(handlers);
      expect(await callAgain('startCapture', undefined)).toEqual({
        ok: false,
        error: { kind, message: error.message },
      });
      expect(failureKinds).toContain(kind);
    }
  });
});
