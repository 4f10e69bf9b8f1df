import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { PRODUCTION_ONLY_CATEGORIES, UnitEconomicsEvents, type RecordVolume, type UnitEconomics } from '@capstan/contracts';
import { Outbox, RpcError, type RpcContext } from '@capstan/messaging';

/** Division is the one inexact step: done at high precision, then rounded half-even to 10 decimals, and said so in the contract. */
const Precise = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN });

/**
 * Cost per unit of business volume (transactions, users …), pilot against
 * production: a month counts for a phase when it has both cost and volume,
 * so the two cover the same months. No volume means no unit cost — null,
 * never zero.
 */
@Injectable()
export class UnitEconomicsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async recordVolume(volume: RecordVolume, actor: string, context: RpcContext) {
    return this.outbox.transaction(async (manager) => {
      const known = (await manager.query(`SELECT 1 FROM cost_tracking.initiatives WHERE id = $1`, [volume.initiativeId])) as unknown[];
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

  /** Tells scoring the initiative's unit economics; called after anything that changes them. */
  async publish(manager: EntityManager, initiativeId: string, context: RpcContext): Promise<void> {
    const computed = await this.compute(manager, initiativeId);
    await this.outbox.enqueue(manager, UnitEconomicsEvents.changed, { initiativeId, version: await nextFigureVersion(manager), ...computed }, context);
  }

  private async compute(manager: EntityManager, initiativeId: string) {
    const volumes = (await manager.query(
      `SELECT period, phase, metric, volume::text AS volume FROM cost_tracking.business_volumes WHERE initiative_id = $1`,
      [initiativeId],
    )) as { period: string; phase: 'pilot' | 'production'; metric: string; volume: string }[];
    const costs = (await manager.query(
      `SELECT period, phase, currency, sum(amount)::text AS total FROM cost_tracking.cost_entries WHERE initiative_id = $1 GROUP BY period, phase, currency`,
      [initiativeId],
    )) as { period: string; phase: 'pilot' | 'production'; currency: string; total: string }[];
    const productionCategories = new Set(
      ((await manager.query(
        `SELECT category FROM cost_tracking.cost_entries WHERE initiative_id = $1 AND phase = 'production' GROUP BY category HAVING sum(amount) <> 0`,
        [initiativeId],
      )) as { category: string }[]).map((row) => row.category),
    );
    const categoriesWithoutData = PRODUCTION_ONLY_CATEGORIES.filter((category) => !productionCategories.has(category));
    const metrics = [...new Set(volumes.map((v) => v.metric))].sort();
    const currencies = [...new Set(costs.map((c) => c.currency.trim()))].sort();
    const items: UnitEconomics[] = [];
    for (const metric of metrics) {
      for (const currency of currencies) {
        const phase = (name: 'pilot' | 'production') => {
          const volumeByMonth = new Map(volumes.filter((v) => v.phase === name && v.metric === metric).map((v) => [v.period.trim(), v.volume]));
          const costByMonth = new Map(costs.filter((c) => c.phase === name && c.currency.trim() === currency).map((c) => [c.period.trim(), c.total]));
          const months = [...volumeByMonth.keys()].filter((m) => costByMonth.has(m)).sort();
          const cost = months.reduce((sum, m) => sum.plus(costByMonth.get(m)!), new Precise(0));
          const volume = months.reduce((sum, m) => sum.plus(volumeByMonth.get(m)!), new Precise(0));
          const unitCost = volume.gt(0) ? cost.div(volume).toDecimalPlaces(10, Decimal.ROUND_HALF_EVEN) : null;
          return { cost: cost.toFixed(), volume: volume.toFixed(), unitCost: unitCost?.toFixed() ?? null, months, exact: unitCost };
        };
        const pilot = phase('pilot');
        const production = phase('production');
        const ratio = pilot.exact && production.exact && pilot.exact.gt(0) ? production.exact.div(pilot.exact).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toFixed() : null;
        if (!pilot.months.length && !production.months.length) continue;
        items.push({
          initiativeId,
          metric,
          currency,
          pilot: { cost: pilot.cost, volume: pilot.volume, unitCost: pilot.unitCost, months: pilot.months },
          production: { cost: production.cost, volume: production.volume, unitCost: production.unitCost, months: production.months },
          productionToPilot: ratio,
          categoriesWithoutData: [...categoriesWithoutData],
        });
      }
    }
    return { items, hasProductionCosts: productionCategories.size > 0, categoriesWithoutData: [...categoriesWithoutData] };
  }
}

/** A version for a published figure: strictly increasing across the service, so a consumer keeps the newest. */
export async function nextFigureVersion(manager: EntityManager): Promise<number> {
  const [{ version }] = (await manager.query(`SELECT nextval('cost_tracking.published_figure_versions')::int AS version`)) as { version: number }[];
  return version;
}
