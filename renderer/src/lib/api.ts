// The renderer's one way out: window.ocr (the preload's, or the browser build's over HTTP).
import type { FailureKind, OcrApi, Outcome } from '../../../app/ipc.js';

declare global {
  interface Window {
    ocr: OcrApi;
  }
}

export const api = (): OcrApi => window.ocr;

/** A failed outcome as an Error with the message a person can read. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
  }
}

export async function unwrap<T>(outcome: Promise<Outcome<T>>): Promise<T> {
  const answer = await outcome;
  if (answer.ok) return answer.value;
  throw new ApiError(answer.error.kind, answer.error.message);
}
