import { waveId } from './build-problem';
import type { PlanContest, PlannedWave, PortfolioPlan, WaveHandle } from './plan-portfolio';
import { weekOf } from './weeks';

export interface WaveMove extends WaveHandle {
  from: string;
  to: string;
  /** Positive: later; negative: earlier. */
  weeks: number;
  /** Why it moved, in words, when the two plans show it. */
  because: string[];
}

export interface PlanDiff {
  moved: WaveMove[];
  added: (WaveHandle & { start: string })[];
  removed: (WaveHandle & { start: string })[];
  weeksGained: number;
  weeksLost: number;
  /** Σ priority × weeks earlier over moved waves: positive when value arrives sooner. */
  valueDelta: number;
  contestsCreated: string[];
  contestsResolved: string[];
}

/** What changes from `base` to `next`, wave by wave, with the reasons the plans show. */
export function diffPlans(base: PortfolioPlan, next: PortfolioPlan): PlanDiff {
  const before = new Map(base.waves.map((w) => [waveId(w.initiativeId, w.wave), w]));
  const after = new Map(next.waves.map((w) => [waveId(w.initiativeId, w.wave), w]));
  const heldNow = new Map(next.held.map((h) => [h.initiativeId, h]));
  const moved: WaveMove[] = [];
  const added: (WaveHandle & { start: string })[] = [];
  const removed: (WaveHandle & { start: string })[] = [];
  for (const [id, wave] of after) {
    const old = before.get(id);
    if (!old) {
      added.push({ ...handle(wave), start: wave.start });
      continue;
    }
    // A wave under way began where it began, though this plan takes it up at its first week.
    const weeks = weekOf(began(old), began(wave));
    if (weeks !== 0) moved.push({ ...handle(wave), from: began(old), to: began(wave), weeks, because: becauseOf(old, wave, weeks, heldNow, after) });
  }
  // A wave that has finished left the plan by running its course: not a removal.
  const finished = (wave: PlannedWave) => heldNow.get(wave.initiativeId)?.waves.some((w) => w.wave === wave.wave && w.finished) ?? false;
  for (const [id, wave] of before) if (!after.has(id) && !finished(wave)) removed.push({ ...handle(wave), start: wave.start });

  const contestKeys = (plan: PortfolioPlan) => new Set(plan.contests.map(contestKey));
  const baseContests = contestKeys(base);
  const nextContests = contestKeys(next);
  return {
    moved: moved.sort(byKey),
    added: added.sort(byKey),
    removed: removed.sort(byKey),
    weeksGained: moved.reduce((sum, m) => sum + Math.max(0, -m.weeks), 0),
    weeksLost: moved.reduce((sum, m) => sum + Math.max(0, m.weeks), 0),
    valueDelta: moved.reduce((sum, m) => sum - m.priority * m.weeks, 0),
    contestsCreated: [...nextContests].filter((k) => !baseContests.has(k)).sort(),
    contestsResolved: [...baseContests].filter((k) => !nextContests.has(k)).sort(),
  };
}

function began(wave: PlannedWave): string {
  return wave.underwaySince ?? wave.start;
}

/** A contest's identity across plans: the pool, its first week and who contended. */
export function contestKey(contest: PlanContest): string {
  const who = contest.competitors.map((c) => `${c.initiativeKey}/${c.wave}`).sort();
  return `${contest.pool} from ${contest.from}: ${who.join(', ')}`;
}

function handle(wave: PlannedWave): WaveHandle {
  return {
    initiativeId: wave.initiativeId,
    initiativeKey: wave.initiativeKey,
    wave: wave.wave,
    businessUnit: wave.businessUnit,
    priority: wave.priority,
    // A plan stored before pins were named has none.
    pinned: wave.pinned ?? false,
    underway: wave.underwaySince !== undefined,
  };
}

function byKey(a: WaveHandle, b: WaveHandle): number {
  return a.initiativeKey.localeCompare(b.initiativeKey) || a.wave.localeCompare(b.wave);
}

/**
 * Reads the move off the two plans: an earlier start whose blockers are now
 * held or gone says whose capacity was freed; a later one names its new blockers.
 */
function becauseOf(old: PlannedWave, wave: PlannedWave, weeks: number, heldNow: Map<string, { posture: string | null; waves: { reason: string }[] }>, after: Map<string, PlannedWave>): string[] {
  const because: string[] = [];
  if (weeks < 0) {
    for (const reason of old.reasons) {
      const gone = (reason.heldBy ?? []).filter((h) => !after.has(waveId(h.initiativeId, h.wave)));
      for (const h of gone) {
        const held = heldNow.get(h.initiativeId);
        const why = held ? `now held (${held.waves[0]?.reason ?? held.posture})` : 'no longer in the plan';
        const what = reason.kind === 'capacity' ? `capacity on ${reason.pool} freed` : reason.kind === 'budget' ? 'budget freed' : 'dependency lifted';
        because.push(`${what}: ${h.initiativeKey} ${h.wave} is ${why}`);
      }
    }
    if (!because.length) because.push(`starts ${-weeks} week(s) earlier: ${old.reasons.map((r) => r.text).join('; ') || 'its blockers changed'} no longer holds`);
  } else {
    because.push(...wave.reasons.map((r) => r.text));
  }
  return [...new Set(because)];
}
