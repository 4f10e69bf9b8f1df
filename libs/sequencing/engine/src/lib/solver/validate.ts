import type { Problem } from '../problem';

/** A problem the solver cannot schedule, with every reason found. */
export class InvalidProblemError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid problem: ${issues.slice(0, 5).join('; ')}${issues.length > 5 ? `; … (${issues.length - 5} more)` : ''}`);
    this.name = 'InvalidProblemError';
  }
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/**
 * Everything that makes a problem unsolvable or outside the model. Budgets and
 * blackouts never make a problem infeasible (budget periods past the limits are
 * unlimited, blackouts are finite), so only their form is checked.
 */
export function problemIssues(problem: Problem): string[] {
  const issues: string[] = [];
  const { activities, resources, precedences, budget } = problem;
  if (problem.objective !== 'makespan' && problem.objective !== 'weighted') issues.push(`objective must be "makespan" or "weighted", got ${String(problem.objective)}`);
  if (!isCount(problem.horizon)) issues.push(`horizon must be a non-negative integer, got ${problem.horizon}`);
  const penalty = problem.tardinessPenalty;
  if (penalty !== undefined && !(Number.isFinite(penalty) && penalty >= 0)) issues.push(`tardinessPenalty must be a non-negative number, got ${penalty}`);

  resources.forEach((resource) => {
    if (!Array.isArray(resource.capacity) || resource.capacity.length === 0) issues.push(`resource ${resource.id} has no capacity`);
    else if (!resource.capacity.every(isCount)) issues.push(`resource ${resource.id}: capacities must be non-negative integers`);
  });

  activities.forEach((activity) => {
    const name = `activity ${activity.id}`;
    if (!isCount(activity.duration)) issues.push(`${name}: duration must be a non-negative integer, got ${activity.duration}`);
    if (!Number.isInteger(activity.release)) issues.push(`${name}: release must be an integer, got ${activity.release}`);
    else if (activity.fixed && activity.release < 0) issues.push(`${name}: fixed at its release, which must not be negative, got ${activity.release}`);
    if (!(Number.isFinite(activity.weight) && activity.weight >= 0)) issues.push(`${name}: weight must be a non-negative number, got ${activity.weight}`);
    if (activity.deadline !== undefined && !Number.isInteger(activity.deadline)) issues.push(`${name}: deadline must be an integer, got ${activity.deadline}`);
    const cost = activity.costPerPeriod;
    // Money is in minor units: integers keep budget sums exact.
    if (cost !== undefined && !isCount(cost)) issues.push(`${name}: costPerPeriod must be a non-negative integer (minor units), got ${cost}`);
    if (!Array.isArray(activity.demand)) {
      issues.push(`${name}: demand must be a list`);
    } else {
      if (activity.demand.length > resources.length) issues.push(`${name}: demand lists ${activity.demand.length} resources, the problem has ${resources.length}`);
      activity.demand.forEach((units, r) => {
        if (!isCount(units)) issues.push(`${name}: demand for resource ${resources[r]?.id ?? r} must be a non-negative integer, got ${units}`);
        else if (!activity.fixed && r < resources.length && activity.duration > 0 && Array.isArray(resources[r].capacity) && resources[r].capacity.length > 0) {
          const tail = resources[r].capacity[resources[r].capacity.length - 1];
          // Every later period has the tail capacity: if even that is too small, no start works.
          if (units > tail) issues.push(`${name} needs ${units} of ${resources[r].id}, more than its capacity ${tail} from period ${resources[r].capacity.length - 1} on, so it can never be placed`);
        }
      });
    }
    for (const window of activity.blackouts ?? []) {
      if (!Array.isArray(window) || window.length !== 2 || !Number.isInteger(window[0]) || !Number.isInteger(window[1])) {
        issues.push(`${name}: blackouts must be [from, to) pairs of integers`);
        break;
      }
    }
  });

  if (budget) {
    if ((budget.periodLength === undefined) === (budget.periodBounds === undefined)) issues.push('budget needs either periodLength or periodBounds');
    if (budget.periodLength !== undefined && (!Number.isInteger(budget.periodLength) || budget.periodLength < 1)) {
      issues.push(`budget periodLength must be a positive integer, got ${budget.periodLength}`);
    }
    const bounds = budget.periodBounds;
    if (bounds && (bounds.length !== budget.limits.length + 1 || bounds[0] !== 0 || bounds.some((b, q) => !Number.isInteger(b) || (q > 0 && b <= bounds[q - 1])))) {
      issues.push('budget periodBounds must be rising integers from 0, one more than the limits');
    }
    budget.limits.forEach((limit, q) => {
      // A negative limit is broken even by an empty period.
      if (!isCount(limit)) issues.push(`budget limit of period ${q} must be a non-negative integer (minor units), got ${limit}`);
    });
  }

  let linksValid = true;
  precedences.forEach(({ before, after, lag }, k) => {
    const known = (index: number) => Number.isInteger(index) && index >= 0 && index < activities.length;
    if (!known(before) || !known(after)) {
      issues.push(`precedence ${k} refers to an unknown activity (before ${before}, after ${after}; ${activities.length} activities)`);
      linksValid = false;
    }
    if (lag !== undefined && !Number.isInteger(lag)) issues.push(`precedence ${k}: lag must be an integer, got ${lag}`);
    if (known(before) && known(after) && activities[after].fixed) issues.push(`precedence ${k}: ${activities[after].id} is fixed at its release and can follow nothing`);
  });
  if (linksValid) {
    const cycle = precedenceCycle(problem);
    if (cycle) issues.push(`precedence cycle: ${cycle.map((i) => activities[i].id).join(' → ')}`);
  }
  return issues;
}

/** One cycle of the precedence graph as activity indices (first repeated last), or undefined if it is acyclic. */
export function precedenceCycle(problem: Problem): number[] | undefined {
  const n = problem.activities.length;
  const indegree = new Int32Array(n);
  const successors: number[][] = Array.from({ length: n }, () => []);
  const predecessors: number[][] = Array.from({ length: n }, () => []);
  for (const { before, after } of problem.precedences) {
    successors[before].push(after);
    predecessors[after].push(before);
    indegree[after]++;
  }
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head++) for (const s of successors[queue[head]]) if (--indegree[s] === 0) queue.push(s);
  if (queue.length === n) return undefined;
  // Every activity left over has a predecessor left over: walking back must revisit one.
  let at = indegree.findIndex((d) => d > 0);
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  while (!seenAt.has(at)) {
    seenAt.set(at, walk.length);
    walk.push(at);
    const from = at;
    at = predecessors[from].find((p) => indegree[p] > 0) ?? from;
  }
  const cycle = walk.slice(seenAt.get(at)).reverse();
  return [...cycle, cycle[0]];
}
