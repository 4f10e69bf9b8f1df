import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { PRODUCTION_ONLY_CATEGORIES, UnitEconomicsEvents, type Forecast, type RecordVolume, type UnitEconomics } from '@capstan/contracts';
import { COST_CATEGORIES, minorUnitDigits } from '@capstan/domain';
import { forecastCategory, projectProduction } from '@capstan/cost-tracking-core';
import { Outbox, RpcError, type RpcContext } from '@capstan/messaging';
import { ExchangeRatesService } from '../fx/exchange-rates.service';
import { initiativeTotals, lockInitiatives, reportingTotals, sumBy, type InitiativeTotal, type ReportingTotal } from './initiative-totals';

/** Division is the one inexact step: done at high precision, then rounded half-even to 10 decimals, and said so in the contract. */
const Precise = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN });

/**
 * Cost per unit of business volume (transactions, users …), pilot against
 * production: a month counts for a phase when it has both cost (entries that
 * do not net to zero) and volume, so the two cover the same months. No volume
 * means no unit cost — null, never zero.
 */
@Injectable()
export class UnitEconomicsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly rates: ExchangeRatesService,
  ) {}

  async recordVolume(volume: RecordVolume, actor: string, context: RpcContext) {
    return this.outbox.transaction(async (manager) => {
      // Locked, as every change to an initiative's figures is: these are numbered after any entry being recorded.
      const known = await lockInitiatives(manager, [volume.initiativeId]);
      if (!known.length) throw new RpcError('unprocessable', `No initiative ${volume.initiativeId} is known to cost tracking`, [{ field: 'initiativeId', message: 'Unknown initiative' }]);
      await manager.query(
        `INSERT INTO cost_tracking.business_volumes (initiative_id, period, phase, metric, volume, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (initiative_id, period, phase, metric) DO UPDATE SET volume = EXCLUDED.volume, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
        [volume.initiativeId, volume.period, volume.phase, volume.metric, volume.volume, actor],
      );
      await this.publish(manager, volume.initiativeId, context);
      return { ...volume, recordedBy: actor };
    });
  }

  async get(initiativeId: string, filter: { metric?: string; currency?: string } = {}): Promise<{ items: UnitEconomics[] }> {
    const items = (await this.compute(this.dataSource.manager, initiativeId)).items;
    return { items: items.filter((item) => (!filter.metric || item.metric === filter.metric) && (!filter.currency || item.currency === filter.currency)) };
  }

  /**
   * Spend ahead per category and currency from the closed months (a category
   * without data is "economics unknown"), and, given a production volume, the
   * production cost the pilot's cost per unit implies.
   */
  async forecast(initiativeId: string, months: number, metric?: string, productionVolume?: string, now = new Date()): Promise<Forecast> {
    const known = (await this.dataSource.query(`SELECT 1 FROM cost_tracking.initiatives WHERE id = $1`, [initiativeId])) as unknown[];
    if (!known.length) throw RpcError.notFound(`Initiative ${initiativeId}`);
    const lastClosed = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const rows = (await this.dataSource.query(
      `SELECT currency, category, period, sum(amount)::text AS amount FROM cost_tracking.cost_entries
        WHERE initiative_id = $1 GROUP BY currency, category, period ORDER BY currency, category, period`,
      [initiativeId],
    )) as { currency: string; category: string; period: string; amount: string }[];
    // Nothing recorded yet: every category unknown, in the reporting currency, rather than no forecast at all.
    const recorded = [...new Set(rows.map((r) => r.currency.trim()))];
    const currencies = recorded.length ? recorded : [this.rates.reportingCurrency];
    // A category spent in other currencies only is not unknown: its forecast is in theirs, and the reason says so.
    const spentIn = new Map<string, Set<string>>();
    for (const row of rows) spentIn.set(row.category, (spentIn.get(row.category) ?? new Set()).add(row.currency.trim()));
    const byCurrency = currencies.map((currency) => ({
      currency,
      categories: COST_CATEGORIES.map((category) => {
        const inCurrency = rows.filter((r) => r.currency.trim() === currency && r.category === category);
        const elsewhere = [...(spentIn.get(category) ?? [])].filter((other) => other !== currency);
        const forecast = forecastCategory(
          inCurrency.map((r) => ({ period: r.period.trim(), amount: r.amount })),
          lastClosed,
          months,
          minorUnitDigits(currency),
        );
        return inCurrency.length === 0 && elsewhere.length
          ? { category, status: 'unknown' as const, reason: `no cost recorded in ${currency}: forecast in ${elsewhere.join(', ')}` }
          : { category, ...forecast };
      }),
    }));
    let production: Forecast['production'] = null;
    if (metric && productionVolume) {
      const { items } = await this.get(initiativeId, { metric });
      // A pilot still waiting for rates has no unit cost yet, and so no projection.
      const pilot = items.find((item) => item.pilot.months.length && item.pilot.unitCost !== null);
      if (pilot) {
        // The pilot's months, costed as its unit cost was: in its currency, or converted when spent in several.
        const amount = pilot.inReportingCurrency ? 'x.amount' : 'c.amount';
        const perMonth = (await this.dataSource.query(
          `SELECT trim(c.period) AS period, sum(${amount})::text AS cost, v.volume::text AS volume
             FROM cost_tracking.cost_entries c JOIN cost_tracking.business_volumes v
               ON v.initiative_id = c.initiative_id AND v.period = c.period AND v.phase = c.phase AND v.metric = $2
             LEFT JOIN cost_tracking.entry_conversions x ON x.entry_id = c.id AND x.reporting_currency = $3
            WHERE c.initiative_id = $1 AND c.phase = 'pilot' AND ($4 OR c.currency = $3)
            GROUP BY trim(c.period), v.volume`,
          [initiativeId, metric, pilot.currency, pilot.inReportingCurrency === true],
        )) as { period: string; cost: string; volume: string }[];
        const projected = projectProduction(perMonth.filter((m) => pilot.pilot.months.includes(m.period)), productionVolume, minorUnitDigits(pilot.currency));
        if (projected) production = { metric, volume: productionVolume, currency: pilot.currency, ...projected };
      }
    }
    return { initiativeId, lastClosedMonth: lastClosed, byCurrency, production };
  }

  /** Tells scoring the initiative's unit economics; called after anything that changes them (with the ledger's totals when the caller has them). */
  async publish(manager: EntityManager, initiativeId: string, context: RpcContext, read?: LedgerRead): Promise<void> {
    const computed = await this.compute(manager, initiativeId, read);
    await this.outbox.enqueue(manager, UnitEconomicsEvents.changed, { initiativeId, version: await nextFigureVersion(manager), ...computed }, context);
  }

  private async compute(manager: EntityManager, initiativeId: string, read: Partial<LedgerRead> = {}) {
    const volumes = (await manager.query(
      `SELECT period, phase, metric, volume::text AS volume FROM cost_tracking.business_volumes WHERE initiative_id = $1`,
      [initiativeId],
    )) as { period: string; phase: 'pilot' | 'production'; metric: string; volume: string }[];
    const ledger = read.totals ?? (await initiativeTotals(manager, initiativeId));
    const productionCategories = new Set(
      [...sumBy(ledger.filter((t) => t.phase === 'production'), (t) => t.category)].filter(([, total]) => !total.isZero()).map(([category]) => category),
    );
    const categoriesWithoutData = PRODUCTION_ONLY_CATEGORIES.filter((category) => !productionCategories.has(category));
    const metrics = [...new Set(volumes.map((v) => v.metric))].sort();
    const spentIn = [...sumBy(ledger, (t) => t.currency)].filter(([, total]) => !total.isZero()).map(([currency]) => currency).sort();
    // Spend in several currencies: each currency's share over the whole volume would understate the unit cost, so
    // the figures are the reporting currency's, at each entry's charge-date rate.
    const reporting = spentIn.length > 1 ? byPhaseAndMonth(read.reporting ?? (await reportingTotals(manager, initiativeId, this.rates.reportingCurrency))) : null;
    const items: UnitEconomics[] = [];
    for (const metric of metrics) {
      for (const currency of reporting ? [this.rates.reportingCurrency] : spentIn) {
        const phase = (name: 'pilot' | 'production') => {
          const volumeByMonth = new Map(volumes.filter((v) => v.phase === name && v.metric === metric).map((v) => [v.period.trim(), v.volume]));
          const native = sumBy(
            ledger.filter((t) => t.phase === name && (reporting || t.currency === currency)),
            (t) => `${t.period} ${t.currency}`,
          );
          // A month whose entries cancel out (an entry and its reversal) has no cost: no data, as in cost visibility.
          const spentMonths = new Set([...native].filter(([, total]) => !total.isZero()).map(([key]) => key.slice(0, 7)));
          const months = [...volumeByMonth.keys()].filter((m) => spentMonths.has(m)).sort();
          const costOf = (m: string) => (reporting ? (reporting.get(`${name} ${m}`)?.total ?? new Precise(0)) : sumOf(native, m));
          const unconverted = reporting ? months.reduce((n, m) => n + (reporting.get(`${name} ${m}`)?.unconverted ?? 0), 0) : 0;
          const cost = months.reduce((sum, m) => sum.plus(costOf(m)), new Precise(0));
          const volume = months.reduce((sum, m) => sum.plus(volumeByMonth.get(m)!), new Precise(0));
          const unitCost = volume.gt(0) && unconverted === 0 ? cost.div(volume).toDecimalPlaces(10, Decimal.ROUND_HALF_EVEN) : null;
          return {
            figures: { cost: cost.toFixed(), volume: volume.toFixed(), unitCost: unitCost?.toFixed() ?? null, months, ...(reporting ? { unconvertedEntries: unconverted } : {}) },
            exact: unitCost,
          };
        };
        const pilot = phase('pilot');
        const production = phase('production');
        const ratio = pilot.exact && production.exact && pilot.exact.gt(0) ? production.exact.div(pilot.exact).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toFixed() : null;
        if (!pilot.figures.months.length && !production.figures.months.length) continue;
        items.push({
          initiativeId,
          metric,
          currency,
          ...(reporting ? { inReportingCurrency: true } : {}),
          pilot: pilot.figures,
          production: production.figures,
          productionToPilot: ratio,
          categoriesWithoutData: [...categoriesWithoutData],
        });
      }
    }
    return { items, hasProductionCosts: productionCategories.size > 0, categoriesWithoutData: [...categoriesWithoutData] };
  }
}

/** What the caller read of an initiative's ledger already: its totals, and its totals in the reporting currency. */
export interface LedgerRead {
  totals: InitiativeTotal[];
  reporting: ReportingTotal[];
}

/** The reporting-currency totals by phase and month (keyed "phase YYYY-MM"), with the entries still waiting for a rate. */
function byPhaseAndMonth(rows: ReportingTotal[]): Map<string, { total: Decimal; unconverted: number }> {
  const sums = new Map<string, { total: Decimal; unconverted: number }>();
  for (const row of rows) {
    const key = `${row.phase} ${row.period}`;
    const sum = sums.get(key) ?? { total: new Precise(0), unconverted: 0 };
    sums.set(key, { total: sum.total.plus(row.total), unconverted: sum.unconverted + row.unconverted });
  }
  return sums;
}

/** The month's total over the currencies of `byMonthAndCurrency` (keyed "YYYY-MM CUR"). */
function sumOf(byMonthAndCurrency: Map<string, Decimal>, month: string): Decimal {
  return [...byMonthAndCurrency].filter(([key]) => key.startsWith(`${month} `)).reduce((sum, [, total]) => sum.plus(total), new Precise(0));
}

/** A version for a published figure: strictly increasing across the service, so a consumer keeps the newest. */
export async function nextFigureVersion(manager: EntityManager): Promise<number> {
  const [{ version }] = (await manager.query(`SELECT nextval('cost_tracking.published_figure_versions')::int AS version`)) as { version: number }[];
  return version;
}
