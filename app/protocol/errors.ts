import { State } from './types.js';

/**
 * A failure that maps onto one response `state` with a message a person can act on.
 * Thrown inside the engine and server, turned into a response at the protocol edge.
 */
export class OcrError extends Error {
  constructor(
    readonly state:
      typeof State.failed | typeof State.timedOut | typeof State.tooManyRequests | typeof State.unsupported,
    message: string,
  ) {
    super(message);
    this.name = 'OcrError';
  }
}

/** The input is not an image we can decode, or asks for something we do not support: state 7. */
export const unsupported = (message: string) => new OcrError(State.unsupported, message);
/** The engine failed on this input; trying again may work: state 3. */
export const engineFailure = (message: string) => new OcrError(State.failed, message);
/** What a request stopped by op=cancel (our extension) answers with, as state 3. */
export const cancelledMessage = 'the request was cancelled by its client';
