import { budgetBounds, capacityAt, type Problem, type Starts } from './problem';

export type Violation =
  | { readonly kind: 'start'; readonly activity: string; readonly start: number }
  | { readonly kind: 'release'; readonly activity: string; readonly start: number; readonly release: number }
  | { readonly kind: 'fixed'; readonly activity: string; readonly start: number; readonly release: number }
  | { readonly kind: 'precedence'; readonly before: string; readonly after: string; readonly earliest: number; readonly start: number }
  | { readonly kind: 'capacity'; readonly resource: string; readonly period: number; readonly used: number; readonly capacity: number }
  | { readonly kind: 'budget'; readonly budgetPeriod: number; readonly spent: number; readonly limit: number }
  | { readonly kind: 'blackout'; readonly activity: string; readonly period: number };

/**
 * Every constraint a schedule breaks, checked directly from the definitions
 * (period by period), sharing no code with the solver: the tests' referee.
 * Fixed activities (under way) start at their release and may use more than
 * a capacity or budget alone; the others may use nothing beyond it.
 */
export function violationsOf(problem: Problem, starts: Starts): Violation[] {
  const violations: Violation[] = [];
  const { activities } = problem;
  if (starts.length !== activities.length) throw new RangeError(`expected ${activities.length} starts, got ${starts.length}`);

  activities.forEach((activity, i) => {
    const start = starts[i];
    if (!Number.isInteger(start) || start < 0) violations.push({ kind: 'start', activity: activity.id, start });
    if (start < activity.release) violations.push({ kind: 'release', activity: activity.id, start, release: activity.release });
    if (activity.fixed && start !== activity.release) violations.push({ kind: 'fixed', activity: activity.id, start, release: activity.release });
    for (const [from, to] of activity.blackouts ?? []) {
      for (let t = Math.max(start, from); t < Math.min(start + activity.duration, to); t++) {
        violations.push({ kind: 'blackout', activity: activity.id, period: t });
      }
    }
  });

  for (const { before, after, lag = 0 } of problem.precedences) {
    const earliest = starts[before] + activities[before].duration + lag;
    if (starts[after] < earliest) {
      violations.push({ kind: 'precedence', before: activities[before].id, after: activities[after].id, earliest, start: starts[after] });
    }
  }

  let end = 0;
  activities.forEach((activity, i) => (end = Math.max(end, starts[i] + activity.duration)));
  problem.resources.forEach((resource, r) => {
    for (let t = 0; t < end; t++) {
      let used = 0;
      let usedFixed = 0;
      activities.forEach((activity, i) => {
        if (starts[i] <= t && t < starts[i] + activity.duration) {
          used += activity.demand[r] ?? 0;
          if (activity.fixed) usedFixed += activity.demand[r] ?? 0;
        }
      });
      const capacity = capacityAt(resource, t);
      if (used > Math.max(capacity, usedFixed)) violations.push({ kind: 'capacity', resource: resource.id, period: t, used, capacity });
    }
  });

  const budget = problem.budget;
  if (budget) {
    const bounds = budgetBounds(budget);
    budget.limits.forEach((limit, q) => {
      let spent = 0;
      let spentFixed = 0;
      activities.forEach((activity, i) => {
        const from = Math.max(starts[i], bounds[q]);
        const to = Math.min(starts[i] + activity.duration, bounds[q + 1]);
        if (to > from) spent += (activity.costPerPeriod ?? 0) * (to - from);
        if (to > from && activity.fixed) spentFixed += (activity.costPerPeriod ?? 0) * (to - from);
      });
      if (spent > Math.max(limit, spentFixed)) violations.push({ kind: 'budget', budgetPeriod: q, spent, limit });
    });
  }
  return violations;
}
