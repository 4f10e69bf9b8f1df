/**
 * npm run bench:plan [-- --initiatives 2000 --waves 4 --pools 10 --weeks 156 --time-limit-ms 5000 --seed 1]
 *
 * Solves a seeded synthetic portfolio in the service's form (objective
 * `weighted`): chained rollout waves per initiative, some cross-initiative
 * links, pools with weekly capacity dipping over holidays, a budget per
 * 13-week quarter, deadlines and per-business-unit freeze windows. Prints the
 * time to the first feasible plan and to the final one, the improvement, the
 * schedules evaluated, memory, and whether the independent checker finds any
 * violation in the final plan.
 */
import { parseArgs } from 'node:util';
import { mulberry32, objectiveOf, solve, violationsOf, type Activity, type Precedence, type Problem } from '@capstan/sequencing-engine';
import { report, round } from './measure';

const { values } = parseArgs({
  options: {
    initiatives: { type: 'string', default: '2000' },
    waves: { type: 'string', default: '4' },
    pools: { type: 'string', default: '10' },
    weeks: { type: 'string', default: '156' },
    'time-limit-ms': { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
  },
});
const INITIATIVES = Number(values.initiatives);
const WAVES = Number(values.waves);
const POOLS = Number(values.pools);
const WEEKS = Number(values.weeks);
const TIME_LIMIT_MS = Number(values['time-limit-ms']);
const SEED = Number(values.seed);

const QUARTER_WEEKS = 13;
const BUSINESS_UNITS = 8;

function syntheticPortfolio(seed: number): Problem {
  // Seeded, so the portfolio is the same on every run for a seed.
  const random = mulberry32(seed);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  // Freeze windows per business unit: a year-end freeze and one more of its own each year.
  const freezes = Array.from({ length: BUSINESS_UNITS }, () => {
    const windows: [number, number][] = [];
    for (let year = 0; year * 52 < WEEKS; year++) {
      windows.push([year * 52 + 50, year * 52 + 53]);
      const own = year * 52 + between(8, 44);
      windows.push([own, own + between(1, 3)]);
    }
    return windows;
  });

  const activities: Activity[] = [];
  const precedences: Precedence[] = [];
  const work = new Array<number>(POOLS).fill(0);
  let spend = 0;
  for (let i = 0; i < INITIATIVES; i++) {
    const unit = between(0, BUSINESS_UNITS - 1);
    const priority = between(1, 100);
    const earliest = random() < 0.2 ? between(0, Math.floor(WEEKS / 2)) : 0;
    const hasDeadline = random() < 0.15;
    const first = activities.length;
    for (let w = 0; w < WAVES; w++) {
      const duration = between(2, 12);
      const demand = new Array<number>(POOLS).fill(0);
      for (let k = between(1, 3); k > 0; k--) demand[between(0, POOLS - 1)] += between(1, 4);
      demand.forEach((units, r) => (work[r] += units * duration));
      const costPerPeriod = between(5, 200) * 10_000;
      spend += costPerPeriod * duration;
      activities.push({
        id: `I${i}/W${w + 1}`,
        duration,
        demand,
        release: w === 0 ? earliest : 0,
        deadline: hasDeadline && w === WAVES - 1 ? earliest + between(30, WEEKS) : undefined,
        weight: priority,
        costPerPeriod,
        blackouts: freezes[unit],
      });
      if (w > 0) precedences.push({ before: activities.length - 2, after: activities.length - 1, lag: between(0, 2) });
    }
    // Some initiatives depend on an earlier one (so the links stay acyclic).
    if (i > 0 && random() < 0.1) precedences.push({ before: between(0, i - 1) * WAVES, after: first, lag: 0 });
  }

  // Capacity so the work needs about the whole horizon, with holiday dips to 60 %.
  const resources = work.map((total, r) => {
    const base = Math.max(4, Math.ceil(total / WEEKS / 0.95));
    const capacity = Array.from({ length: WEEKS + 1 }, (_, t) => (t < WEEKS && (t % 52 >= 50 || t % 52 === 30) ? Math.ceil(base * 0.6) : base));
    return { id: `pool-${r + 1}`, capacity };
  });
  const quarters = Math.ceil(WEEKS / QUARTER_WEEKS);
  const perQuarter = spend / quarters;
  const limits = Array.from({ length: quarters }, () => Math.round(perQuarter * (1 + random() * 0.3)));
  return { horizon: WEEKS, resources, activities, precedences, budget: { periodLength: QUARTER_WEEKS, limits }, objective: 'weighted', tardinessPenalty: 1_000 };
}

report(async () => {
  const problem = syntheticPortfolio(SEED);
  let firstObjective: number | undefined;
  let bestFoundMs = 0;
  const solution = solve(problem, {
    timeLimitMs: TIME_LIMIT_MS,
    seed: SEED,
    onProgress: ({ objective, elapsedMs }) => {
      firstObjective ??= objective;
      bestFoundMs = elapsedMs;
    },
  });
  const checkStarted = performance.now();
  const violations = violationsOf(problem, solution.starts);
  const checkMs = performance.now() - checkStarted;
  const memory = process.memoryUsage();
  const late = problem.activities.filter((a, i) => a.deadline !== undefined && solution.starts[i] + a.duration > a.deadline).length;
  const first = firstObjective ?? solution.objective;
  return {
    activities: problem.activities.length,
    precedences: problem.precedences.length,
    pools: POOLS,
    weeks: WEEKS,
    timeLimitMs: TIME_LIMIT_MS,
    seed: SEED,
    firstFeasibleMs: round(solution.stats.firstFeasibleMs),
    finalMs: round(solution.stats.elapsedMs),
    bestFoundMs: round(bestFoundMs),
    objectiveFirst: first,
    objectiveFinal: solution.objective,
    improvementPercent: Number((((first - solution.objective) / first) * 100).toFixed(2)),
    lowerBound: solution.stats.lowerBound,
    schedules: solution.stats.schedules,
    stoppedBy: solution.stats.stoppedBy,
    makespanWeeks: solution.makespan,
    lateActivities: late,
    objectiveMatchesChecker: objectiveOf(problem, solution.starts) === solution.objective,
    feasible: violations.length === 0,
    violations: violations.length,
    checkMs: round(checkMs),
    peakRssMiB: round(process.resourceUsage().maxRSS / 1024),
    heapUsedMiB: round(memory.heapUsed / 2 ** 20),
  };
});
