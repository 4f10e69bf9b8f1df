import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CostEvents,
  type CostEntry,
  type CostEntryList,
  type CostEntryListQuery,
  type CostSummary,
  type CostSummaryQuery,
  type RecordCostEntry,
} from '@capstan/contracts';
import { ExactDecimal } from '@capstan/cost-tracking-core';
import { Outbox, RpcError, type RpcContext } from '@capstan/messaging';
import { BudgetsService, type BudgetScope } from '../budgets/budgets.service';
import { ExchangeRatesService } from '../fx/exchange-rates.service';
import { initiativeTotals, lockInitiatives, reportingTotals, sumBy, type InitiativeTotal, type ReportingTotal } from './initiative-totals';
import { nextFigureVersion, UnitEconomicsService } from './unit-economics.service';

interface EntryRow {
  id: string;
  initiative_id: string | null;
  charge_date: string | Date;
  period: string;
  category: CostEntry['category'];
  phase: CostEntry['phase'];
  amount: string;
  currency: string;
  source: CostEntry['source'];
  reference: string;
  reverses_id: string | null;
  recorded_by: string;
  recorded_at: Date;
}

const GROUP_COLUMNS: Record<CostSummaryQuery['groupBy'], string> = {
  serviceCategory: `coalesce(service_category, '(none)')`,
  category: 'category',
  initiative: `coalesce(initiative_id::text, 'unallocated')`,
  month: 'period',
  currency: 'currency',
  phase: 'phase',
};

/** The columns of a reversing entry (`reversingValues` gives them for the entries aliased `e`). */
export const REVERSING_COLUMNS = `id, initiative_id, charge_date, period, category, phase, amount, effective_amount, list_cost, contracted_cost,
  service_category, charge_category, resource_id, import_id, allocation_rule_id, currency, source, reference, reverses_id, recorded_by`;

/** A reversing copy of entry `e`: every amount negated, what it was filed under (service category, import, rule) kept. */
export function reversingValues(id: string, reference: string, actor: string): string {
  return `${id}, e.initiative_id, e.charge_date, e.period, e.category, e.phase, -e.amount, -e.effective_amount, -e.list_cost, -e.contracted_cost,
    e.service_category, e.charge_category, e.resource_id, e.import_id, e.allocation_rule_id, e.currency, e.source, ${reference}, e.id, ${actor}`;
}

/**
 * What entries written one after another in one transaction leave to do once, at the end: their initiatives'
 * economics and the budgets they touched. Checked entry by entry, a charge reversed then recorded again would
 * take its budget's burn under a threshold and back over it, and announce the crossing a second time.
 */
export class DeferredFollowUps {
  /** The budgets the entries fall in; their initiatives are the ones whose economics changed. */
  readonly budgets: BudgetScope[] = [];
}

/**
 * The append-only cost ledger. Amounts are Postgres `numeric` and decimal
 * strings end to end; sums are done by Postgres, exactly. A correction is a
 * reversing entry. After each entry the initiative's cost visibility (the
 * share of its spend from reliable sources) is published for scoring.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly budgets: BudgetsService,
    private readonly unitEconomics: UnitEconomicsService,
    private readonly rates: ExchangeRatesService,
  ) {}

  /** Records an entry; a request id seen before (a retry after a crash) answers with the entry it recorded then. */
  async record(input: RecordCostEntry, actor: string, context: RpcContext, requestId?: string): Promise<CostEntry> {
    return this.outbox.transaction(async (manager) => {
      if (requestId) {
        const [seen] = (await manager.query(
          `SELECT e.* FROM cost_tracking.processed_requests r JOIN cost_tracking.cost_entries e ON e.id = r.entry_id WHERE r.request_id = $1`,
          [requestId],
        )) as EntryRow[];
        if (seen) return toEntry(seen);
      }
      if (input.initiativeId && !(await this.knows(manager, input.initiativeId))) {
        throw new RpcError('unprocessable', `No initiative ${input.initiativeId} is known to cost tracking`, [
          { field: 'initiativeId', message: 'Unknown initiative' },
        ]);
      }
      const recorded = await this.insert(manager, { ...input, reversesId: null }, actor, context);
      if (requestId) await manager.query(`INSERT INTO cost_tracking.processed_requests (request_id, entry_id) VALUES ($1, $2)`, [requestId, recorded.id]);
      return recorded;
    });
  }

  async reverse(id: string, reason: string, actor: string, context: RpcContext): Promise<CostEntry> {
    return this.outbox.transaction((manager) => this.reverseIn(manager, id, reason, actor, context));
  }

  /** Records an entry in the caller's transaction (metering prices usage and records its cost together). */
  /** `deferred`: the follow-ups are collected there for `followUp`, instead of done now. */
  async recordIn(
    manager: EntityManager,
    entry: Omit<RecordCostEntry, 'source'> & { source: 'manual' | 'metered' },
    actor: string,
    context: RpcContext,
    deferred?: DeferredFollowUps,
  ): Promise<CostEntry> {
    return this.insert(manager, { ...entry, reversesId: null }, actor, context, deferred);
  }

  /** Does what entries written with `deferred` left to do: each initiative's economics, then each budget, once. */
  async followUp(manager: EntityManager, deferred: DeferredFollowUps, context: RpcContext): Promise<void> {
    if (!deferred.budgets.length) return;
    await this.publishEconomicsOf(manager, [...new Set(deferred.budgets.map((scope) => scope.initiativeId))], context);
    await this.budgets.checkEach(manager, deferred.budgets, context);
  }

  /**
   * Reverses an entry in the caller's transaction: a copy with every amount
   * negated (effective, list and contracted cost too) that keeps what the
   * original was filed under (service category, import, rule) and its
   * conversion to the reporting currency, so the pair nets to zero in every
   * view, whatever rates arrived in between.
   */
  async reverseIn(manager: EntityManager, id: string, reason: string, actor: string, context: RpcContext, deferred?: DeferredFollowUps): Promise<CostEntry> {
    // Its initiative before the entry, as re-pricing takes them: the other order could deadlock with it.
    const [owner] = (await manager.query(`SELECT initiative_id FROM cost_tracking.cost_entries WHERE id = $1`, [id])) as { initiative_id: string | null }[];
    if (owner?.initiative_id) await lockInitiatives(manager, [owner.initiative_id]);
    const [original] = (await manager.query(`SELECT * FROM cost_tracking.cost_entries WHERE id = $1 FOR UPDATE`, [id])) as EntryRow[];
    if (!original) throw RpcError.notFound(`Cost entry ${id}`);
    if (original.reverses_id) throw new RpcError('unprocessable', 'A reversing entry cannot itself be reversed');
    const [already] = (await manager.query(`SELECT id FROM cost_tracking.cost_entries WHERE reverses_id = $1`, [id])) as { id: string }[];
    if (already) throw new RpcError('conflict', `Cost entry ${id} was reversed already by ${already.id}`);
    const [row] = (await manager.query(
      `INSERT INTO cost_tracking.cost_entries (${REVERSING_COLUMNS})
       SELECT ${reversingValues('$1', '$2', '$3')} FROM cost_tracking.cost_entries e WHERE e.id = $4
       RETURNING *`,
      [randomUUID(), reason ? `reversal: ${reason}` : 'reversal', actor, id],
    )) as EntryRow[];
    const reversal = toEntry(row);
    // A reversed token charge no longer stands: its usage is left uncharged, and re-pricing passes it by.
    await manager.query(`UPDATE cost_tracking.token_charges SET current = false WHERE entry_id = $1 AND current`, [id]);
    await this.rates.carryConversions(manager, [{ reversal: reversal.id, original: id }]);
    return this.recorded(manager, reversal, context, deferred);
  }

  /** One initiative's or one import's entries, newest first, a page at a time (keyset on the ledger's sequence). */
  async list(query: CostEntryListQuery): Promise<CostEntryList> {
    const filters: string[] = [];
    const params: unknown[] = [];
    if (query.initiativeId) filters.push(`e.initiative_id = $${params.push(query.initiativeId)}`);
    if (query.importId) filters.push(`e.import_id = $${params.push(query.importId)}`);
    if (query.period) filters.push(`e.period = $${params.push(query.period)}`);
    if (query.cursor) filters.push(`e.seq < $${params.push(query.cursor)}`);
    const rows = (await this.dataSource.query(
      `SELECT e.*, e.seq::text AS seq_text, (SELECT r.id FROM cost_tracking.cost_entries r WHERE r.reverses_id = e.id) AS reversed_by
         FROM cost_tracking.cost_entries e WHERE ${filters.join(' AND ')}
        ORDER BY e.seq DESC LIMIT ${query.limit + 1}`,
      params,
    )) as (EntryRow & { seq_text: string; reversed_by: string | null; effective_amount: string | null; service_category: string | null; resource_id: string | null; import_id: string | null; import_row: number | null; reallocates_id: string | null })[];
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((row) => ({
        ...toEntry(row),
        effectiveAmount: row.effective_amount === null ? null : new Decimal(row.effective_amount).toFixed(),
        serviceCategory: row.service_category,
        resourceId: row.resource_id,
        importId: row.import_id,
        importRow: row.import_row,
        reversedBy: row.reversed_by,
        reallocatesId: row.reallocates_id,
      })),
      nextCursor: rows.length > query.limit ? page[page.length - 1].seq_text : null,
    };
  }

  async summary(query: CostSummaryQuery): Promise<CostSummary> {
    if (query.reporting) return this.reportingSummary(query);
    const column = GROUP_COLUMNS[query.groupBy];
    const filters: string[] = [];
    const params: unknown[] = [];
    if (query.initiativeId) filters.push(`initiative_id = $${params.push(query.initiativeId)}`);
    if (query.importId) filters.push(`import_id = $${params.push(query.importId)}`);
    const rows = (await this.dataSource.query(
      `SELECT ${column} AS key, currency, sum(amount)::text AS billed, sum(coalesce(effective_amount, amount))::text AS effective
       FROM cost_tracking.cost_entries ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}
       GROUP BY 1, currency ORDER BY 1, currency`,
      params,
    )) as { key: string; currency: string; billed: string; effective: string }[];
    return {
      groups: rows.map((row) => ({
        key: String(row.key).trim(),
        billedCost: new Decimal(row.billed).toFixed(),
        effectiveCost: new Decimal(row.effective).toFixed(),
        currency: row.currency.trim(),
      })),
    };
  }

  /** Totals in the reporting currency from the entries' conversions; what has no rate yet is listed apart, per currency. */
  private async reportingSummary(query: CostSummaryQuery): Promise<CostSummary> {
    const column = GROUP_COLUMNS[query.groupBy];
    const params: unknown[] = [this.rates.reportingCurrency];
    const filters: string[] = [];
    if (query.initiativeId) filters.push(`e.initiative_id = $${params.push(query.initiativeId)}`);
    if (query.importId) filters.push(`e.import_id = $${params.push(query.importId)}`);
    const where = filters.length ? `AND ${filters.join(' AND ')}` : '';
    const rows = (await this.dataSource.query(
      `SELECT ${column} AS key, sum(c.amount)::text AS billed, sum(c.effective_amount)::text AS effective
         FROM cost_tracking.cost_entries e JOIN cost_tracking.entry_conversions c ON c.entry_id = e.id AND c.reporting_currency = $1
        WHERE true ${where} GROUP BY 1 ORDER BY 1`,
      params,
    )) as { key: string; billed: string; effective: string }[];
    const missing = (await this.dataSource.query(
      `SELECT e.currency, count(*)::int AS entries, sum(e.amount)::text AS billed FROM cost_tracking.cost_entries e
        WHERE NOT EXISTS (SELECT 1 FROM cost_tracking.entry_conversions c WHERE c.entry_id = e.id AND c.reporting_currency = $1) ${where}
        GROUP BY 1 ORDER BY 1`,
      params,
    )) as { currency: string; entries: number; billed: string }[];
    return {
      groups: rows.map((row) => ({
        key: String(row.key).trim(),
        billedCost: new Decimal(row.billed).toFixed(),
        effectiveCost: new Decimal(row.effective).toFixed(),
        currency: this.rates.reportingCurrency,
      })),
      unconverted: missing.map((row) => ({ currency: row.currency.trim(), entries: row.entries, billedCost: new Decimal(row.billed).toFixed() })),
    };
  }

  async trackInitiative(manager: EntityManager, initiative: { id: string; key: string; name: string }): Promise<void> {
    await manager.query(
      `INSERT INTO cost_tracking.initiatives (id, key, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET key = EXCLUDED.key, name = EXCLUDED.name`,
      [initiative.id, initiative.key, initiative.name],
    );
  }

  private async insert(
    manager: EntityManager,
    entry: Omit<RecordCostEntry, 'source'> & { source: CostEntry['source']; reversesId: string | null },
    actor: string,
    context: RpcContext,
    deferred?: DeferredFollowUps,
  ): Promise<CostEntry> {
    const [row] = (await manager.query(
      `INSERT INTO cost_tracking.cost_entries (id, initiative_id, charge_date, period, category, phase, amount, currency, source, reference, reverses_id, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
      [
        randomUUID(),
        entry.initiativeId,
        entry.chargeDate,
        entry.chargeDate.slice(0, 7),
        entry.category,
        entry.phase,
        entry.amount,
        entry.currency,
        entry.source,
        entry.reference,
        entry.reversesId,
        actor,
      ],
    )) as EntryRow[];
    const recorded = toEntry(row);
    await this.rates.convertEntries(manager, [recorded.id]);
    return this.recorded(manager, recorded, context, deferred);
  }

  /** What follows a new entry: its event, and its initiative's economics and budgets brought up to date (now, or with `deferred`, later). */
  private async recorded(manager: EntityManager, recorded: CostEntry, context: RpcContext, deferred?: DeferredFollowUps): Promise<CostEntry> {
    await this.outbox.enqueue(manager, CostEvents.recorded, { entry: recorded }, context);
    if (recorded.initiativeId && deferred) {
      deferred.budgets.push({ initiativeId: recorded.initiativeId, period: recorded.period, category: recorded.category });
    } else if (recorded.initiativeId) {
      await this.publishEconomics(manager, recorded.initiativeId, context);
      await this.budgets.check(manager, { ...recorded, initiativeId: recorded.initiativeId }, context);
    }
    return recorded;
  }

  /**
   * Tells scoring what changed for an initiative: its cost visibility and unit economics, from one read of its ledger.
   * The initiative is locked first (`lockInitiatives`): scoring keeps the figures with the highest version, which are
   * numbered under that lock and so are the whole ledger as of their number.
   */
  async publishEconomics(manager: EntityManager, initiativeId: string, context: RpcContext): Promise<void> {
    await this.publishEconomicsOf(manager, [initiativeId], context);
  }

  /**
   * `publishEconomics` for several initiatives, locked together in one order: after a conversion to the reporting
   * currency too (both figures weigh spend in several currencies in it), in the caller's transaction.
   */
  async publishEconomicsOf(manager: EntityManager, initiatives: string[], context: RpcContext): Promise<void> {
    for (const initiativeId of await lockInitiatives(manager, initiatives)) {
      const totals = await initiativeTotals(manager, initiativeId);
      const reporting = await reportingTotals(manager, initiativeId, this.rates.reportingCurrency);
      await this.publishVisibility(manager, initiativeId, totals, reporting, context);
      await this.unitEconomics.publish(manager, initiativeId, context, { totals, reporting });
    }
  }

  /** Publishes the share of an initiative's spend attributed from reliable sources, for scoring. */
  private async publishVisibility(manager: EntityManager, initiativeId: string, totals: InitiativeTotal[], reportingRows: ReportingTotal[], context: RpcContext): Promise<void> {
    const spent = sumBy(totals, (t) => t.currency);
    const reliable = sumBy(totals, (t) => t.currency, (t) => t.reliable);
    const shares = [...spent]
      .filter(([, total]) => total.gt(0))
      .map(([currency, total]) => Decimal.max(0, Decimal.min(1, (reliable.get(currency) ?? new Decimal(0)).div(total))));
    // Entries that net to nothing measure nothing: no share (scoring leaves the criterion to its evidence). Spend in
    // several currencies is weighed in the reporting currency (a stray unattributed 50 EUR beside a million attributed
    // USD is not "none attributed"); until every entry has its rate, the weakest currency decides, and the rate's
    // arrival publishes the figure again (`RateConversions`).
    const reporting = reportingMonths(reportingRows);
    const weighed = spent.size > 1 ? reportingShare(reporting) : undefined;
    const lowest = weighed ?? (shares.length ? Decimal.min(...shares) : null);
    const share = lowest && lowest.toDecimalPlaces(4, Decimal.ROUND_DOWN).toFixed();
    const entries = totals.reduce((sum, t) => sum + t.entries, 0);
    // The latest month with spend in some currency (a month whose entries cancel out has none).
    const monthly = [...sumBy(totals, (t) => `${t.period} ${t.currency}`)]
      .filter(([, total]) => !total.isZero())
      .map(([key, total]) => ({ period: key.slice(0, 7), currency: key.slice(8), amount: total.toFixed() }))
      .sort((a, b) => (a.period === b.period ? (a.currency < b.currency ? -1 : 1) : a.period < b.period ? -1 : 1));
    const latest = monthly.at(-1)?.period ?? null;
    // What scoring holds against a scope envelope's monthly cap: the latest three months with spend up to this one,
    // and the first three ahead of it (entries dated ahead count when their month comes).
    const thisMonth = new Date().toISOString().slice(0, 7);
    const periods = [...new Set(monthly.map((m) => m.period))];
    const months = [...periods.filter((p) => p <= thisMonth).slice(-3), ...periods.filter((p) => p > thisMonth).slice(0, 3)];
    const recentSpend = monthly.filter((m) => months.includes(m.period));
    const recentReporting = reporting.filter((m) => months.includes(m.period));
    const recentReportingSpend = recentReporting.map((m) => ({ period: m.period, currency: this.rates.reportingCurrency, amount: m.total.toFixed(), complete: m.unconverted === 0 }));
    const recentReportingSpendByCurrency = recentReporting.flatMap((m) => m.byCurrency.map((c) => ({ period: m.period, currency: c.currency, reportingAmount: c.amount.toFixed(), complete: c.unconverted === 0 })));
    const version = await nextFigureVersion(manager);
    await this.outbox.enqueue(
      manager,
      CostEvents.visibilityChanged,
      { initiativeId, attributedShare: share, version, entries, latestCostPeriod: latest, recentSpend, recentReportingSpend, recentReportingSpendByCurrency },
      context,
    );
  }

  private async knows(manager: EntityManager, initiativeId: string): Promise<boolean> {
    return ((await manager.query(`SELECT 1 FROM cost_tracking.initiatives WHERE id = $1`, [initiativeId])) as unknown[]).length > 0;
  }
}

/** An initiative's ledger in the reporting currency by month: each month's converted spend (and its reliable part), by currency too, and how many of its entries wait for their rate. */
function reportingMonths(rows: ReportingTotal[]): ReportingMonth[] {
  const months = new Map<string, ReportingMonth>();
  for (const row of rows) {
    const month = months.get(row.period) ?? { period: row.period, total: new ExactDecimal(0), reliable: new ExactDecimal(0), unconverted: 0, byCurrency: [] };
    month.total = month.total.plus(row.total);
    month.reliable = month.reliable.plus(row.reliable);
    month.unconverted += row.unconverted;
    // Both phases of a month in one currency are one line.
    const line = month.byCurrency.find((c) => c.currency === row.currency);
    if (line) {
      line.amount = line.amount.plus(row.total);
      line.unconverted += row.unconverted;
    } else {
      month.byCurrency.push({ currency: row.currency, amount: new ExactDecimal(row.total), unconverted: row.unconverted });
    }
    months.set(row.period, month);
  }
  return [...months.values()];
}

/** A month of an initiative's ledger in the reporting currency. */
interface ReportingMonth {
  period: string;
  total: Decimal;
  reliable: Decimal;
  /** Entries still waiting for their rate. */
  unconverted: number;
  /** The same by the entries' own currency. */
  byCurrency: { currency: string; amount: Decimal; unconverted: number }[];
}

/** The attributed share of all the months' spend in the reporting currency; undefined while an entry waits for its rate. */
function reportingShare(months: ReportingMonth[]): Decimal | undefined {
  if (months.some((m) => m.unconverted > 0)) return undefined;
  const total = months.reduce((sum, m) => sum.plus(m.total), new ExactDecimal(0));
  const reliable = months.reduce((sum, m) => sum.plus(m.reliable), new ExactDecimal(0));
  if (!total.gt(0)) return undefined;
  return Decimal.max(0, Decimal.min(1, reliable.div(total)));
}

function toEntry(row: EntryRow): CostEntry {
  return {
    id: row.id,
    initiativeId: row.initiative_id,
    chargeDate: isoDate(row.charge_date),
    period: row.period.trim(),
    category: row.category,
    phase: row.phase,
    amount: new Decimal(row.amount).toFixed(),
    currency: row.currency.trim(),
    source: row.source,
    reference: row.reference,
    reversesId: row.reverses_id,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}

/** `date` columns come back as a Date at local midnight (pg) or a string (PGlite): keep the calendar date. */
function isoDate(value: string | Date): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
