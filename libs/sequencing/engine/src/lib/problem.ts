/**
 * The scheduling problem the engine solves: activities (rollout waves, or the
 * jobs of a single project) on a discrete time axis of periods (weeks), drawing
 * on renewable resources (capacity pools) and a per-period budget.
 *
 * Every quantity is an integer: capacity and demand in whole units, money in
 * minor units (cents), time in periods. Integers keep feasibility checks exact;
 * the service converts decimal money to minor units at its edge.
 */
export interface Problem {
  /**
   * Periods covered by the capacity profiles. Past the horizon a resource keeps
   * the capacity of its last period, so a plan can always be completed; work that
   * ends after the horizon is reported, not refused.
   */
  readonly horizon: number;
  readonly resources: readonly Resource[];
  readonly activities: readonly Activity[];
  readonly precedences: readonly Precedence[];
  readonly budget?: BudgetLimit;
  /**
   * `makespan`: finish the last activity as early as possible (the PSPLIB form).
   * `weighted`: minimise Σ weight·finish + tardinessPenalty · Σ max(0, finish − deadline).
   */
  readonly objective: 'makespan' | 'weighted';
  /** Cost of one period of lateness past an activity's deadline (objective `weighted`). */
  readonly tardinessPenalty?: number;
}

export interface Resource {
  readonly id: string;
  /** Capacity per period, length ≥ 1; period t ≥ length uses the last entry. */
  readonly capacity: readonly number[];
}

export interface Activity {
  readonly id: string;
  /** Periods; 0 for a milestone (PSPLIB's dummy source and sink). */
  readonly duration: number;
  /** Units of each resource (by index in `Problem.resources`) held in every active period. */
  readonly demand: readonly number[];
  /** Earliest start period. */
  readonly release: number;
  /** Period by which the activity should finish; lateness is penalised, not forbidden. */
  readonly deadline?: number;
  /** Value of finishing early; ≥ 0. */
  readonly weight: number;
  /** Budget drawn in each active period, in minor units. */
  readonly costPerPeriod?: number;
  /** Half-open [from, to) period ranges in which the activity may not be active (freeze windows). */
  readonly blackouts?: readonly (readonly [number, number])[];
  /**
   * Under way already: it starts at its release whatever else the plan holds. Its demand and cost are taken before
   * any other activity's, even past a resource's capacity or a period's budget (others fit in what is left); no
   * precedence may lead to it.
   */
  readonly fixed?: boolean;
}

/** `after` starts no earlier than `before` finishes plus `lag` periods. Indices into `activities`. */
export interface Precedence {
  readonly before: number;
  readonly after: number;
  readonly lag?: number;
}

/**
 * Total cost of activities active in budget period q ≤ limits[q]; periods past
 * the list are unlimited. Periods are either of one length (q spans
 * [q·periodLength, (q+1)·periodLength)) or bounded explicitly (q spans
 * [periodBounds[q], periodBounds[q+1]); calendar quarters, say).
 */
export interface BudgetLimit {
  readonly periodLength?: number;
  /** Ascending, from 0, one more than `limits`. */
  readonly periodBounds?: readonly number[];
  readonly limits: readonly number[];
}

/** Where each budget period begins, and the last one ends: `limits.length + 1` periods' bounds. */
export function budgetBounds(budget: BudgetLimit): number[] {
  if (budget.periodBounds) return [...budget.periodBounds];
  const length = budget.periodLength ?? 1;
  return Array.from({ length: budget.limits.length + 1 }, (_, q) => q * length);
}

/** The budget period holding period `t` (`bounds.length - 1` past the last, -1 before the first). */
export function budgetPeriodAt(bounds: readonly number[], t: number): number {
  if (t < bounds[0]) return -1;
  let low = 0;
  let high = bounds.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (bounds[middle] <= t) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Start period per activity, by index. */
export type Starts = readonly number[];

export function capacityAt(resource: Resource, period: number): number {
  const { capacity } = resource;
  return capacity[Math.min(period, capacity.length - 1)];
}

export function finishOf(problem: Problem, starts: Starts, index: number): number {
  return starts[index] + problem.activities[index].duration;
}

export function makespanOf(problem: Problem, starts: Starts): number {
  let makespan = 0;
  for (let i = 0; i < starts.length; i++) makespan = Math.max(makespan, finishOf(problem, starts, i));
  return makespan;
}

/** The objective value of a schedule under the problem's objective; lower is better. */
export function objectiveOf(problem: Problem, starts: Starts): number {
  if (problem.objective === 'makespan') return makespanOf(problem, starts);
  const penalty = problem.tardinessPenalty ?? 0;
  let total = 0;
  problem.activities.forEach((activity, i) => {
    const finish = starts[i] + activity.duration;
    total += activity.weight * finish;
    if (activity.deadline !== undefined && finish > activity.deadline) total += penalty * (finish - activity.deadline);
  });
  return total;
}
