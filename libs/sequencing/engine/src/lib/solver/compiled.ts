import { budgetBounds, type Problem } from '../problem';

/**
 * The problem in flat typed arrays, indexed by activity, with adjacency in
 * compressed rows (`xStart[i]..xStart[i+1]`): the schedule generator reads
 * these millions of times, so no objects or optional fields on that path.
 */
export interface CompiledProblem {
  readonly n: number;
  readonly resourceCount: number;
  readonly makespanObjective: boolean;
  readonly duration: Int32Array;
  /** Release clamped to period 0: starts are never negative. */
  readonly release: Int32Array;
  readonly weight: Float64Array;
  /** +Infinity when the activity has no deadline. */
  readonly deadline: Float64Array;
  readonly penalty: number;
  readonly cost: Float64Array;
  /** Only the resources an activity actually uses. */
  readonly demandStart: Int32Array;
  readonly demandResource: Int32Array;
  readonly demandAmount: Float64Array;
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
  readonly predLag: Int32Array;
  readonly succStart: Int32Array;
  readonly succ: Int32Array;
  readonly succLag: Int32Array;
  /** Blackouts per activity, merged, sorted and disjoint, so one pass over them settles a start. */
  readonly blackoutStart: Int32Array;
  readonly blackoutFrom: Int32Array;
  readonly blackoutTo: Int32Array;
  readonly capacity: readonly Float64Array[];
  /** The longest budget period (how far a start is worth holding back to leave one a period's room). */
  readonly budgetPeriod: number;
  /** Limits per budget period; empty without a budget. */
  readonly budgetLimits: Float64Array;
  /** Where each budget period begins, and the last one ends (budgetLimits.length + 1 entries). */
  readonly budgetBounds: Int32Array;
  /** The budget period of each period up to the last bound. */
  readonly budgetPeriodOf: Int32Array;
  /** A topological order of the activities (precedences are acyclic once validated). */
  readonly topological: Int32Array;
  /** 1 for an activity fixed at its release (under way). */
  readonly fixed: Uint8Array;
  /** The fixed activities, placed before any other. */
  readonly fixedOrder: Int32Array;
}

export function compile(problem: Problem): CompiledProblem {
  const { activities, resources, precedences } = problem;
  const n = activities.length;
  const resourceCount = resources.length;

  const duration = Int32Array.from(activities, (a) => a.duration);
  const release = Int32Array.from(activities, (a) => Math.max(0, a.release));
  const weight = Float64Array.from(activities, (a) => a.weight);
  const deadline = Float64Array.from(activities, (a) => a.deadline ?? Infinity);
  const cost = Float64Array.from(activities, (a) => a.costPerPeriod ?? 0);

  const demandStart = new Int32Array(n + 1);
  const demandResource: number[] = [];
  const demandAmount: number[] = [];
  activities.forEach((activity, i) => {
    activity.demand.forEach((units, r) => {
      if (units > 0) {
        demandResource.push(r);
        demandAmount.push(units);
      }
    });
    demandStart[i + 1] = demandResource.length;
  });

  const blackoutStart = new Int32Array(n + 1);
  const blackoutFrom: number[] = [];
  const blackoutTo: number[] = [];
  activities.forEach((activity, i) => {
    const windows = (activity.blackouts ?? []).filter(([from, to]) => to > from && to > 0).map(([from, to]) => [Math.max(0, from), to]);
    windows.sort((a, b) => a[0] - b[0]);
    for (const [from, to] of windows) {
      const last = blackoutTo.length - 1;
      if (last >= blackoutStart[i] && from <= blackoutTo[last]) blackoutTo[last] = Math.max(blackoutTo[last], to);
      else {
        blackoutFrom.push(from);
        blackoutTo.push(to);
      }
    }
    blackoutStart[i + 1] = blackoutTo.length;
  });

  const forward = adjacency(n, precedences.map((p) => [p.before, p.after, p.lag ?? 0]));
  const backward = adjacency(n, precedences.map((p) => [p.after, p.before, p.lag ?? 0]));

  return {
    n,
    resourceCount,
    makespanObjective: problem.objective === 'makespan',
    duration,
    release,
    weight,
    deadline,
    penalty: problem.tardinessPenalty ?? 0,
    cost,
    demandStart,
    demandResource: Int32Array.from(demandResource),
    demandAmount: Float64Array.from(demandAmount),
    predStart: backward.start,
    pred: backward.to,
    predLag: backward.lag,
    succStart: forward.start,
    succ: forward.to,
    succLag: forward.lag,
    blackoutStart,
    blackoutFrom: Int32Array.from(blackoutFrom),
    blackoutTo: Int32Array.from(blackoutTo),
    capacity: resources.map((r) => Float64Array.from(r.capacity)),
    ...compiledBudget(problem),
    topological: topologicalOrder(n, forward.start, forward.to),
    fixed: Uint8Array.from(activities, (a) => (a.fixed ? 1 : 0)),
    fixedOrder: Int32Array.from(activities.flatMap((a, i) => (a.fixed ? [i] : []))),
  };
}

function adjacency(n: number, arcs: (readonly [number, number, number])[]): { start: Int32Array; to: Int32Array; lag: Int32Array } {
  const start = new Int32Array(n + 1);
  for (const [from] of arcs) start[from + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const to = new Int32Array(arcs.length);
  const lag = new Int32Array(arcs.length);
  for (const [from, target, l] of arcs) {
    to[fill[from]] = target;
    lag[fill[from]++] = l;
  }
  return { start, to, lag };
}

function topologicalOrder(n: number, succStart: Int32Array, succ: Int32Array): Int32Array {
  const indegree = new Int32Array(n);
  for (let e = 0; e < succ.length; e++) indegree[succ[e]]++;
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const i = order[head];
    for (let e = succStart[i]; e < succStart[i + 1]; e++) if (--indegree[succ[e]] === 0) order[tail++] = succ[e];
  }
  return order;
}

function compiledBudget(problem: Problem): Pick<CompiledProblem, 'budgetPeriod' | 'budgetLimits' | 'budgetBounds' | 'budgetPeriodOf'> {
  const bounds = problem.budget ? budgetBounds(problem.budget) : [0];
  const periodOf = new Int32Array(bounds[bounds.length - 1]);
  for (let q = 0; q + 1 < bounds.length; q++) periodOf.fill(q, bounds[q], bounds[q + 1]);
  return {
    budgetPeriod: Math.max(1, ...bounds.slice(1).map((bound, q) => bound - bounds[q])),
    budgetLimits: Float64Array.from(problem.budget?.limits ?? []),
    budgetBounds: Int32Array.from(bounds),
    budgetPeriodOf: periodOf,
  };
}
