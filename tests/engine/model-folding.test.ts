// The engine runs the models folded (app/engine/model-folding.ts): fewer nodes, the same
// arithmetic. What must hold: the folds find their patterns in both shipped models, and the
// folded graph answers what the original answers, on a real screenshot line for recognition
// and on a real screenshot for detection.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { foldModel } from '../../app/engine/model-folding.js';
import { bundledModelPaths } from '../../app/engine/models.js';
import { OnnxModel, type Tensor } from '../../app/engine/runtime.js';
import { benchImage } from './engine-helpers.js';

/** An RGB picture as the model's planar input: (v/255 - mean) / std per channel. */
async function pictureTensor(
  bytes: Buffer,
  size: { width: number; height: number },
  mean: number[],
  std: number[],
): Promise<Tensor> {
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .resize(size.width, size.height, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const plane = info.width * info.height;
  const input = new Float32Array(plane * 3);
  for (let i = 0; i < plane; i++)
    for (let c = 0; c < 3; c++) input[c * plane + i] = (data[i * 3 + c]! / 255 - mean[c]!) / std[c]!;
  return { data: input, dims: [1, 3, info.height, info.width] };
}

async function bothOutputs(path: string, input: Tensor): Promise<[Float32Array, Float32Array]> {
  const outputs: Float32Array[] = [];
  for (const unfolded of [true, false]) {
    const model = await OnnxModel.load(path, { intraOpThreads: 1, unfolded });
    // What the engine loads (no option) is the folded graph.
    expect(model.folding?.affineIntoConv ?? 0).toBe(unfolded ? 0 : foldModel(readFileSync(path)).report.affineIntoConv);
    outputs.push((await model.run(input)).data);
    await model.release();
  }
  return outputs as [Float32Array, Float32Array];
}

const maxDifference = (a: Float32Array, b: Float32Array) =>
  a.reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i]!)), 0);

describe('model folding', () => {
  const paths = bundledModelPaths();

  it('folds every scale, shift and hard-swish of the recognizer, and fewer nodes remain', () => {
    const original = readFileSync(paths.recognition);
    const { bytes, report } = foldModel(original);
    // PP-LCNetV3 in PP-OCRv4 rec: 28 convolutions each with a learnable affine and a hard-swish.
    // 12 shifts stand before 1x1 convolutions and go into their bias; the 13 before padded
    // depthwise ones must stay.
    expect(report).toEqual({ affineIntoConv: 28, hardSwish: 28, scaleIntoNextConv: 25, shiftIntoNextConv: 12 });
    expect(bytes.byteLength).toBeLessThan(original.byteLength);
    // Folding what is already folded finds nothing more.
    expect(foldModel(bytes).report).toEqual({
      affineIntoConv: 0,
      hardSwish: 0,
      scaleIntoNextConv: 0,
      shiftIntoNextConv: 0,
    });
  });

  it('reads a real screenshot line to the same scores, folded or not', async () => {
    const { bytes, truth } = benchImage('screens', 'public-001-ui-en');
    const [left, top, width, height] = truth.lines![0]!.box;
    const line = await sharp(bytes)
      .extract({ left: left - 3, top: top - 3, width: width + 6, height: height + 6 })
      .png()
      .toBuffer();
    const inputWidth = Math.ceil((48 * (width + 6)) / (height + 6) / 8) * 8;
    const input = await pictureTensor(line, { width: inputWidth, height: 48 }, [0.5, 0.5, 0.5], [0.5, 0.5, 0.5]);
    const [original, folded] = await bothOutputs(paths.recognition, input);
    expect(folded.length).toBe(original.length);
    expect(maxDifference(original, folded)).toBeLessThan(1e-4);
  });

  it("gives the recognizer each step's best class and its probability, as the full output has them", async () => {
    const { bytes, truth } = benchImage('screens', 'public-016-doc-en');
    const [left, top, width, height] = truth.lines![0]!.box;
    const line = await sharp(bytes)
      .extract({ left: left - 3, top: top - 3, width: width + 6, height: height + 6 })
      .png()
      .toBuffer();
    const input = await pictureTensor(
      line,
      { width: Math.ceil((48 * (width + 6)) / (height + 6) / 8) * 8, height: 48 },
      [0.5, 0.5, 0.5],
      [0.5, 0.5, 0.5],
    );
    const full = await OnnxModel.load(paths.recognition, { intraOpThreads: 1 });
    const best = await OnnxModel.load(paths.recognition, { intraOpThreads: 1, bestClassOnly: true });
    const probabilities = await full.run(input);
    const [classes, scores] = await best.runAll(input);
    await Promise.all([full.release(), best.release()]);
    const [, steps, classCount] = probabilities.dims as [number, number, number];
    expect(classes!.dims).toEqual([1, steps]);
    let nonBlank = 0;
    for (let t = 0; t < steps; t++) {
      const row = probabilities.data.subarray(t * classCount, (t + 1) * classCount);
      const top = row.indexOf(Math.max(...row));
      expect(classes!.data[t]).toBe(top);
      expect(scores!.data[t]).toBeCloseTo(row[top]!, 6);
      if (top !== 0) nonBlank++;
    }
    // A line of text: most steps are not blank.
    expect(nonBlank).toBeGreaterThan(steps / 4);
  });

  it('finds text on a real screenshot to the same probabilities, folded or not', async () => {
    const { report } = foldModel(readFileSync(paths.detection));
    expect(report.affineIntoConv).toBeGreaterThan(0);
    const { bytes } = benchImage('screens', 'public-001-ui-en');
    const input = await pictureTensor(bytes, { width: 640, height: 320 }, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]);
    const [original, folded] = await bothOutputs(paths.detection, input);
    expect(maxDifference(original, folded)).toBeLessThan(1e-4);
  });
});
