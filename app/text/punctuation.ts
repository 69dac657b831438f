// `symbol=1`: punctuation of the kind its sentence uses. ASCII , . : ; ? ! ( ) after Chinese
// become ，。：；？！（）; their full-width forms inside English become ASCII (with the space
// English puts after them); curly quotes and brackets that do not pair are paired.
import { isCjkLetter, isCjkPunctuation } from './script.js';

const toCjk: Record<string, string> = { ',': '，', '.': '。', ':': '：', ';': '；', '?': '？', '!': '！' };
const toAscii: Record<string, string> = { '，': ',', '。': '.', '：': ':', '；': ';', '？': '?', '！': '!' };
const latinWord = /[A-Za-z0-9\u00C0-\u024F]/;
const cjkText = (c: string) => isCjkLetter(c) || isCjkPunctuation(c);

/** The nearest character before `i` (spaces skipped) and the one right after. */
function around(chars: string[], i: number): { before: string; after: string; afterSkippingSpace: string } {
  let b = i - 1;
  while (b >= 0 && chars[b] === ' ') b--;
  let a = i + 1;
  while (a < chars.length && chars[a] === ' ') a++;
  return { before: chars[b] ?? '', after: chars[i + 1] ?? '', afterSkippingSpace: chars[a] ?? '' };
}

/** A line is Chinese (or Japanese, Korean) when its CJK characters outnumber twice its Latin words. */
function isCjkSentence(chars: string[]): boolean {
  const cjkLetters = chars.filter(isCjkLetter).length;
  const latinWords = chars.join('').match(/[A-Za-z0-9]+/g)?.length ?? 0;
  return cjkLetters > 0 && cjkLetters >= 2 * latinWords;
}

export function fixPunctuation(text: string): string {
  const chars = [...text];
  const chinese = isCjkSentence(chars);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const { before, after, afterSkippingSpace } = around(chars, i);
    // A mark between two Latin characters is part of a word or number (3.14, a.b, 1,000).
    // So is one of a run of marks ("...", "?!", ".."): an ellipsis is not two full stops.
    const insideWord =
      (latinWord.test(before) && latinWord.test(after)) || Boolean(toCjk[chars[i - 1] ?? ''] || toCjk[after]);
    const afterChinese =
      isCjkLetter(before) && (!afterSkippingSpace || cjkText(afterSkippingSpace) || !latinWord.test(after));
    const inChineseSentence = chinese && !insideWord && (!afterSkippingSpace || isCjkLetter(afterSkippingSpace));
    if (toCjk[c] && (afterChinese || inChineseSentence)) {
      // A sentence mark after Chinese; "3.14" or "a.b" never reach here (before is Latin).
      while (out.at(-1) === ' ') out.pop();
      out.push(toCjk[c]);
      while (chars[i + 1] === ' ' && cjkText(afterSkippingSpace)) i++;
      continue;
    }
    if (c === '(' && isCjkLetter(afterSkippingSpace)) {
      out.push('（');
      continue;
    }
    if (c === ')' && isCjkLetter(before)) {
      out.push('）');
      continue;
    }
    if (
      toAscii[c] &&
      !chinese &&
      latinWord.test(before) &&
      (!afterSkippingSpace || latinWord.test(afterSkippingSpace))
    ) {
      out.push(toAscii[c]);
      // English puts a space after a sentence mark when a word follows.
      if (after && after !== ' ' && latinWord.test(after)) out.push(' ');
      continue;
    }
    if (c === '（' && !chinese && latinWord.test(afterSkippingSpace) && !isCjkLetter(before)) {
      out.push('(');
      continue;
    }
    if (c === '）' && !chinese && latinWord.test(before)) {
      out.push(')');
      continue;
    }
    out.push(c);
  }
  return pairMarks(out.join(''));
}

const openers: Record<string, string> = { '(': ')', '（': '）', '[': ']', '【': '】', '「': '」' };
const closers: Record<string, string> = { ')': '(', '）': '（', ']': '[', '】': '【', '」': '「' };
const sameKind: Record<string, string> = {
  ')': 'round',
  '）': 'round',
  '(': 'round',
  '（': 'round',
  ']': 'square',
  '[': 'square',
  '】': 'square',
  '【': 'square',
  '「': 'corner',
  '」': 'corner',
};

/**
 * Curly quotes alternate open, close; a closing bracket takes the width of the bracket it
 * closes ((abc） → (abc)); a closer with no opener is left as it is.
 */
export function pairMarks(text: string): string {
  const chars = [...text];
  const stack: number[] = [];
  let quoteOpen = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '“' || c === '”') {
      chars[i] = quoteOpen ? '”' : '“';
      quoteOpen = !quoteOpen;
    } else if (openers[c]) stack.push(i);
    else if (closers[c]) {
      const top = stack.at(-1);
      if (top !== undefined && sameKind[chars[top]!] === sameKind[c]) {
        stack.pop();
        chars[i] = openers[chars[top]!]!;
      }
    }
  }
  return chars.join('');
}
