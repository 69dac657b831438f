import { OcrType, optionNames, type RecognizeOptions } from './types.js';
import { unsupported } from './errors.js';

/** Parses `type`: absent means text (0); anything else but 0..3 is refused with state 7. */
export function parseOcrType(raw: string | undefined | null): OcrType {
  if (raw === undefined || raw === null || raw === '') return OcrType.text;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 3) {
    throw unsupported(`type "${raw}" is not supported: use 0 (text), 1 (vertical text), 2 (table) or 3 (formula)`);
  }
  return n as OcrType;
}

/** Parses the seven options: `1` on, `0` off, absent (or empty) = the engine decides. */
export function parseOptions(get: (name: string) => string | undefined | null): RecognizeOptions {
  const options: RecognizeOptions = {};
  for (const name of optionNames) {
    const raw = get(name);
    if (raw === undefined || raw === null || raw === '') continue;
    if (raw !== '0' && raw !== '1') throw unsupported(`option ${name}="${raw}" must be 1 (on) or 0 (off)`);
    options[name] = raw === '1';
  }
  return options;
}

/** The options as query parameters, the inverse of `parseOptions`. */
export function optionsToQuery(options: RecognizeOptions): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of optionNames) {
    const value = options[name];
    if (value !== undefined) query[name] = value ? '1' : '0';
  }
  return query;
}
