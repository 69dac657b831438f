import { describe, expect, it } from 'vitest';
import { planBatches } from '../../app/engine/recognizer.js';

const config = { batchSize: 4, maxBatchPixels: 48 * 4000, height: 48 };

describe('recognition batches', () => {
  it('puts every line in exactly one batch', () => {
    const widths = [320, 64, 96, 320, 800, 72, 300, 96, 88, 1200];
    const batches = planBatches(widths, config);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(widths.map((_, i) => i));
  });

  it('keeps batches within the size limit and groups similar widths', () => {
    const widths = [64, 64, 64, 64, 64, 800, 800];
    const batches = planBatches(widths, config);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(4);
    for (const batch of batches) {
      const ws = batch.map((i) => widths[i]!);
      expect(Math.max(...ws) / Math.min(...ws)).toBeLessThan(2);
    }
  });

  it('never pads a batch by more than a quarter', () => {
    const widths = [100, 120, 130, 200, 210, 400];
    for (const batch of planBatches(widths, config)) {
      const ws = batch.map((i) => widths[i]!);
      const padded = Math.max(...ws) * ws.length;
      expect((padded - ws.reduce((a, b) => a + b, 0)) / padded).toBeLessThanOrEqual(0.25);
    }
  });
});
