// Filling in what the recognizer cannot know from a second reading of the same line.
//
// The PP-OCRv4 dictionary lacks about a fifth of the commonest Traditional characters (說 儲
// 認 擇 檢 帳 沒 從 ...): the recognizer drops them or writes a look-alike it knows (导 for
// 尋, 爽 for 夾), and reads every other character of the line better than Tesseract does.
// So neither reading wins whole: the two are aligned, and Tesseract's character is taken
// exactly where the recognizer could not have written it, being absent from its dictionary.
import type { RecognizedChar, RecognizedText } from './recognizer.js';

/** Characters compared as equal when aligning: full-width and ASCII punctuation, as NFKC folds them. */
const fold = (char: string) => char.normalize('NFKC');

/**
 * `first` with the characters of `second` it could not have read put in: a substitution where
 * `second`'s character is unknown to the first reader, an insertion where `second` has an
 * unknown character `first` dropped, or any character where `first` left a stretch unread
 * (`unreadBetween`: the recognizer drops the odd character it knows, too). Everything else
 * stays `first`'s, with its places; an inserted character takes the room between its
 * neighbours. `score` is given to the new ones.
 */
export function fillUnknownCharacters(
  first: RecognizedText,
  second: string,
  knows: (char: string) => boolean,
  score: number,
  unreadBetween: (before: RecognizedChar, after: RecognizedChar) => boolean = () => false,
): RecognizedText {
  const a = first.chars;
  const b = [...second].filter((c) => c.trim());
  const steps = align(
    a.map((c) => fold(c.char)),
    b.map(fold),
  );
  const chars: RecognizedChar[] = [];
  let changed = false;
  for (const step of steps) {
    if (step.kind === 'keep') {
      const own = a[step.i]!;
      const other = b[step.j]!;
      const unknown = fold(own.char) !== fold(other) && !knows(other);
      chars.push(unknown ? { ...own, char: other, score } : own);
      changed ||= unknown;
    } else if (step.kind === 'drop') {
      chars.push(a[step.i]!);
    } else {
      // Between the character before (or the line's start) and the next of `first` (or its end).
      const before = chars[chars.length - 1];
      const after = a[step.nextI];
      if (knows(b[step.j]!) && !(before && after && unreadBetween(before, after))) continue;
      const start = before?.end ?? Math.max(0, (after?.start ?? 1) - 0.02);
      const end = after?.start ?? Math.min(1, start + 0.02);
      chars.push({
        char: b[step.j]!,
        score,
        start,
        end: Math.max(start, end),
        firstStep: before?.lastStep ?? after?.firstStep ?? 0,
        lastStep: after?.firstStep ?? before?.lastStep ?? 0,
      });
      changed = true;
    }
  }
  if (!changed) return first;
  return {
    text: chars.map((c) => c.char).join(''),
    score: chars.reduce((s, c) => s + c.score, 0) / Math.max(1, chars.length),
    chars,
  };
}

type AlignmentStep =
  /** a[i] against b[j]: equal, or one written for the other. */
  | { kind: 'keep'; i: number; j: number }
  /** a[i] with nothing in b. */
  | { kind: 'drop'; i: number }
  /** b[j] with nothing in a, before a[nextI]. */
  | { kind: 'insert'; j: number; nextI: number };

/** A least-edits alignment of two sequences (Levenshtein, traced back). */
function align(a: readonly string[], b: readonly string[]): AlignmentStep[] {
  const width = b.length + 1;
  const cost = new Uint32Array((a.length + 1) * width);
  for (let j = 0; j <= b.length; j++) cost[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cost[i * width] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitute = cost[(i - 1) * width + j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      cost[i * width + j] = Math.min(substitute, cost[(i - 1) * width + j]! + 1, cost[i * width + j - 1]! + 1);
    }
  }
  const steps: AlignmentStep[] = [];
  let i = a.length,
    j = b.length;
  while (i > 0 || j > 0) {
    const here = cost[i * width + j]!;
    if (i > 0 && j > 0 && here === cost[(i - 1) * width + j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)) {
      steps.push({ kind: 'keep', i: --i, j: --j });
    } else if (i > 0 && here === cost[(i - 1) * width + j]! + 1) {
      steps.push({ kind: 'drop', i: --i });
    } else {
      steps.push({ kind: 'insert', j: --j, nextI: i });
    }
  }
  return steps.reverse();
}

/** Edits between two readings, spaces left out and punctuation folded: how far apart they are. */
export function readingDistance(a: string, b: string): number {
  const x = [...a].filter((c) => c.trim()).map(fold);
  const y = [...b].filter((c) => c.trim()).map(fold);
  return align(x, y).filter((s) => s.kind !== 'keep' || x[s.i] !== y[s.j]).length;
}
