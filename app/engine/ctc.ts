import type { CharacterDictionary } from './dictionary.js';

export interface DecodedChar {
  char: string;
  score: number;
  /** First and last time step (inclusive) the character was seen at. */
  firstStep: number;
  lastStep: number;
}

export interface DecodedLine {
  chars: DecodedChar[];
  /** Mean probability of the kept characters (1 for an empty line). */
  score: number;
}

/**
 * Greedy CTC decoding of one line from its best class at each time step (and that class's
 * probability): repeats collapsed, blanks dropped, and for each character the time steps it
 * spanned (its position along the line). `steps` limits decoding to the line's own width
 * inside a padded batch.
 */
export function decodeCtc(
  bestClass: Float32Array,
  bestScore: Float32Array,
  offset: number,
  steps: number,
  dictionary: CharacterDictionary,
): DecodedLine {
  const chars: DecodedChar[] = [];
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const best = bestClass[offset + t]!;
    const bestP = bestScore[offset + t]!;
    if (best !== dictionary.blank) {
      if (best === previous) {
        const last = chars[chars.length - 1]!;
        last.lastStep = t;
        if (bestP > last.score) last.score = bestP;
      } else {
        chars.push({ char: dictionary.char(best), score: bestP, firstStep: t, lastStep: t });
      }
    }
    previous = best;
  }
  const score = chars.length ? chars.reduce((s, c) => s + c.score, 0) / chars.length : 1;
  return { chars, score };
}
