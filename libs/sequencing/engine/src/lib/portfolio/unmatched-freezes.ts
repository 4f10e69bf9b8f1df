import type { PortfolioSnapshot } from './snapshot';

/** Windows named in one warning; the rest are counted. */
const NAMED_WINDOWS = 5;

/**
 * Warnings for freeze windows still ahead whose business unit no rollout wave is in: the plan ignores them, and
 * a unit spelt otherwise ("retail" for "Retail") would freeze nothing without a word. Units are matched exactly,
 * as the committee's scope envelope matches them; one differing only in case is named as what was likely meant.
 */
export function unmatchedFreezeWarnings(snapshot: PortfolioSnapshot): string[] {
  const units = new Set(snapshot.initiatives.flatMap((initiative) => initiative.waves.map((wave) => wave.businessUnit)));
  const byUnit = new Map<string, PortfolioSnapshot['freezeWindows'][number][]>();
  for (const window of snapshot.freezeWindows) {
    if (units.has(window.businessUnit) || window.to < snapshot.startDate) continue;
    byUnit.set(window.businessUnit, [...(byUnit.get(window.businessUnit) ?? []), window]);
  }
  return [...byUnit].map(([unit, windows]) => {
    const named = windows.slice(0, NAMED_WINDOWS).map((w) => `${w.from}–${w.to}${w.reason ? ` ${w.reason}` : ''}`);
    const more = windows.length > NAMED_WINDOWS ? ` and ${windows.length - NAMED_WINDOWS} more` : '';
    const likely = [...units].find((u) => u.toLowerCase() === unit.toLowerCase());
    return (
      `The freeze windows of business unit "${unit}" (${named.join(', ')}${more}) apply to no wave: no rollout wave is in "${unit}"` +
      (likely ? `; units are matched exactly — the waves' unit is "${likely}"` : '')
    );
  });
}
