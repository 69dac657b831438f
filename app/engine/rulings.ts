// Ruling lines: the thin straight strokes that draw a table's grid. They are pixels, not text,
// so the detector does not see them; table mode needs them to know where cells begin and end.

export interface RulingConfig {
  /** A pixel is ink when its luma differs from the background's by more than this. */
  contrast: number;
  /** Thickest stroke (px) that is a line; a thicker dark band is a filled area, not a ruling. */
  maxThickness: number;
  /** Shortest horizontal ruling (px): longer than any stroke of a letter. */
  minHorizontal: number;
  /** Shortest vertical ruling (px); vertical strokes of letters are told apart by touching no horizontal ruling. */
  minVertical: number;
  /** Hole (px) bridged along a ruling, for strokes drawn a little unevenly. More joins the letters of bold text. */
  maxGap: number;
}

export interface Ruling {
  /** The middle row (horizontal) or column (vertical) of the stroke. */
  position: number;
  /** First and last pixel along the stroke. */
  start: number;
  end: number;
  thickness: number;
}

export interface Rulings {
  horizontal: Ruling[];
  vertical: Ruling[];
}

interface Run {
  start: number;
  end: number;
}

/**
 * The horizontal and vertical rulings of a grayscale image whose background has luma
 * `background`. Runs of ink along each row (column) long enough to be no letter are stacked
 * over neighbouring rows (columns) into strokes; strokes thicker than `maxThickness` are areas.
 */
export function findRulings(
  gray: Uint8Array,
  width: number,
  height: number,
  background: number,
  config: RulingConfig,
): Rulings {
  const ink = (i: number) => Math.abs(gray[i]! - background) > config.contrast;
  const horizontal = stack(
    height,
    (y) => runs(width, (x) => ink(y * width + x), config.minHorizontal, config.maxGap),
    config,
  );
  const vertical = stack(
    width,
    (x) => runs(height, (y) => ink(y * width + x), config.minVertical, config.maxGap),
    config,
  );
  return { horizontal, vertical };
}

/** Runs of `isInk` along one row or column, holes up to `maxGap` bridged, at least `minLength` long. */
function runs(length: number, isInk: (i: number) => boolean, minLength: number, maxGap: number): Run[] {
  const out: Run[] = [];
  let start = -1;
  let lastInk = -1;
  for (let i = 0; i <= length; i++) {
    const on = i < length && isInk(i);
    if (on) {
      if (start < 0) start = i;
      else if (i - lastInk - 1 > maxGap) {
        if (lastInk - start + 1 >= minLength) out.push({ start, end: lastInk });
        start = i;
      }
      lastInk = i;
    }
  }
  if (start >= 0 && lastInk - start + 1 >= minLength) out.push({ start, end: lastInk });
  return out;
}

/** Runs of neighbouring lines that overlap become one stroke; strokes thicker than the limit are dropped. */
function stack(lines: number, runsOf: (line: number) => Run[], config: RulingConfig): Ruling[] {
  interface Stroke {
    first: number;
    last: number;
    start: number;
    end: number;
  }
  const done: Stroke[] = [];
  let open: Stroke[] = [];
  for (let line = 0; line <= lines; line++) {
    const found = line < lines ? runsOf(line) : [];
    const next: Stroke[] = [];
    for (const run of found) {
      const joined = open.find(
        (s) =>
          s.last === line - 1 &&
          Math.min(s.end, run.end) - Math.max(s.start, run.start) >=
            0.5 * Math.min(s.end - s.start, run.end - run.start),
      );
      if (joined) {
        joined.last = line;
        joined.start = Math.min(joined.start, run.start);
        joined.end = Math.max(joined.end, run.end);
        if (!next.includes(joined)) next.push(joined);
      } else {
        next.push({ first: line, last: line, start: run.start, end: run.end });
      }
    }
    for (const s of open) if (!next.includes(s)) done.push(s);
    open = next;
  }
  return done
    .filter((s) => s.last - s.first + 1 <= config.maxThickness)
    .map((s) => ({ position: (s.first + s.last) / 2, start: s.start, end: s.end, thickness: s.last - s.first + 1 }))
    .sort((a, b) => a.position - b.position || a.start - b.start);
}
