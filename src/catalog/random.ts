/**
 * Deterministic random numbers for the demo generators: one seeded stream per label, so the same
 * seed always gives the same output and adding a stream does not change the others.
 */

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, to derive one independent stream per label. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  uniform(lo: number, hi: number): number;
  /** Normal with mean 0 (Box–Muller). */
  normal(sd: number): number;
}

/** The stream of `label` under `seed`. */
export function rngFor(seed: number, label: string): Rng {
  const next = mulberry32(hash32(`${seed >>> 0}:${label}`));
  return {
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal: (sd) => {
      const u = Math.max(next(), 1e-12);
      const v = next();
      return sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
