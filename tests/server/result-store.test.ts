// Results kept for idcode (app/server/result-store.ts).
import { describe, expect, it } from 'vitest';
import { ResultStore } from '../../app/server/result-store.js';
import type { OcrResponse } from '../../app/protocol/index.js';

describe('ResultStore', () => {
  const response = (id: string): OcrResponse => ({ id, ocrType: 0, state: 2 });
  it('keeps results for the TTL, for the account that asked only', () => {
    let now = 0;
    const store = new ResultStore(1000, 10, () => now);
    store.put('alice', response('a'));
    expect(store.get('alice', 'a')).toEqual(response('a'));
    expect(store.get('bob', 'a')).toBeUndefined();
    now = 999;
    expect(store.get('alice', 'a')).toBeDefined();
    now = 1000;
    expect(store.get('alice', 'a')).toBeUndefined();
  });

  it('drops the oldest past its bound, and a re-put counts as new', () => {
    const store = new ResultStore(60_000, 3, () => 0);
    for (const id of ['1', '2', '3']) store.put('x', response(id));
    store.put('x', { ...response('1'), state: 3 });
    store.put('x', response('4'));
    expect(store.size).toBe(3);
    expect(store.get('x', '2')).toBeUndefined();
    expect(store.get('x', '1')?.state).toBe(3);
  });
});
