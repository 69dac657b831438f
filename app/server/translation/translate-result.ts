// `trans=<target>`: a finished response with its translation beside it (`transText`,
// `transLocText`, each `verticalText` cell's `trans`), or, where none can be had, the response
// as it was with `message` saying why. Text is translated a paragraph at a time and laid back
// over the paragraph's lines; a table a cell at a time; a formula not at all.
import {
  languageOf,
  ResultType,
  State,
  type Box,
  type LanguageCodes,
  type OcrResponse,
  type OcrResult,
  type TextCellInfo,
} from '../../protocol/index.js';
import { spreadOverLines } from './spread.js';
import type { LanguagePair, Translator } from './translator.js';

export interface TranslationOptions {
  /** Most characters sent to the translator for one response; past it, the rest is left out (and said). */
  maxChars: number;
  /** The whole translation may take this long: recognition is never held up past it. */
  timeoutMs: number;
}

export const defaultTranslationOptions: TranslationOptions = { maxChars: 20_000, timeoutMs: 8000 };

/** A translator with its pairs remembered a while: every request would otherwise ask again. */
export class Translation {
  private pairsCache: { at: number; pairs: Promise<LanguagePair[]> } | undefined;

  constructor(
    readonly translator: Translator,
    readonly options: TranslationOptions = defaultTranslationOptions,
  ) {}

  /**
   * The pairs, asked once for every request of the next five minutes: the listing is not tied to
   * the request that started it (its deadline would fail the others waiting on it), each caller
   * stops waiting at its own `signal`.
   */
  pairs(signal?: AbortSignal): Promise<LanguagePair[]> {
    if (!this.pairsCache || Date.now() - this.pairsCache.at > 5 * 60_000) {
      const pairs = this.translator.pairs();
      this.pairsCache = { at: Date.now(), pairs };
      // A failed listing is asked again next time, not remembered.
      pairs.catch(() => (this.pairsCache = undefined));
    }
    return signal ? untilAborted(this.pairsCache.pairs, signal) : this.pairsCache.pairs;
  }
}

/** `promise`, or a rejection with the signal's reason once `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });
}

/** A JSON array of the result (cells, paragraphs, a table's rows), or none where it is not one. */
function listOf<T>(json: string | undefined): T[] {
  try {
    const list = JSON.parse(json ?? '[]') as unknown;
    return Array.isArray(list) ? (list as T[]) : [];
  } catch {
    return [];
  }
}

const withMessage = (response: OcrResponse, message: string): OcrResponse => ({
  ...response,
  message: response.message ? `${response.message}; ${message}` : message,
});

/** The response translated into `target` by `translation`, or with `message` saying why not. */
export async function withTranslation(
  response: OcrResponse,
  target: string,
  translation: Translation | undefined,
): Promise<OcrResponse> {
  const result = response.result;
  if (response.state !== State.done || !result) return response;
  const to = languageOf(target);
  if (!to)
    return withMessage(
      response,
      `no translation: "${target.slice(0, 40)}" is not a language code we know; use ISO 639-1 such as es, en, zh, ja, de`,
    );
  if (result.resultType === ResultType.webPage)
    return withMessage(response, 'no translation: formulas are not translated');
  if (!translation)
    return withMessage(
      response,
      'no translation: this server has no translator (start it with --translator apertium:URL or libretranslate:URL)',
    );
  const from = languageOf(result.lang) ?? languageOf('en')!;
  const cells = listOf<TextCellInfo>(result.verticalText);
  if (!cells.length) return response;
  const deadline = AbortSignal.timeout(translation.options.timeoutMs);
  const { translator } = translation;
  try {
    let translate: (texts: string[]) => Promise<string[]>;
    if (from.iso1 === to.iso1) translate = async (texts) => texts;
    else {
      const pairs = await translation.pairs(deadline);
      const pair = pairs.find((p) => p.source.iso1 === from.iso1 && p.target.iso1 === to.iso1);
      if (!pair)
        return withMessage(response, `no translation: ${translator.description} ${missingPair(from, to, pairs)}`);
      translate = (texts) => translator.translate(texts, pair, deadline);
    }
    const budgeted = async (texts: string[]) => {
      const within = withinBudget(texts, translation.options.maxChars);
      const done = await translate(texts.slice(0, within));
      return { done: [...done, ...texts.slice(within).map(() => '')], left: texts.length - within };
    };
    const translated =
      result.resultType === ResultType.table
        ? await translatedTable(result, cells, budgeted)
        : await translatedText(result, cells, budgeted);
    const answer = { ...response, result: translated.result };
    return translated.left
      ? withMessage(
          answer,
          `only part was translated: ${translated.left} ${result.resultType === ResultType.table ? 'cells' : 'paragraphs'} are past the ${translation.options.maxChars}-character budget`,
        )
      : answer;
  } catch (error) {
    // The whole translation's deadline first: a try cut short by it says only that it was cut.
    const why = deadline.aborted
      ? `it did not answer within ${translation.options.timeoutMs / 1000} s`
      : (error as Error).message;
    return withMessage(response, `no translation: ${translator.description}: ${why}`);
  }
}

function missingPair(from: LanguageCodes, to: LanguageCodes, pairs: readonly LanguagePair[]): string {
  const offered = pairs.map((p) => `${p.source.iso1}→${p.target.iso1}`);
  return `offers no ${from.iso1}→${to.iso1} translation (it offers ${offered.length ? offered.join(', ') : 'none'})`;
}

/** How many of `texts`, from the first, fit in `maxChars` together. */
function withinBudget(texts: readonly string[], maxChars: number): number {
  let used = 0;
  for (const [i, text] of texts.entries()) {
    used += text.length;
    if (used > maxChars) return i;
  }
  return texts.length;
}

type Budgeted = (texts: string[]) => Promise<{ done: string[]; left: number }>;

/** Cell by cell: `trans` on each, `transText` the rows as `spiltText` has them, `transLocText` the cells translated. */
async function translatedTable(result: OcrResult, cells: TextCellInfo[], translate: Budgeted) {
  const { done, left } = await translate(cells.map((c) => c.words));
  const translatedCells = cells.map((cell, i) => ({ ...cell, trans: done[i]! }));
  const byPlace = new Map(translatedCells.map((c) => [`${c.row},${c.col}`, c.trans]));
  const transRows = listOf<unknown>(result.spiltText).map((row, r) =>
    Array.isArray(row) ? row.map((_, c) => byPlace.get(`${r},${c}`) ?? '') : [],
  );
  return {
    left,
    result: {
      ...result,
      verticalText: JSON.stringify(translatedCells),
      transText: JSON.stringify(transRows),
      transLocText: JSON.stringify(translatedCells.map((c) => ({ ...c, words: c.trans }))),
    },
  };
}

const inside = (line: TextCellInfo, paragraph: TextCellInfo) => {
  const x = line.location.left + line.location.width / 2;
  const y = line.location.top + line.location.height / 2;
  const p: Box = paragraph.location;
  return (
    (line.pageIndex ?? 0) === (paragraph.pageIndex ?? 0) &&
    x >= p.left - 1 &&
    x <= p.left + p.width + 1 &&
    y >= p.top - 1 &&
    y <= p.top + p.height + 1
  );
};

/**
 * Paragraph by paragraph (`spiltLocText`), each translation spread over its lines
 * (`verticalText`, in reading order, as the paragraphs hold them); a line in no paragraph is
 * translated on its own.
 */
async function translatedText(result: OcrResult, lines: TextCellInfo[], translate: Budgeted) {
  const paragraphs = listOf<TextCellInfo>(result.spiltLocText);
  const owner = lines.map((line) => paragraphs.findIndex((p) => inside(line, p)));
  const segments = [...paragraphs.map((p) => p.words), ...lines.filter((_, i) => owner[i]! < 0).map((l) => l.words)];
  const { done, left } = await translate(segments);
  const transOfLine: string[] = new Array<string>(lines.length).fill('');
  paragraphs.forEach((_, p) => {
    const mine = lines.flatMap((line, i) => (owner[i] === p ? [i] : []));
    spreadOverLines(
      done[p]!,
      mine.map((i) => lines[i]!.words.length),
    ).forEach((piece, k) => {
      transOfLine[mine[k]!] = piece;
    });
  });
  let orphan = paragraphs.length;
  lines.forEach((_, i) => {
    if (owner[i]! < 0) transOfLine[i] = done[orphan++]!;
  });
  const translatedLines = lines.map((line, i) => ({ ...line, trans: transOfLine[i]! }));
  return {
    left,
    result: {
      ...result,
      verticalText: JSON.stringify(translatedLines),
      transText: translatedLines.map((l) => `${l.trans}\t\n`).join(''),
      transLocText: JSON.stringify(paragraphs.map((p, i) => ({ ...p, words: done[i]!, trans: done[i]! }))),
    },
  };
}
