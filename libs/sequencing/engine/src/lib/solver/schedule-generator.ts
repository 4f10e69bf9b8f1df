import type { CompiledProblem } from './compiled';

/**
 * Serial schedule generation, forwards and backwards, against every constraint
 * of the problem: precedence with lags, releases, time-varying capacity (the
 * last entry extends forever), blackout windows and the per-period budget.
 *
 * Remaining capacity lives in one period-major Float64Array (`free[t·R + r]`)
 * that grows on demand; only the periods a pass touched are reset before the
 * next one, so a pass costs what it schedules, not the length of the horizon.
 */
export class ScheduleGenerator {
  private periods = 0;
  private base = new Float64Array(0);
  private free = new Float64Array(0);
  /** Periods [low, high) may differ from `base`. */
  private low = 0;
  private high = 0;
  private readonly spent: Float64Array;

  constructor(private readonly problem: CompiledProblem) {
    let longest = 1;
    for (const capacity of problem.capacity) longest = Math.max(longest, capacity.length);
    this.spent = new Float64Array(problem.budgetLimits.length);
    this.grow(2 * longest + 64);
  }

  /**
   * Starts each activity of `list` (precedence-feasible: predecessors first) at
   * its earliest feasible period — not before `notBefore[j]` when given.
   * Returns the objective of the schedule.
   */
  forward(list: Int32Array, starts: Int32Array, notBefore?: Int32Array): number {
    const p = this.problem;
    this.reset();
    let makespan = 0;
    let weighted = 0;
    // What is under way holds its place first; everything else fits around it.
    for (let k = 0; k < p.fixedOrder.length; k++) {
      const j = p.fixedOrder[k];
      const t = p.release[j];
      if (p.duration[j] > 0) this.place(j, t);
      starts[j] = t;
    }
    for (let k = 0; k < list.length; k++) {
      const j = list[k];
      if (p.fixed[j]) {
        const finish = starts[j] + p.duration[j];
        if (finish > makespan) makespan = finish;
        weighted += p.weight[j] * finish;
        if (finish > p.deadline[j]) weighted += p.penalty * (finish - p.deadline[j]);
        continue;
      }
      let t = notBefore && notBefore[j] > p.release[j] ? notBefore[j] : p.release[j];
      for (let e = p.predStart[j]; e < p.predStart[j + 1]; e++) {
        const i = p.pred[e];
        const ready = starts[i] + p.duration[i] + p.predLag[e];
        if (ready > t) t = ready;
      }
      const d = p.duration[j];
      if (d > 0) {
        t = this.earliestFit(j, t);
        this.place(j, t);
      }
      starts[j] = t;
      const finish = t + d;
      if (finish > makespan) makespan = finish;
      weighted += p.weight[j] * finish;
      if (finish > p.deadline[j]) weighted += p.penalty * (finish - p.deadline[j]);
    }
    return p.makespanObjective ? makespan : weighted;
  }

  /**
   * Finishes each activity of `order` (successors first) as late as possible,
   * by `end` at the latest. Fails (returns false) when an activity would have
   * to start before its release or period 0.
   */
  backward(order: Int32Array, end: number, starts: Int32Array): boolean {
    const p = this.problem;
    this.reset();
    this.ensure(end);
    for (let k = 0; k < p.fixedOrder.length; k++) {
      const j = p.fixedOrder[k];
      if (p.release[j] + p.duration[j] > end) return false;
      if (p.duration[j] > 0) this.place(j, p.release[j]);
    }
    for (let k = 0; k < order.length; k++) {
      const j = order[k];
      let latestFinish = end;
      for (let e = p.succStart[j]; e < p.succStart[j + 1]; e++) {
        const limit = starts[p.succ[e]] - p.succLag[e];
        if (limit < latestFinish) latestFinish = limit;
      }
      const d = p.duration[j];
      if (p.fixed[j]) {
        // Placed already: its successors must still follow it.
        if (p.release[j] + d > latestFinish) return false;
        starts[j] = p.release[j];
        continue;
      }
      let t = latestFinish - d;
      if (d > 0) t = this.latestFit(j, t);
      if (t < p.release[j]) return false;
      if (d > 0) this.place(j, t);
      starts[j] = t;
    }
    return true;
  }

  /** Earliest start of each activity from releases, lags, blackouts and its fit alone in the empty capacity and budget: a lower bound for every schedule. */
  isolatedEarliestStarts(): Int32Array {
    const p = this.problem;
    this.reset();
    const starts = new Int32Array(p.n);
    for (const j of p.topological) {
      let t = p.release[j];
      for (let e = p.predStart[j]; e < p.predStart[j + 1]; e++) t = Math.max(t, starts[p.pred[e]] + p.duration[p.pred[e]] + p.predLag[e]);
      starts[j] = p.duration[j] > 0 && !p.fixed[j] ? this.earliestFit(j, t) : t;
    }
    return starts;
  }

  /** The earliest t ≥ from at which activity j fits; jumps past each conflict rather than stepping. */
  private earliestFit(j: number, from: number): number {
    const p = this.problem;
    const R = p.resourceCount;
    const d = p.duration[j];
    const b0 = p.blackoutStart[j];
    const b1 = p.blackoutStart[j + 1];
    const r0 = p.demandStart[j];
    const r1 = p.demandStart[j + 1];
    const cost = p.cost[j];
    const quarters = p.budgetLimits.length;
    let t = from;
    for (;;) {
      for (let b = b0; b < b1; b++) if (t < p.blackoutTo[b] && t + d > p.blackoutFrom[b]) t = p.blackoutTo[b];
      if (cost > 0 && quarters > 0) {
        let moved = false;
        const last = Math.min(this.budgetPeriodAt(t + d - 1), quarters - 1);
        for (let q = this.budgetPeriodAt(t); q <= last; q++) {
          const qStart = p.budgetBounds[q];
          const qEnd = p.budgetBounds[q + 1];
          const overlap = Math.min(t + d, qEnd) - Math.max(t, qStart);
          const room = p.budgetLimits[q] - this.spent[q];
          if (cost * overlap > room) {
            // Overlap only shrinks once the start passes qEnd − (periods the room affords).
            t = Math.max(t + 1, qEnd - Math.max(0, Math.floor(room / cost)));
            moved = true;
            break;
          }
        }
        if (moved) continue;
      }
      if (t + d > this.periods) this.grow(t + d);
      const free = this.free;
      let conflict = -1;
      for (let e = r0; e < r1; e++) {
        const r = p.demandResource[e];
        const units = p.demandAmount[e];
        for (let u = t + d - 1; u >= t && u > conflict; u--) {
          if (free[u * R + r] < units) {
            conflict = u;
            break;
          }
        }
      }
      if (conflict < 0) return t;
      t = conflict + 1;
    }
  }

  /** The latest t ≤ from at which activity j fits, or a value below its release if none. */
  private latestFit(j: number, from: number): number {
    const p = this.problem;
    const R = p.resourceCount;
    const d = p.duration[j];
    const lowest = p.release[j];
    const b0 = p.blackoutStart[j];
    const b1 = p.blackoutStart[j + 1];
    const r0 = p.demandStart[j];
    const r1 = p.demandStart[j + 1];
    const cost = p.cost[j];
    const quarters = p.budgetLimits.length;
    const free = this.free;
    let t = from;
    for (;;) {
      if (t < lowest) return t;
      for (let b = b1 - 1; b >= b0; b--) if (t < p.blackoutTo[b] && t + d > p.blackoutFrom[b]) t = p.blackoutFrom[b] - d;
      if (t < lowest) return t;
      if (cost > 0 && quarters > 0) {
        let moved = false;
        const first = this.budgetPeriodAt(t);
        for (let q = Math.min(this.budgetPeriodAt(t + d - 1), quarters - 1); q >= first; q--) {
          const qStart = p.budgetBounds[q];
          const overlap = Math.min(t + d, p.budgetBounds[q + 1]) - Math.max(t, qStart);
          const room = p.budgetLimits[q] - this.spent[q];
          if (cost * overlap > room) {
            t = Math.min(t - 1, qStart + Math.max(0, Math.floor(room / cost)) - d);
            moved = true;
            break;
          }
        }
        if (moved) continue;
      }
      let conflict = Infinity;
      for (let e = r0; e < r1; e++) {
        const r = p.demandResource[e];
        const units = p.demandAmount[e];
        for (let u = t; u < t + d && u < conflict; u++) {
          if (free[u * R + r] < units) {
            conflict = u;
            break;
          }
        }
      }
      if (conflict === Infinity) return t;
      t = conflict - d;
    }
  }

  /** Takes activity j's demand and cost over [t, t + duration). */
  private place(j: number, t: number): void {
    const p = this.problem;
    const R = p.resourceCount;
    const d = p.duration[j];
    // A wave under way is placed where it runs, which may reach past every period checked so far.
    this.ensure(t + d);
    const free = this.free;
    for (let e = p.demandStart[j]; e < p.demandStart[j + 1]; e++) {
      const r = p.demandResource[e];
      const units = p.demandAmount[e];
      for (let u = t; u < t + d; u++) free[u * R + r] -= units;
    }
    if (t < this.low) this.low = t;
    if (t + d > this.high) this.high = t + d;
    const cost = p.cost[j];
    const quarters = p.budgetLimits.length;
    if (cost > 0 && quarters > 0) {
      const last = Math.min(this.budgetPeriodAt(t + d - 1), quarters - 1);
      for (let q = this.budgetPeriodAt(t); q <= last; q++) {
        this.spent[q] += cost * (Math.min(t + d, p.budgetBounds[q + 1]) - Math.max(t, p.budgetBounds[q]));
      }
    }
  }

  /** The budget period of period `t`: the number of budget periods past the last one. */
  private budgetPeriodAt(t: number): number {
    const p = this.problem;
    if (t < 0) return -1;
    return t >= p.budgetPeriodOf.length ? p.budgetLimits.length : p.budgetPeriodOf[t];
  }

  private reset(): void {
    const R = this.problem.resourceCount;
    if (this.high > this.low) this.free.set(this.base.subarray(this.low * R, this.high * R), this.low * R);
    this.low = this.periods;
    this.high = 0;
    this.spent.fill(0);
  }

  private ensure(periods: number): void {
    if (periods > this.periods) this.grow(periods);
  }

  private grow(periods: number): void {
    const R = this.problem.resourceCount;
    const length = Math.max(periods, 2 * this.periods);
    const base = new Float64Array(length * R);
    this.problem.capacity.forEach((capacity, r) => {
      const tail = capacity[capacity.length - 1];
      for (let t = 0; t < length; t++) base[t * R + r] = t < capacity.length ? capacity[t] : tail;
    });
    const free = base.slice();
    free.set(this.free);
    this.base = base;
    this.free = free;
    if (this.low === this.periods) this.low = length;
    this.periods = length;
  }
}
