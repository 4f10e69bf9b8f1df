import type { PortfolioPlan } from './plan-portfolio';

/** How an initiative fares in a plan's contests: what scoring measures as rollout conflicts. */
export interface Contention {
  initiativeId: string;
  initiativeKey: string;
  /** Contests it took part in, and lost. */
  contests: number;
  contestsLost: number;
  /** Weeks its waves start later than they could: the sum over its delayed waves. */
  weeksLost: number;
  /** The other initiatives it contested capacity with, by key. */
  rivals: string[];
}

/** One entry per initiative with waves in the plan, in key order. */
export function contentionByInitiative(plan: PortfolioPlan): Contention[] {
  const byId = new Map<string, Contention>();
  for (const wave of plan.waves) {
    const entry = byId.get(wave.initiativeId) ?? { initiativeId: wave.initiativeId, initiativeKey: wave.initiativeKey, contests: 0, contestsLost: 0, weeksLost: 0, rivals: [] };
    entry.weeksLost += wave.delayWeeks;
    byId.set(wave.initiativeId, entry);
  }
  for (const contest of plan.contests) {
    const inContest = new Set(contest.competitors.map((c) => c.initiativeId));
    for (const id of inContest) {
      const entry = byId.get(id);
      if (!entry) continue;
      entry.contests++;
      if (contest.competitors.some((c) => c.initiativeId === id && c.outcome === 'lost')) entry.contestsLost++;
      for (const rival of contest.competitors) {
        if (rival.initiativeId !== id && !entry.rivals.includes(rival.initiativeKey)) entry.rivals.push(rival.initiativeKey);
      }
    }
  }
  return [...byId.values()].map((e) => ({ ...e, rivals: e.rivals.sort() })).sort((a, b) => a.initiativeKey.localeCompare(b.initiativeKey));
}
