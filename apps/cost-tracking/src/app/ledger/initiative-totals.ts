import type Decimal from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { RELIABLE_COST_SOURCES } from '@capstan/contracts';
import { ExactDecimal } from '@capstan/cost-tracking-core';

/** An initiative's spend in one currency, month, phase and category. */
export interface InitiativeTotal {
  currency: string;
  period: string;
  phase: 'pilot' | 'production';
  category: string;
  total: string;
  /** The part recorded from reliable sources (imports and meters mapped by rules). */
  reliable: string;
  entries: number;
}

/**
 * An initiative's ledger, summed once by currency, month, phase and category:
 * what its cost visibility and unit economics are worked out from, so that
 * publishing both reads its entries once rather than once per figure.
 */
export async function initiativeTotals(manager: EntityManager, initiativeId: string): Promise<InitiativeTotal[]> {
  const rows = (await manager.query(
    `SELECT currency, period, phase, category, sum(amount)::text AS total,
            coalesce(sum(amount) FILTER (WHERE source = ANY($2::text[])), 0)::text AS reliable, count(*)::int AS entries
       FROM cost_tracking.cost_entries WHERE initiative_id = $1
      GROUP BY currency, period, phase, category`,
    [initiativeId, [...RELIABLE_COST_SOURCES]],
  )) as InitiativeTotal[];
  return rows.map((row) => ({ ...row, currency: row.currency.trim(), period: row.period.trim() }));
}

/** An initiative's spend in one month, phase and currency, converted to the reporting currency. */
export interface ReportingTotal {
  period: string;
  phase: 'pilot' | 'production';
  currency: string;
  /** The converted amounts of the entries that have their rate. */
  total: string;
  /** The part of `total` recorded from reliable sources. */
  reliable: string;
  /** Entries still waiting for their rate. */
  unconverted: number;
}

/**
 * An initiative's ledger in the reporting currency, summed once by month,
 * phase and the entries' own currency: what cost visibility and unit costs
 * weigh spend in several currencies with.
 */
export async function reportingTotals(manager: EntityManager, initiativeId: string, reportingCurrency: string): Promise<ReportingTotal[]> {
  const rows = (await manager.query(
    `SELECT trim(e.period) AS period, e.phase, trim(e.currency) AS currency, coalesce(sum(c.amount), 0)::text AS total,
            coalesce(sum(c.amount) FILTER (WHERE e.source = ANY($3::text[])), 0)::text AS reliable,
            count(*) FILTER (WHERE c.entry_id IS NULL)::int AS unconverted
       FROM cost_tracking.cost_entries e
       LEFT JOIN cost_tracking.entry_conversions c ON c.entry_id = e.id AND c.reporting_currency = $2
      WHERE e.initiative_id = $1
      GROUP BY trim(e.period), e.phase, trim(e.currency) ORDER BY 1, 3`,
    [initiativeId, reportingCurrency, [...RELIABLE_COST_SOURCES]],
  )) as ReportingTotal[];
  return rows;
}

/**
 * Locks the initiatives whose figures a transaction is about to work out, in
 * one order (by id) whoever takes them, so that of two transactions changing
 * one initiative's ledger the second reads it with the first's entries and
 * numbers its figures after them, and no two lock each other out. Returns
 * those cost tracking knows.
 */
export async function lockInitiatives(manager: EntityManager, initiativeIds: readonly string[]): Promise<string[]> {
  if (!initiativeIds.length) return [];
  const rows = (await manager.query(`SELECT id FROM cost_tracking.initiatives WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [[...new Set(initiativeIds)]])) as { id: string }[];
  return rows.map((row) => row.id);
}

/** Adds up the totals by the key given, exactly. */
export function sumBy<K>(totals: InitiativeTotal[], key: (total: InitiativeTotal) => K, amount: (total: InitiativeTotal) => string = (t) => t.total): Map<K, Decimal> {
  const sums = new Map<K, Decimal>();
  for (const total of totals) {
    const k = key(total);
    sums.set(k, (sums.get(k) ?? new ExactDecimal(0)).plus(amount(total)));
  }
  return sums;
}
