// The Open API's text options, applied in one fixed order to every text of a result:
//   1. half   (full-width ASCII to ASCII: later rules then see Latin as Latin),
//   2. symbol (punctuation of the sentence's kind),
//   3. space  (spaces between CJK and Latin, none inside CJK or numbers).
// Absent or 0 leaves the text as the engine wrote it: word spaces recovered from the ink,
// none between CJK characters, widths and punctuation as printed.
import { toHalfWidth } from './half-width.js';
import { fixPunctuation } from './punctuation.js';
import { spaceCjk } from './cjk-spacing.js';

export interface TextOptions {
  half?: boolean;
  symbol?: boolean;
  space?: boolean;
}

export function applyTextOptions(text: string, options: TextOptions): string {
  let out = text;
  if (options.half) out = toHalfWidth(out);
  if (options.symbol) out = fixPunctuation(out);
  if (options.space) out = spaceCjk(out);
  return out;
}
