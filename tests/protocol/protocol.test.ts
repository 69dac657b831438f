import { describe, expect, it } from 'vitest';
import {
  doneResponse,
  failedResponse,
  parseOcrType,
  parseOptions,
  processInfo,
  State,
  withoutNulls,
  OcrError,
} from '../../app/protocol/index.js';

describe('protocol', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    ['0', 0],
    ['1', 1],
    ['2', 2],
    ['3', 3],
  ])('parses type %s as %s', (raw, expected) => {
    expect(parseOcrType(raw)).toBe(expected);
  });

  it.each(['4', '-1', 'x', '1.5'])('refuses type %s with state 7 and says which types exist', (raw) => {
    expect(() => parseOcrType(raw)).toThrowError(OcrError);
    try {
      parseOcrType(raw);
    } catch (e) {
      expect((e as OcrError).state).toBe(State.unsupported);
      expect((e as Error).message).toMatch(/0 \(text\)/);
    }
  });

  it('parses options: 1 on, 0 off, absent undecided', () => {
    const q: Record<string, string> = { left: '1', half: '0', space: '' };
    expect(parseOptions((n) => q[n])).toEqual({ left: true, half: false });
    expect(() => parseOptions((n) => (n === 'top' ? 'yes' : undefined))).toThrowError(/top="yes"/);
  });

  it('names engine nodes like the original service', () => {
    expect(processInfo(0)).toEqual({ processId: 1, processName: 'OCR-Node-01' });
    expect(processInfo(11)).toEqual({ processId: 12, processName: 'OCR-Node-12' });
  });

  it('leaves out null fields', () => {
    expect(withoutNulls({ a: 1, b: null, c: undefined, d: '' })).toEqual({ a: 1, d: '' });
    const r = doneResponse(0, { autoText: 'x', viewUrl: undefined }, processInfo(0), 'id-1');
    expect(r).toEqual({
      id: 'id-1',
      ocrType: 0,
      processId: 1,
      processName: 'OCR-Node-01',
      state: 2,
      result: { autoText: 'x' },
    });
    expect(JSON.stringify(r)).not.toContain('viewUrl');
  });

  it('gives a time-out an empty processName and a refusal no node', () => {
    expect(failedResponse(0, State.timedOut, undefined, undefined, 'i')).toEqual({
      id: 'i',
      ocrType: 0,
      state: 4,
      processName: '',
    });
    expect(failedResponse(2, State.unsupported, 'bad', undefined, 'i')).toEqual({
      id: 'i',
      ocrType: 2,
      state: 7,
      message: 'bad',
    });
  });
});
