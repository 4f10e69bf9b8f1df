import type { CompiledProblem } from './compiled';
import { criticalPathStarts, latestFinishes, tailLengths, weightHeldUp, workHeldUp } from './time-windows';

/** A priority rule as keys per activity: the eligible activity with the smallest key is scheduled next. */
export interface PriorityRule {
  readonly name: string;
  readonly keys: Float64Array;
}

/**
 * The rules tried for a first plan, the usually best first. Makespan: latest
 * finish time, minimum slack, latest start. Weighted: Smith's ratio (weight
 * per unit of work) over an activity and everything it holds up, measured in
 * capacity-time or in periods; deadline urgency; blends with earliest start.
 */
export function priorityRules(p: CompiledProblem): PriorityRule[] {
  const earliest = criticalPathStarts(p);
  let end = 0;
  for (let j = 0; j < p.n; j++) end = Math.max(end, earliest[j] + p.duration[j]);
  const latest = latestFinishes(p, () => end);
  const keys = (f: (j: number) => number) => Float64Array.from({ length: p.n }, (_, j) => f(j));
  // Fractions below one period only break ties.
  const lft = keys((j) => latest[j] + (latest[j] - p.duration[j]) / (end + 1));
  if (p.makespanObjective) {
    return [
      { name: 'latest finish', keys: lft },
      { name: 'minimum slack', keys: keys((j) => latest[j] - p.duration[j] - earliest[j]) },
      { name: 'latest start', keys: keys((j) => latest[j] - p.duration[j]) },
    ];
  }
  const due = latestFinishes(p, (j) => p.deadline[j]);
  const tails = tailLengths(p);
  const held = weightHeldUp(p);
  const work = workHeldUp(p);
  // Capacity is what activities compete for, so weight per unit of capacity-time comes first.
  const workRatio = keys((j) => -held[j] / work[j]);
  const ratio = keys((j) => -held[j] / Math.max(1, tails[j]));
  let maxRatio = 1e-9;
  let maxHeld = 0;
  for (let j = 0; j < p.n; j++) {
    maxRatio = Math.max(maxRatio, -ratio[j]);
    maxHeld = Math.max(maxHeld, held[j]);
  }
  const hasDeadline = (j: number) => Number.isFinite(due[j]);
  return [
    { name: 'work ratio', keys: workRatio },
    // Everything with a deadline ahead of it first (by latest start), the rest by ratio.
    { name: 'deadline urgency, then ratio', keys: keys((j) => (hasDeadline(j) ? due[j] - p.duration[j] - 1e12 : ratio[j])) },
    { name: 'period ratio', keys: ratio },
    // Earliest start pulled forward by up to one critical-path length for ratio, and by a near deadline.
    { name: 'earliest start blended with ratio', keys: keys((j) => earliest[j] + (end * ratio[j]) / maxRatio + (hasDeadline(j) ? Math.min(0, due[j] - p.duration[j] - end) : 0)) },
    { name: 'earliest start', keys: keys((j) => earliest[j] - held[j] / (2 * maxHeld + 1)) },
    { name: 'latest finish', keys: lft },
  ];
}
