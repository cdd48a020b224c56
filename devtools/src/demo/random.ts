/**
 * Seeded pseudo-random numbers for the demo generator: sfc32 (Chris Doty-Humphrey's Small
 * Fast Counting generator, 128-bit state, passes PractRand), seeded through a 32-bit integer
 * hash so that every (seed, domain, index) triple gets its own independent stream. Households
 * use stream (seed, HOUSEHOLDS, household index), so a household's content never depends on
 * how the walk is batched.
 */

/** A good 32-bit integer mix (lowbias32 by Chris Wellons). */
export function hash32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hashes four integers into one 32-bit value. */
export function hashInts(a: number, b: number, c: number, d: number): number {
  let h = hash32((0x9e3779b9 ^ hash32(a | 0)) + 0x6d2b79f5);
  h = hash32((h ^ hash32(b | 0)) + 0x6d2b79f5);
  h = hash32((h ^ hash32(c | 0)) + 0x6d2b79f5);
  return hash32((h ^ hash32(d | 0)) + 0x6d2b79f5);
}

/** Stream domains: one per table family, so adding draws to one never shifts another. */
export const Domain = {
  HOUSEHOLDS: 1,
  DIVISIONS: 2,
  EMPLOYERS: 3,
  POSTINGS: 4,
  FAIRS: 5,
  WELFARE_POSTS: 6,
  RELOCATION: 7,
  CADRES: 8,
  TRAINING: 9,
  PARTNER: 10,
  BATCHES: 11,
  ESTIMATE: 12,
} as const;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, domain: number = 0, index: number = 0) {
    this.a = hashInts(seed, domain, index, 1);
    this.b = hashInts(seed, domain, index, 2);
    this.c = hashInts(seed, domain, index, 3);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max] (inclusive). */
  range(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)];
  }

  /** Triangular-ish in [min, max], peaked in the middle (mean of two uniforms). */
  mid(min: number, max: number): number {
    return min + ((this.next() + this.next()) / 2) * (max - min);
  }

  /** Index drawn from (unnormalised) weights. */
  weightedIndex(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i];
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T>(values: T[]): T[] {
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
    return values;
  }
}

/** A precomputed weighted table: O(log n) draws. */
export class Weighted<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly values: readonly T[],
    weights: readonly number[],
  ) {
    if (values.length !== weights.length || values.length === 0) throw new Error('Weighted: values and weights differ');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i];
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  /** From a { value: weight } record (insertion order). */
  static of<K extends string | number>(table: Partial<Record<K, number>>): Weighted<K> {
    const keys = Object.keys(table) as K[];
    return new Weighted(
      keys,
      keys.map((k) => table[k] ?? 0),
    );
  }

  pick(rng: Rng): T {
    const r = rng.next() * this.total;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }
}

/** Rounds to a multiple of `step`. */
export function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

/** Zero-padded decimal. */
export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
