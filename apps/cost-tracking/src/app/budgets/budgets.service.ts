import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { CostEvents, type BudgetStatus, type SetBudget } from '@capstan/contracts';
import { ExactDecimal } from '@capstan/cost-tracking-core';
import { Outbox, RpcError, firstResultSet, type RpcContext } from '@capstan/messaging';
import { lockInitiatives } from '../ledger/initiative-totals';
import { nextFigureVersion } from '../ledger/unit-economics.service';

interface StatusRow {
  initiative_id: string;
  period: string;
  category: BudgetStatus['category'];
  currency: string;
  amount: string;
  thresholds: string[];
  actual: string;
  other_currencies: { currency: string; actual: string }[];
}

/**
 * Budgets per initiative × month × category and their burn. Each threshold
 * raises `budget.threshold_crossed` once when actual spend reaches it, and
 * again only after spend fell back under it; every change announces the burn
 * (`budget.burn_changed`) — checked in the transaction of the cost entry (or
 * budget change) that did it.
 */
@Injectable()
export class BudgetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async set(budget: SetBudget, actor: string, context: RpcContext): Promise<BudgetStatus> {
    return this.outbox.transaction(async (manager) => {
      // Locked, as every change to an initiative's figures is: two budgets set at once in two currencies would each
      // replace only what was there before them, and both stand.
      const known = await lockInitiatives(manager, [budget.initiativeId]);
      if (!known.length) {
        throw new RpcError('unprocessable', `No initiative ${budget.initiativeId} is known to cost tracking`, [
          { field: 'initiativeId', message: 'Unknown initiative' },
        ]);
      }
      const thresholds = [...new Set(budget.thresholds.map((t) => new Decimal(t).toFixed()))].sort((a, b) => new Decimal(a).cmp(b));
      await this.replaceInOtherCurrencies(manager, budget, context);
      await manager.query(
        `INSERT INTO cost_tracking.budgets (initiative_id, period, category, currency, amount, thresholds, set_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (initiative_id, period, category, currency) DO UPDATE SET amount = EXCLUDED.amount, thresholds = EXCLUDED.thresholds,
           set_by = EXCLUDED.set_by, set_at = now()`,
        [budget.initiativeId, budget.period, budget.category, budget.currency, budget.amount, thresholds, actor],
      );
      await this.check(manager, budget, context);
      const committed = (await manager.query(
        `SELECT currency, sum(amount)::text AS amount FROM cost_tracking.budgets WHERE initiative_id = $1 GROUP BY currency ORDER BY currency`,
        [budget.initiativeId],
      )) as { currency: string; amount: string }[];
      await this.outbox.enqueue(
        manager,
        CostEvents.commitmentChanged,
        { initiativeId: budget.initiativeId, version: await nextFigureVersion(manager), committed: committed.map((c) => ({ currency: c.currency.trim(), amount: new Decimal(c.amount).toFixed() })) },
        context,
      );
      const [row] = await this.statuses(manager, budget);
      return row;
    });
  }

  /**
   * An initiative's budget for a month and category is in one currency: set in another, it replaces the one there
   * was, alerts and all, instead of standing beside it and doubling the capital committed. Its last burn is told
   * once more, marked replaced, so that scoring stops weighing an overrun of a budget that is gone.
   */
  private async replaceInOtherCurrencies(manager: EntityManager, budget: SetBudget, context: RpcContext): Promise<void> {
    const { initiativeId, period, category, currency } = budget;
    for (const old of (await this.statuses(manager, { initiativeId, period, category })).filter((status) => status.currency !== currency)) {
      const key = [initiativeId, period, category, old.currency];
      await manager.query(`DELETE FROM cost_tracking.budgets WHERE initiative_id = $1 AND period = $2 AND category = $3 AND currency = $4`, key);
      await manager.query(`DELETE FROM cost_tracking.budget_alerts WHERE initiative_id = $1 AND period = $2 AND category = $3 AND currency = $4`, key);
      await this.outbox.enqueue(manager, CostEvents.budgetBurnChanged, { status: { ...old, replacedBy: currency }, version: await nextFigureVersion(manager) }, context);
    }
  }

  async list(filter: { initiativeId?: string; period?: string }): Promise<{ items: BudgetStatus[] }> {
    return { items: await this.statuses(this.dataSource.manager, filter) };
  }

  /** Raises the alerts a cost entry (or a budget change) made due, each once while spend stays past it, and announces the burn. */
  async check(
    manager: EntityManager,
    scope: { initiativeId: string; period: string; category: string; currency: string },
    context: RpcContext,
  ): Promise<void> {
    const key = [scope.initiativeId, scope.period, scope.category, scope.currency];
    // Numbering the burn takes the budget's row first: two entries committed side by side would otherwise each
    // sum without the other and both stay under a threshold their total crosses. No budget, nothing to check.
    // Numbers come from the service's one sequence, so a budget set again after it was replaced numbers its
    // burn past the replaced one's.
    const [numbered] = firstResultSet<{ version: number }>(
      await manager.query(
        `UPDATE cost_tracking.budgets SET burn_version = nextval('cost_tracking.published_figure_versions')
          WHERE initiative_id = $1 AND period = $2 AND category = $3 AND currency = $4 RETURNING burn_version::int AS version`,
        key,
      ),
    );
    if (!numbered) return;
    const [status] = await this.statuses(manager, scope);
    // Spend brought back under a threshold (a reversal, a budget raised) arms it again.
    await manager.query(
      `DELETE FROM cost_tracking.budget_alerts WHERE initiative_id = $1 AND period = $2 AND category = $3 AND currency = $4 AND NOT (threshold = ANY($5::text[]))`,
      [...key, status.crossed],
    );
    for (const threshold of status.crossed) {
      const inserted = (await manager.query(
        `INSERT INTO cost_tracking.budget_alerts (initiative_id, period, category, currency, threshold) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING threshold`,
        [...key, threshold],
      )) as unknown[];
      if (inserted.length) await this.outbox.enqueue(manager, CostEvents.budgetThresholdCrossed, { status, threshold }, context);
    }
    await this.outbox.enqueue(manager, CostEvents.budgetBurnChanged, { status, version: numbered.version }, context);
  }

  private async statuses(
    manager: EntityManager,
    filter: { initiativeId?: string; period?: string; category?: string; currency?: string },
  ): Promise<BudgetStatus[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    for (const [column, value] of [
      ['b.initiative_id', filter.initiativeId],
      ['b.period', filter.period],
      ['b.category', filter.category],
      ['b.currency', filter.currency],
    ] as const) {
      if (value !== undefined) conditions.push(`${column} = $${params.push(value)}`);
    }
    const rows = (await manager.query(
      `SELECT b.initiative_id, b.period, b.category, b.currency, b.amount::text AS amount, b.thresholds,
              coalesce((SELECT sum(e.amount) FROM cost_tracking.cost_entries e
                        WHERE e.initiative_id = b.initiative_id AND e.period = b.period AND e.category = b.category AND e.currency = b.currency), 0)::text AS actual,
              (SELECT coalesce(json_agg(json_build_object('currency', o.currency, 'actual', o.total::text) ORDER BY o.currency), '[]'::json)
                 FROM (SELECT e.currency, sum(e.amount) AS total FROM cost_tracking.cost_entries e
                        WHERE e.initiative_id = b.initiative_id AND e.period = b.period AND e.category = b.category AND e.currency <> b.currency
                        GROUP BY e.currency) o) AS other_currencies
       FROM cost_tracking.budgets b ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY b.period, b.initiative_id, b.category, b.currency`,
      params,
    )) as StatusRow[];
    return rows.map((row) => {
      const budget = new Decimal(row.amount);
      const actual = new Decimal(row.actual);
      // At decimal.js's default 20 digits, 999999.999999999999999999 of 1000000 would round up to a whole burn.
      const burn = budget.isZero() ? (actual.gt(0) ? new Decimal(Infinity) : new Decimal(0)) : new ExactDecimal(actual).div(budget);
      const burnText = burn.isFinite() ? burn.toDecimalPlaces(4, Decimal.ROUND_DOWN).toFixed() : 'Infinity';
      return {
        initiativeId: row.initiative_id,
        period: row.period.trim(),
        category: row.category,
        currency: row.currency.trim(),
        budget: budget.toFixed(),
        actual: actual.toFixed(),
        burn: burnText,
        thresholds: row.thresholds,
        crossed: row.thresholds.filter((threshold) => !burn.lt(threshold)),
        // Left out of the burn, never converted silently: finance sees it beside the budget.
        otherCurrencies: row.other_currencies.map((other) => ({ currency: other.currency.trim(), actual: new Decimal(other.actual).toFixed() })),
      };
    });
  }
}
