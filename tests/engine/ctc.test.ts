import { describe, expect, it } from 'vitest';
import { decodeCtc } from '../../app/engine/ctc.js';
import type { CharacterDictionary } from '../../app/engine/dictionary.js';

// A 4-class alphabet: blank, "a", "b", space.
const dictionary = {
  blank: 0,
  size: 4,
  char: (i: number) => ['', 'a', 'b', ' '][i] ?? '',
} as unknown as CharacterDictionary;

/** Each step's best class, at probability 0.9. */
const best = (sequence: number[]) =>
  [Float32Array.from(sequence), new Float32Array(sequence.length).fill(0.9)] as const;

describe('CTC decoding', () => {
  it('collapses repeats, drops blanks, keeps a letter repeated across a blank', () => {
    const line = decodeCtc(...best([1, 1, 0, 1, 2, 2, 0, 3, 2]), 0, 9, dictionary);
    expect(line.chars.map((c) => c.char).join('')).toBe('aab b');
    expect(line.score).toBeCloseTo(0.9);
  });

  it('records the time steps each character spans', () => {
    const line = decodeCtc(...best([0, 1, 1, 0, 2]), 0, 5, dictionary);
    expect(line.chars.map((c) => [c.char, c.firstStep, c.lastStep])).toEqual([
      ['a', 1, 2],
      ['b', 4, 4],
    ]);
  });

  it("decodes only the line's own steps inside a padded batch", () => {
    const line = decodeCtc(...best([1, 0, 2, 2]), 0, 2, dictionary);
    expect(line.chars.map((c) => c.char).join('')).toBe('a');
  });
});
