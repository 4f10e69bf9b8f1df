import { capacityAt } from '../problem';
import { budgetQuarter, money, type PortfolioProblem } from './build-problem';
import type { PortfolioSnapshot } from './snapshot';
import { weekOf, weekRanges } from './weeks';

/**
 * What a delay reason says when no other wave holds what the wave waited for:
 * the pool's own capacity was lowered, or the wave alone costs more than the
 * quarter's budget. Without these the reason named nobody ("… by ").
 */

/** The weeks among `periods` in which an adjustment lowered the pool, per adjustment: "reduced to 0 units/week 2027-01-04–2027-01-17 (team offsite)". */
export function capacityCuts(snapshot: PortfolioSnapshot, built: PortfolioProblem, resource: number, periods: readonly number[]): string[] {
  const pool = snapshot.pools[resource];
  const byAdjustment = new Map<number, number[]>();
  for (const t of periods) {
    if (capacityAt(built.problem.resources[resource], t) >= pool.capacityPerWeek) continue;
    // The last adjustment covering the week set it (later adjustments win).
    let k = -1;
    for (const [n, a] of pool.adjustments.entries()) if (weekOf(snapshot.startDate, a.from) <= t && t <= weekOf(snapshot.startDate, a.to)) k = n;
    const weeks = byAdjustment.get(k);
    if (weeks) weeks.push(t);
    else byAdjustment.set(k, [t]);
  }
  return [...byAdjustment].map(([k, weeks]) => {
    const adjustment = pool.adjustments[k];
    const dates = weekRanges(snapshot.startDate, weeks).map((w) => `${w.from}–${w.to}`).join(', ');
    return `reduced to ${adjustment?.capacity ?? capacityAt(built.problem.resources[resource], weeks[0])} units/week ${dates}${adjustment?.reason ? ` (${adjustment.reason})` : ''}`;
  });
}

/** "its own cost (600.00 a week) is more than the rollout budget of 2027-Q1 (500.00)", with what was spent of it before the plan: "(200.00 left …)". */
export function ownCostText(snapshot: PortfolioSnapshot, built: PortfolioProblem, activity: number, budgetPeriods: readonly number[]): string {
  const { problem } = built;
  const limits = budgetPeriods.map((q) => {
    const left = money(problem.budget?.limits[q] ?? 0);
    const spent = q === 0 ? built.spentBeforeStart : 0;
    return `${budgetQuarter(snapshot.startDate, problem, q)} (${spent ? `${left} left, ${money(spent)} spent before ${snapshot.startDate} by waves begun in the published plan` : left})`;
  });
  return `its own cost (${money(problem.activities[activity].costPerPeriod ?? 0)} a week) is more than the rollout budget of ${limits.join(', ')}`;
}

/** "; 300.00 of 2026-Q4's was spent before 2026-11-16 by waves begun in the published plan", when that is part of why. */
export function spentEarlierText(snapshot: PortfolioSnapshot, built: PortfolioProblem, budgetPeriods: readonly number[]): string {
  if (!built.spentBeforeStart || !budgetPeriods.includes(0)) return '';
  return `; ${money(built.spentBeforeStart)} of ${budgetQuarter(snapshot.startDate, built.problem, 0)}'s was spent before ${snapshot.startDate} by waves begun in the published plan`;
}
