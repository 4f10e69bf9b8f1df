import type { CompiledProblem } from './compiled';
import type { ScheduleGenerator } from './schedule-generator';

/**
 * A value no schedule can beat, so the search can stop once it reaches it.
 * Makespan: the longest path (releases, lags, each activity's own blackouts and
 * capacity dips) and, per resource, the periods its total work needs (but
 * for fixed activities', which may go past it).
 * Weighted: every activity finishing at its own earliest finish.
 */
export function lowerBound(p: CompiledProblem, generator: ScheduleGenerator): number {
  const earliest = generator.isolatedEarliestStarts();
  if (!p.makespanObjective) {
    let total = 0;
    for (let j = 0; j < p.n; j++) {
      const finish = earliest[j] + p.duration[j];
      total += p.weight[j] * finish;
      if (finish > p.deadline[j]) total += p.penalty * (finish - p.deadline[j]);
    }
    return total;
  }
  let bound = 0;
  for (let j = 0; j < p.n; j++) bound = Math.max(bound, earliest[j] + p.duration[j]);
  const work = new Float64Array(p.resourceCount);
  // Work fixed activities do may go past capacity: only the rest has to be supplied.
  for (let j = 0; j < p.n; j++) {
    if (p.fixed[j]) continue;
    for (let e = p.demandStart[j]; e < p.demandStart[j + 1]; e++) work[p.demandResource[e]] += p.demandAmount[e] * p.duration[j];
  }
  p.capacity.forEach((capacity, r) => (bound = Math.max(bound, periodsToSupply(capacity, work[r]))));
  return bound;
}

/** The fewest periods from 0 whose capacity adds up to `work`. */
function periodsToSupply(capacity: Float64Array, work: number): number {
  if (work <= 0) return 0;
  let supplied = 0;
  for (let t = 0; t < capacity.length; t++) {
    supplied += capacity[t];
    if (supplied >= work) return t + 1;
  }
  // Validation guarantees a positive tail whenever some activity uses the resource.
  return capacity.length + Math.ceil((work - supplied) / capacity[capacity.length - 1]);
}
