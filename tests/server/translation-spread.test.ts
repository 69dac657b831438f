// A paragraph's translation laid back over its lines, in proportion, without cutting words.
import { describe, expect, it } from 'vitest';
import { spreadOverLines } from '../../app/server/translation/spread.js';

describe('spreadOverLines', () => {
  it.each([
    ['one line takes it all', 'Hola mundo', [10], ['Hola mundo']],
    ['two even lines share the words', 'uno dos tres cuatro', [9, 9], ['uno dos', 'tres cuatro']],
    [
      'a short last line gets a short piece',
      'el programa se refiere a cualquier obra',
      [30, 6],
      ['el programa se refiere a cualquier', 'obra'],
    ],
    ['text without spaces is cut between characters', '程序指任何作品', [4, 3], ['程序指任', '何作品']],
    ['every line gets a word while words last', 'uno dos', [1, 1, 40], ['uno', 'dos', '']],
  ])('%s', (_name, translation, lengths, expected) => {
    const pieces = spreadOverLines(translation, lengths);
    expect(pieces).toEqual(expected);
    // Nothing lost, nothing added.
    expect(pieces.filter(Boolean).join(/\s/.test(translation) ? ' ' : '')).toBe(translation);
  });
});
