// Ground truth as the page itself lays it out: the visual lines of every `data-gt` element,
// found from each character's box, so wrapping, columns and justification are what Chromium
// drew, not what the generator assumed.

export interface MeasuredLine {
  text: string;
  /** [left, top, width, height] in CSS pixels relative to `#shot`. */
  box: [number, number, number, number];
}

/**
 * Runs in the page (passed to `page.evaluate`): must not reference anything outside itself.
 * A new line starts where a character sits below the current line or steps back to the left
 * (a wrapped line, or the next column).
 */
export function measureLinesInPage(): MeasuredLine[] {
  const shot = document.getElementById('shot')!.getBoundingClientRect();
  const out: MeasuredLine[] = [];
  for (const element of Array.from(document.querySelectorAll('[data-gt]'))) {
    let line: { text: string; left: number; top: number; right: number; bottom: number } | null = null;
    let pendingSpace = false;
    const flush = () => {
      if (line && line.text.trim())
        out.push({
          text: line.text.trim(),
          box: [line.left - shot.left, line.top - shot.top, line.right - line.left, line.bottom - line.top],
        });
      line = null;
    };
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      let i = 0;
      for (const ch of text) {
        const length = ch.length;
        if (/\s|\u200b/.test(ch)) {
          pendingSpace = true;
          i += length;
          continue;
        }
        range.setStart(node, i);
        range.setEnd(node, i + length);
        i += length;
        const r = range.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const current = line as { text: string; left: number; top: number; right: number; bottom: number } | null;
        const middle = (r.top + r.bottom) / 2;
        const sameLine = current && middle > current.top && middle < current.bottom && r.left > current.right - r.width;
        if (!sameLine) {
          flush();
          line = { text: ch, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        } else {
          current!.text += (pendingSpace ? ' ' : '') + ch;
          current!.left = Math.min(current!.left, r.left);
          current!.top = Math.min(current!.top, r.top);
          current!.right = Math.max(current!.right, r.right);
          current!.bottom = Math.max(current!.bottom, r.bottom);
        }
        pendingSpace = false;
      }
    }
    flush();
  }
  return out;
}
