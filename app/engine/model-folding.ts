// Rewrites a PP-OCRv4 model into an equivalent graph that costs less to run, before
// onnxruntime sees it (and gives the recognizer the outputs it reads: withBestClassOutputs).
// The only file that reads ONNX protobufs.
//
// PaddlePaddle's exporter writes PP-LCNetV3 as many tiny element-wise nodes: after every
// convolution a learnable scale and shift (Mul, Add), then hard-swish spelled out as
// Add(3), Clip(0, 6), Mul, Div(6), then another scale and shift. onnxruntime fuses none of
// them at the model's opset 9, so each one is a pass over the whole activation, and each
// forces its layout out of and back into the blocked format its convolutions use. In the
// recognizer they cost more than the convolutions did (profile: Conv 30 %, Mul/Add/Clip/Div
// 48 %, layout reorders 16 %). Folded here into the convolutions' weights, with hard-swish
// as x * HardSigmoid(x) (which onnxruntime fuses), the same outputs (to float rounding,
// ~2e-6) come ~1.25x faster for recognition and ~1.1x for detection.
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
type NodeProto = InstanceType<typeof onnx.NodeProto>;
type TensorProto = NonNullable<InstanceType<typeof onnx.AttributeProto>['t']>;

const FLOAT = 1; // TensorProto.DataType.FLOAT
const ATTRIBUTE_FLOAT = 1;
const ATTRIBUTE_INT = 2;
const ATTRIBUTE_INTS = 7;
const ATTRIBUTE_TENSOR = 4;

export interface FoldingReport {
  /** Convolutions whose following scale and shift went into their weights and bias. */
  affineIntoConv: number;
  /** Hard-swish chains written as x * HardSigmoid(x). */
  hardSwish: number;
  /** Scales (and shifts) before a convolution that went into its weights. */
  scaleIntoNextConv: number;
  /** Shifts left before unpadded convolutions that went into their bias. */
  shiftIntoNextConv: number;
}

export interface FoldedModel {
  bytes: Uint8Array;
  report: FoldingReport;
}

/** The model with every fold below applied; a graph with none of the patterns comes back equivalent and as fast. */
export function foldModel(bytes: Uint8Array): FoldedModel {
  const model = onnx.ModelProto.decode(bytes);
  const graph = model.graph;
  if (!graph) throw new Error('the model has no graph');
  const folder = new GraphFolder(graph.node as NodeProto[]);
  const report: FoldingReport = {
    affineIntoConv: folder.foldAffineIntoConv(),
    hardSwish: folder.rewriteHardSwish(),
    scaleIntoNextConv: folder.foldScaleIntoNextConv(),
    shiftIntoNextConv: folder.foldShiftIntoUnpaddedConv(),
  };
  graph.node = folder.remainingNodes(new Set((graph.output ?? []).map((o) => o.name ?? '')));
  return { bytes: onnx.ModelProto.encode(model).finish(), report };
}

/**
 * The model with, in place of its output (a probability for each of the recognizer's 6625
 * classes at each time step), two: the best class of each step (as a float) and its
 * probability. Greedy CTC reads nothing else, and the full output was 26 kB a step to copy
 * out of onnxruntime and search in JS (about 1 GB over the bench's 42 screenshots).
 */
export function withBestClassOutputs(bytes: Uint8Array): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  const graph = model.graph;
  const output = graph?.output?.[0];
  const dims = output?.type?.tensorType?.shape?.dim;
  if (!graph || !output?.name || dims?.length !== 3) throw new Error('the model has no [batch, steps, classes] output');
  const probabilities = output.name;
  const int = (name: string, i: number) => onnx.AttributeProto.create({ name, type: ATTRIBUTE_INT, i });
  graph.node = [
    ...(graph.node ?? []),
    onnx.NodeProto.create({
      opType: 'ArgMax',
      name: 'best_class_index',
      input: [probabilities],
      output: ['best_class_index'],
      attribute: [int('axis', 2), int('keepdims', 0)],
    }),
    onnx.NodeProto.create({
      opType: 'Cast',
      name: 'best_class',
      input: ['best_class_index'],
      output: ['best_class'],
      attribute: [int('to', FLOAT)],
    }),
    onnx.NodeProto.create({
      opType: 'ReduceMax',
      name: 'best_score',
      input: [probabilities],
      output: ['best_score'],
      attribute: [onnx.AttributeProto.create({ name: 'axes', type: ATTRIBUTE_INTS, ints: [2] }), int('keepdims', 0)],
    }),
  ];
  const stepsOutput = (name: string) =>
    onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType: FLOAT, shape: { dim: dims.slice(0, 2) } } } });
  graph.output = [stepsOutput('best_class'), stepsOutput('best_score')];
  return onnx.ModelProto.encode(model).finish();
}

class GraphFolder {
  private readonly constants = new Map<string, NodeProto>();
  private readonly removed = new Set<NodeProto>();
  private added: NodeProto[] = [];
  private consumers = new Map<string, NodeProto[]>();
  private nextName = 0;

  constructor(private readonly nodes: NodeProto[]) {
    for (const node of nodes)
      if (node.opType === 'Constant' && node.output[0]) this.constants.set(node.output[0], node);
    this.indexConsumers();
  }

  /** Conv -> Mul(a) -> Add(b) becomes one Conv with weights a*W and bias a*B + b. */
  foldAffineIntoConv(): number {
    let folded = 0;
    for (const conv of this.live('Conv')) {
      const mul = this.soleConsumer(conv.output[0]!, 'Mul');
      const affine = mul && this.scaleAndShift(mul, conv.output[0]!);
      if (!affine) continue;
      const { scale: a, shift: b, add } = affine;
      const weights = this.weights(conv);
      const bias = this.bias(conv, weights.outChannels);
      conv.input[1] = this.constant(
        weights.values.map((w) => w * a),
        weights.dims,
      );
      conv.input[2] = this.constant(
        bias.map((v) => v * a + b),
        [weights.outChannels],
      );
      conv.output[0] = add.output[0]!;
      this.remove(mul!, add);
      folded++;
    }
    this.indexConsumers();
    return folded;
  }

  /** x * Clip(x + 3, 0, 6) / 6 becomes x * HardSigmoid(x; 1/6, 0.5): two nodes where there were four. */
  rewriteHardSwish(): number {
    let rewritten = 0;
    for (const add of this.live('Add')) {
      const x = add.input.find((name) => this.scalar(name) === undefined);
      if (x === undefined || this.scalarOperand(add, x) !== 3) continue;
      const clip = this.soleConsumer(add.output[0]!, 'Clip');
      if (!clip || floatAttribute(clip, 'min') !== 0 || floatAttribute(clip, 'max') !== 6) continue;
      const mul = this.soleConsumer(clip.output[0]!, 'Mul');
      if (!mul || otherInput(mul, clip.output[0]!) !== x) continue;
      const div = this.soleConsumer(mul.output[0]!, 'Div');
      if (!div || div.input[0] !== mul.output[0] || this.scalar(div.input[1]!) !== 6) continue;
      add.opType = 'HardSigmoid';
      add.input = [x];
      add.attribute = [
        onnx.AttributeProto.create({ name: 'alpha', type: ATTRIBUTE_FLOAT, f: 1 / 6 }),
        onnx.AttributeProto.create({ name: 'beta', type: ATTRIBUTE_FLOAT, f: 0.5 }),
      ];
      mul.input = [x, add.output[0]!];
      mul.output = [div.output[0]!];
      this.remove(clip, div);
      rewritten++;
    }
    this.indexConsumers();
    return rewritten;
  }

  /**
   * Mul(c) -> Add(d) feeding only convolutions: c goes into their weights, and what is left is
   * Add(d / c) (none when d is 0). Shifting before scaling keeps zero padding exact: the
   * convolution pads (y + d/c), scaled by c that is the c*y + d it padded before.
   */
  foldScaleIntoNextConv(): number {
    let folded = 0;
    for (const mul of this.live('Mul')) {
      const y = mul.input.find((name) => this.scalar(name) === undefined);
      const affine = y === undefined ? undefined : this.scaleAndShift(mul, y);
      if (y === undefined || !affine || affine.scale === 0) continue;
      const { scale: c, shift: d, add } = affine;
      const convs = this.convolutionsReadingOnly(add.output[0]!);
      if (!convs) continue;
      for (const conv of convs) {
        const weights = this.weights(conv);
        conv.input[1] = this.constant(
          weights.values.map((w) => w * c),
          weights.dims,
        );
      }
      this.remove(mul);
      if (d === 0) {
        this.remove(add);
        for (const conv of convs) conv.input[0] = y;
      } else {
        add.input = [y, this.constant(new Float32Array([d / c]), [1])];
      }
      folded++;
    }
    this.indexConsumers();
    return folded;
  }

  /**
   * Add(d) feeding only unpadded convolutions (the 1x1 ones): each output sums d times its
   * weights, so d goes into the bias exactly. Before a padded convolution it must stay, as the
   * padding is zero, not d (folded there too, recognition's outputs moved by up to 0.65).
   * Each Add removed also removes the two layout reorders onnxruntime puts around it:
   * recognition ~1.14x faster.
   */
  foldShiftIntoUnpaddedConv(): number {
    let folded = 0;
    for (const add of this.live('Add')) {
      const y = add.input.find((name) => this.scalar(name) === undefined);
      const shift = y === undefined ? undefined : this.scalarOperand(add, y);
      if (y === undefined || shift === undefined) continue;
      const convs = this.convolutionsReadingOnly(add.output[0]!);
      if (!convs?.every(unpadded)) continue;
      for (const conv of convs) {
        const weights = this.weights(conv);
        const bias = this.bias(conv, weights.outChannels);
        const perOutput = weights.values.length / weights.outChannels;
        const shifted = bias.map((b, o) => {
          let sum = 0;
          for (let k = o * perOutput; k < (o + 1) * perOutput; k++) sum += weights.values[k]!;
          return b + shift * sum;
        });
        conv.input[0] = y;
        conv.input[2] = this.constant(shifted, [weights.outChannels]);
      }
      this.remove(add);
      folded++;
    }
    this.indexConsumers();
    return folded;
  }

  /** The graph's nodes after the folds, new constants first, constants no node reads any more dropped. */
  remainingNodes(graphOutputs: Set<string>): NodeProto[] {
    const kept = [...this.added, ...this.nodes].filter((n) => !this.removed.has(n));
    const read = new Set([...kept.flatMap((n) => n.input), ...graphOutputs]);
    return kept.filter((n) => n.opType !== 'Constant' || read.has(n.output[0]!));
  }

  private live(opType: string): NodeProto[] {
    return this.nodes.filter((n) => n.opType === opType && !this.removed.has(n));
  }

  private remove(...nodes: NodeProto[]): void {
    for (const node of nodes) this.removed.add(node);
  }

  private indexConsumers(): void {
    this.consumers = new Map();
    for (const node of [...this.added, ...this.nodes]) {
      if (this.removed.has(node)) continue;
      for (const name of node.input) this.consumers.set(name, [...(this.consumers.get(name) ?? []), node]);
    }
  }

  /** `mul` scaling `name` by a constant, then the one Add that shifts its output by a constant: both constants. */
  private scaleAndShift(mul: NodeProto, name: string): { scale: number; shift: number; add: NodeProto } | undefined {
    const scale = this.scalarOperand(mul, name);
    const add = scale === undefined ? undefined : this.soleConsumer(mul.output[0]!, 'Add');
    const shift = add && this.scalarOperand(add, mul.output[0]!);
    return add && scale !== undefined && shift !== undefined ? { scale, shift, add } : undefined;
  }

  /** The nodes reading `name`, when there are some and every one is a convolution taking it as its data input only. */
  private convolutionsReadingOnly(name: string): NodeProto[] | undefined {
    const readers = this.consumers.get(name) ?? [];
    const all =
      readers.length > 0 &&
      readers.every((n) => n.opType === 'Conv' && n.input[0] === name && !n.input.slice(1).includes(name));
    return all ? readers : undefined;
  }

  /** The one node reading `name`, if it is of `opType`. */
  private soleConsumer(name: string, opType: string): NodeProto | undefined {
    const readers = this.consumers.get(name) ?? [];
    return readers.length === 1 && readers[0]!.opType === opType ? readers[0] : undefined;
  }

  /** The scalar constant a binary node combines `name` with. */
  private scalarOperand(node: NodeProto, name: string): number | undefined {
    if (node.input.length !== 2) return undefined;
    const other = otherInput(node, name);
    return other === undefined ? undefined : this.scalar(other);
  }

  private scalar(name: string): number | undefined {
    const tensor = this.tensor(name);
    if (!tensor || tensor.dataType !== FLOAT) return undefined;
    const values = floats(tensor);
    return values.length === 1 ? values[0] : undefined;
  }

  private tensor(name: string): TensorProto | undefined {
    return this.constants.get(name)?.attribute[0]?.t ?? undefined;
  }

  private weights(conv: NodeProto): { values: Float32Array; dims: number[]; outChannels: number } {
    const tensor = this.tensor(conv.input[1]!);
    if (!tensor || tensor.dataType !== FLOAT) throw new Error(`convolution ${conv.name} has no constant float weights`);
    const dims = (tensor.dims ?? []).map(Number);
    return { values: floats(tensor), dims, outChannels: dims[0]! };
  }

  private bias(conv: NodeProto, outChannels: number): Float32Array {
    const name = conv.input[2];
    const tensor = name ? this.tensor(name) : undefined;
    if (name && !tensor) throw new Error(`convolution ${conv.name} has a bias that is not a constant`);
    return tensor ? floats(tensor) : new Float32Array(outChannels);
  }

  /** A new Constant node holding `values`; returns its output's name. */
  private constant(values: Float32Array, dims: number[]): string {
    const name = `folded_${this.nextName++}`;
    const tensor = onnx.TensorProto.create({
      name,
      dims,
      dataType: FLOAT,
      rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
    });
    const node = onnx.NodeProto.create({
      opType: 'Constant',
      output: [name],
      attribute: [onnx.AttributeProto.create({ name: 'value', type: ATTRIBUTE_TENSOR, t: tensor })],
    });
    this.added.push(node);
    this.constants.set(name, node);
    return name;
  }
}

function otherInput(node: NodeProto, name: string): string | undefined {
  const index = node.input.indexOf(name);
  return index < 0 ? undefined : node.input[1 - index];
}

/** A convolution that reads no padding: no pads (or all zero) and no automatic padding. */
function unpadded(conv: NodeProto): boolean {
  const pads = conv.attribute.find((a) => a.name === 'pads')?.ints ?? [];
  const autoPad = conv.attribute.find((a) => a.name === 'auto_pad')?.s;
  const autoPadText = autoPad?.length ? new TextDecoder().decode(autoPad) : 'NOTSET';
  return pads.every((p) => Number(p) === 0) && (autoPadText === 'NOTSET' || autoPadText === 'VALID');
}

function floatAttribute(node: NodeProto, name: string): number | undefined {
  return node.attribute.find((a) => a.name === name)?.f ?? undefined;
}

/** A float tensor's values, whether stored as float_data or raw little-endian bytes. */
function floats(tensor: TensorProto): Float32Array {
  if (tensor.floatData?.length) return Float32Array.from(tensor.floatData);
  const raw = tensor.rawData ?? new Uint8Array();
  const copy = new Uint8Array(raw.byteLength);
  copy.set(raw);
  return new Float32Array(copy.buffer);
}
