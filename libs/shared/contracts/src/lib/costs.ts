import { z } from 'zod';
import { COST_CATEGORIES, COST_PHASES } from '@capstan/domain';
import { rpcContract } from './rpc';
import { eventContract } from './events';
import { currencySchema } from './registry';

/** An exact amount as a decimal string; negative for credits and corrections. Billing exports carry up to 10 decimals. */
export const amountSchema = z.string().regex(/^-?\d{1,20}(\.\d{1,10})?$/, 'a decimal string such as "1250.00" or "-3.5"');

export const COST_SOURCES = ['manual', 'import', 'metered', 'allocation'] as const;
/** Spend from these sources is attributed from reliable data; manual entries are estimates. */
export const RELIABLE_COST_SOURCES = ['import', 'metered', 'allocation'] as const;

export const recordCostEntrySchema = z
  .object({
    initiativeId: z.uuid().nullable().default(null),
    chargeDate: z.iso.date(),
    category: z.enum(COST_CATEGORIES),
    phase: z.enum(COST_PHASES),
    amount: amountSchema,
    currency: currencySchema,
    /** People record `manual` entries; engineering meters post `metered` ones. Imports and allocations are the ledger's own. */
    source: z.enum(['manual', 'metered']).default('manual'),
    reference: z.string().trim().max(200).default(''),
  })
  .strict();
export type RecordCostEntry = z.infer<typeof recordCostEntrySchema>;

export const costEntrySchema = z.object({
  id: z.uuid(),
  initiativeId: z.uuid().nullable(),
  chargeDate: z.string(),
  period: z.string(),
  category: z.enum(COST_CATEGORIES),
  phase: z.enum(COST_PHASES),
  amount: amountSchema,
  currency: z.string(),
  source: z.enum(COST_SOURCES),
  reference: z.string(),
  reversesId: z.uuid().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type CostEntry = z.infer<typeof costEntrySchema>;

export const COST_GROUPINGS = ['serviceCategory', 'category', 'initiative', 'month', 'currency', 'phase'] as const;

export const costSummaryQuerySchema = z
  .object({
    groupBy: z.enum(COST_GROUPINGS),
    initiativeId: z.uuid().optional(),
    importId: z.uuid().optional(),
  })
  .strict();
export type CostSummaryQuery = z.infer<typeof costSummaryQuerySchema>;

export const costSummarySchema = z.object({
  groups: z.array(z.object({ key: z.string(), billedCost: amountSchema, effectiveCost: amountSchema, currency: z.string() })),
});
export type CostSummary = z.infer<typeof costSummarySchema>;

/** Budget per initiative × month × category; alerts fire once per threshold crossed. */
export const setBudgetSchema = z
  .object({
    initiativeId: z.uuid(),
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month such as 2026-11'),
    category: z.enum(COST_CATEGORIES),
    amount: z.string().regex(/^\d{1,20}(\.\d{1,10})?$/, 'a non-negative decimal string such as "25000.00"'),
    currency: currencySchema,
    /** Shares of the budget that raise an alert when actual spend reaches them. */
    thresholds: z.array(z.string().regex(/^(0(\.\d{1,4})?|1(\.\d{1,4})?|[2-9](\.\d{1,4})?)$/, 'a share such as "0.8"')).min(1).max(10).default(['0.5', '0.8', '1']),
  })
  .strict();
export type SetBudget = z.infer<typeof setBudgetSchema>;

export const budgetStatusSchema = z.object({
  initiativeId: z.uuid(),
  period: z.string(),
  category: z.enum(COST_CATEGORIES),
  currency: z.string(),
  budget: amountSchema,
  actual: amountSchema,
  /** actual ÷ budget, exact to 4 places, as a decimal string. */
  burn: z.string(),
  thresholds: z.array(z.string()),
  crossed: z.array(z.string()),
});
export type BudgetStatus = z.infer<typeof budgetStatusSchema>;

export const CostRpc = {
  record: rpcContract('cost.entry.record', z.object({ entry: recordCostEntrySchema, actor: z.string() }).strict(), costEntrySchema),
  reverse: rpcContract('cost.entry.reverse', z.object({ id: z.uuid(), reason: z.string().max(500), actor: z.string() }).strict(), costEntrySchema),
  summary: rpcContract('cost.summary', costSummaryQuerySchema, costSummarySchema),
  setBudget: rpcContract('cost.budget.set', z.object({ budget: setBudgetSchema, actor: z.string() }).strict(), budgetStatusSchema),
  budgets: rpcContract(
    'cost.budget.list',
    z.object({ initiativeId: z.uuid().optional(), period: z.string().optional() }).strict(),
    z.object({ items: z.array(budgetStatusSchema) }),
  ),
};

export const CostEvents = {
  budgetThresholdCrossed: eventContract(
    'budget.threshold_crossed',
    1,
    z.object({ status: budgetStatusSchema, threshold: z.string() }),
  ),
  recorded: eventContract('cost.recorded', 1, z.object({ entry: costEntrySchema })),
  /**
   * How much of an initiative's spend is attributed from reliable sources. The
   * share is the lowest across its currencies; `entries` only grows, so a
   * consumer keeps the figure with the most entries behind it.
   */
  visibilityChanged: eventContract(
    'cost.visibility_changed',
    1,
    z.object({
      initiativeId: z.uuid(),
      attributedShare: z.string(),
      entries: z.number().int(),
      /** The latest month (YYYY-MM) with cost recorded, net of reversals; null when none. */
      latestCostPeriod: z.string().nullable().default(null),
    }),
  ),
};
