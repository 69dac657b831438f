// One request, start to finish: encoded image in, Open API response out. The CLI (in-process)
// and the server's engine nodes both call this, so they answer with identical JSON.
import { OcrType, State, type OcrResponse, type RecognizeOptions } from '../protocol/types.js';
import { doneResponse, failedResponse, type ProcessInfo } from '../protocol/response.js';
import { OcrError, unsupported } from '../protocol/errors.js';
import type { OcrEngine, EngineOutput, RecognizeImageOptions } from '../engine/engine.js';
import { analyzeLayout, mapLayoutBoxes, withTextOptions } from '../layout/layout.js';
import { unturnBox } from '../engine/geometry.js';
import type { Box } from '../layout/types.js';
import { textResult, toLocation } from '../layout/result.js';
import { analyzeTable, type Table } from '../layout/table.js';
import { mapTableBoxes, tableResult, withTableTextOptions } from '../layout/table-result.js';
import { ResultType, type CodeInfo, type OcrResult } from '../protocol/types.js';
import { detectLanguage } from '../layout/lang.js';
import { readFormula } from '../layout/formula.js';
import { formulaResult, isTypesetFormula } from '../layout/formula-result.js';
import { isPdf } from '../engine/pdf-pages.js';

export interface RecognizeRequest {
  image: Uint8Array;
  type: OcrType;
  options: RecognizeOptions;
  /** The response id; a fresh UUID when absent. */
  id?: string;
  /** The lines as they are read, before the answer (see RecognizeImageOptions.onLines). */
  onLines?: RecognizeImageOptions['onLines'];
}

export interface RecognizeOutcome {
  response: OcrResponse;
  /** Engine figures for logs and benchmarks (absent when the input was refused, or read as a formula). */
  engine?: EngineOutput;
  /** Milliseconds the engine spent on it (absent when the input was refused). */
  engineMs?: number;
}

export async function recognize(
  engine: OcrEngine,
  request: RecognizeRequest,
  node: ProcessInfo,
): Promise<RecognizeOutcome> {
  const { type, id } = request;
  try {
    // Type 1 reads like type 0, whose analysis already finds vertical columns and reads them
    // top to bottom, right to left.
    if (type !== OcrType.text && type !== OcrType.vertical && type !== OcrType.table && type !== OcrType.formula) {
      throw unsupported(
        `type ${type} is not a recognition type; use 0 (text), 1 (vertical text), 2 (table) or 3 (formula)`,
      );
    }
    if (type === OcrType.formula && !isPdf(request.image)) {
      // A snip that holds no typeset formula (ordinary text, a photo) answers as text mode does.
      const snip = await engine.readFormulaSymbols(request.image);
      const formula = readFormula(snip.symbols);
      if (formula && isTypesetFormula(formula)) {
        return { response: doneResponse(type, formulaResult(formula, snip.symbols), node, id), engineMs: snip.ms };
      }
    }
    const wantsTable = type === OcrType.table;
    const pages = await engine.recognizeDocument(request.image, {
      autodirection: request.options.autodirection,
      rulings: wantsTable,
      ...(request.onLines && { onLines: request.onLines }),
    });
    if (pages.length !== 1) {
      // A PDF: its pages as text, one after another, each line with its page's index.
      const results = pages.map((page, index) => textOutcome(page, request.options, index));
      return {
        response: withCodes(
          doneResponse(type, joinPages(results), node, id),
          pages.flatMap((p) => p.codes ?? []),
        ),
        engine: pages[0],
        engineMs: pages.reduce((ms, p) => ms + p.timings.totalMs, 0),
      };
    }
    const output = pages[0]!;
    // A table request on an image without a table answers as text mode would (resultType 0).
    const table = wantsTable ? analyzeTable(output.lines, output.rulings) : null;
    const result = table ? tableOutcome(table, output, request.options) : textOutcome(output, request.options);
    return {
      response: withReadScale(withCodes(doneResponse(type, result, node, id), output.codes), output),
      engine: output,
      engineMs: output.timings.totalMs,
    };
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

/** Boxes are found in the upright image; this maps them back to the image as sent. */
function unturn(output: EngineOutput): ((box: Box) => Box) | null {
  const { turns, width, height } = output;
  if (!turns) return null;
  const uprightWidth = turns % 2 ? height : width;
  const uprightHeight = turns % 2 ? width : height;
  return (box) => unturnBox(box, turns, uprightWidth, uprightHeight);
}

function textOutcome(output: EngineOutput, options: RecognizeOptions, pageIndex = 0): OcrResult {
  const { left, top, duplicate } = options;
  const order = left ? 'left' : top ? 'top' : undefined;
  const upright = withTextOptions(analyzeLayout(output.lines, { order, duplicate }), options);
  const back = unturn(output);
  return textResult(back ? mapLayoutBoxes(upright, back) : upright, pageIndex);
}

/** A document's pages as one result: texts one after another (a blank line between pages), boxes by page. */
function joinPages(pages: OcrResult[]): OcrResult {
  const concat = (field: 'verticalText' | 'spiltLocText') =>
    JSON.stringify(pages.flatMap((p) => JSON.parse(p[field] ?? '[]') as unknown[]));
  const autoText = pages.map((p) => p.autoText ?? '').join('\n\n');
  return {
    autoText,
    spiltText: pages.map((p) => p.spiltText ?? '').join(''),
    spiltLocText: concat('spiltLocText'),
    verticalText: concat('verticalText'),
    lang: detectLanguage(autoText),
    resultType: ResultType.text,
  };
}

function tableOutcome(table: Table, output: EngineOutput, options: RecognizeOptions): OcrResult {
  const upright = withTableTextOptions(table, options);
  const back = unturn(output);
  return tableResult(back ? mapTableBoxes(upright, back) : upright);
}

/**
 * A large scan read scaled down says so in `message` (a state-2 answer has none otherwise;
 * `desc` holds the codes found), in words and with the percentage for programs to read.
 */
function withReadScale(response: OcrResponse, output: EngineOutput): OcrResponse {
  if (!output.readScale || output.readScale >= 1) return response;
  const megapixels = (output.width * output.height) / 1e6;
  const percent = Math.round(output.readScale * 100);
  return {
    ...response,
    message: `the image is ${output.width}x${output.height} pixels (${megapixels.toFixed(0)} MP), more than the engine reads at once: it was read at ${percent}% of its size; boxes are in its own pixels`,
  };
}

/**
 * QR codes and barcodes go in `desc`, as a JSON array of `{format, text, location}` (a string,
 * as the field is in the guide, so its clients are not surprised by its type). A capture that
 * holds codes and no text answers with the codes' texts as its text.
 */
function withCodes(response: OcrResponse, codes: EngineOutput['codes']): OcrResponse {
  if (!codes?.length || !response.result) return response;
  const found: CodeInfo[] = codes.map((c) => ({ format: c.format, text: c.text, location: toLocation(c.box) }));
  const result = response.result.autoText?.trim()
    ? response.result
    : {
        ...response.result,
        autoText: codes.map((c) => c.text).join('\n'),
        spiltText: codes.map((c) => `${c.text}\t\n`).join(''),
      };
  return { ...response, result, desc: JSON.stringify(found) };
}
