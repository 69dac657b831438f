// Large typed arrays lent and given back instead of allocated on every call. The first write
// to fresh memory costs a page fault per 4 KiB, and on a virtual machine a fault is dear:
// measured on the 2-core bench machine, filling a fresh 24 MB Float32Array took 74 ms and
// filling it again 1 ms. Detection's input and labels, the recognizer's batches and the code
// scanner's RGBA copy are that size and made anew for every strip, batch and capture, so they
// come from here.

interface TypedArrayKind<T> {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** How many given-back buffers a pool keeps (the largest): a strip, a batch, one more in flight. */
const KEPT = 3;

export class ScratchPool<T extends Float32Array | Int32Array | Uint8ClampedArray> {
  private readonly free: ArrayBuffer[] = [];

  constructor(private readonly kind: TypedArrayKind<T>) {}

  /**
   * An array of `length` elements, holding whatever its last borrower left: the caller writes
   * every element it reads. Lent to one borrower at a time, so concurrent calls are safe.
   */
  take(length: number): T {
    const bytes = length * this.kind.BYTES_PER_ELEMENT;
    const i = this.free.findIndex((buffer) => buffer.byteLength >= bytes);
    const buffer = i >= 0 ? this.free.splice(i, 1)[0]! : new ArrayBuffer(bytes);
    return new this.kind(buffer, 0, length);
  }

  give(array: T): void {
    this.free.push(array.buffer as ArrayBuffer);
    // the smallest go first: a buffer large enough for the next strip is the one worth keeping
    this.free.sort((a, b) => a.byteLength - b.byteLength);
    if (this.free.length > KEPT) this.free.shift();
  }

  /** `use` with an array of `length` elements, given back when it settles. */
  async lend<R>(length: number, use: (array: T) => Promise<R> | R): Promise<R> {
    const array = this.take(length);
    try {
      return await use(array);
    } finally {
      this.give(array);
    }
  }
}
