import { describe, expect, it } from 'vitest';
import { decodeCtc } from '../../app/engine/ctc.js';
import type { CharacterDictionary } from '../../app/engine/dictionary.js';

// A 4-class alphabet: blank, "a", "b", space.
const dictionary = { blank: 0, size: 4, char: (i: number) => ['', 'a', 'b', ' '][i] ?? '' } as unknown as CharacterDictionary;

function probs(sequence: number[]): Float32Array {
  const out = new Float32Array(sequence.length * 4);
  sequence.forEach((c, t) => {
    for (let k = 0; k < 4; k++) out[t * 4 + k] = k === c ? 0.9 : 0.1 / 3;
  });
  return out;
}

describe('CTC decoding', () => {
  it('collapses repeats, drops blanks, keeps a letter repeated across a blank', () => {
    const line = decodeCtc(probs([1, 1, 0, 1, 2, 2, 0, 3, 2]), 0, 9, 4, dictionary);
    expect(line.chars.map((c) => c.char).join('')).toBe('aab b');
    expect(line.score).toBeCloseTo(0.9);
  });

  it('records the time steps each character spans', () => {
    const line = decodeCtc(probs([0, 1, 1, 0, 2]), 0, 5, 4, dictionary);
    expect(line.chars.map((c) => [c.char, c.firstStep, c.lastStep])).toEqual([['a', 1, 2], ['b', 4, 4]]);
  });

  it('decodes only the line\'s own steps inside a padded batch', () => {
    const line = decodeCtc(probs([1, 0, 2, 2]), 0, 2, 4, dictionary);
    expect(line.chars.map((c) => c.char).join('')).toBe('a');
  });
});
