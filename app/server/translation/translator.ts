// What the server needs of a translation server: the pairs it offers and texts translated in
// one call. Two kinds people run themselves are spoken: Apertium's APY and LibreTranslate.
// Neither is reached unless the operator names one (`--translator`): nothing leaves the
// machine or network by default.
import { languageOf, type LanguageCodes } from '../../protocol/index.js';

export interface LanguagePair {
  source: LanguageCodes;
  target: LanguageCodes;
}

export interface Translator {
  /** `apertium at http://...`: for messages. */
  readonly description: string;
  /** The pairs it offers that the engine has codes for. */
  pairs(signal?: AbortSignal): Promise<LanguagePair[]>;
  /** Each text translated, in order; rejects with TranslatorError. */
  translate(texts: readonly string[], pair: LanguagePair, signal?: AbortSignal): Promise<string[]>;
}

export class TranslatorError extends Error {
  override name = 'TranslatorError';
}

export interface TranslatorLimits {
  /** One HTTP exchange may take this long. */
  timeoutMs: number;
  /** A failed exchange (network, 5xx) is tried again this many times. */
  retries: number;
}

export const defaultTranslatorLimits: TranslatorLimits = { timeoutMs: 4000, retries: 1 };

/**
 * One JSON exchange with a translator: a timeout per try, retried on network failures and
 * 5xx answers (a 4xx is the request's fault: not retried), errors named for a person.
 */
export async function exchange(
  url: string,
  init: RequestInit,
  limits: TranslatorLimits,
  signal?: AbortSignal,
): Promise<unknown> {
  let lastError: Error | undefined;
  for (let attempt = 0; attempt <= limits.retries; attempt++) {
    const timeout = AbortSignal.timeout(limits.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const response = await fetch(url, { ...init, signal: combined });
      const text = await response.text();
      if (response.status >= 500) {
        lastError = new TranslatorError(`it answered HTTP ${response.status}`);
        continue;
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new TranslatorError(`it answered HTTP ${response.status} without JSON`);
      }
      if (!response.ok) {
        const said = (body as { error?: unknown })?.error;
        throw new TranslatorError(`it answered HTTP ${response.status}${typeof said === 'string' ? `: ${said}` : ''}`);
      }
      return body;
    } catch (error) {
      if (error instanceof TranslatorError) throw error;
      if (signal?.aborted) throw new TranslatorError('the translation was no longer wanted');
      lastError = timeout.aborted
        ? new TranslatorError(`it did not answer within ${limits.timeoutMs / 1000} s`)
        : new TranslatorError(`it cannot be reached (${causeOf(error)})`);
    }
  }
  throw lastError ?? new TranslatorError('it did not answer');
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** A pair of codes as a translator names them, as languages the engine knows, or undefined. */
export function knownPair(source: string, target: string): LanguagePair | undefined {
  const [s, t] = [languageOf(source), languageOf(target)];
  return s && t ? { source: s, target: t } : undefined;
}
