import type { ActivityLists } from './activity-list';
import type { CompiledProblem } from './compiled';
import type { ScheduleGenerator } from './schedule-generator';
import type { SearchState } from './search-state';

/**
 * Turns activity lists into schedules, optionally with double justification
 * (Valls et al.): shift every activity as late as the schedule's end allows
 * (latest finish first), then as early as possible again in the order of
 * those late starts. That closes gaps a plain pass leaves; with blackouts,
 * budgets and varying capacity the late pass can fail or the result be worse,
 * so it is kept only when its (fully forward-generated) schedule is at least
 * as good.
 */
export class Evaluator {
  /** Starts and content hash of the schedule of the last `evaluate`. */
  starts: Int32Array;
  hash = 0;
  private spare: Int32Array;
  private readonly late: Int32Array;
  private readonly order: Int32Array;
  private readonly justified: Int32Array;
  private readonly keys: Float64Array;
  /** For `polish`: whether it applies, and its working arrays. */
  private readonly polishes: boolean;
  private readonly polishList: Int32Array;
  private readonly notBefore: Int32Array;
  private readonly trial: Int32Array;

  constructor(
    private readonly problem: CompiledProblem,
    private readonly generator: ScheduleGenerator,
    private readonly lists: ActivityLists,
    private readonly state: SearchState,
  ) {
    const n = problem.n;
    this.starts = new Int32Array(n);
    this.spare = new Int32Array(n);
    this.late = new Int32Array(n);
    this.order = new Int32Array(n);
    this.justified = new Int32Array(n);
    this.keys = new Float64Array(n);
    this.polishes = problem.budgetLimits.length > 0 && n <= POLISH_MAX_ACTIVITIES && problem.cost.some((cost) => cost > 0);
    this.polishList = new Int32Array(n);
    this.notBefore = new Int32Array(n);
    this.trial = new Int32Array(n);
  }

  /**
   * The objective of `list`'s schedule (NaN if the budget is spent). With
   * `justify`, `list` is replaced by the order of the justified schedule when
   * that one is kept, so the genome carries the improvement on.
   */
  evaluate(list: Int32Array, justify: boolean): number {
    const { problem: p, generator, state } = this;
    if (!state.allows()) return NaN;
    const best = state.objective;
    state.schedules++;
    let objective = generator.forward(list, this.starts);
    state.offer(list, this.starts, objective);
    if (justify && state.allows(2)) {
      const improved = this.justify(list, objective);
      if (improved < Infinity) objective = improved;
    }
    this.hash = hashOf(this.starts, p.n);
    if (state.objective < best) this.polish();
    return objective;
  }

  /**
   * With per-period budgets, starting every activity as early as it fits is
   * not always best: one held back a little can leave a period's budget to
   * another that then starts earlier, which no list order expresses. On small
   * problems each new best schedule is tried with each costed activity held
   * back by one to a budget period's length, keeping what improves, until
   * nothing does (within the schedule budget).
   */
  polish(): void {
    const { problem: p, generator, state, notBefore } = this;
    if (!this.polishes) return;
    const list = this.polishList;
    list.set(state.list);
    notBefore.fill(0);
    for (let improved = true; improved; ) {
      improved = false;
      for (let k = 0; k < p.n && !improved; k++) {
        const j = list[k];
        if (p.cost[j] === 0 || p.duration[j] === 0 || p.fixed[j]) continue;
        const kept = notBefore[j];
        for (let delay = 1; delay <= p.budgetPeriod && !improved; delay++) {
          if (!state.allows()) return;
          state.schedules++;
          notBefore[j] = state.starts[j] + delay;
          improved = state.offer(list, this.trial, generator.forward(list, this.trial, notBefore));
        }
        if (!improved) notBefore[j] = kept;
      }
    }
  }

  /** One double justification of the schedule in `starts`; the new objective if kept, else Infinity. */
  private justify(list: Int32Array, objective: number): number {
    const { problem: p, generator, lists, state, keys } = this;
    const starts = this.starts;
    let end = 0;
    for (let j = 0; j < p.n; j++) end = Math.max(end, starts[j] + p.duration[j]);
    // Latest finish first; among equal finishes the later start.
    for (let j = 0; j < p.n; j++) keys[j] = -(starts[j] + p.duration[j]) - starts[j] / (end + 1);
    lists.fromKeys(keys, this.order, true);
    state.schedules++;
    if (!generator.backward(this.order, end, this.late)) return Infinity;
    for (let j = 0; j < p.n; j++) keys[j] = this.late[j] + (this.late[j] + p.duration[j]) / (end + 1);
    lists.fromKeys(keys, this.justified, false);
    state.schedules++;
    const justified = generator.forward(this.justified, this.spare);
    state.offer(this.justified, this.spare, justified);
    if (justified > objective) return Infinity;
    list.set(this.justified);
    const swap = this.starts;
    this.starts = this.spare;
    this.spare = swap;
    return justified;
  }
}

/** Problems up to this size get `polish` (at most this many × a budget period's length schedules per pass). */
const POLISH_MAX_ACTIVITIES = 200;

/** FNV-1a over the starts: tells duplicate schedules apart cheaply. */
function hashOf(starts: Int32Array, n: number): number {
  let hash = 0x811c9dc5;
  for (let j = 0; j < n; j++) hash = Math.imul(hash ^ starts[j], 0x01000193);
  return hash >>> 0;
}
