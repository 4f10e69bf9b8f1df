import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { CostEvents, type BudgetStatus, type SetBudget } from '@capstan/contracts';
import { Outbox, RpcError, firstResultSet, type RpcContext } from '@capstan/messaging';
import { lockInitiatives } from '../ledger/initiative-totals';
import { nextFigureVersion } from '../ledger/unit-economics.service';
import { ExchangeRatesService } from '../fx/exchange-rates.service';
import { burnOf } from './budget-burn';

interface StatusRow {
  initiative_id: string;
  period: string;
  category: BudgetStatus['category'];
  currency: string;
  amount: string;
  thresholds: string[];
  actual: string;
  other_currencies: { currency: string; actual: string }[];
  others_reporting: string;
  others_waiting: number;
  budget_rate: string | null;
  budget_rate_date: string | null;
}

/** A budget's key without its currency: an initiative has one budget per month and category. */
export interface BudgetScope {
  initiativeId: string;
  period: string;
  category: string;
}

/** The budget `b` has spend in another currency: what converting entries or a rate of its currency may move. */
const OTHER_CURRENCY_SPEND = `EXISTS (SELECT 1 FROM cost_tracking.cost_entries e
  WHERE e.initiative_id = b.initiative_id AND e.period = b.period AND e.category = b.category AND e.currency <> b.currency)`;

/**
 * Budgets per initiative × month × category and their burn, over the spend in
 * every currency (`burnOf`). Each threshold raises `budget.threshold_crossed`
 * once when spend reaches it, and again only after spend fell back under it;
 * every change announces the burn (`budget.burn_changed`) — checked in the
 * transaction of the cost entry (or budget change) that did it, or of the
 * conversion that brought spend in another currency into it.
 */
@Injectable()
export class BudgetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly rates: ExchangeRatesService,
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

  /**
   * Raises the alerts a cost entry (or a budget change) made due, each once while spend stays past it, and announces
   * the burn. `rearm` false when only conversions moved the burn (a rate arriving, the month's rate of the budget's
   * currency changing day by day): a burn that sank under a threshold by them keeps its alert, so that no daily rate
   * raises the same one again and again.
   */
  async check(manager: EntityManager, scope: BudgetScope, context: RpcContext, { rearm = true } = {}): Promise<void> {
    const key = [scope.initiativeId, scope.period, scope.category];
    // Numbering the burn takes the budget's row first: two entries committed side by side would otherwise each
    // sum without the other and both stay under a threshold their total crosses. No budget, nothing to check.
    // Numbers come from the service's one sequence, so a budget set again after it was replaced numbers its
    // burn past the replaced one's. Spend in any currency counts, so the budget is found whatever its currency.
    const numbered = firstResultSet<{ version: number; currency: string }>(
      await manager.query(
        `UPDATE cost_tracking.budgets SET burn_version = nextval('cost_tracking.published_figure_versions')
          WHERE initiative_id = $1 AND period = $2 AND category = $3 RETURNING burn_version::int AS version, trim(currency) AS currency`,
        key,
      ),
    );
    for (const { version, currency } of numbered) {
      const [status] = await this.statuses(manager, { ...scope, currency });
      // Spend brought back under a threshold (a reversal, a budget raised) arms it again.
      if (rearm) await manager.query(
        `DELETE FROM cost_tracking.budget_alerts WHERE initiative_id = $1 AND period = $2 AND category = $3 AND currency = $4 AND NOT (threshold = ANY($5::text[]))`,
        [...key, currency, status.crossed],
      );
      for (const threshold of status.crossed) {
        const inserted = (await manager.query(
          `INSERT INTO cost_tracking.budget_alerts (initiative_id, period, category, currency, threshold) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT DO NOTHING RETURNING threshold`,
          [...key, currency, threshold],
        )) as unknown[];
        if (inserted.length) await this.outbox.enqueue(manager, CostEvents.budgetThresholdCrossed, { status, threshold }, context);
      }
      await this.outbox.enqueue(manager, CostEvents.budgetBurnChanged, { status, version }, context);
    }
  }

  /**
   * Checks each budget once. Their initiatives are locked first, as every other writer of a budget's row takes its
   * initiative before it (re-pricing takes many, then budgets in date order): budget rows taken without them could
   * wait on such a writer in the opposite order. Then budgets in one order (initiative, month, category).
   */
  async checkEach(manager: EntityManager, scopes: readonly BudgetScope[], context: RpcContext, options: { rearm?: boolean } = {}): Promise<number> {
    const keyOf = (scope: BudgetScope) => `${scope.initiativeId} ${scope.period} ${scope.category}`;
    const unique = new Map(scopes.map((scope) => [keyOf(scope), scope]));
    await lockInitiatives(manager, [...new Set(scopes.map((scope) => scope.initiativeId))]);
    for (const key of [...unique.keys()].sort()) await this.check(manager, unique.get(key) as BudgetScope, context, options);
    return unique.size;
  }

  /** After entries of these initiatives were converted to the reporting currency: the burn of their budgets with spend in other currencies. */
  async checkConverted(manager: EntityManager, initiativeIds: readonly string[], context: RpcContext): Promise<number> {
    return this.recheckConverted(manager, `b.initiative_id = ANY($1::uuid[])`, [initiativeIds], context);
  }

  /**
   * After rates of `currency` dated `from`–`through` were recorded: the burn of the budgets in it whose month's rate
   * they may be (a month without one takes the month before's), with spend in other currencies to bring in at it.
   */
  async checkAtRates(manager: EntityManager, currency: string, from: string, through: string, context: RpcContext): Promise<number> {
    const months = `b.currency = $1 AND b.period BETWEEN to_char($2::date, 'YYYY-MM') AND to_char($3::date + interval '1 month', 'YYYY-MM')`;
    return this.recheckConverted(manager, months, [currency, from, through], context);
  }

  /** After the ledger was converted to a new reporting currency: the burn of every budget with spend in other currencies. */
  async checkAllWithOtherCurrencies(manager: EntityManager, context: RpcContext): Promise<number> {
    return this.recheckConverted(manager, 'true', [], context);
  }

  /**
   * The budgets matching `condition` (on `b`) with spend in other currencies, checked after conversions alone moved
   * their burn: no alert is re-armed by them.
   */
  private async recheckConverted(manager: EntityManager, condition: string, params: unknown[], context: RpcContext): Promise<number> {
    const rows = (await manager.query(
      `SELECT b.initiative_id::text AS "initiativeId", trim(b.period) AS period, b.category FROM cost_tracking.budgets b
        WHERE ${condition} AND ${OTHER_CURRENCY_SPEND}`,
      params,
    )) as BudgetScope[];
    return this.checkEach(manager, rows, context, { rearm: false });
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
      if (value !== undefined) conditions.push(`${column} = $${params.push(value) + 1}`);
    }
    const reporting = this.rates.reportingCurrency;
    const rows = (await manager.query(
      `SELECT b.initiative_id, b.period, b.category, b.currency, b.amount::text AS amount, b.thresholds,
              coalesce((SELECT sum(e.amount) FROM cost_tracking.cost_entries e
                        WHERE e.initiative_id = b.initiative_id AND e.period = b.period AND e.category = b.category AND e.currency = b.currency), 0)::text AS actual,
              coalesce(o.others, '[]'::json) AS other_currencies, coalesce(o.reporting, 0)::text AS others_reporting, coalesce(o.waiting, 0)::int AS others_waiting,
              r.rate::text AS budget_rate, r.rate_date::text AS budget_rate_date
       FROM cost_tracking.budgets b
       LEFT JOIN LATERAL (
         SELECT json_agg(json_build_object('currency', t.currency, 'actual', t.total::text) ORDER BY t.currency) AS others,
                sum(t.reporting) AS reporting, sum(t.waiting) AS waiting
           FROM (SELECT e.currency, sum(e.amount) AS total, sum(c.amount) AS reporting, count(*) FILTER (WHERE c.entry_id IS NULL) AS waiting
                   FROM cost_tracking.cost_entries e
                   LEFT JOIN cost_tracking.entry_conversions c ON c.entry_id = e.id AND c.reporting_currency = $1
                  WHERE e.initiative_id = b.initiative_id AND e.period = b.period AND e.category = b.category AND e.currency <> b.currency
                  GROUP BY e.currency) t) o ON true
       LEFT JOIN LATERAL (
         SELECT f.rate, f.rate_date FROM cost_tracking.fx_rates f
          WHERE f.currency = b.currency AND f.reporting_currency = $1
            AND f.rate_date >= to_date(trim(b.period), 'YYYY-MM') - interval '1 month'
            AND f.rate_date < to_date(trim(b.period), 'YYYY-MM') + interval '1 month'
          ORDER BY f.rate_date DESC LIMIT 1) r ON true
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY b.period, b.initiative_id, b.category, b.currency`,
      [reporting, ...params],
    )) as StatusRow[];
    return rows.map((row) => {
      const currency = row.currency.trim();
      // Other currencies are never left out silently: finance sees each beside the budget, and what it came to.
      const otherCurrencies = row.other_currencies.map((other) => ({ currency: other.currency.trim(), actual: new Decimal(other.actual).toFixed() }));
      const { crossedBy, ...burn } = burnOf({
        currency,
        budget: row.amount,
        own: row.actual,
        others: otherCurrencies,
        othersInReporting: row.others_reporting,
        othersWaiting: row.others_waiting,
        reportingCurrency: reporting,
        budgetRate: row.budget_rate && row.budget_rate_date ? { date: row.budget_rate_date, rate: row.budget_rate } : null,
      });
      return {
        initiativeId: row.initiative_id,
        period: row.period.trim(),
        category: row.category,
        currency,
        budget: new Decimal(row.amount).toFixed(),
        actual: new Decimal(row.actual).toFixed(),
        ...burn,
        thresholds: row.thresholds,
        crossed: row.thresholds.filter(crossedBy),
        otherCurrencies,
      };
    });
  }
}
