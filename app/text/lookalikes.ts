// Characters the recognizer reads as look-alikes it knows better, put back from what stands
// around them. Each fix swaps one character for one, so a line's characters keep their places.
//
// - A keyboard shortcut names its letter key as the key is labelled (Ctrl+S, Shift+Ctrl+Z).
//   The letters whose small and capital forms differ only in size (c o s u v w x z) carry no
//   case the recognizer can see once they stand alone after "+": it reads them small.
// - Its dictionary has no « (French, German, Russian quotes): it writes 《, the Chinese title
//   mark, and the » that closes it comes out as 》 or >. In a line of no CJK text they are
//   guillemets.
// - Nor has it ©: "Copyright © 2024" reads "Copyright @ 2024". An @ standing alone before a
//   year is the copyright sign (an address's @ stands between its words).
// - Code fonts with ligatures (Fira Code, JetBrains Mono, Cascadia Code) draw -> and => as one
//   arrow glyph, which the recognizer reads as → or ⇒, often with the arrow's head read again as
//   > (→>) or its shaft as - (-→). Set between two characters with no space (a member access,
//   a fat arrow, `$self->{key}`), the arrow is the two characters typed; prose sets its arrows
//   apart with spaces. Here one character may become two: the arrow's place holds both.
// - Monospaced fonts draw O, o and 0 nearly alike. A 0 between two letters of one case, in a
//   word with no other digit and not a hex number (a hash, an address), is the letter:
//   c0unt, VERSI0N.
import { isCjkLetter } from './script.js';

const modifiers = 'Ctrl|Control|Alt|AltGr|Shift|Cmd|Command|Super|Meta|Win|Opt|Option|Fn';
/** A size-only letter that is the whole key after a modifier and "+". */
const sizeOnlyKey = new RegExp(`(?<=\\b(?:${modifiers}) ?\\+ ?)[cosuvwxz](?![\\p{L}\\p{N}_])`, 'gu');
/** An @ alone before a year, at the line's start or after a space or "(". */
const copyrightAt = /(?<=^|[\s(])@(?= ?(?:19|20)\d\d\b)/gu;

/** A word's characters: letters, digits and the underscore of identifiers. */
const word = /[\p{L}\p{N}_]+/gu;

/** The characters typed for a ligature's arrow. */
const ligatureArrows: Record<string, string> = { '→': '->', '⇒': '=>' };

/**
 * The characters to put back: code point index -> the characters meant there (one, or two for
 * a ligature's arrow).
 */
export function lookalikeFixes(text: string): Map<number, string> {
  const fixes = new Map<number, string>();
  const chars = [...text];
  // Regex indices are in UTF-16 units; a line's characters are code points.
  const at = (unit: number) => [...text.slice(0, unit)].length;
  if (text.includes('+')) for (const m of text.matchAll(sizeOnlyKey)) fixes.set(at(m.index), m[0].toUpperCase());
  if (text.includes('@')) for (const m of text.matchAll(copyrightAt)) fixes.set(at(m.index), '©');
  if (text.includes('《') && !chars.some(isCjkLetter)) {
    let open = false;
    chars.forEach((c, i) => {
      // The closing mark: 》, or a > that ends a word after an opening one (not an arrow's).
      const closing =
        c === '》' || (c === '>' && !/[-=>]/.test(chars[i - 1] ?? '') && !/[\p{L}\p{N}]/u.test(chars[i + 1] ?? ''));
      if (c === '《') {
        fixes.set(i, '«');
        open = true;
      } else if (open && closing) {
        fixes.set(i, '»');
        open = false;
      }
    });
  }
  if (text.includes('0'))
    for (const m of text.matchAll(word)) {
      const letters = [...m[0]];
      if (letters.filter((c) => /\p{N}/u.test(c)).length !== 1 || /^[\p{N}a-fA-F_]+$/u.test(m[0])) continue;
      const i = letters.indexOf('0');
      const [before, after] = [letters[i - 1] ?? '', letters[i + 1] ?? ''];
      const start = at(m.index);
      if (/\p{Lu}/u.test(before) && /\p{Lu}/u.test(after)) fixes.set(start + i, 'O');
      else if (/\p{Ll}/u.test(before) && /\p{Ll}/u.test(after)) fixes.set(start + i, 'o');
    }
  if ((text.includes('→') || text.includes('⇒')) && !chars.some(isCjkLetter)) {
    chars.forEach((c, i) => {
      const typed = ligatureArrows[c];
      const [before, after] = [chars[i - 1] ?? ' ', chars[i + 1] ?? ' '];
      if (!typed || /\s/.test(before) || /\s/.test(after)) return;
      // The shaft or the head read twice stays, and the arrow gives the other character.
      if (before === typed[0]) fixes.set(i, typed[1]!);
      else if (after === typed[1]) fixes.set(i, typed[0]!);
      else fixes.set(i, typed);
    });
  }
  return fixes;
}
