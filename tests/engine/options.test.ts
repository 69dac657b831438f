// The text options through the whole recognition path, on a Chinese UI screenshot.
import { describe, expect, it } from 'vitest';
import { applyTextOptions } from '../../app/text/index.js';
import { benchImage, lineCells, recognizeBytes } from './engine-helpers.js';

const zh = benchImage('screens', 'public-005-ui-zh');

describe('options on a real screenshot', () => {
  it('applies half, symbol and space to every line and paragraph, exactly as the pure functions do', async () => {
    const plain = await recognizeBytes(zh.bytes);
    const options = { half: true, symbol: true, space: true };
    const formatted = await recognizeBytes(zh.bytes, 0, options);
    expect(formatted.state).toBe(2);
    expect(lineCells(formatted).map((c) => c.words)).toEqual(
      lineCells(plain).map((c) => applyTextOptions(c.words, options)),
    );
    expect(formatted.result!.autoText).toBe(
      plain
        .result!.autoText!.split('\n')
        .map((p) => applyTextOptions(p, options))
        .join('\n'),
    );
    // The boxes do not move: only the words change.
    expect(lineCells(formatted).map((c) => c.location)).toEqual(lineCells(plain).map((c) => c.location));
  });

  it('half alone leaves no full-width ASCII form', async () => {
    const plain = await recognizeBytes(zh.bytes);
    expect(plain.result!.autoText).toMatch(/[\uFF01-\uFF5E]/);
    expect((await recognizeBytes(zh.bytes, 0, { half: true })).result!.autoText).not.toMatch(/[\uFF01-\uFF5E]/);
  });

  it('left and top reorder the same lines, duplicate keeps them', async () => {
    const plain = lineCells(await recognizeBytes(zh.bytes))
      .map((c) => c.words)
      .sort();
    for (const name of ['left', 'top', 'duplicate'] as const) {
      const response = await recognizeBytes(zh.bytes, 0, { [name]: true });
      expect(response.state).toBe(2);
      expect(
        lineCells(response)
          .map((c) => c.words)
          .sort(),
      ).toEqual(plain);
    }
  });
});
