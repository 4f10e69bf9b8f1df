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

export const CostRpc = {
  record: rpcContract('cost.entry.record', z.object({ entry: recordCostEntrySchema, actor: z.string() }).strict(), costEntrySchema),
  reverse: rpcContract('cost.entry.reverse', z.object({ id: z.uuid(), reason: z.string().max(500), actor: z.string() }).strict(), costEntrySchema),
  summary: rpcContract('cost.summary', costSummaryQuerySchema, costSummarySchema),
};

export const CostEvents = {
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
