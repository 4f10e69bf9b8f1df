import Decimal from 'decimal.js';
import type { BudgetStatus } from '@capstan/contracts';
import { ExactDecimal } from '@capstan/cost-tracking-core';

/** What a budget's month and category hold, as the budget query reads it. */
export interface BudgetSpend {
  currency: string;
  budget: string;
  /** Net spend in the budget's currency. */
  own: string;
  /** Spend in other currencies, each as recorded. */
  others: { currency: string; actual: string }[];
  /** The other currencies' entries converted so far, in the reporting currency at each entry's charge-date rate. */
  othersInReporting: string;
  /** The other currencies' entries still waiting for their rate. */
  othersWaiting: number;
  reportingCurrency: string;
  /** The budget currency's latest rate into the reporting currency in the month, or failing that the month before. */
  budgetRate: { date: string; rate: string } | null;
}

export type Burn = Pick<BudgetStatus, 'burn' | 'inBudgetCurrency'> & { crossedBy: (threshold: string) => boolean };

/**
 * A budget's burn over all its spend. Spend in other currencies counts once it can be brought into the budget's:
 * at each entry's charge-date rate when the budget is in the reporting currency; otherwise also at the budget
 * currency's rate for the month, the comparison made as own × rate + rest against budget × rate, which is exact
 * where own + rest ÷ rate would be rounded. Without that rate the burn is of the budget currency's spend alone, and
 * `inBudgetCurrency` is null to say so.
 */
export function burnOf(spend: BudgetSpend): Burn {
  const own = new ExactDecimal(spend.own);
  let spent = own;
  let limit = new ExactDecimal(spend.budget);
  let inBudgetCurrency: BudgetStatus['inBudgetCurrency'];
  if (spend.others.length) {
    const rest = new ExactDecimal(spend.othersInReporting);
    if (spend.currency === spend.reportingCurrency) {
      spent = own.plus(rest);
      inBudgetCurrency = { actual: spent.toFixed(), entriesAwaitingRate: spend.othersWaiting, rate: null };
    } else if (spend.budgetRate) {
      const rate = new ExactDecimal(spend.budgetRate.rate);
      spent = own.times(rate).plus(rest);
      limit = limit.times(rate);
      // Shown to the ledger's 18 places; the burn is of the exact form above.
      const actual = own.plus(rest.div(rate)).toDecimalPlaces(18, Decimal.ROUND_HALF_EVEN);
      inBudgetCurrency = { actual: actual.toFixed(), entriesAwaitingRate: spend.othersWaiting, rate: { date: spend.budgetRate.date, rate: rate.toFixed() } };
    } else {
      inBudgetCurrency = null;
    }
  }
  const burn = limit.isZero() ? (spent.gt(0) ? new ExactDecimal(Infinity) : new ExactDecimal(0)) : spent.div(limit);
  return {
    burn: burn.isFinite() ? burn.toDecimalPlaces(4, Decimal.ROUND_DOWN).toFixed() : 'Infinity',
    ...(inBudgetCurrency !== undefined && { inBudgetCurrency }),
    crossedBy: (threshold) => !burn.lt(threshold),
  };
}
