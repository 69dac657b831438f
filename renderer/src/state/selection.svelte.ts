// The overlay's selection, in DIP of the display: drawn by dragging, resized by its handles,
// moved by dragging inside, nudged by the arrow keys. Always kept inside the display.

export interface Point {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export type Handle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';
type Drag =
  | { kind: 'draw'; from: Point }
  | { kind: 'move'; from: Point; start: Rect }
  | { kind: 'resize'; handle: Handle; start: Rect };

export class Selection {
  rect = $state<Rect | null>(null);
  private drag = $state<Drag | null>(null);

  constructor(
    private width: number,
    private height: number,
  ) {}

  setBounds(width: number, height: number): void {
    this.width = width;
    this.height = height;
  }

  get dragging(): boolean {
    return this.drag !== null;
  }

  /** A press on the backdrop starts a new selection; inside the selection, a move. */
  press(point: Point, handle?: Handle): void {
    const p = this.clampPoint(point);
    if (handle && this.rect) this.drag = { kind: 'resize', handle, start: { ...this.rect } };
    else if (this.rect && contains(this.rect, p)) this.drag = { kind: 'move', from: p, start: { ...this.rect } };
    else {
      this.drag = { kind: 'draw', from: p };
      this.rect = { x: p.x, y: p.y, width: 0, height: 0 };
    }
  }

  moveTo(point: Point): void {
    const drag = this.drag;
    if (!drag) return;
    const p = this.clampPoint(point);
    if (drag.kind === 'draw') this.rect = spanning(drag.from, p);
    else if (drag.kind === 'move')
      this.rect = this.clampRect({
        ...drag.start,
        x: drag.start.x + p.x - drag.from.x,
        y: drag.start.y + p.y - drag.from.y,
      });
    else this.rect = resized(drag.start, drag.handle, p);
  }

  release(): void {
    this.drag = null;
    // A click without a drag selects nothing.
    if (this.rect && (this.rect.width < 2 || this.rect.height < 2)) this.rect = null;
  }

  /** Arrow keys: move by 1 DIP, or 10 with Shift; with Alt, grow or shrink instead. */
  nudge(dx: number, dy: number, resize = false): void {
    if (!this.rect) return;
    const r = this.rect;
    this.rect = resize
      ? this.clampRect({ ...r, width: Math.max(2, r.width + dx), height: Math.max(2, r.height + dy) })
      : this.clampRect({ ...r, x: r.x + dx, y: r.y + dy });
  }

  selectAll(): void {
    this.rect = { x: 0, y: 0, width: this.width, height: this.height };
  }

  private clampPoint(p: Point): Point {
    return { x: Math.min(this.width, Math.max(0, p.x)), y: Math.min(this.height, Math.max(0, p.y)) };
  }

  private clampRect(r: Rect): Rect {
    const width = Math.min(r.width, this.width);
    const height = Math.min(r.height, this.height);
    return {
      x: Math.min(this.width - width, Math.max(0, r.x)),
      y: Math.min(this.height - height, Math.max(0, r.y)),
      width,
      height,
    };
  }
}

function contains(r: Rect, p: Point): boolean {
  return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
}

function spanning(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

function resized(start: Rect, handle: Handle, p: Point): Rect {
  let left = start.x;
  let top = start.y;
  let right = start.x + start.width;
  let bottom = start.y + start.height;
  if (handle.includes('w')) left = p.x;
  if (handle.includes('e')) right = p.x;
  if (handle.includes('n')) top = p.y;
  if (handle.includes('s')) bottom = p.y;
  return spanning({ x: left, y: top }, { x: right, y: bottom });
}
