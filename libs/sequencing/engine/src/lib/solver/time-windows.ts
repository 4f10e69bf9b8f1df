import type { CompiledProblem } from './compiled';

/** Earliest starts from releases and lags alone (unlimited capacity, no blackouts): the critical-path forward pass. */
export function criticalPathStarts(p: CompiledProblem): Int32Array {
  const starts = new Int32Array(p.n);
  for (const j of p.topological) {
    let t = p.release[j];
    for (let e = p.predStart[j]; e < p.predStart[j + 1]; e++) t = Math.max(t, starts[p.pred[e]] + p.duration[p.pred[e]] + p.predLag[e]);
    starts[j] = t;
  }
  return starts;
}

/** Latest finishes that keep every activity's successors within `end` (`end` per activity, or +Infinity for none), the backward pass. */
export function latestFinishes(p: CompiledProblem, end: (j: number) => number): Float64Array {
  const finishes = new Float64Array(p.n);
  for (let k = p.n - 1; k >= 0; k--) {
    const j = p.topological[k];
    let f = end(j);
    for (let e = p.succStart[j]; e < p.succStart[j + 1]; e++) f = Math.min(f, finishes[p.succ[e]] - p.duration[p.succ[e]] - p.succLag[e]);
    finishes[j] = f;
  }
  return finishes;
}

/** Longest path from each activity's start to the end of everything after it, its own duration included. */
export function tailLengths(p: CompiledProblem): Float64Array {
  const tails = new Float64Array(p.n);
  for (let k = p.n - 1; k >= 0; k--) {
    const j = p.topological[k];
    let tail = p.duration[j];
    for (let e = p.succStart[j]; e < p.succStart[j + 1]; e++) tail = Math.max(tail, p.duration[j] + p.succLag[e] + tails[p.succ[e]]);
    tails[j] = tail;
  }
  return tails;
}

/** The weight an activity holds up: its own plus everything after it (shared descendants count once per path, a heuristic). */
export function weightHeldUp(p: CompiledProblem): Float64Array {
  const held = new Float64Array(p.n);
  for (let k = p.n - 1; k >= 0; k--) {
    const j = p.topological[k];
    let total = p.weight[j];
    for (let e = p.succStart[j]; e < p.succStart[j + 1]; e++) total += held[p.succ[e]];
    held[j] = Math.min(total, 1e12);
  }
  return held;
}

/**
 * Capacity-time an activity and everything after it use, each period of a
 * unit counted as its share of the resource's tail capacity; a tiny share of
 * the duration keeps resource-free work from counting as nothing.
 */
export function workHeldUp(p: CompiledProblem): Float64Array {
  const held = new Float64Array(p.n);
  for (let k = p.n - 1; k >= 0; k--) {
    const j = p.topological[k];
    let total = 1e-3 * Math.max(1, p.duration[j]);
    for (let e = p.demandStart[j]; e < p.demandStart[j + 1]; e++) {
      const capacity = p.capacity[p.demandResource[e]];
      total += (p.duration[j] * p.demandAmount[e]) / Math.max(1, capacity[capacity.length - 1]);
    }
    for (let e = p.succStart[j]; e < p.succStart[j + 1]; e++) total += held[p.succ[e]];
    held[j] = total;
  }
  return held;
}
