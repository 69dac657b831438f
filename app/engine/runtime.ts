// The only file that imports onnxruntime-node (DESIGN rule 5): the rest of the engine sees
// a model as "float tensor in, float tensor out".
import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { foldModel, withBestClassOutputs, type FoldingReport } from './model-folding.js';

export interface Tensor {
  data: Float32Array;
  dims: readonly number[];
}

export interface ModelOptions {
  intraOpThreads: number;
  /** Run the graph as written instead of folded (model-folding.ts): for tests that compare the two. */
  unfolded?: boolean;
  /** A recognizer that outputs each step's best class and its probability only (withBestClassOutputs). */
  bestClassOnly?: boolean;
}

export class OnnxModel {
  /** Milliseconds spent inside the model since it loaded: the floor under every stage's time. */
  private runMs = 0;

  private constructor(
    private readonly session: ort.InferenceSession,
    readonly path: string,
    /** What folding changed in the graph; absent when it runs as written. */
    readonly folding?: FoldingReport,
  ) {}

  static async load(path: string, options: ModelOptions): Promise<OnnxModel> {
    const original = await readFile(path);
    const folded = options.unfolded ? undefined : foldModel(original);
    const graph = folded?.bytes ?? original;
    const session = await ort.InferenceSession.create(options.bestClassOnly ? withBestClassOutputs(graph) : graph, {
      intraOpNumThreads: options.intraOpThreads,
      interOpNumThreads: 1,
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      // The arena makes batched recognition ~2x faster per line, and detection too (measured);
      // it keeps the largest buffers ever used, which detection's strips bound. Memory
      // patterns do not apply to inputs whose shape changes on every call.
      enableCpuMemArena: true,
      enableMemPattern: false,
    });
    return new OnnxModel(session, path, folded?.report);
  }

  /** The model's first output. */
  async run(input: Tensor): Promise<Tensor> {
    return (await this.runAll(input))[0]!;
  }

  /** Every output of the model, in the graph's order. */
  async runAll(input: Tensor): Promise<Tensor[]> {
    const feeds = { [this.session.inputNames[0]!]: new ort.Tensor('float32', input.data, input.dims as number[]) };
    const started = performance.now();
    const outputs = await this.session.run(feeds);
    this.runMs += performance.now() - started;
    return this.session.outputNames.map((name) => ({
      data: outputs[name]!.data as Float32Array,
      dims: outputs[name]!.dims,
    }));
  }

  /** Milliseconds spent running the model so far. */
  get busyMs(): number {
    return this.runMs;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
