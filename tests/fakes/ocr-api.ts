// A window.ocr for component tests: every call recorded, answers set per test.
import {
  defaultSettingsFor,
  eventChannels,
  recognitionOf,
  invokeChannels,
  type EventName,
  type EventPayloads,
  type OcrApi,
  type Recognition,
  type Settings,
} from '../../app/ipc.js';

export interface FakeOcrApi {
  api: OcrApi;
  calls: Array<{ name: string; args: unknown }>;
  answers: Record<string, unknown>;
  emit<K extends EventName>(name: K, payload: EventPayloads[K]): void;
}

export function fakeOcrApi(answers: Record<string, unknown> = {}): FakeOcrApi {
  const calls: Array<{ name: string; args: unknown }> = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let settings: Settings = defaultSettingsFor('linux');
  const api: Record<string, unknown> = {};
  const fake: FakeOcrApi = {
    api: api as OcrApi,
    calls,
    answers,
    emit: (name, payload) => listeners.get(name)?.forEach((l) => l(payload)),
  };
  for (const name of Object.keys(invokeChannels)) {
    api[name] = async (args: unknown) => {
      calls.push({ name, args });
      if (name === 'getSettings') return { ok: true, value: settings };
      if (name === 'updateSettings') {
        settings = {
          ...settings,
          ...(args as Partial<Settings>),
          hotkeys: { ...settings.hotkeys, ...(args as Partial<Settings>).hotkeys },
        };
        return { ok: true, value: settings };
      }
      const answer = fake.answers[name];
      if (answer instanceof Error) return { ok: false, error: { kind: 'internal', message: answer.message } };
      if (typeof answer !== 'function') return { ok: true, value: answer ?? null };
      // An answering function may throw: that call fails, as main's handler would answer it.
      try {
        return { ok: true, value: (answer as (a: unknown) => unknown)(args) };
      } catch (error) {
        return { ok: false, error: { kind: 'internal', message: (error as Error).message } };
      }
    };
  }
  for (const name of Object.keys(eventChannels)) {
    api[name] = (listener: (payload: unknown) => void) => {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name)!.add(listener);
      return () => listeners.get(name)!.delete(listener);
    };
  }
  return fake;
}

/** A 1x1 PNG and a recognition of three lines over a 300x90 image. */
export const tinyPng = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

export function sampleRecognition(overrides: Partial<Recognition> = {}): Recognition {
  const lines = ['Build failed', 'error TS2304: Cannot find name', '第 3 行'].map((words, i) => ({
    words,
    pageIndex: 0,
    location: { left: 10, top: 10 + i * 28, width: 200, height: 22 },
  }));
  return {
    id: '11111111-2222-4333-8444-555555555555',
    mode: 'text',
    createdAt: '2026-11-25T08:00:00.000Z',
    image: tinyPng,
    width: 300,
    height: 90,
    text: lines.map((l) => l.words).join('\n'),
    lines,
    lang: 'eng',
    elapsedMs: 42,
    response: {
      id: 'r',
      ocrType: 0,
      state: 2,
      result: { autoText: lines.map((l) => l.words).join('\n'), resultType: 0 },
    },
    rows: null,
    codes: [],
    formula: null,
    ...overrides,
  };
}

/**
 * A sample whose table rows, codes and formula are read from its response the way main and the
 * browser build read them (recognitionOf); its text and lines stay as given.
 */
export function sampleFrom(overrides: Partial<Recognition> & { response: Recognition['response'] }): Recognition {
  const base = sampleRecognition(overrides);
  const { rows, codes, formula, readPercent, translation, translationNote } = recognitionOf(
    base.response,
    { bytes: base.image, width: base.width, height: base.height },
    base,
  );
  return {
    ...base,
    rows,
    codes,
    formula,
    ...(readPercent && { readPercent }),
    ...(translation && { translation }),
    ...(translationNote && { translationNote }),
  };
}
