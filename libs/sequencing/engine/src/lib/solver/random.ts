/** A seeded generator of floats in [0, 1): every random choice of the search comes from one, so a run is reproducible. */
export type Random = () => number;

/** mulberry32: tiny, fast and good enough for search decisions (not for anything secret). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). */
export function randomBelow(random: Random, n: number): number {
  return Math.floor(random() * n);
}
