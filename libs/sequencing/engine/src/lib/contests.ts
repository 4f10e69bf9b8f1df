import { capacityAt, type Problem, type Starts } from './problem';
import { activeByPeriod, firstOpenStart, readyStarts } from './explain';

/**
 * A contest: consecutive periods in which activities of more than one group
 * (business unit) wanted the same resource — each in the periods it would
 * occupy if it started as early as its dependencies (where they are
 * scheduled) and freezes let it — for more than its capacity.
 */
export interface Contest {
  readonly resource: number;
  /** Half-open period range [from, to). */
  readonly from: number;
  readonly to: number;
  readonly capacity: number;
  /** The most wanted in any one period of the range. */
  readonly demand: number;
  /** Activities that wanted the resource in these periods. */
  readonly contenders: readonly number[];
  /** Contenders that hold it in at least one of these periods. */
  readonly winners: readonly number[];
  /** Activities holding it that were not contenders (moved into these periods by earlier delays). */
  readonly otherHolders: readonly number[];
  /** Contenders that wanted it but do not hold it in any of these periods. */
  readonly losers: readonly number[];
}

export interface GroupShare {
  readonly group: string;
  /** Units wanted in contested periods, and units actually held there. */
  readonly demand: number;
  readonly held: number;
}

export interface Fairness {
  readonly group: string;
  readonly demandShare: number;
  readonly capacityShare: number;
  /** Per bucket of periods (`bucketOf`: calendar quarters of weeks, say), in bucket order. */
  readonly series: readonly { readonly bucket: number; readonly demandShare: number; readonly capacityShare: number }[];
}

/**
 * The contests of a schedule and each group's share of contested demand
 * against its share of the capacity it got there, overall and per bucket of
 * periods (`bucketOf(period)`, ascending with the period: the calendar
 * quarter of a week, say). `groups[i]` is activity i's business unit.
 */
export function analyseContests(
  problem: Problem,
  starts: Starts,
  groups: readonly string[],
  bucketOf: (period: number) => number,
): { contests: Contest[]; fairness: Fairness[] } {
  const { contests, cells } = contestedCells(problem, starts, groups);
  return { contests, fairness: fairnessOfCells(cells, bucketOf) };
}

function fairnessOfCells(cells: readonly Cell[], bucketOf: (period: number) => number): Fairness[] {
  const overall = new Map<string, { demand: number; held: number }>();
  const byBucket = new Map<number, Map<string, { demand: number; held: number }>>();
  for (const cell of cells) {
    const bucket = bucketOf(cell.period);
    if (!byBucket.has(bucket)) byBucket.set(bucket, new Map());
    for (const share of cell.shares) {
      for (const target of [overall, byBucket.get(bucket)!]) {
        const entry = target.get(share.group) ?? { demand: 0, held: 0 };
        entry.demand += share.demand;
        entry.held += share.held;
        target.set(share.group, entry);
      }
    }
  }
  const sharesOf = (totals: Map<string, { demand: number; held: number }>, group: string) => {
    let demand = 0;
    let held = 0;
    totals.forEach((v) => ((demand += v.demand), (held += v.held)));
    const mine = totals.get(group) ?? { demand: 0, held: 0 };
    return { demandShare: ratio(mine.demand, demand), capacityShare: ratio(mine.held, held) };
  };
  const buckets = [...byBucket.keys()].sort((a, b) => a - b);
  return [...overall.keys()].sort().map((group) => ({
    group,
    ...sharesOf(overall, group),
    series: buckets.map((bucket) => ({ bucket, ...sharesOf(byBucket.get(bucket)!, group) })),
  }));
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

interface Cell {
  readonly resource: number;
  readonly period: number;
  readonly shares: readonly GroupShare[];
}

function contestedCells(problem: Problem, starts: Starts, groups: readonly string[]): { contests: Contest[]; cells: Cell[] } {
  const { activities, resources } = problem;
  // What each wave wants: the weeks from the first start its dependencies (as scheduled) and freezes left it.
  // Wanting weeks before its dependencies let it start would contest what it could never have had.
  const ready = readyStarts(problem, starts);
  const wants = activities.map((a, i) => firstOpenStart(a, ready[i], starts[i]));
  const active = activeByPeriod(problem, starts);
  let end = active.length;
  activities.forEach((a, i) => (end = Math.max(end, wants[i] + a.duration)));

  const contests: Contest[] = [];
  const cells: Cell[] = [];
  resources.forEach((resource, r) => {
    // A week-by-week list per pool costs pools × weeks: only pools someone wants can be contested.
    if (!activities.some((a) => a.demand[r])) return;
    const wanting: number[][] = Array.from({ length: end }, () => []);
    activities.forEach((a, i) => {
      if (!a.demand[r]) return;
      for (let t = wants[i]; t < wants[i] + a.duration; t++) wanting[t].push(i);
    });
    let open: { from: number; key: string; contenders: number[]; demand: number; capacity: number; winners: Set<number>; others: Set<number> } | undefined;
    const close = (to: number) => {
      if (!open) return;
      const winners = open.contenders.filter((i) => open!.winners.has(i));
      contests.push({
        resource: r,
        from: open.from,
        to,
        capacity: open.capacity,
        demand: open.demand,
        contenders: open.contenders,
        winners,
        otherHolders: [...open.others].sort((a, b) => a - b),
        losers: open.contenders.filter((i) => !open!.winners.has(i)),
      });
      open = undefined;
    };
    for (let t = 0; t < end; t++) {
      const contenders = wanting[t];
      const demand = contenders.reduce((sum, i) => sum + activities[i].demand[r], 0);
      const capacity = capacityAt(resource, t);
      const contested = demand > capacity && new Set(contenders.map((i) => groups[i])).size > 1;
      if (!contested) {
        close(t);
        continue;
      }
      const holders = (active[t] ?? []).filter((i) => activities[i].demand[r]);
      cells.push({ resource: r, period: t, shares: groupShares(activities, r, contenders, holders, groups) });
      const key = contenders.join(',');
      if (open && (open.key !== key || open.capacity !== capacity)) close(t);
      open ??= { from: t, key, contenders: [...contenders], demand: 0, capacity, winners: new Set(), others: new Set() };
      open.demand = Math.max(open.demand, demand);
      const wanted = new Set(contenders);
      for (const i of holders) (wanted.has(i) ? open.winners : open.others).add(i);
    }
    close(end);
  });
  return { contests, cells };
}

function groupShares(
  activities: Problem['activities'],
  r: number,
  contenders: readonly number[],
  holders: readonly number[],
  groups: readonly string[],
): GroupShare[] {
  const shares = new Map<string, { demand: number; held: number }>();
  const add = (i: number, field: 'demand' | 'held') => {
    const entry = shares.get(groups[i]) ?? { demand: 0, held: 0 };
    entry[field] += activities[i].demand[r];
    shares.set(groups[i], entry);
  };
  contenders.forEach((i) => add(i, 'demand'));
  holders.forEach((i) => add(i, 'held'));
  return [...shares].map(([group, v]) => ({ group, ...v }));
}
