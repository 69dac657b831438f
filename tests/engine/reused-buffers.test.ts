// The engine lends its large buffers (detection input and labels, recognizer batches, the code
// scanner's copy) from one read to the next (scratch.ts). What a user would notice if that
// went wrong: a capture read after a larger one answering differently from the same capture
// read first, with traces of the other picture in it.
import { afterAll, describe, expect, it } from 'vitest';
import { OcrEngine } from '../../app/engine/engine.js';
import { recognize } from '../../app/server/image-to-response.js';
import { processInfo } from '../../app/protocol/response.js';
import { OcrType, type OcrResponse } from '../../app/protocol/types.js';
import { ScratchPool } from '../../app/engine/scratch.js';
import { benchImage } from './engine-helpers.js';

const engines: OcrEngine[] = [];
afterAll(async () => Promise.all(engines.map((e) => e.dispose())));

async function freshEngine(): Promise<OcrEngine> {
  const engine = await OcrEngine.load();
  engines.push(engine);
  return engine;
}

const read = async (engine: OcrEngine, bytes: Uint8Array): Promise<OcrResponse['result']> =>
  (await recognize(engine, { image: bytes, type: OcrType.text, options: {} }, processInfo(0))).response.result;

describe('buffers lent from one read to the next', () => {
  it('reads a small capture after a large one exactly as a fresh engine reads it', async () => {
    const large = benchImage('screens-x2', 'publicx2-001-ui-en').bytes;
    const small = benchImage('screens', 'public-021-doc-zh').bytes;
    const other = benchImage('screens', 'public-001-ui-en').bytes;
    const [used, fresh] = [await freshEngine(), await freshEngine()];
    await read(used, large);
    await read(used, other);
    const afterOthers = await read(used, small);
    const first = await read(fresh, small);
    expect(afterOthers).toEqual(first);
    expect(first!.autoText).toContain('\n');
    // and the large one, read again after the small ones, as it was read first
    expect(await read(used, large)).toEqual(await read(fresh, large));
  }, 120_000);
});

describe('ScratchPool', () => {
  it('lends distinct arrays to borrowers at the same time and reuses one given back', async () => {
    const pool = new ScratchPool<Float32Array>(Float32Array);
    const a = pool.take(1000);
    const b = pool.take(500);
    expect(a.buffer).not.toBe(b.buffer);
    expect([a.length, b.length]).toEqual([1000, 500]);
    pool.give(a);
    const c = pool.take(800);
    expect(c.buffer).toBe(a.buffer);
    expect(c.length).toBe(800);
    // lend() gives back even when the use fails
    await expect(
      pool.lend(100, () => {
        throw new Error('model failed');
      }),
    ).rejects.toThrow('model failed');
    pool.give(c);
    const [x, y] = [pool.take(900), pool.take(900)];
    expect(new Set([x.buffer, y.buffer, b.buffer]).size).toBe(3);
  });
});
