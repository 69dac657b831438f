// globalThis.crypto, not node:crypto: the protocol also runs in the browser build.
const randomUUID = () => globalThis.crypto.randomUUID();
import { State, type OcrResponse, type OcrResult } from './types.js';

/** The engine node that produced a response: `processId` / `processName` on the wire. */
export interface ProcessInfo {
  processId: number;
  processName: string;
}

/** Node numbers are 1-based on the wire and named like the original service's (`OCR-Node-01`). */
export function processInfo(nodeIndex: number): ProcessInfo {
  const processId = nodeIndex + 1;
  return { processId, processName: `OCR-Node-${String(processId).padStart(2, '0')}` };
}

export function doneResponse(
  ocrType: number,
  result: OcrResult,
  node: ProcessInfo,
  id: string = randomUUID(),
): OcrResponse {
  return { id, ocrType, ...node, state: State.done, result: withoutNulls(result) };
}

/**
 * A failure the client can act on. `node` is left out when no engine node handled the
 * request (a bad input refused up front, or a time-out: the API leaves `processName` empty then).
 */
export function failedResponse(
  ocrType: number,
  state: Exclude<State, typeof State.done>,
  message: string | undefined,
  node?: ProcessInfo,
  id: string = randomUUID(),
): OcrResponse {
  const response: OcrResponse = { id, ocrType, state };
  if (node) Object.assign(response, node);
  else if (state === State.timedOut) response.processName = '';
  if (message) response.message = message;
  return response;
}

/** The API leaves out fields whose value is null; so do we, at every level of `result`. */
export function withoutNulls<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v !== null && v !== undefined) out[key] = v;
  }
  return out as T;
}
