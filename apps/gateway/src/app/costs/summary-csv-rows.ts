import type { CostSummary } from '@capstan/contracts';

/** The key of a reporting summary's row of spend that has no rate for its charge date yet. */
export const UNCONVERTED_KEY = 'not converted: no rate for the charge date yet';

/**
 * A cost summary as CSV rows: its groups, then — in the reporting currency —
 * the spend not converted yet, a row per original currency. A spreadsheet of
 * the groups alone would look complete while some spend was missing from it.
 */
export function summaryCsvRows(body: Record<string, unknown>): Record<string, unknown>[] {
  const { groups, unconverted = [] } = body as CostSummary;
  return [...groups, ...unconverted.map((u) => ({ key: UNCONVERTED_KEY, billedCost: u.billedCost, effectiveCost: null, currency: u.currency, entries: u.entries }))];
}
