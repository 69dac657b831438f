import type { OcrResponse } from '../protocol/index.js';

/** What went wrong, in terms a caller can branch on. */
export type OcrClientErrorKind =
  /** The server's address is not an http:// or https:// URL. */
  | 'invalid-url'
  /** The server could not be reached (refused, DNS, reset, TLS). */
  | 'network'
  /** The server answered, but not as the Open API does (HTTP error page, bad JSON). */
  | 'protocol'
  | 'invalid-token'
  | 'quota-exhausted'
  /** State 6, still after the retries. */
  | 'busy'
  /** State 4, or the result was not ready by the client's deadline. */
  | 'timeout'
  /** State 3: the engine failed on this image; trying again may work. */
  | 'engine'
  /** State 7: the image or the request was refused. */
  | 'unsupported'
  /** `idcode` answered `no`: the id is unknown or its result expired. */
  | 'expired'
  | 'aborted';

/** A failure with a message a person can read, and the server's response when there was one. */
export class OcrClientError extends Error {
  constructor(
    readonly kind: OcrClientErrorKind,
    message: string,
    readonly response?: OcrResponse,
  ) {
    super(message);
    this.name = 'OcrClientError';
  }
}
