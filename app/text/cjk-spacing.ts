// `space=1`: the spacing a careful CJK typist uses. One space between a CJK character and a
// Latin letter or digit (第3行 → 第 3 行, 使用Electron开发 → 使用 Electron 开发); no space
// between two CJK characters or next to CJK punctuation (the spurious spaces other engines
// leave: 你 好 → 你好); and none inside a number split by recognition (3 . 14 → 3.14).
import { isCjkLetter, isCjkPunctuation } from './script.js';

const latin = /[A-Za-z0-9\u00C0-\u024F]/;
const cjk = (c: string) => isCjkLetter(c) || isCjkPunctuation(c);

export function spaceCjk(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const previous = out.at(-1) ?? '';
    if (c === ' ' || c === '\t') {
      let end = i;
      while (chars[end + 1] === ' ' || chars[end + 1] === '\t') end++;
      const next = chars[end + 1] ?? '';
      // A run of spaces stays (as one) only where neither side's script spaces itself.
      const keep =
        previous && next && !(cjk(previous) && cjk(next)) && !isCjkPunctuation(previous) && !isCjkPunctuation(next);
      if (keep) out += ' ';
      i = end;
      continue;
    }
    if ((isCjkLetter(previous) && latin.test(c)) || (latin.test(previous) && isCjkLetter(c))) out += ' ';
    out += c;
  }
  // A number recognition split apart: "3 . 14", "1 , 000", "12 : 30".
  return out.replace(
    /(\d)(?: ([.,:]) ?| ?([.,:]) )(?=\d)/g,
    (_m, digit: string, a?: string, b?: string) => `${digit}${a ?? b}`,
  );
}
