import type { DomainId } from '@capstan/domain';

export type Trend = 'improving' | 'stable' | 'deteriorating';

export interface ScoredMoment {
  evaluatedAt: string;
  domainScores: Partial<Record<DomainId, number>>;
}

/** Points a domain must move before it counts as a trend. */
const MIN_MOVE = 5;
/** Days a trend looks back across, the current one's excluded. */
export const TREND_DAYS = 28;
const DAY_MS = 86_400_000;

const dayOf = (moment: ScoredMoment) => Math.floor(Date.parse(moment.evaluatedAt) / DAY_MS);
const byTime = (a: ScoredMoment, b: ScoredMoment) => Date.parse(a.evaluatedAt) - Date.parse(b.evaluatedAt);

/**
 * Each domain's direction: the latest score (the last of `history`, oldest
 * first) against the score that held at the end of each of the `TREND_DAYS`
 * days before its own, averaged. Measured over days, not evaluations: an
 * initiative re-scored ten times today (every cost entry re-scores it) would
 * otherwise hide this morning's drop by the evening, and a quiet one would
 * compare across months. Friction builds gradually, so two or more domains
 * deteriorating at once is an early warning.
 */
export function domainTrends(history: ScoredMoment[]): { trends: Partial<Record<DomainId, Trend>>; earlyWarning: string | null } {
  const trends: Partial<Record<DomainId, Trend>> = {};
  if (history.length < 2) return { trends, earlyWarning: null };
  const latest = history[history.length - 1];
  const earlier = history.slice(0, -1).sort(byTime);
  const today = dayOf(latest);
  // What held at the end of each earlier day: the last moment before the next day began.
  const held: ScoredMoment[] = [];
  for (let day = today - TREND_DAYS; day < today; day++) {
    const end = (day + 1) * DAY_MS;
    const last = earlier.filter((moment) => Date.parse(moment.evaluatedAt) < end).at(-1);
    if (last) held.push(last);
  }
  for (const [domain, score] of Object.entries(latest.domainScores) as [DomainId, number][]) {
    const before = held.map((moment) => moment.domainScores[domain]).filter((value): value is number => value !== undefined);
    if (!before.length) continue;
    const average = before.reduce((sum, value) => sum + value, 0) / before.length;
    trends[domain] = score - average >= MIN_MOVE ? 'improving' : average - score >= MIN_MOVE ? 'deteriorating' : 'stable';
  }
  const deteriorating = (Object.keys(trends) as DomainId[]).filter((domain) => trends[domain] === 'deteriorating');
  return {
    trends,
    earlyWarning: deteriorating.length >= 2 ? `friction building: ${deteriorating.join(', ')} deteriorating together` : null,
  };
}

/**
 * The moments a trend needs, to keep with an initiative: the last of each day
 * in the `TREND_DAYS` before `current`'s, the last before those (what held as
 * they began), and `current` — at most `TREND_DAYS` + 2, however often it is
 * re-scored.
 */
export function momentsForTrends(earlier: ScoredMoment[], current: ScoredMoment): ScoredMoment[] {
  const today = dayOf(current);
  const lastOfDay = new Map<number, ScoredMoment>();
  for (const moment of [...earlier].sort(byTime)) if (dayOf(moment) < today) lastOfDay.set(dayOf(moment), moment);
  const days = [...lastOfDay.keys()].sort((a, b) => a - b);
  const before = days.filter((day) => day < today - TREND_DAYS).at(-1);
  const kept = days.filter((day) => day >= today - TREND_DAYS);
  return [...(before === undefined ? [] : [before]), ...kept].map((day) => lastOfDay.get(day) as ScoredMoment).concat(current);
}
