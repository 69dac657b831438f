// One request, start to finish: encoded image in, Open API response out. The CLI (in-process)
// and the server's engine nodes both call this, so they answer with identical JSON.
import { OcrType, State, type OcrResponse, type RecognizeOptions } from '../protocol/types.js';
import { doneResponse, failedResponse, type ProcessInfo } from '../protocol/response.js';
import { OcrError, unsupported } from '../protocol/errors.js';
import type { OcrEngine, EngineOutput } from '../engine/engine.js';
import { analyzeLayout, mapLayoutBoxes, withTextOptions } from '../layout/layout.js';
import { unturnBox } from '../engine/geometry.js';
import { textResult } from '../layout/result.js';

export interface RecognizeRequest {
  image: Uint8Array;
  type: OcrType;
  options: RecognizeOptions;
  /** The response id; a fresh UUID when absent. */
  id?: string;
}

export interface RecognizeOutcome {
  response: OcrResponse;
  /** Engine figures for logs and benchmarks (absent when the input was refused). */
  engine?: EngineOutput;
}

const typeNames: Record<number, string> = { 2: 'table (type 2)', 3: 'formula (type 3)' };

/** Options this build implements; any other would be refused with state 7 rather than ignored. */
const implementedOptions = new Set<keyof RecognizeOptions>(['half', 'symbol', 'space', 'left', 'top', 'duplicate', 'autodirection']);

export async function recognize(engine: OcrEngine, request: RecognizeRequest, node: ProcessInfo): Promise<RecognizeOutcome> {
  const { type, id } = request;
  try {
    // Type 1 reads like type 0, whose analysis already finds vertical columns and reads them
    // top to bottom, right to left; tables and formulas are not built yet.
    if (type !== OcrType.text && type !== OcrType.vertical) throw unsupported(`${typeNames[type] ?? `type ${type}`} recognition is not available in this version yet; use type 0 (text) or 1 (vertical text)`);
    for (const [name, value] of Object.entries(request.options)) {
      if (value !== undefined && !implementedOptions.has(name as keyof RecognizeOptions)) {
        throw unsupported(`option ${name} is not available in this version yet; leave it out to let the engine decide`);
      }
    }
    const { left, top, duplicate, autodirection } = request.options;
    const output = await engine.recognizeBytes(request.image, { autodirection });
    const order = left ? 'left' : top ? 'top' : undefined;
    // Reading order is found in the upright image; the boxes then go back to the image as sent.
    const upright = withTextOptions(analyzeLayout(output.lines, { order, duplicate }), request.options);
    const { turns, width, height } = output;
    const uprightWidth = turns % 2 ? height : width;
    const uprightHeight = turns % 2 ? width : height;
    const layout = turns ? mapLayoutBoxes(upright, (box) => unturnBox(box, turns, uprightWidth, uprightHeight)) : upright;
    return { response: doneResponse(type, textResult(layout), node, id), engine: output };
  } catch (error) {
    if (error instanceof OcrError) {
      // A refused input never reached a node's models: leave the node out, as the API does.
      const handled = error.state === State.failed ? node : undefined;
      return { response: failedResponse(type, error.state, error.message, handled, id) };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { response: failedResponse(type, State.failed, `the engine failed on this image: ${message}`, node, id) };
  }
}
