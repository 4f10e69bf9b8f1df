import { makespanOf, objectiveOf, type Problem } from './problem';
import { ActivityLists } from './solver/activity-list';
import { compile } from './solver/compiled';
import { repairDeadlines } from './solver/deadline-repair';
import { Evaluator } from './solver/evaluator';
import { geneticSearch } from './solver/genetic-search';
import { lowerBound } from './solver/lower-bound';
import { priorityRules } from './solver/priority-rules';
import { mulberry32 } from './solver/random';
import { ScheduleGenerator } from './solver/schedule-generator';
import { SearchState, type StopReason } from './solver/search-state';
import { InvalidProblemError, problemIssues } from './solver/validate';

export { InvalidProblemError } from './solver/validate';

export interface SolveOptions {
  /** Wall-clock budget; only cuts the search short, never changes its path. */
  timeLimitMs?: number;
  /** Schedules (generation passes) to evaluate; 5000 when neither limit is given. */
  maxSchedules?: number;
  /** Seed of the search's random choices; 1 by default. */
  seed?: number;
  /** Called with each new best plan. */
  onProgress?: (progress: { schedules: number; objective: number; elapsedMs: number }) => void;
}

export interface Solution {
  /** Start period per activity, by index; satisfies every constraint of the problem. */
  starts: number[];
  objective: number;
  makespan: number;
  stats: {
    schedules: number;
    firstFeasibleMs: number;
    elapsedMs: number;
    stoppedBy: StopReason;
    /** Proven bound on the objective; the plan is optimal when it is reached. */
    lowerBound?: number;
  };
}

const DEFAULT_MAX_SCHEDULES = 5000;

/**
 * An anytime heuristic. A first feasible plan comes from a priority rule through
 * the serial schedule generator (which honours every constraint), then the
 * other rules, a deadline repair for the weighted objective, and a genetic
 * search over activity lists (with double justification for makespan) until the
 * budget is spent or the plan reaches the lower bound, so is provably optimal.
 * Deterministic for a given problem, seed and schedule budget; a time limit
 * only cuts the same search short.
 *
 * Plans are generated from lists that place predecessors before successors,
 * so a lag below minus the predecessor's duration (letting the successor start
 * first) is honoured but may cost optimality.
 */
export function solve(problem: Problem, options: SolveOptions = {}): Solution {
  const started = performance.now();
  const issues = problemIssues(problem);
  if (issues.length) throw new InvalidProblemError(issues);
  const { timeLimitMs, seed = 1 } = options;
  const maxSchedules = options.maxSchedules ?? (timeLimitMs === undefined ? DEFAULT_MAX_SCHEDULES : Infinity);

  const p = compile(problem);
  const generator = new ScheduleGenerator(p);
  const lists = new ActivityLists(p);
  const state = new SearchState(p.n, Math.max(1, maxSchedules), timeLimitMs ?? Infinity, lowerBound(p, generator), started, options.onProgress);
  const evaluator = new Evaluator(p, generator, lists, state);

  // The first rule's plan is always produced, whatever the budget: the anytime guarantee.
  const seeds: Int32Array[] = [];
  for (const rule of priorityRules(p)) {
    if (seeds.length > 0 && !state.allows()) break;
    const list = lists.fromKeys(rule.keys, new Int32Array(p.n));
    if (seeds.length === 0) {
      state.schedules++;
      state.offer(list, evaluator.starts, generator.forward(list, evaluator.starts));
      evaluator.polish();
    } else evaluator.evaluate(list, false);
    seeds.push(list);
  }
  if (!p.makespanObjective && p.deadline.some(Number.isFinite)) {
    const repaired = repairDeadlines(p, lists, evaluator, seeds[0], 12);
    if (repaired) seeds.unshift(repaired);
  }
  if (state.allows()) {
    geneticSearch(p, lists, evaluator, state, mulberry32(seed), seeds, {
      population: p.n <= 300 ? 40 : p.n <= 2000 ? 16 : 8,
      mutationRate: Math.min(0.05, 2 / p.n),
      stallGenerations: 30,
      // Justification closes gaps, which shortens the makespan but does not aim at the weighted sum.
      justify: p.makespanObjective,
    });
  }

  const starts = Array.from(state.starts);
  return {
    starts,
    objective: objectiveOf(problem, starts),
    makespan: makespanOf(problem, starts),
    stats: {
      schedules: state.schedules,
      firstFeasibleMs: state.firstFeasibleMs,
      elapsedMs: state.elapsedMs(),
      stoppedBy: state.stoppedBy ?? 'schedules',
      lowerBound: state.lowerBound,
    },
  };
}
