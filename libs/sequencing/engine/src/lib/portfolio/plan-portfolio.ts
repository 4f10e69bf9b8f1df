import { analyseContests, type Contest } from '../contests';
import { earliestStarts, explainDelays, type DelayReason } from '../explain';
import { objectiveOf } from '../problem';
import { solve, type SolveOptions } from '../solve';
import { budgetQuarter, buildProblem, type HeldInitiative, type PortfolioProblem, type WaveRef } from './build-problem';
import { capacityCuts, ownCostText, spentEarlierText } from './shortfalls';
import type { PortfolioSnapshot, Posture } from './snapshot';
import { mondayOf, quarterOf, sundayOf, weekRanges } from './weeks';

export interface WaveHandle {
  initiativeId: string;
  initiativeKey: string;
  wave: string;
  businessUnit: string;
  priority: number;
  /** Pinned to its week by PMO: it holds its place whatever its priority. */
  pinned: boolean;
  /** Under way already (started before the plan): it holds its place whatever its priority, and no override moves it. */
  underway: boolean;
}

export interface PlanReason {
  kind: 'capacity' | 'dependency' | 'budget' | 'freeze';
  text: string;
  pool?: string;
  weeks?: { from: string; to: string }[];
  /** The waves holding what this one waited for, strongest claim first; at most `MAX_NAMED_HOLDERS`. */
  heldBy?: WaveHandle[];
  /** How many waves held it, named or not. */
  heldByCount?: number;
}

/**
 * A busy pool is held by many waves; a reason names the strongest few. Listing
 * all of them made each delayed wave's reasons grow with the portfolio (a
 * 500-initiative plan came to 50 MB).
 */
export const MAX_NAMED_HOLDERS = 10;

export interface PlannedWave extends WaveHandle {
  initiativeName: string;
  name: string;
  posture: Posture | null;
  prioritySource: 'derived' | 'override';
  startWeek: number;
  endWeek: number;
  start: string;
  /** Last day (a Sunday). */
  end: string;
  earliestWeek: number;
  delayWeeks: number;
  deadline: string | null;
  lateWeeks: number;
  costPerWeek: string;
  demand: Readonly<Record<string, number>>;
  /** Why it starts after its earliest possible week; empty when it does not. */
  reasons: PlanReason[];
  /** Started by the published plan before this plan's first week (a Monday): it goes on from week 0 with the weeks it has left. */
  underwaySince?: string;
}

export interface PlanContest {
  pool: string;
  from: string;
  to: string;
  capacity: number;
  demand: number;
  competitors: (WaveHandle & { outcome: 'won' | 'lost'; delayWeeks: number; why: string })[];
  /** Waves holding the pool here that did not want these weeks at first (pushed in by earlier delays). */
  otherHolders: WaveHandle[];
}

export interface BusinessUnitFairness {
  businessUnit: string;
  demandShare: number;
  capacityShare: number;
  byQuarter: { quarter: string; demandShare: number; capacityShare: number }[];
}

export interface PortfolioPlan {
  startDate: string;
  horizonWeeks: number;
  objective: number;
  waves: PlannedWave[];
  held: HeldInitiative[];
  contests: PlanContest[];
  fairness: BusinessUnitFairness[];
  warnings: string[];
  stats: { schedules: number; firstFeasibleMs: number; elapsedMs: number; stoppedBy: string };
}

/** Computes a plan for a snapshot: schedule, explanations, contests and fairness. Deterministic for a given seed and schedule budget. */
export function planPortfolio(snapshot: PortfolioSnapshot, options: SolveOptions = {}): PortfolioPlan {
  const built = buildProblem(snapshot);
  const { problem, refs } = built;
  const solution = refs.length
    ? solve(problem, options)
    : { starts: [] as number[], stats: { schedules: 0, firstFeasibleMs: 0, elapsedMs: 0, stoppedBy: 'lower-bound' } };
  const starts = solution.starts;
  const handles = refs.map(handleOf);
  const earliest = earliestStarts(problem);
  const delays = new Map(explainDelays(problem, starts).map((d) => [d.activity, d]));
  const warnings = [...built.warnings];

  const waves: PlannedWave[] = refs.map((ref, i) => {
    const activity = problem.activities[i];
    const startWeek = starts[i];
    const endWeek = startWeek + activity.duration;
    const lateWeeks = activity.deadline === undefined ? 0 : Math.max(0, endWeek - activity.deadline);
    if (ref.startedOn !== null && startWeek !== 0) {
      warnings.push(`${ref.initiative.key} ${ref.wave.key} is under way since ${ref.startedOn} but can only go on from ${mondayOf(snapshot.startDate, startWeek)}`);
    } else if (ref.pinnedWeek !== null && startWeek !== ref.pinnedWeek) {
      warnings.push(`${ref.initiative.key} ${ref.wave.key} is pinned to ${mondayOf(snapshot.startDate, ref.pinnedWeek)} but can only start ${mondayOf(snapshot.startDate, startWeek)}`);
    }
    if (lateWeeks > 0) warnings.push(`${ref.initiative.key} ${ref.wave.key} misses its deadline ${ref.wave.deadline} by ${lateWeeks} week(s)`);
    if (endWeek > snapshot.horizonWeeks) {
      // Past the horizon pools keep their base capacity and no budget applies: the plan there is a sketch.
      warnings.push(
        `${ref.initiative.key} ${ref.wave.key} runs past the plan's horizon (${sundayOf(snapshot.startDate, snapshot.horizonWeeks - 1)}), ` +
          `where capacity changes and rollout budgets are not applied: lengthen the horizon to plan it fully`,
      );
    }
    const priority = built.priorities.get(ref.initiative.id)!;
    return {
      ...handles[i],
      initiativeName: ref.initiative.name,
      name: ref.wave.name,
      posture: ref.initiative.posture,
      prioritySource: priority.source,
      startWeek,
      endWeek,
      start: mondayOf(snapshot.startDate, startWeek),
      end: sundayOf(snapshot.startDate, endWeek - 1),
      earliestWeek: earliest[i],
      delayWeeks: startWeek - earliest[i],
      deadline: ref.wave.deadline,
      lateWeeks,
      costPerWeek: ref.wave.costPerWeek,
      demand: ref.wave.demand,
      reasons: (delays.get(i)?.reasons ?? []).map((reason) => describeReason(snapshot, built, handles, i, reason)),
      ...(ref.startedOn === null ? {} : { underwaySince: ref.startedOn }),
    };
  });
  const groups = refs.map((r) => r.wave.businessUnit);
  // Calendar quarters, as budgets have them (a week in the quarter of its Monday), numbered year × 4 + quarter.
  const quarterIndex = (week: number) => {
    const [year, quarter] = quarterOf(mondayOf(snapshot.startDate, week)).split('-Q').map(Number);
    return year * 4 + quarter - 1;
  };
  const analysis = analyseContests(problem, starts, groups, quarterIndex);
  const contests = analysis.contests.map((c) => describeContest(snapshot, handles, waves, c));
  const fairness = analysis.fairness.map((f) => ({
    businessUnit: f.group,
    demandShare: f.demandShare,
    capacityShare: f.capacityShare,
    byQuarter: f.series.map((s) => ({ quarter: `${Math.floor(s.bucket / 4)}-Q${(s.bucket % 4) + 1}`, demandShare: s.demandShare, capacityShare: s.capacityShare })),
  }));
  return {
    startDate: snapshot.startDate,
    horizonWeeks: snapshot.horizonWeeks,
    objective: refs.length ? objectiveOf(problem, starts) : 0,
    waves,
    held: built.held,
    contests,
    fairness,
    warnings,
    stats: solution.stats,
  };
}

function handleOf(ref: WaveRef): WaveHandle {
  return {
    initiativeId: ref.initiative.id,
    initiativeKey: ref.initiative.key,
    wave: ref.wave.key,
    businessUnit: ref.wave.businessUnit,
    priority: ref.priority,
    pinned: ref.pinnedWeek !== null && ref.startedWeek === null,
    underway: ref.startedWeek !== null,
  };
}

/** The holders with the strongest claim (under way, pinned, then highest priority) first, at most `MAX_NAMED_HOLDERS`. */
function strongest(handles: readonly WaveHandle[], holders: readonly number[]): WaveHandle[] {
  const claim = (h: WaveHandle) => (h.underway ? 2 : h.pinned ? 1 : 0);
  return [...holders]
    .sort((a, b) => claim(handles[b]) - claim(handles[a]) || handles[b].priority - handles[a].priority || a - b)
    .slice(0, MAX_NAMED_HOLDERS)
    .map((j) => handles[j]);
}

function describeHolders(handles: readonly WaveHandle[], holders: readonly number[]): string {
  const shown = strongest(handles, holders)
    .slice(0, 5)
    .map((h) => `${h.initiativeKey} ${h.wave} (${h.businessUnit}, ${h.underway ? `under way; priority ${h.priority}` : h.pinned ? `pinned to its week; priority ${h.priority}` : `priority ${h.priority}`})`);
  return shown.join(', ') + (holders.length > 5 ? ` and ${holders.length - 5} more` : '');
}

function describeReason(snapshot: PortfolioSnapshot, built: PortfolioProblem, handles: WaveHandle[], activity: number, reason: DelayReason): PlanReason {
  const { startDate } = snapshot;
  switch (reason.kind) {
    case 'capacity': {
      const pool = built.problem.resources[reason.resource].id;
      const weeks = weekRanges(startDate, reason.periods);
      const cuts = capacityCuts(snapshot, built, reason.resource, reason.periods).join(', ');
      const needs = built.problem.activities[activity].demand[reason.resource];
      return {
        kind: 'capacity',
        pool,
        weeks,
        heldBy: strongest(handles, reason.holders),
        heldByCount: reason.holders.length,
        text: reason.holders.length
          ? `${pool} is fully used ${weeks.map((w) => `${w.from}–${w.to}`).join(', ')} by ${describeHolders(handles, reason.holders)}${cuts ? `; it is ${cuts}` : ''}`
          : `${pool} is ${cuts || `short ${weeks.map((w) => `${w.from}–${w.to}`).join(', ')}`}, less than the ${needs} this wave needs`,
      };
    }
    case 'dependency': {
      const before = handles[reason.before];
      return { kind: 'dependency', heldBy: [before], text: `waits for ${before.initiativeKey} ${before.wave}, ready ${mondayOf(startDate, reason.readyAt)}` };
    }
    case 'budget': {
      const quarters = reason.budgetPeriods.map((q) => budgetQuarter(startDate, built.problem, q));
      return {
        kind: 'budget',
        heldBy: strongest(handles, reason.holders),
        heldByCount: reason.holders.length,
        text: reason.holders.length
          ? `the rollout budget of ${quarters.join(', ')} is taken by ${describeHolders(handles, reason.holders)}${spentEarlierText(snapshot, built, reason.budgetPeriods)}`
          : ownCostText(snapshot, built, activity, reason.budgetPeriods),
      };
    }
    case 'blackout':
      return { kind: 'freeze', weeks: weekRanges(startDate, range(reason.from, reason.to)), text: `change freeze ${mondayOf(startDate, reason.from)}–${sundayOf(startDate, reason.to - 1)}` };
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

function describeContest(snapshot: PortfolioSnapshot, handles: WaveHandle[], waves: PlannedWave[], contest: Contest): PlanContest {
  const pool = snapshot.pools[contest.resource].id;
  const loserPriority = Math.max(0, ...contest.losers.map((i) => handles[i].priority));
  const winnerPriority = Math.max(0, ...contest.winners.map((i) => handles[i].priority));
  const holderPriority = Math.max(winnerPriority, ...contest.otherHolders.map((i) => handles[i].priority));
  const why = (i: number, won: boolean): string => {
    const wave = waves[i];
    if (won) {
      // A pin outweighs any priority (the solver weighs it so): saying "higher priority" would send PMO to the wrong lever.
      if (wave.underwaySince) return `under way since ${wave.underwaySince}`;
      if (wave.pinned) return `pinned to its week by PMO (priority ${wave.priority})`;
      if (wave.priority > loserPriority) return `higher priority (${wave.priority} vs at most ${loserPriority} among those delayed)`;
      if (wave.priority === loserPriority) return `equal priority (${wave.priority}); the plan delivers more weighted value this way`;
      return `lower priority (${wave.priority}), but fits alongside the others or protects a deadline or dependent waves`;
    }
    // The contest begins once the wave is ready: a dependency it waited for first is said, never blamed for the rest.
    const waited = wave.reasons.find((r) => r.kind === 'dependency');
    const delayed = `delayed ${wave.delayWeeks} week(s)${waited ? ` (${waited.text})` : ''}`;
    const blocked = wave.reasons.find((r) => r.kind !== 'dependency' && (r.kind !== 'capacity' || r.pool !== pool));
    if (blocked) return `${delayed}; ${blocked.text}`;
    // A wave under way, then a pin, outweighs any priority: raising this wave's priority would not move it.
    const started = contest.winners.filter((j) => handles[j].underway).map((j) => `${handles[j].initiativeKey} ${handles[j].wave}, under way since ${waves[j].underwaySince}`);
    if (started.length) return `${delayed}: ${pool} is held by ${started.join('; ')}`;
    const pinned = contest.winners.filter((j) => handles[j].pinned).map((j) => `${handles[j].initiativeKey} ${handles[j].wave}`);
    if (pinned.length) return `${delayed}: ${pool} is held by ${pinned.join(', ')}, pinned to its week by PMO`;
    // Nobody holds the pool in these weeks: what it lacks then (a cut, say) is the reason, not anyone's priority.
    if (!contest.winners.length && !contest.otherHolders.length) {
      const short = wave.reasons.find((r) => r.kind === 'capacity' && r.pool === pool);
      return `${delayed}: ${short?.text ?? `${pool} has ${contest.capacity} units/week then, less than this wave needs`}`;
    }
    if (wave.priority < holderPriority) return `${delayed}: lower priority (${wave.priority}) than the waves holding ${pool} (up to ${holderPriority})`;
    // The solver weighs priority by how long a wave takes: a short wave of lower priority can go first, and raising this
    // wave's priority further may not move it.
    if (wave.priority === holderPriority) return `${delayed}: equal priority (${wave.priority}) with the waves holding ${pool}; the plan delivers more weighted value this way`;
    return `${delayed}: higher priority (${wave.priority}) than the waves holding ${pool} (up to ${holderPriority}), but they are shorter or protect a deadline or dependent waves; the plan delivers more weighted value this way`;
  };
  return {
    pool,
    from: mondayOf(snapshot.startDate, contest.from),
    to: sundayOf(snapshot.startDate, contest.to - 1),
    capacity: contest.capacity,
    demand: contest.demand,
    competitors: contest.contenders.map((i) => {
      const won = contest.winners.includes(i);
      return { ...handles[i], outcome: won ? ('won' as const) : ('lost' as const), delayWeeks: waves[i].delayWeeks, why: why(i, won) };
    }),
    otherHolders: contest.otherHolders.map((i) => handles[i]),
  };
}
