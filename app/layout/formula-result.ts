// Formula mode (type 3) as the Open API's `result`: the LaTeX in `autoText` and `spiltText`,
// the formula's box in `verticalText`/`spiltLocText` (so a viewer can mark where it was read),
// `resultType` 1: a page that renders it (`viewUrl`, added by the server that serves the page).
import { ResultType, type OcrResult, type TextCellInfo } from '../protocol/types.js';
import { toLocation } from './result.js';
import { union, type PlacedSymbol } from './formula-symbols.js';
import type { FormulaReading } from './formula.js';

export function formulaResult(formula: FormulaReading, symbols: PlacedSymbol[]): OcrResult {
  const box = union(symbols.map((s) => s.box));
  const cells = JSON.stringify([
    { words: formula.latex, pageIndex: 0, location: toLocation(box) } satisfies TextCellInfo,
  ]);
  return {
    autoText: formula.latex,
    spiltText: formula.latex,
    spiltLocText: cells,
    verticalText: cells,
    lang: 'math',
    resultType: ResultType.webPage,
  };
}

/**
 * Whether what was read is a typeset formula rather than ordinary text snipped in formula mode:
 * formula glyphs match KaTeX's own closely, other fonts do not; and a formula has more than
 * upright words in it.
 */
export function isTypesetFormula(formula: FormulaReading): boolean {
  if (formula.meanDistance > 0.05) return false;
  const words = formula.latex.replace(/\\mathrm\{[^}]*\}/g, '').replace(/\s+/g, '');
  return words.length > 0;
}
