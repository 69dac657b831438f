// A seeded random source: the corpus is the same on every machine that has the same packages.
import { createHash } from 'node:crypto';

export class Random {
  private state: number;
  constructor(seed: number | string) {
    this.state = typeof seed === 'number' ? seed >>> 0 : createHash('sha1').update(seed).digest().readUInt32LE(0);
  }
  /** mulberry32: small, fast, and good enough to spread choices evenly. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('nothing to pick from');
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Which split a named source or font belongs to: about one in three is held out. */
export function isHeldOut(name: string): boolean {
  return createHash('sha1').update(name).digest().readUInt8(0) % 3 === 0;
}
