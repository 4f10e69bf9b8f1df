import type { CompiledProblem } from './compiled';
import { randomBelow, type Random } from './random';

/**
 * Activity lists: precedence-feasible orders of all activities, the genome the
 * search works on (the serial generator turns one into a schedule). Scratch
 * buffers are kept between calls; nothing here allocates per list.
 */
export class ActivityLists {
  private readonly indegree: Int32Array;
  private readonly heap: Int32Array;
  private readonly taken: Uint8Array;
  private readonly position: Int32Array;
  private keys: Float64Array = new Float64Array(0);
  private size = 0;

  constructor(private readonly problem: CompiledProblem) {
    this.indegree = new Int32Array(problem.n);
    this.heap = new Int32Array(problem.n);
    this.taken = new Uint8Array(problem.n);
    this.position = new Int32Array(problem.n);
  }

  /**
   * The precedence-feasible list that always takes the eligible activity with
   * the smallest key (ties by index). `reverse` orders successors first, for
   * the backward pass.
   */
  fromKeys(keys: Float64Array, out: Int32Array, reverse = false): Int32Array {
    const p = this.problem;
    const n = p.n;
    const start = reverse ? p.predStart : p.succStart;
    const next = reverse ? p.pred : p.succ;
    const inStart = reverse ? p.succStart : p.predStart;
    const indegree = this.indegree;
    this.keys = keys;
    this.size = 0;
    for (let i = 0; i < n; i++) {
      indegree[i] = inStart[i + 1] - inStart[i];
      if (indegree[i] === 0) this.push(i);
    }
    for (let k = 0; k < n; k++) {
      const i = this.pop();
      out[k] = i;
      for (let e = start[i]; e < start[i + 1]; e++) if (--indegree[next[e]] === 0) this.push(next[e]);
    }
    return out;
  }

  private less(a: number, b: number): boolean {
    const keys = this.keys;
    return keys[a] < keys[b] || (keys[a] === keys[b] && a < b);
  }

  private push(i: number): void {
    const heap = this.heap;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.less(i, heap[parent])) break;
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = i;
  }

  private pop(): number {
    const heap = this.heap;
    const top = heap[0];
    const last = heap[--this.size];
    const size = this.size;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && this.less(heap[child + 1], heap[child])) child++;
      if (!this.less(heap[child], last)) break;
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = last;
    return top;
  }

  /**
   * Hartmann's two-point crossover: the first `cut1` from the mother, then the
   * father's order of what is left up to `cut2`, then the mother's of the rest.
   * Both parents are precedence-feasible, so the child is.
   */
  crossover(mother: Int32Array, father: Int32Array, random: Random, child: Int32Array): Int32Array {
    const n = mother.length;
    const taken = this.taken;
    taken.fill(0);
    const cut1 = randomBelow(random, n + 1);
    const cut2 = cut1 + randomBelow(random, n - cut1 + 1);
    let k = 0;
    for (; k < cut1; k++) taken[(child[k] = mother[k])] = 1;
    for (let f = 0; k < cut2; f++) if (!taken[father[f]]) taken[(child[k++] = father[f])] = 1;
    for (let m = 0; k < n; m++) if (!taken[mother[m]]) taken[(child[k++] = mother[m])] = 1;
    return child;
  }

  /** Shift mutation: moves each activity with probability `rate` to a random place between its last predecessor and first successor. */
  mutate(list: Int32Array, rate: number, random: Random): void {
    const p = this.problem;
    const n = list.length;
    const position = this.position;
    for (let k = 0; k < n; k++) position[list[k]] = k;
    for (let k = 0; k < n; k++) {
      if (random() >= rate) continue;
      const j = list[k];
      let low = 0;
      let high = n - 1;
      for (let e = p.predStart[j]; e < p.predStart[j + 1]; e++) low = Math.max(low, position[p.pred[e]] + 1);
      for (let e = p.succStart[j]; e < p.succStart[j + 1]; e++) high = Math.min(high, position[p.succ[e]] - 1);
      const to = low + randomBelow(random, high - low + 1);
      if (to === k) continue;
      this.move(list, k, to);
    }
  }

  /** Moves the activity at `from` to `to`, shifting the ones between. */
  move(list: Int32Array, from: number, to: number): void {
    const position = this.position;
    const j = list[from];
    if (to < from) for (let k = from; k > to; k--) position[(list[k] = list[k - 1])] = k;
    else for (let k = from; k < to; k++) position[(list[k] = list[k + 1])] = k;
    list[to] = j;
    position[j] = to;
  }
}
