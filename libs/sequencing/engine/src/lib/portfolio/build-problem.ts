import Decimal from 'decimal.js';
import { budgetBounds, type Activity, type Precedence, type Problem, type Resource } from '../problem';
import type { PortfolioSnapshot, Posture, SnapshotInitiative, SnapshotWave } from './snapshot';
import { graphCycles } from './link-cycles';
import { unmatchedFreezeWarnings } from './unmatched-freezes';
import { deadlineWeek, mondayOf, quarterOf, sundayOf, weekOf, weekOnOrAfter } from './weeks';

/** Cost of one week past a deadline, in priority-weighted weeks: a deadline outweighs any priority. */
export const TARDINESS_PENALTY = 1_000;
/** Weight of a pinned wave: above any priority, so the plan starts it at its pin when it can. */
const PIN_WEIGHT = 10_000;
const UNLIMITED = Number.MAX_SAFE_INTEGER;

/** A scheduled wave behind an activity index. */
export interface WaveRef {
  readonly initiative: SnapshotInitiative;
  readonly wave: SnapshotWave;
  readonly priority: number;
  readonly pinnedWeek: number | null;
  /** For a wave under way: the week it started, before week 0 (for one recorded as running past its duration, the week that leaves it this one). */
  readonly startedWeek: number | null;
  /** For a wave under way: the day it started. */
  readonly startedOn: string | null;
  /** The week the finished waves it follows let it start (their finishing week's end plus the lag), 0 without. */
  readonly afterFinished: number;
}

export interface HeldInitiative {
  initiativeId: string;
  initiativeKey: string;
  name: string;
  businessUnit: string;
  posture: Posture | null;
  /** Waves not scheduled, each with why; `finished` (with when it began and ended) when it ran its course before this plan. */
  waves: { wave: string; reason: string; finished?: boolean; startedOn?: string; finishedOn?: string }[];
}

export interface PortfolioProblem {
  readonly problem: Problem;
  readonly refs: readonly WaveRef[];
  readonly held: HeldInitiative[];
  readonly priorities: ReadonlyMap<string, { readonly priority: number; readonly source: 'derived' | 'override'; readonly reason: string }>;
  readonly warnings: readonly string[];
  /** What waves the published plan began spent of the first quarter's budget before this plan starts, in minor units (0 without). */
  readonly spentBeforeStart: number;
}

/**
 * Turns a snapshot into the engine's problem. Posture gates what is scheduled:
 * `pause` (or not yet scored) holds the initiative, `controlled_investment`
 * schedules only the waves within its controlled scope, `authorize_deployment`
 * everything. A wave that must follow a held wave is held too, and so are
 * the waves of a dependency cycle; an order whose first side is held is ignored.
 */
export function buildProblem(snapshot: PortfolioSnapshot): PortfolioProblem {
  const warnings: string[] = [];
  const byId = new Map(snapshot.initiatives.map((i) => [i.id, i]));
  const poolIndex = new Map(snapshot.pools.map((p, r) => [p.id, r]));
  const priorities = prioritiesOf(snapshot);

  // Why each wave is not scheduled, keyed `initiativeId/wave`.
  const holds = new Map<string, string>();
  const hold = (initiative: SnapshotInitiative, wave: SnapshotWave, reason: string) => {
    if (!holds.has(waveId(initiative.id, wave.key))) holds.set(waveId(initiative.id, wave.key), reason);
  };
  const poolProblem = (wave: SnapshotWave): string | undefined => {
    for (const [pool, units] of Object.entries(wave.demand)) {
      const r = poolIndex.get(pool);
      if (r === undefined) return `needs pool "${pool}", which is not defined`;
      const capacity = lastingCapacity(snapshot, snapshot.pools[r]);
      if (units > capacity) return `needs ${units} units/week of ${pool}, more than its capacity of ${capacity}`;
    }
    return undefined;
  };
  // Started before this plan begins: finished waves leave the plan, running ones go on from week 0.
  const begun = begunWaves(snapshot, byId);
  const begunById = new Map(begun.map((b) => [waveId(b.initiative.id, b.wave.key), b]));
  // Done: nothing holds them, they leave the plan as finished. Recorded as under way (and plannable): they run
  // whatever the posture or their links now say, so the plan keeps the capacity they use.
  const finishedIds = new Set(begun.filter((b) => b.finished).map((b) => waveId(b.initiative.id, b.wave.key)));
  const runningIds = new Set(begun.filter((b) => b.recorded && !b.finished && !poolProblem(b.wave)).map((b) => waveId(b.initiative.id, b.wave.key)));
  const settled = new Set([...finishedIds, ...runningIds]);
  for (const initiative of snapshot.initiatives) {
    for (const wave of initiative.waves) {
      const id = waveId(initiative.id, wave.key);
      if (finishedIds.has(id)) continue;
      const gate = postureGate(initiative, wave);
      const begunHere = begunById.get(id);
      if (runningIds.has(id)) {
        // The rollout has gone past its gate (governance lagging deployment): said, not hidden.
        if (gate && begunHere) warnings.push(`${initiative.key} ${wave.key} is under way since ${begunHere.startedOn} although ${gate}: the plan keeps the capacity it uses; stop it, or have the committee decide`);
        continue;
      }
      const problem = poolProblem(wave);
      if (begunHere?.recorded && problem) warnings.push(`${initiative.key} ${wave.key} is recorded as under way since ${begunHere.startedOn} but cannot be planned: it ${problem}`);
      if (gate) {
        hold(initiative, wave, gate);
        if (begunHere && !begunHere.recorded) warnings.push(`${initiative.key} ${wave.key} was to be under way since ${begunHere.startedOn} in the published plan, but is held: ${gate}; record its progress if it runs`);
      }
      if (problem) hold(initiative, wave, problem);
    }
  }

  const links = waveLinks(snapshot, byId, warnings);
  spreadHolds(links, holds, settled);
  // Saving refuses a link that closes a cycle, but intake's dependencies arrive as events: hold the cycle rather than fail the plan.
  const scheduledLinks = links.filter((link) => ![link.before, link.after].some((end) => holds.has(endOf(end)) || finishedIds.has(endOf(end))));
  for (const cycle of linkCycles(scheduledLinks)) {
    const waiting = cycle.members.filter((end) => !runningIds.has(endOf(end)));
    for (const end of waiting) hold(end.initiative, end.wave, `in a dependency cycle: ${cycle.text}`);
    warnings.push(
      waiting.length
        ? `Dependency cycle ${cycle.text}: its waves are held until one of its links, dependencies or orders is removed`
        : `Dependency cycle ${cycle.text}: its waves are all under way; remove one of its links, dependencies or orders`,
    );
  }
  spreadHolds(links, holds, settled);
  for (const link of links) {
    if (link.startToStart && holds.has(endOf(link.before)) && !holds.has(endOf(link.after))) {
      warnings.push(`The order ${link.before.initiative.key} before ${link.after.initiative.key} is ignored while ${link.before.initiative.key} ${link.before.wave.key} is not scheduled`);
    }
  }

  const pins = pinnedWeeks(snapshot, byId, holds, settled, warnings);
  warnings.push(...unmatchedFreezeWarnings(snapshot));
  const started = new Map<string, { week: number; on: string }>();
  const finished = new Map<string, { reason: string; startedOn: string; finishedOn: string }>();
  for (const b of begun) {
    const id = waveId(b.initiative.id, b.wave.key);
    if (holds.has(id)) continue;
    if (b.finished) finished.set(id, { reason: b.finished.reason, startedOn: b.startedOn, finishedOn: b.finished.on });
    else {
      started.set(id, { week: b.began, on: b.startedOn });
      if (b.overdue) warnings.push(`${b.initiative.key} ${b.wave.key} was to take ${b.wave.durationWeeks} week(s) from ${b.startedOn} and is not recorded as finished: it is planned to finish by ${sundayOf(snapshot.startDate, 0)}`);
    }
  }

  // A finished wave leaves the plan, but what follows it still waits out the week it finished in and the lag.
  const afterFinished = new Map<string, number>();
  for (const link of links) {
    const done = finished.get(endOf(link.before));
    if (!done || link.startToStart) continue;
    const week = weekOf(snapshot.startDate, done.finishedOn) + 1 + link.lagWeeks;
    afterFinished.set(endOf(link.after), Math.max(afterFinished.get(endOf(link.after)) ?? 0, week));
  }

  const refs: WaveRef[] = [];
  const index = new Map<string, number>();
  const held: HeldInitiative[] = [];
  for (const initiative of snapshot.initiatives) {
    const heldWaves = initiative.waves.filter((w) => holds.has(waveId(initiative.id, w.key)) || finished.has(waveId(initiative.id, w.key)));
    if (heldWaves.length) {
      held.push({
        initiativeId: initiative.id,
        initiativeKey: initiative.key,
        name: initiative.name,
        businessUnit: initiative.businessUnit,
        posture: initiative.posture,
        waves: heldWaves.map((w) => {
          const done = finished.get(waveId(initiative.id, w.key));
          return done
            ? { wave: w.key, reason: done.reason, finished: true, startedOn: done.startedOn, finishedOn: done.finishedOn }
            : { wave: w.key, reason: holds.get(waveId(initiative.id, w.key))! };
        }),
      });
    }
    for (const wave of initiative.waves) {
      const id = waveId(initiative.id, wave.key);
      if (holds.has(id) || finished.has(id)) continue;
      index.set(id, refs.length);
      const start = started.get(id);
      // A wave under way holds its place as a pin does: it is running already.
      refs.push({
        initiative,
        wave,
        priority: priorities.get(initiative.id)!.priority,
        pinnedWeek: start ? 0 : (pins.get(id) ?? null),
        startedWeek: start?.week ?? null,
        startedOn: start?.on ?? null,
        afterFinished: afterFinished.get(id) ?? 0,
      });
    }
  }

  const resources: Resource[] = snapshot.pools.map((pool) => ({ id: pool.id, capacity: capacityProfile(snapshot, pool) }));
  const activities: Activity[] = refs.map((ref) => activityOf(snapshot, ref, poolIndex));
  const precedences: Precedence[] = [];
  for (const link of links) {
    const before = index.get(waveId(link.before.initiative.id, link.before.wave.key));
    const after = index.get(waveId(link.after.initiative.id, link.after.wave.key));
    if (before === undefined || after === undefined) continue;
    // A wave under way has begun: nothing before it can hold it back now (and links among running waves cannot loop).
    if (refs[after].startedWeek !== null) continue;
    // A start-to-start link (the fixed order) is a finish-to-start link with the predecessor's duration taken back.
    const lag = link.startToStart ? -activities[before].duration : link.lagWeeks;
    precedences.push({ before, after, lag });
  }

  const spent = spentBeforeStart(snapshot, begun);
  const budget = budgetOf(snapshot, spent, refs, warnings);
  return {
    problem: { horizon: snapshot.horizonWeeks, resources, activities, precedences, budget, objective: 'weighted', tardinessPenalty: TARDINESS_PENALTY },
    refs,
    held,
    priorities,
    warnings,
    spentBeforeStart: spent,
  };
}

export function waveId(initiativeId: string, wave: string): string {
  return `${initiativeId}/${wave}`;
}

function postureGate(initiative: SnapshotInitiative, wave: SnapshotWave): string | undefined {
  switch (initiative.posture) {
    case null:
      return 'not yet scored';
    case 'pause':
      return 'posture is pause';
    case 'controlled_investment': {
      const units = initiative.scopeUnits;
      if (units?.length) {
        return units.includes(wave.businessUnit) ? undefined : `${wave.businessUnit} is outside the scope envelope (${units.join(', ')}); needs authorize_deployment`;
      }
      return wave.withinControlledScope ? undefined : 'outside the controlled-investment scope; needs authorize_deployment';
    }
    case 'authorize_deployment':
      return undefined;
  }
}

/**
 * Priority 1–100: the posture (authorized first) plus the initiative's value
 * relative to the most valuable one; a PMO override replaces it.
 */
type Priority = { priority: number; source: 'derived' | 'override'; reason: string };

function prioritiesOf(snapshot: PortfolioSnapshot): Map<string, Priority> {
  const maxValue = Decimal.max(0, ...snapshot.initiatives.map((i) => new Decimal(i.value)));
  const overrides = new Map<string, { priority: number; reason: string }>();
  for (const o of snapshot.overrides) if (o.kind === 'priority') overrides.set(o.initiativeId, o);
  return new Map(
    snapshot.initiatives.map((initiative): [string, Priority] => {
      const override = overrides.get(initiative.id);
      if (override) return [initiative.id, { priority: override.priority, source: 'override' as const, reason: `PMO override: ${override.reason}` }];
      const base = initiative.posture === 'authorize_deployment' ? 50 : 25;
      const valueScore = maxValue.isZero() ? 0 : new Decimal(initiative.value).div(maxValue).times(50).round().toNumber();
      return [
        initiative.id,
        { priority: Math.max(1, base + valueScore), source: 'derived' as const, reason: `${initiative.posture ?? 'unscored'} (${base}) + value ${initiative.value} (${valueScore} of 50)` },
      ];
    }),
  );
}

interface LinkEnd {
  readonly initiative: SnapshotInitiative;
  readonly wave: SnapshotWave;
}

interface WaveLink {
  readonly before: LinkEnd;
  readonly after: LinkEnd;
  readonly lagWeeks: number;
  readonly startToStart?: boolean;
}

function endOf(end: LinkEnd): string {
  return waveId(end.initiative.id, end.wave.key);
}

/**
 * Holding spreads along links until nothing changes: a successor of a held
 * wave cannot start (one finished or recorded as under way is past that). A PMO order is not a dependency: when its first side is
 * held, the order is ignored rather than holding the other rollout.
 */
function spreadHolds(links: readonly WaveLink[], holds: Map<string, string>, settled: ReadonlySet<string>): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const link of links) {
      if (link.startToStart) continue;
      const [before, after] = [endOf(link.before), endOf(link.after)];
      if (holds.has(before) && !holds.has(after) && !settled.has(after)) {
        holds.set(after, `waits for ${link.before.initiative.key} ${link.before.wave.key}, which is not scheduled`);
        changed = true;
      }
    }
  }
}

/** The cycles the links make, named by initiative key and wave, e.g. `CAP-1 w1 → CAP-2 w1 → CAP-1 w1`. */
function linkCycles(links: readonly WaveLink[]): { members: LinkEnd[]; text: string }[] {
  const ends = new Map<string, { index: number; end: LinkEnd }>();
  const indexOf = (end: LinkEnd) => {
    let entry = ends.get(endOf(end));
    if (!entry) ends.set(endOf(end), (entry = { index: ends.size, end }));
    return entry.index;
  };
  const edges = links.map((link) => [indexOf(link.before), indexOf(link.after)] as const);
  const byIndex = [...ends.values()].map((e) => e.end);
  return graphCycles(byIndex.length, edges).map((cycle) => ({
    members: cycle.members.map((i) => byIndex[i]),
    text: cycle.path.map((i) => `${byIndex[i].initiative.key} ${byIndex[i].wave.key}`).join(' → '),
  }));
}

/**
 * The dependency cycles among a snapshot's wave links, intake dependencies and
 * PMO orders, whatever the postures (a posture can change, the cycle stays):
 * each with the ids (`initiativeId/wave`) of the waves in it.
 */
export function dependencyCycles(snapshot: PortfolioSnapshot): { waves: string[]; text: string }[] {
  const links = waveLinks(snapshot, new Map(snapshot.initiatives.map((i) => [i.id, i])), []);
  return linkCycles(links).map((cycle) => ({ waves: cycle.members.map(endOf), text: cycle.text }));
}

/** Pinned start weeks by wave id, a pin on a weekday rounded up to the next Monday; a pin that cannot apply is dropped with a warning. */
function pinnedWeeks(
  snapshot: PortfolioSnapshot,
  byId: Map<string, SnapshotInitiative>,
  holds: Map<string, string>,
  settled: ReadonlySet<string>,
  warnings: string[],
): Map<string, number> {
  const pins = new Map<string, number>();
  for (const override of snapshot.overrides) {
    if (override.kind !== 'pin') continue;
    const initiative = byId.get(override.initiativeId);
    const wave = initiative?.waves.find((w) => w.key === override.wave);
    const pin = `The pin of ${initiative?.key ?? `initiative ${override.initiativeId}`} ${override.wave} to ${override.start}`;
    if (!initiative) warnings.push(`${pin} is ignored: the initiative has no rollout in this plan`);
    else if (!wave) warnings.push(`${pin} is ignored: ${initiative.key} has no rollout wave ${override.wave}`);
    else if (holds.has(waveId(initiative.id, wave.key))) warnings.push(`${pin} is ignored: the wave is not scheduled (${holds.get(waveId(initiative.id, wave.key))})`);
    else {
      const week = weekOnOrAfter(snapshot.startDate, override.start);
      // Begun or done, the pin did its work; not begun, it is overdue: said, then planned as soon as it can.
      if (week < 0 && !settled.has(waveId(initiative.id, wave.key))) warnings.push(`${pin} is in a week gone by and the wave has not started: it is planned from ${snapshot.startDate} at the earliest`);
      pins.set(waveId(initiative.id, wave.key), Math.max(0, week));
    }
  }
  return pins;
}

/** Wave-level links, intake's hard dependencies (first wave after the other's first wave) and PMO's fixed orders. */
function waveLinks(snapshot: PortfolioSnapshot, byId: Map<string, SnapshotInitiative>, warnings: string[]): WaveLink[] {
  const links: WaveLink[] = [];
  for (const initiative of snapshot.initiatives) {
    for (const wave of initiative.waves) {
      for (const link of wave.after) {
        const other = link.initiativeId ? byId.get(link.initiativeId) : initiative;
        const before = other?.waves.find((w) => w.key === link.wave);
        if (!other || !before) {
          warnings.push(`${initiative.key} ${wave.key} follows ${link.wave}${link.initiativeId ? ` of ${link.initiativeId}` : ''}, which has no rollout wave; the link is ignored`);
          continue;
        }
        links.push({ before: { initiative: other, wave: before }, after: { initiative, wave }, lagWeeks: link.lagWeeks });
      }
    }
  }
  for (const { initiativeId, dependsOn } of snapshot.dependencies) {
    const initiative = byId.get(initiativeId);
    const other = byId.get(dependsOn);
    if (!initiative?.waves.length) continue;
    if (!other?.waves.length) {
      warnings.push(`${initiative.key} depends on ${other ? other.key : `initiative ${dependsOn}`}, which has no rollout waves in this plan; the dependency is ignored`);
      continue;
    }
    links.push({ before: { initiative: other, wave: other.waves[0] }, after: { initiative, wave: initiative.waves[0] }, lagWeeks: 0 });
  }
  for (const o of snapshot.overrides) {
    if (o.kind !== 'order') continue;
    const first = byId.get(o.first);
    const then = byId.get(o.then);
    if (!then?.waves.length) continue;
    if (!first?.waves.length) {
      warnings.push(`The order ${first?.key ?? `initiative ${o.first}`} before ${then.key} is ignored: the first has no rollout waves in this plan`);
      continue;
    }
    links.push({ before: { initiative: first, wave: first.waves[0] }, after: { initiative: then, wave: then.waves[0] }, lagWeeks: 0, startToStart: true });
  }
  return links;
}

function capacityProfile(snapshot: PortfolioSnapshot, pool: PortfolioSnapshot['pools'][number]): number[] {
  const capacity = new Array<number>(snapshot.horizonWeeks).fill(pool.capacityPerWeek);
  for (const adjustment of pool.adjustments) {
    const from = Math.max(0, weekOf(snapshot.startDate, adjustment.from));
    const to = Math.min(snapshot.horizonWeeks - 1, weekOf(snapshot.startDate, adjustment.to));
    // Later adjustments win, so a scenario can raise what an earlier one lowered.
    for (let t = from; t <= to; t++) capacity[t] = adjustment.capacity;
  }
  // One entry past the horizon carries the pool's lasting capacity on beyond it.
  capacity.push(lastingCapacity(snapshot, pool));
  return capacity;
}

/**
 * What a pool has for good, past the horizon: its base capacity, or more where the adjustment that sets the
 * horizon's last week raises it and runs on past the horizon (a hire, say). Never less than the base: a cut
 * running past the horizon would leave a wave needing the pool nowhere to go, so it is held against the base.
 */
function lastingCapacity(snapshot: PortfolioSnapshot, pool: PortfolioSnapshot['pools'][number]): number {
  const last = snapshot.horizonWeeks - 1;
  let lasting = pool.capacityPerWeek;
  for (const adjustment of pool.adjustments) {
    if (weekOf(snapshot.startDate, adjustment.from) > last || weekOf(snapshot.startDate, adjustment.to) < last) continue;
    // Later adjustments win, as in the profile.
    lasting = weekOf(snapshot.startDate, adjustment.to) > last ? adjustment.capacity : pool.capacityPerWeek;
  }
  return Math.max(pool.capacityPerWeek, lasting);
}

function activityOf(snapshot: PortfolioSnapshot, ref: WaveRef, poolIndex: Map<string, number>): Activity {
  const { wave } = ref;
  const demand = new Array<number>(snapshot.pools.length).fill(0);
  for (const [pool, units] of Object.entries(wave.demand)) demand[poolIndex.get(pool)!] = units;
  const underway = ref.startedWeek !== null;
  const release = underway ? 0 : Math.max(0, wave.earliestStart ? weekOnOrAfter(snapshot.startDate, wave.earliestStart) : 0, ref.pinnedWeek ?? 0, ref.afterFinished);
  // A freeze stops what would start in it, not a rollout already running.
  const blackouts = snapshot.freezeWindows
    .filter((f) => !underway && f.businessUnit === wave.businessUnit)
    .map((f) => [Math.max(0, weekOf(snapshot.startDate, f.from)), weekOf(snapshot.startDate, f.to) + 1] as const)
    .filter(([from, to]) => to > from);
  return {
    id: waveId(ref.initiative.id, wave.key),
    duration: underway ? wave.durationWeeks + (ref.startedWeek as number) : wave.durationWeeks,
    demand,
    release,
    deadline: wave.deadline ? deadlineWeek(snapshot.startDate, wave.deadline) : undefined,
    weight: ref.pinnedWeek === null ? ref.priority : PIN_WEIGHT,
    costPerPeriod: minorUnits(wave.costPerWeek),
    blackouts,
    // Running: no pin, priority or budget moves it, not even a week.
    ...(underway ? { fixed: true } : {}),
  };
}

/**
 * Budget periods are the calendar quarters the plan's weeks fall in (a week
 * in the quarter of its Monday), each with its quarter's limit, unlimited
 * where none is set; a plan starting mid-quarter begins with what is left of
 * it once `spent` (what waves begun before the start spent in it) is taken.
 * Waves under way go on whatever the budget (the engine takes their cost
 * first): a quarter they cost more than is left of is warned of as overspent,
 * and nothing else is planned in it.
 */
function budgetOf(snapshot: PortfolioSnapshot, spent: number, refs: readonly WaveRef[], warnings: string[]): Problem['budget'] {
  if (!snapshot.budgetLimits.length) return undefined;
  const byQuarter = new Map(snapshot.budgetLimits.map((b) => [b.quarter, minorUnits(b.amount)]));
  const bounds = [0];
  const quarters: string[] = [];
  for (let week = 0; week < snapshot.horizonWeeks; week++) {
    const quarter = quarterOf(mondayOf(snapshot.startDate, week));
    if (quarter === quarters[quarters.length - 1]) continue;
    if (week > 0) bounds.push(week);
    quarters.push(quarter);
  }
  bounds.push(snapshot.horizonWeeks);
  const first = quarters[0];
  const firstLimit = byQuarter.get(first);
  if (firstLimit !== undefined) byQuarter.set(first, Math.max(0, firstLimit - spent));
  // Waves under way run from week 0 for the weeks they have left: what they cost in each quarter.
  const running = refs.filter((ref) => ref.startedWeek !== null);
  quarters.forEach((quarter, q) => {
    const limit = byQuarter.get(quarter);
    if (limit === undefined) return;
    const cost = running.reduce((sum, ref) => {
      const weeks = Math.min(ref.wave.durationWeeks + (ref.startedWeek as number), bounds[q + 1]) - bounds[q];
      return sum + minorUnits(ref.wave.costPerWeek) * Math.max(0, weeks);
    }, 0);
    if (cost <= limit) return;
    const before = q === 0 ? `${money(spent)} before ${snapshot.startDate} and ` : '';
    const budgeted = q === 0 ? (firstLimit as number) : limit;
    warnings.push(`The rollout budget of ${quarter} (${money(budgeted)}) is overspent: ${before}${money(cost)} for the waves under way; nothing else is planned in it`);
  });
  return { periodBounds: bounds, limits: quarters.map((quarter) => byQuarter.get(quarter) ?? UNLIMITED) };
}

/** A wave begun before the plan's start, as recorded or as the published plan had it. */
interface BegunWave {
  readonly initiative: SnapshotInitiative;
  readonly wave: SnapshotWave;
  readonly startedOn: string;
  /** The week it began (running: the week from which its weeks left count, at most 0). */
  readonly began: number;
  /** When it ended before the plan's start, and how that is known. */
  readonly finished?: { readonly on: string; readonly reason: string; readonly endWeek: number };
  /** Recorded as running though it should have ended by now: given the plan's first week. */
  readonly overdue?: boolean;
  /** Recorded by PMO, not inferred from the published plan. */
  readonly recorded: boolean;
}

/**
 * The waves that began before the plan's start, held or not (held, they still
 * spent). Recorded progress decides: a recorded finish ends the wave; a
 * recorded start runs until its duration is up, and one running past it as
 * of `snapshot.today` is given the plan's first week. Without a record the
 * published plan's start decides, the wave lasting its duration.
 */
function begunWaves(snapshot: PortfolioSnapshot, byId: ReadonlyMap<string, SnapshotInitiative>): BegunWave[] {
  const { startDate } = snapshot;
  // The week holding today, for a plan starting later (0 for one that has started).
  const todayWeek = Math.min(0, weekOf(startDate, snapshot.today ?? startDate));
  const begun: BegunWave[] = [];
  for (const { initiativeId, wave: key, startedOn, recorded, finishedOn } of snapshot.underway ?? []) {
    const initiative = byId.get(initiativeId);
    const wave = initiative?.waves.find((w) => w.key === key);
    if (!initiative || !wave) continue;
    const week = weekOf(startDate, startedOn);
    const expectedEnd = week + wave.durationWeeks;
    const base = { initiative, wave, startedOn, recorded: recorded === true };
    if (recorded && finishedOn) {
      begun.push({ ...base, began: Math.min(0, week), finished: { on: finishedOn, reason: `finished ${finishedOn}, as recorded`, endWeek: weekOf(startDate, finishedOn) + 1 } });
    } else if (recorded && expectedEnd <= todayWeek) {
      begun.push({ ...base, began: 1 - wave.durationWeeks, overdue: true });
    } else if (!recorded && week >= 0) {
      continue;
    } else if (expectedEnd <= 0) {
      const on = sundayOf(startDate, expectedEnd - 1);
      begun.push({ ...base, began: week, finished: { on, reason: recorded ? `expected to finish ${on}, before this plan starts` : `finished ${on}, as the published plan had it`, endWeek: expectedEnd } });
    } else {
      begun.push({ ...base, began: Math.min(0, week) });
    }
  }
  return begun;
}

/**
 * What the waves begun before the plan (finished or still running, held
 * since or not: the money is spent) cost in the weeks of the plan's first
 * quarter before the plan starts, in minor units.
 */
function spentBeforeStart(snapshot: PortfolioSnapshot, begun: readonly BegunWave[]): number {
  const quarter = quarterOf(snapshot.startDate);
  let quarterStart = 0;
  while (quarterOf(mondayOf(snapshot.startDate, quarterStart - 1)) === quarter) quarterStart--;
  let spent = 0;
  for (const b of begun) {
    const from = weekOf(snapshot.startDate, b.startedOn);
    const weeks = Math.min(b.finished?.endWeek ?? 0, 0) - Math.max(from, quarterStart);
    if (weeks > 0) spent += minorUnits(b.wave.costPerWeek) * weeks;
  }
  return spent;
}

/** Minor units as an amount with two decimals, for what plans say. */
export function money(minorUnits: number): string {
  return new Decimal(minorUnits).div(100).toFixed(2);
}

/** The calendar quarter ("2027-Q1") of a budget period of the plan. */
export function budgetQuarter(startDate: string, problem: Problem, period: number): string {
  return quarterOf(mondayOf(startDate, problem.budget ? budgetBounds(problem.budget)[period] : 0));
}

/** Money in whole cents; the engine's budget arithmetic is integer and exact. */
export function minorUnits(amount: string): number {
  const cents = new Decimal(amount).times(100);
  if (!cents.isInteger() || cents.abs().greaterThan(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${amount} is not an amount with at most two decimal places`);
  return cents.toNumber();
}
