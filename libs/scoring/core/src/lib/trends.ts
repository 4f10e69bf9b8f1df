import type { DomainId } from '@capstan/domain';

export type Trend = 'improving' | 'stable' | 'deteriorating';

export interface ScoredMoment {
  evaluatedAt: string;
  domainScores: Partial<Record<DomainId, number>>;
}

/** Points a domain must move across the window before it counts as a trend. */
const MIN_MOVE = 5;

/**
 * Each domain's direction across recent evaluations (oldest first): the
 * latest score against the average of the earlier ones. Friction builds
 * gradually, so two or more domains deteriorating at once is an early warning.
 */
export function domainTrends(history: ScoredMoment[]): { trends: Partial<Record<DomainId, Trend>>; earlyWarning: string | null } {
  const trends: Partial<Record<DomainId, Trend>> = {};
  if (history.length < 2) return { trends, earlyWarning: null };
  const latest = history[history.length - 1];
  const earlier = history.slice(0, -1);
  for (const [domain, score] of Object.entries(latest.domainScores) as [DomainId, number][]) {
    const before = earlier.map((moment) => moment.domainScores[domain]).filter((value): value is number => value !== undefined);
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
