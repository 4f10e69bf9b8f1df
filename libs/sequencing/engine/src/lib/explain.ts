import { budgetBounds, budgetPeriodAt, capacityAt, type Problem, type Starts } from './problem';

/**
 * Why an activity starts where it does rather than at its earliest possible
 * start (release and precedence only, unlimited capacity). Each reason names
 * what blocked some of the periods in between.
 */
export type DelayReason =
  | { readonly kind: 'dependency'; readonly before: number; readonly readyAt: number }
  | { readonly kind: 'capacity'; readonly resource: number; readonly periods: readonly number[]; readonly holders: readonly number[] }
  | { readonly kind: 'budget'; readonly budgetPeriods: readonly number[]; readonly holders: readonly number[] }
  | { readonly kind: 'blackout'; readonly from: number; readonly to: number };

export interface Delay {
  readonly activity: number;
  readonly earliest: number;
  readonly start: number;
  readonly reasons: readonly DelayReason[];
}

/** Earliest start of every activity from releases and precedences alone (a forward pass; precedences must be acyclic). */
export function earliestStarts(problem: Problem): number[] {
  const n = problem.activities.length;
  const earliest = problem.activities.map((a) => a.release);
  const successors: { to: number; lag: number }[][] = Array.from({ length: n }, () => []);
  const indegree = new Array<number>(n).fill(0);
  for (const { before, after, lag = 0 } of problem.precedences) {
    successors[before].push({ to: after, lag });
    indegree[after]++;
  }
  const queue: number[] = [];
  indegree.forEach((d, i) => d === 0 && queue.push(i));
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head];
    const finish = earliest[i] + problem.activities[i].duration;
    for (const { to, lag } of successors[i]) {
      earliest[to] = Math.max(earliest[to], finish + lag);
      if (--indegree[to] === 0) queue.push(to);
    }
  }
  return earliest;
}

/**
 * Where each activity could have started in this schedule: its release, and its predecessors' actual finishes
 * plus lags. A delay up to there is the dependencies'; only the weeks after it can be a pool's, a budget's or a
 * freeze's doing.
 */
export function readyStarts(problem: Problem, starts: Starts): number[] {
  const ready = problem.activities.map((a) => a.release);
  for (const { before, after, lag = 0 } of problem.precedences) {
    ready[after] = Math.max(ready[after], starts[before] + problem.activities[before].duration + lag);
  }
  return ready;
}

/** Whether starting at `t` would run into one of the activity's blackouts. */
function blackedOut(activity: Problem['activities'][number], t: number): boolean {
  return (activity.blackouts ?? []).some(([from, to]) => t < to && t + activity.duration > from);
}

/** The starts from `ready` up to (not including) `start` that no dependency or blackout ruled out. */
function openStarts(activity: Problem['activities'][number], ready: number, start: number): number[] {
  const open: number[] = [];
  for (let t = ready; t < start; t++) if (!blackedOut(activity, t)) open.push(t);
  return open;
}

/** The first start from `ready` no blackout rules out, or `start` when none before it is open. */
export function firstOpenStart(activity: Problem['activities'][number], ready: number, start: number): number {
  let t = ready;
  while (t < start && blackedOut(activity, t)) t++;
  return t;
}

/** The delayed activities of a schedule and, for each, what held it back. */
export function explainDelays(problem: Problem, starts: Starts): Delay[] {
  const earliest = earliestStarts(problem);
  const ready = readyStarts(problem, starts);
  const active = activeByPeriod(problem, starts);
  const predecessors: { before: number; lag: number }[][] = problem.activities.map(() => []);
  for (const { before, after, lag = 0 } of problem.precedences) predecessors[after].push({ before, lag });
  const spending = budgetSpending(problem, starts);

  const delays: Delay[] = [];
  problem.activities.forEach((activity, i) => {
    if (starts[i] <= earliest[i]) return;
    const reasons: DelayReason[] = [];
    for (const { before, lag } of predecessors[i]) {
      const readyAt = starts[before] + problem.activities[before].duration + lag;
      if (readyAt > earliest[i]) reasons.push({ kind: 'dependency', before, readyAt });
    }
    for (const [from, to] of activity.blackouts ?? []) {
      // A blackout matters when a start it could have had otherwise would have overlapped it.
      if (from < starts[i] && to > ready[i]) reasons.push({ kind: 'blackout', from, to });
    }
    const open = openStarts(activity, ready[i], starts[i]);
    if (open.length) {
      reasons.push(...capacityReasons(problem, active, i, open));
      const budget = spending && budgetReason(problem, starts, spending, i, open);
      if (budget) reasons.push(budget);
    }
    delays.push({ activity: i, earliest: earliest[i], start: starts[i], reasons });
  });
  return delays;
}

/** Activities active in each period, indexed by period. */
export function activeByPeriod(problem: Problem, starts: Starts): number[][] {
  let end = 0;
  problem.activities.forEach((a, i) => (end = Math.max(end, starts[i] + a.duration)));
  const active: number[][] = Array.from({ length: end }, () => []);
  problem.activities.forEach((a, i) => {
    for (let t = starts[i]; t < starts[i] + a.duration; t++) active[t].push(i);
  });
  return active;
}

/**
 * Periods an open earlier start would have occupied where the others left too little of a resource for this
 * activity — and who held it then. (In the periods the activity does hold, the schedule is feasible, so none is
 * flagged there.)
 */
function capacityReasons(problem: Problem, active: number[][], i: number, open: readonly number[]): DelayReason[] {
  const { activities, resources } = problem;
  const { demand, duration } = activities[i];
  const covered = new Set<number>();
  for (const t of open) for (let p = t; p < t + duration && p < active.length; p++) covered.add(p);
  const periodsInReach = [...covered].sort((a, b) => a - b);
  const reasons: DelayReason[] = [];
  resources.forEach((resource, r) => {
    if (!demand[r]) return;
    const periods: number[] = [];
    const holders = new Set<number>();
    for (const t of periodsInReach) {
      const others = active[t].filter((j) => j !== i && activities[j].demand[r]);
      const used = others.reduce((sum, j) => sum + activities[j].demand[r], 0);
      if (used + demand[r] > capacityAt(resource, t)) {
        periods.push(t);
        others.forEach((j) => holders.add(j));
      }
    }
    if (periods.length) reasons.push({ kind: 'capacity', resource: r, periods, holders: [...holders].sort((a, b) => a - b) });
  });
  return reasons;
}

interface BudgetSpending {
  /** Spend per budget period, all activities. */
  spent: number[];
  /** The activities spending in each budget period, with how much. */
  spenders: { activity: number; amount: number }[][];
}

/** Each budget period's spend and spenders, worked out once for every delayed activity to read. */
function budgetSpending(problem: Problem, starts: Starts): BudgetSpending | undefined {
  const budget = problem.budget;
  if (!budget) return undefined;
  const { limits } = budget;
  const bounds = budgetBounds(budget);
  const spent = new Array<number>(limits.length).fill(0);
  const spenders: { activity: number; amount: number }[][] = limits.map(() => []);
  problem.activities.forEach((a, j) => {
    if (!a.costPerPeriod) return;
    const last = Math.min(budgetPeriodAt(bounds, starts[j] + a.duration - 1), limits.length - 1);
    for (let q = Math.max(0, budgetPeriodAt(bounds, starts[j])); q <= last; q++) {
      const overlap = Math.min(starts[j] + a.duration, bounds[q + 1]) - Math.max(starts[j], bounds[q]);
      if (overlap <= 0) continue;
      spent[q] += a.costPerPeriod * overlap;
      spenders[q].push({ activity: j, amount: a.costPerPeriod * overlap });
    }
  });
  return { spent, spenders };
}

function budgetReason(problem: Problem, starts: Starts, spending: BudgetSpending, i: number, open: readonly number[]): DelayReason | undefined {
  const budget = problem.budget!;
  const { limits } = budget;
  const bounds = budgetBounds(budget);
  const cost = problem.activities[i].costPerPeriod ?? 0;
  if (cost === 0) return undefined;
  const blocked: number[] = [];
  const holders = new Set<number>();
  const duration = problem.activities[i].duration;
  const firstQuarter = Math.max(0, budgetPeriodAt(bounds, open[0]));
  const lastQuarter = budgetPeriodAt(bounds, starts[i] - 1 + duration);
  for (let q = firstQuarter; q <= lastQuarter && q < limits.length; q++) {
    const others = spending.spenders[q].filter((s) => s.activity !== i);
    const spent = spending.spent[q] - (spending.spenders[q].find((s) => s.activity === i)?.amount ?? 0);
    // The most of this budget period an earlier start would have used.
    let most = 0;
    for (const t of open) most = Math.max(most, Math.min(t + duration, bounds[q + 1]) - Math.max(t, bounds[q]));
    if (most > 0 && spent + cost * most > limits[q]) {
      blocked.push(q);
      others.forEach((s) => holders.add(s.activity));
    }
  }
  return blocked.length ? { kind: 'budget', budgetPeriods: blocked, holders: [...holders].sort((a, b) => a - b) } : undefined;
}
