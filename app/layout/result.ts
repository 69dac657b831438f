// A layout as the Open API's `result`: the one wire shape every consumer reads.
import { ResultType, type Box, type OcrResult, type TextCellInfo } from '../protocol/types.js';
import type { Layout } from './types.js';
import { detectLanguage } from './lang.js';

/** Coordinates on the wire: source-image pixels, rounded to tenths (more is noise). */
export function toLocation(box: Box): Box {
  const r = (v: number) => Math.round(v * 10) / 10;
  return { left: r(box.left), top: r(box.top), width: r(box.width), height: r(box.height) };
}

/**
 * Text mode (type 0):
 * - `autoText`: paragraphs in reading order, one a line, their lines joined as running text;
 * - `spiltText`: every visual line as found, in reading order, each ending `\t\n`;
 * - `spiltLocText`: the paragraphs with their boxes (JSON, the shape of `verticalText`);
 * - `verticalText`: every visual line with its box (JSON array of TextCellInfo).
 */
export function textResult(layout: Layout, pageIndex = 0): OcrResult {
  const lines = layout.paragraphs.flatMap((p) => p.lines);
  const autoText = layout.paragraphs.map((p) => p.text).join('\n');
  const cells = (items: readonly { text: string; box: Box }[]): string =>
    JSON.stringify(
      items.map((item): TextCellInfo => ({ words: item.text, pageIndex, location: toLocation(item.box) })),
    );
  return {
    autoText,
    spiltText: lines.map((l) => `${l.text}\t\n`).join(''),
    spiltLocText: cells(layout.paragraphs),
    verticalText: cells(lines),
    lang: detectLanguage(autoText),
    resultType: ResultType.text,
  };
}
