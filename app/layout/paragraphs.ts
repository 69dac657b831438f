// Lines of one block grouped into paragraphs: a wrapped sentence is one paragraph; list
// items, labels and buttons stay apart.
import { bottom, median, right, unionBox, type Paragraph, type TextLine } from './types.js';
import { isCjk, lastChar, firstChar } from '../text/script.js';

export interface ParagraphConfig {
  /** A gap between lines wider than this many line heights always starts a new paragraph. */
  maxLineGap: number;
  /** Left edges further apart than this many line heights start a new paragraph. */
  maxIndent: number;
}

export const defaultParagraphConfig: ParagraphConfig = { maxLineGap: 0.45, maxIndent: 1.5 };

/** Groups a block's lines (in reading order) into paragraphs. */
export function groupParagraphs(lines: readonly TextLine[], config = defaultParagraphConfig): Paragraph[] {
  const paragraphs: TextLine[][] = [];
  const gapsInBlock = lines.slice(1).map((line, i) => line.box.top - bottom(lines[i]!.box));
  const tightest = gapsInBlock.length ? Math.min(...gapsInBlock) : 0;
  for (const line of lines) {
    const current = paragraphs[paragraphs.length - 1];
    const previous = current?.[current.length - 1];
    if (current && previous && continues(previous, line, tightest, config)) current.push(line);
    else paragraphs.push([line]);
  }
  return paragraphs.map(toParagraph);
}

function continues(previous: TextLine, line: TextLine, tightestGap: number, config: ParagraphConfig): boolean {
  if (line.direction !== 'horizontal' || previous.direction !== 'horizontal') return false;
  const height = median([previous.box.height, line.box.height]);
  const gap = line.box.top - bottom(previous.box);
  if (gap < -0.5 * height) return false; // side by side on one row: separate items
  if (gap > config.maxLineGap * height || gap > tightestGap + 0.3 * height) return false;
  if (Math.max(previous.box.height, line.box.height) / Math.min(previous.box.height, line.box.height) > 1.3)
    return false; // a heading and its text
  if (Math.abs(line.box.left - previous.box.left) > config.maxIndent * height) return false;
  if (line.box.left > right(previous.box)) return false;
  return true;
}

function toParagraph(lines: readonly TextLine[]): Paragraph {
  return { lines, text: joinLines(lines.map((l) => l.text)), box: unionBox(lines.map((l) => l.box)) };
}

/** Lines of a paragraph as running text: a space between words of alphabetic scripts, none inside CJK. */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    const next = line.trim();
    if (!next) continue;
    if (text && !(isCjk(lastChar(text)) && isCjk(firstChar(next)))) text += ' ';
    text += next;
  }
  return text;
}
