// `duplicate=1`, its text half: a word broken across lines with a hyphen is made whole again
// ("recog-" + "nition is" → "recognition" + "is"). Only a break a typesetter makes: two or
// more letters before the hyphen, a lower-case letter after it; "e-" + "mail", "COVID-" + "19"
// and "--" stay as they are.

// Letters of scripts that hyphenate (not CJK, which breaks lines anywhere without a hyphen).
const L = '[\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}]';
const brokenWord = new RegExp(`(^|[^\\p{L}-])(${L}{2,})-$`, 'u');
// The rest of the word: lower-case, then its punctuation, or a hyphen again at the line's end.
const continuedWord = new RegExp(`^((?=\\p{Ll})${L}+)(-(?=$)|[.,;:!?)]*(?=\\s|$))`, 'u');

export function rejoinHyphenation(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const previous = out.at(-1);
    const broken = previous === undefined ? null : brokenWord.exec(previous);
    const continuation = continuedWord.exec(line);
    if (previous !== undefined && broken && continuation) {
      out[out.length - 1] = previous.slice(0, -1) + continuation[1] + continuation[2];
      const rest = line.slice(continuation[0].length).trim();
      if (rest) out.push(rest);
      continue;
    }
    out.push(line);
  }
  return out;
}
