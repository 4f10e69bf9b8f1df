import { z } from 'zod';
import { COST_CATEGORIES, COST_PHASES } from '@capstan/domain';
import { rpcContract } from './rpc';
import { eventContract } from './events';
import { currencyCodeSchema, currencySchema } from './registry';
import { calendarDate } from './calendar-date';
import { PG_INTEGER_MAX } from './stored-integers';

/** An exact amount as a decimal string; negative for credits and corrections. Billing exports carry sub-cent line items: up to 18 decimals. */
export const amountSchema = z.string().regex(/^-?\d{1,20}(\.\d{1,18})?$/, 'a decimal string such as "1250.00" or "-3.5"');
/** A sum of amounts: exact and of any size, since a sum of entries can pass what one entry holds. */
export const totalSchema = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string such as "1250.00" or "-3.5"');

export const COST_SOURCES = ['manual', 'import', 'metered', 'allocation'] as const;
/** Spend from these sources is attributed from reliable data; manual entries are estimates. */
export const RELIABLE_COST_SOURCES = ['import', 'metered', 'allocation'] as const;

export const recordCostEntrySchema = z
  .object({
    initiativeId: z.uuid().nullable().default(null),
    chargeDate: calendarDate,
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

/** The ledger's entries of one initiative or one import, newest first: what a correction (a reversal) needs the id of. */
export const costEntryListQuerySchema = z
  .object({
    initiativeId: z.uuid().optional(),
    importId: z.uuid().optional(),
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month such as 2026-10').optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: z.string().regex(/^\d{1,18}$/, 'a cursor from a previous page').optional(),
  })
  .strict()
  .refine((query) => Boolean(query.initiativeId) !== Boolean(query.importId), { message: 'Give initiativeId or importId (one of them)', path: ['initiativeId'] });
export type CostEntryListQuery = z.infer<typeof costEntryListQuerySchema>;

export const costEntryListItemSchema = costEntrySchema.safeExtend({
  /** What the row of a billing export adds: its effective cost, service category, import and row. */
  effectiveAmount: amountSchema.nullable(),
  serviceCategory: z.string().nullable(),
  resourceId: z.string().nullable(),
  importId: z.uuid().nullable(),
  importRow: z.number().int().nullable(),
  /** The entry that reversed this one, if any. */
  reversedBy: z.uuid().nullable(),
  /** The unallocated entry this one maps to its initiative, when a re-allocation of its import wrote it. */
  reallocatesId: z.uuid().nullable().default(null),
});
export const costEntryListSchema = z.object({ items: z.array(costEntryListItemSchema), nextCursor: z.string().nullable() });
export type CostEntryList = z.infer<typeof costEntryListSchema>;

export const COST_GROUPINGS = ['serviceCategory', 'category', 'initiative', 'month', 'currency', 'phase'] as const;

export const costSummaryQuerySchema = z
  .object({
    groupBy: z.enum(COST_GROUPINGS),
    initiativeId: z.uuid().optional(),
    importId: z.uuid().optional(),
    /** Totals in the reporting currency, each entry at its charge date's rate; entries not yet convertible are listed apart. */
    reporting: z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]).optional(),
  })
  .strict();
export type CostSummaryQuery = z.infer<typeof costSummaryQuerySchema>;

export const costSummarySchema = z.object({
  groups: z.array(z.object({ key: z.string(), billedCost: totalSchema, effectiveCost: totalSchema, currency: z.string() })),
  /** With `reporting`: entries with no rate for their charge date yet, per original currency — left out of the groups, never counted as zero. */
  unconverted: z.array(z.object({ currency: z.string(), entries: z.number().int(), billedCost: totalSchema })).optional(),
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
    /** Shares of the budget that raise an alert when actual spend reaches them; above 0, or one fires with nothing spent. */
    thresholds: z
      .array(
        z
          .string()
          .regex(/^(0(\.\d{1,4})?|1(\.\d{1,4})?|[2-9](\.\d{1,4})?)$/, 'a share such as "0.8"')
          .refine((share) => !/^0(\.0+)?$/.test(share), 'must be more than zero: a threshold of 0 is crossed before anything is spent'),
      )
      .min(1)
      .max(10)
      .default(['0.5', '0.8', '1']),
  })
  .strict();
export type SetBudget = z.infer<typeof setBudgetSchema>;

export const budgetStatusSchema = z.object({
  initiativeId: z.uuid(),
  period: z.string(),
  category: z.enum(COST_CATEGORIES),
  currency: z.string(),
  budget: amountSchema,
  actual: totalSchema,
  /**
   * Spend ÷ budget, cut (not rounded) to 4 places, as a decimal string: `actual`, and the other currencies' spend
   * once it is brought into the budget's currency (`inBudgetCurrency`). The thresholds are crossed by this burn.
   */
  burn: z.string(),
  thresholds: z.array(z.string()),
  crossed: z.array(z.string()),
  /** Spend of the same initiative, month and category in other currencies, as recorded: not in `actual`, which is in the budget's currency (absent on statuses sent before it). */
  otherCurrencies: z.array(z.object({ currency: z.string(), actual: totalSchema })).optional(),
  /**
   * With spend in other currencies: all of it in the budget's currency — `actual` plus the others converted into the
   * reporting currency at each entry's charge-date rate and, for a budget in another currency, from it at that
   * currency's `rate` for the month (the latest recorded in the month, or failing that the month before). Entries
   * still waiting for their rate are not in it, and counted. Null when no rate of the budget's currency is recorded
   * for the month: the burn is then of `actual` alone. Absent without spend in other currencies (and on statuses
   * sent before it).
   */
  inBudgetCurrency: z
    .object({
      actual: totalSchema,
      entriesAwaitingRate: z.number().int(),
      rate: z.object({ date: z.string(), rate: z.string() }).nullable(),
    })
    .nullable()
    .optional(),
  /** Only in `budget.burn_changed`: this budget was set again in that currency, which replaced it — its burn no longer counts. */
  replacedBy: z.string().optional(),
});
export type BudgetStatus = z.infer<typeof budgetStatusSchema>;

// Exchange rates -------------------------------------------------------------------

export const fxRateSchema = z
  .object({
    currency: currencySchema,
    /**
     * The day the rate holds for. An entry uses its charge date's rate; a day without one takes the latest rate
     * before it (from the six days before it) once a rate dated after it shows the day had none; that is then the
     * day's rate, and a rate sent for the day afterwards is refused. No later than tomorrow.
     */
    date: calendarDate,
    /** Units of the reporting currency for one unit of `currency`, as a decimal string. */
    rate: z.string().regex(/^\d{1,12}(\.\d{1,12})?$/, 'a positive decimal string such as "0.9231"').refine((rate) => !/^0+(\.0+)?$/.test(rate), 'must be more than zero'),
    source: z.string().max(200).default(''),
  })
  .strict();
export type FxRate = z.infer<typeof fxRateSchema>;

export const recordFxRatesSchema = z.object({ rates: z.array(fxRateSchema).min(1).max(5_000) }).strict();
export type RecordFxRates = z.infer<typeof recordFxRatesSchema>;

export const fxRateViewSchema = fxRateSchema.safeExtend({ currency: currencyCodeSchema, reportingCurrency: z.string(), recordedBy: z.string(), recordedAt: z.string() });
export type FxRateView = z.infer<typeof fxRateViewSchema>;

export const fxRateQuerySchema = z
  .object({
    currency: currencyCodeSchema.optional(),
    from: calendarDate.optional(),
    to: calendarDate.optional(),
    /** Only the latest day's rate of each currency (within `from`–`to` when given). */
    latest: z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]).optional(),
  })
  .strict();
export type FxRateQuery = z.infer<typeof fxRateQuerySchema>;

/**
 * Entries being converted in the background: those waiting for rates just recorded (`currency` and the charge
 * dates `from`–`through` they price), or every entry, after the reporting currency changed (`currency` null).
 */
export const fxConversionViewSchema = z.object({
  id: z.string(),
  currency: z.string().nullable(),
  from: z.string().nullable(),
  through: z.string().nullable(),
  queuedAt: z.string(),
  /** `finding` the entries waiting, `converting` them slice by slice, `publishing` the figures of the initiatives they belong to. */
  stage: z.enum(['finding', 'converting', 'publishing']),
  entriesConverted: z.number().int(),
  /** The share of the entries' stretch of the ledger converted so far, 0–1; null while finding. */
  progress: z.number().min(0).max(1).nullable(),
  /** Why the last attempt failed, if it did; the job is tried again. */
  lastError: z.string().nullable(),
});
export type FxConversionView = z.infer<typeof fxConversionViewSchema>;

export const fxRecordedSchema = z.object({
  reportingCurrency: z.string(),
  recorded: z.number().int(),
  unchanged: z.number().int(),
  /** Entries converted at the new rates before the answer. */
  entriesConverted: z.number().int(),
  /** Whether more entries are being converted in the background (`GET /api/v1/fx-rates/conversions` shows how far). */
  conversionPending: z.boolean(),
});
export type FxRecorded = z.infer<typeof fxRecordedSchema>;

export const fxRateListSchema = z.object({ reportingCurrency: z.string(), items: z.array(fxRateViewSchema) });
export const fxConversionListSchema = z.object({ reportingCurrency: z.string(), items: z.array(fxConversionViewSchema) });

/**
 * Rates just recorded, as each month's latest: for every currency and month they touch, the latest of them in that
 * month (an earlier recording may hold a later day of the month; the later day wins). Scoring brings a scope
 * envelope's monthly cap in another currency into the reporting currency at its month's latest rate.
 */
export const FxEvents = {
  monthRatesRecorded: eventContract(
    'fx.month_rates_recorded',
    1,
    z.object({
      reportingCurrency: currencyCodeSchema,
      rates: z.array(
        z.object({
          currency: currencyCodeSchema.meta({ examples: ['USD'] }),
          month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month such as 2026-11'),
          /** The day of the month the rate holds for. */
          date: calendarDate,
          /** Units of the reporting currency for one unit of `currency`. */
          rate: z.string().regex(/^\d{1,12}(\.\d{1,12})?$/).meta({ examples: ['0.9231'] }),
        }),
      ),
    }),
  ),
};

export const FxRpc = {
  record: rpcContract('cost.fx.record', z.object({ rates: recordFxRatesSchema, actor: z.string() }).strict(), fxRecordedSchema),
  list: rpcContract('cost.fx.list', fxRateQuerySchema, fxRateListSchema),
  conversions: rpcContract('cost.fx.conversions', z.object({}).strict(), fxConversionListSchema),
};

// Token metering -------------------------------------------------------------------

// At most 10^8 per 1,000 tokens: three kinds of a trillion tokens each then cost under 10^18, which a ledger entry holds.
const perThousand = z.string().regex(/^\d{1,8}(\.\d{1,12})?$/, 'a non-negative decimal string under 100000000, the price of 1,000 tokens, such as "0.0025"');
const tokens = z.number().int().min(0).max(1_000_000_000_000);

export const setTokenPriceSchema = z
  .object({
    /** From this day on; usage before it keeps the earlier price. */
    effectiveFrom: calendarDate,
    currency: currencySchema,
    inputPer1k: perThousand,
    outputPer1k: perThousand,
    cachedPer1k: perThousand.default('0'),
  })
  .strict();
export type SetTokenPrice = z.infer<typeof setTokenPriceSchema>;

export const tokenPriceSchema = setTokenPriceSchema.safeExtend({ currency: currencyCodeSchema, id: z.uuid(), model: z.string(), recordedBy: z.string(), recordedAt: z.string() });
export type TokenPrice = z.infer<typeof tokenPriceSchema>;

export const modelNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:\-/]{0,99}$/, 'a model name such as "gpt-4o-mini" or "claude-3-5-sonnet"');

export const recordTokenUsageSchema = z
  .object({
    initiativeId: z.uuid(),
    model: modelNameSchema,
    date: calendarDate,
    phase: z.enum(COST_PHASES).default('production'),
    inputTokens: tokens,
    outputTokens: tokens,
    cachedTokens: tokens.default(0),
    reference: z.string().trim().max(200).default(''),
  })
  .strict();
export type RecordTokenUsage = z.infer<typeof recordTokenUsageSchema>;

export const tokenUsageSchema = recordTokenUsageSchema.safeExtend({
  id: z.uuid(),
  /** The price it was charged at, the charge, and the ledger entry that holds it. */
  priceId: z.uuid(),
  amount: amountSchema,
  currency: z.string(),
  entryId: z.uuid(),
  recordedBy: z.string(),
});
export type TokenUsage = z.infer<typeof tokenUsageSchema>;

export const repriceSchema = z.object({ from: calendarDate, to: calendarDate }).strict().refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['to'] });

export const repricingSchema = z.object({
  model: z.string(),
  /** Usage whose charge changed: the old charge reversed, the new one recorded. Usage already at its current price is left as it is. */
  // `from` is in `fromCurrency`, `to` in `currency`; `difference` only when the two are the same currency (null otherwise).
  changes: z.array(
    z.object({ usageId: z.uuid(), date: z.string(), from: amountSchema, fromCurrency: z.string(), to: amountSchema, difference: amountSchema.nullable(), currency: z.string() }),
  ),
  unchanged: z.number().int(),
});
export type Repricing = z.infer<typeof repricingSchema>;

export const TokenRpc = {
  setPrice: rpcContract('cost.token.price.set', z.object({ model: modelNameSchema, price: setTokenPriceSchema, actor: z.string() }).strict(), tokenPriceSchema),
  prices: rpcContract('cost.token.price.list', z.object({ model: modelNameSchema }).strict(), z.object({ items: z.array(tokenPriceSchema) })),
  // `requestId` comes from the caller's Idempotency-Key: usage repeated after a timeout or a crash is charged once.
  recordUsage: rpcContract('cost.token.usage.record', z.object({ usage: recordTokenUsageSchema, actor: z.string(), requestId: z.uuid().optional() }).strict(), tokenUsageSchema),
  reprice: rpcContract('cost.token.reprice', z.object({ model: modelNameSchema, range: repriceSchema, actor: z.string() }).strict(), repricingSchema),
};

export const CostRpc = {
  record: rpcContract(
    'cost.entry.record',
    // `requestId` comes from the caller's Idempotency-Key: a request repeated after a crash records once.
    z.object({ entry: recordCostEntrySchema, actor: z.string(), requestId: z.uuid().optional() }).strict(),
    costEntrySchema,
  ),
  reverse: rpcContract('cost.entry.reverse', z.object({ id: z.uuid(), reason: z.string().max(500), actor: z.string() }).strict(), costEntrySchema),
  list: rpcContract('cost.entry.list', costEntryListQuerySchema, costEntryListSchema),
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
  /**
   * A budget's burn after every change to its spend or its amount, in rising
   * `version` per budget: what scoring weighs as spend past its budget, so that
   * a correction bringing spend back under budget takes the overrun back.
   */
  budgetBurnChanged: eventContract('budget.burn_changed', 1, z.object({ status: budgetStatusSchema, version: z.number().int().positive() })),
  recorded: eventContract('cost.recorded', 1, z.object({ entry: costEntrySchema })),
  /** The spend budgeted for an initiative, all months and categories, per currency: the capital committed to it. */
  commitmentChanged: eventContract(
    'budget.commitment_changed',
    1,
    z.object({ initiativeId: z.uuid(), version: z.number().int(), committed: z.array(z.object({ currency: z.string(), amount: totalSchema })) }),
  ),
  /**
   * A billing import ended: how many rows, how many allocated, to which initiatives. A failed import's rows imported
   * before it stopped stay in the ledger, so it is told too, with `status` "failed" (absent before: completed); an
   * import reversed as a whole is told again with `status` "reversed" once every entry has its reversing entry, and
   * one whose unallocated spend was mapped again with "reallocated" (`initiatives`: those it mapped spend to).
   */
  imported: eventContract(
    'cost.imported',
    1,
    z.object({
      importId: z.uuid(),
      status: z.enum(['completed', 'failed', 'reversed', 'reallocated']).optional(),
      rowsImported: z.number().int(),
      rowsRejected: z.number().int(),
      rowsUnallocated: z.number().int(),
      initiatives: z.array(z.uuid()),
    }),
  ),
  /**
   * How much of an initiative's spend is attributed from reliable sources,
   * weighed in the reporting currency (the lowest across its currencies while
   * an entry waits for its rate). Republished when a rate arrives for its
   * entries. A consumer keeps the figure with the highest `version`.
   * Version 2: `attributedShare` is null when the entries net to nothing,
   * `version` orders the figures (version 1 ordered them by `entries`), and
   * `recentReportingSpend` holds the months' spend in the reporting currency.
   */
  visibilityChanged: eventContract(
    'cost.visibility_changed',
    2,
    z.object({
      initiativeId: z.uuid(),
      /** The attributed share (0–1, 4 places); null when nothing is spent net, so nothing is measured. */
      attributedShare: z.string().nullable(),
      /** Increases with every figure published for the initiative; absent from version 1, ordered by `entries`. */
      version: z.number().int().positive().optional(),
      entries: z.number().int(),
      /** The latest month (YYYY-MM) with cost recorded, net of reversals; null when none. */
      latestCostPeriod: z.string().nullable().default(null),
      /** Net spend by month (YYYY-MM) and currency: the latest three months with spend up to the current one and the first three after it, for the scope envelope's monthly cap. */
      recentSpend: z.array(z.object({ period: z.string(), currency: z.string(), amount: totalSchema })).default([]),
      /**
       * The same months' spend in every currency together, in the reporting currency at each entry's day rate;
       * `complete` is false while some of the month's entries wait for their rate. New in version 2.
       */
      recentReportingSpend: z.array(z.object({ period: z.string(), currency: z.string(), amount: totalSchema, complete: z.boolean() })).default([]),
      /**
       * The same months' spend in the reporting currency by the entries' own currency (`reportingAmount`), for a cap
       * in another currency than the reporting one. New within version 2: absent from figures published before.
       */
      recentReportingSpendByCurrency: z
        .array(z.object({ period: z.string(), currency: z.string(), reportingAmount: totalSchema, complete: z.boolean() }))
        .optional(),
    }),
  ),
};

// FOCUS imports -------------------------------------------------------------

export const COST_IMPORT_FORMATS = ['focus'] as const;
/** Characters per chunk the gateway forwards: well under NATS's default 1 MB message. */
export const COST_IMPORT_CHUNK_CHARS = 256 * 1024;

export const startCostImportSchema = z
  .object({
    format: z.enum(COST_IMPORT_FORMATS),
    /** For exports without a BillingCurrency column (or empty cells). */
    currency: currencySchema.optional(),
    phase: z.enum(COST_PHASES).default('production'),
    /**
     * A file imported before (the same bytes, by SHA-256) is refused (409, naming that import) unless `allow`:
     * a retry after a lost answer or a month sent twice would otherwise double the spend.
     */
    duplicate: z.enum(['refuse', 'allow']).default('refuse'),
  })
  .strict();
export type StartCostImport = z.infer<typeof startCostImportSchema>;

export const costImportSchema = z.object({
  id: z.uuid(),
  format: z.enum(COST_IMPORT_FORMATS),
  status: z.enum(['receiving', 'processing', 'completed', 'failed']),
  phase: z.enum(COST_PHASES),
  defaultCurrency: z.string().nullable(),
  /** The size of the file received, in bytes. */
  bytesReceived: z.number().int(),
  /** The SHA-256 of the file received (hex), once it is all there; null before, and for imports older than it. */
  contentSha256: z.string().nullable(),
  /** Share of the received file processed, 0..1. */
  progress: z.number(),
  rowsRead: z.number().int(),
  rowsImported: z.number().int(),
  rowsRejected: z.number().int(),
  /** Imported rows no allocation rule mapped: visible as unallocated spend. */
  rowsUnallocated: z.number().int(),
  /** The first rejected rows (header = row 1, then each row of the file; blank lines are not counted) with the reason. */
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
  failure: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  /** The import reversed as a whole: every entry it wrote given its reversing entry (null: never asked). */
  reversal: z
    .object({
      status: z.enum(['reversing', 'reversed']),
      reason: z.string(),
      requestedBy: z.string(),
      requestedAt: z.string(),
      entriesReversed: z.number().int(),
      reversedAt: z.string().nullable(),
      /** The last attempt's error while it is tried again (null once a batch commits), and how many attempts failed. */
      lastError: z.string().nullable(),
      failedAttempts: z.number().int(),
    })
    .nullable()
    // A cost tracking of an earlier version sends none during a rolling upgrade.
    .default(null),
  /**
   * The latest re-allocation: its unallocated entries mapped by the allocation rules in force then, each reversed and
   * replaced by the entries its rule gives (null: never asked). It can be asked again once it has ended.
   */
  reallocation: z
    .object({
      /** `superseded`: the import's reversal as a whole took over before it ended. */
      status: z.enum(['reallocating', 'reallocated', 'superseded']),
      reason: z.string(),
      requestedBy: z.string(),
      requestedAt: z.string(),
      /** Unallocated entries a rule mapped, so far. */
      entriesReallocated: z.number().int(),
      /** Unallocated entries no rule maps yet, so far. */
      entriesLeftUnallocated: z.number().int(),
      /**
       * Of those, the entries imported before their accounts and tags were kept: no rule can be applied to them
       * (reverse the import and import the file again).
       */
      entriesWithoutAttributes: z.number().int(),
      reallocatedAt: z.string().nullable(),
      lastError: z.string().nullable(),
      failedAttempts: z.number().int(),
    })
    .nullable()
    .default(null),
});
export type CostImport = z.infer<typeof costImportSchema>;

/** Why an import is reversed as a whole: kept with it, and on each reversing entry. */
export const costImportReversalSchema = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
export type CostImportReversal = z.infer<typeof costImportReversalSchema>;

/** Why an import's unallocated spend is mapped again (a rule made since, say): kept with it, and on each entry it writes. */
export const costImportReallocationSchema = costImportReversalSchema;

/** Imports, newest first: what finance has loaded and how each went. */
export const costImportListQuerySchema = z
  .object({
    status: z.enum(['receiving', 'processing', 'completed', 'failed']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: z
      .string()
      .regex(/^\d{1,18}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a cursor from a previous page')
      .optional(),
  })
  .strict();
export type CostImportListQuery = z.infer<typeof costImportListQuerySchema>;
/** An import as the list shows it: its rejected rows' reasons (up to a thousand) are on the import's own route. */
export const costImportListItemSchema = costImportSchema.omit({ errors: true });
export type CostImportListItem = z.infer<typeof costImportListItemSchema>;
export const costImportListSchema = z.object({ items: z.array(costImportListItemSchema), nextCursor: z.string().nullable() });
export type CostImportList = z.infer<typeof costImportListSchema>;

export const CostImportRpc = {
  start: rpcContract('cost.import.start', z.object({ options: startCostImportSchema, actor: z.string() }).strict(), z.object({ id: z.uuid() })),
  chunk: rpcContract(
    'cost.import.chunk',
    z.object({ id: z.uuid(), seq: z.number().int().min(0).max(PG_INTEGER_MAX), data: z.string().max(COST_IMPORT_CHUNK_CHARS) }).strict(),
    /** The piece kept (again, for a retry). Pieces may arrive in any order; `finish` checks none is missing. */
    z.object({ seq: z.number().int() }),
  ),
  finish: rpcContract(
    'cost.import.finish',
    /**
     * `pieces` and `bytes` (UTF-8): what the sender sent, checked against what
     * was kept. `chars` is what a gateway of an earlier version sent instead.
     * `sha256`: the file's, as sent (a gateway of an earlier version sends none: nothing is compared).
     */
    z
      .object({
        id: z.uuid(),
        pieces: z.number().int().min(1).optional(),
        bytes: z.number().int().min(0).optional(),
        chars: z.number().int().min(0).optional(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
      })
      .strict(),
    costImportSchema,
  ),
  abandon: rpcContract('cost.import.abandon', z.object({ id: z.uuid(), reason: z.string().max(500) }).strict(), costImportSchema),
  get: rpcContract('cost.import.get', z.object({ id: z.uuid() }).strict(), costImportSchema),
  list: rpcContract('cost.import.list', costImportListQuerySchema, costImportListSchema),
  /** Starts reversing every entry of an import that has ended; the reversal goes on in the background (see `reversal`). */
  reverse: rpcContract('cost.import.reverse', costImportReversalSchema.extend({ id: z.uuid(), actor: z.string() }).strict(), costImportSchema),
  /** Starts mapping an ended import's unallocated entries by the rules in force; it goes on in the background (see `reallocation`). */
  reallocate: rpcContract('cost.import.reallocate', costImportReallocationSchema.extend({ id: z.uuid(), actor: z.string() }).strict(), costImportSchema),
};

// Allocation rules ------------------------------------------------------------

const share = z.string().regex(/^\d{1,6}(\.\d{1,6})?$/, 'a non-negative decimal such as "60" or "12.5"');
export const allocationRuleInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** Lower runs first; the first rule that matches a row allocates it. */
    priority: z.number().int().min(0).max(1_000_000).default(100),
    match: z
      .object({
        tag: z.object({ key: z.string().min(1).max(200), value: z.string().max(500).optional() }).strict().optional(),
        billingAccountId: z.string().min(1).max(500).optional(),
        subAccountId: z.string().min(1).max(500).optional(),
        /** `*` matches any run of characters. */
        resourceIdPattern: z.string().min(1).max(1000).optional(),
      })
      .strict()
      .refine((m) => Object.keys(m).length > 0, { message: 'Give at least one condition: tag, billingAccountId, subAccountId or resourceIdPattern' }),
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('initiative'), initiativeId: z.uuid() }).strict(),
      z
        .object({
          kind: z.literal('split'),
          method: z.enum(['even', 'fixed', 'proportional']),
          parts: z.array(z.object({ initiativeId: z.uuid(), share: share.optional() }).strict()).min(2).max(100),
        })
        .strict()
        .superRefine((split, ctx) => {
          if (new Set(split.parts.map((p) => p.initiativeId)).size !== split.parts.length) {
            ctx.addIssue({ code: 'custom', message: 'Each initiative appears once in a split', path: ['parts'] });
          }
          if (split.method !== 'even' && split.parts.some((p) => p.share === undefined)) {
            ctx.addIssue({ code: 'custom', message: `A ${split.method} split gives every part a share`, path: ['parts'] });
          }
          // Weights of nothing cannot divide anything: every row the rule matched would fail.
          if (split.method === 'proportional' && split.parts.every((p) => p.share === undefined || !/[1-9]/.test(p.share))) {
            ctx.addIssue({ code: 'custom', message: 'A proportional split needs at least one share above 0', path: ['parts'] });
          }
          if (split.method === 'fixed') {
            const hundredths = split.parts.reduce((sum, p) => sum + Math.round(Number(p.share ?? 0) * 1_000_000), 0);
            if (hundredths !== 100_000_000) ctx.addIssue({ code: 'custom', message: 'Fixed shares add up to 100', path: ['parts'] });
          }
        }),
    ]),
  })
  .strict();
export type AllocationRuleInput = z.infer<typeof allocationRuleInputSchema>;

export const allocationRuleSchema = allocationRuleInputSchema.safeExtend({
  id: z.uuid(),
  createdBy: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});
export type AllocationRuleView = z.infer<typeof allocationRuleSchema>;

export const AllocationRpc = {
  create: rpcContract('cost.allocation-rule.create', z.object({ rule: allocationRuleInputSchema, actor: z.string() }).strict(), allocationRuleSchema),
  list: rpcContract('cost.allocation-rule.list', z.object({}).strict(), z.object({ items: z.array(allocationRuleSchema) })),
  retire: rpcContract('cost.allocation-rule.retire', z.object({ id: z.uuid(), actor: z.string() }).strict(), allocationRuleSchema),
};

// Unit economics ----------------------------------------------------------------

/** The categories production brings that pilots rarely carry: without data for them, production economics are unknown. */
export const PRODUCTION_ONLY_CATEGORIES = ['monitoring', 'support_staffing', 'operating_controls'] as const;

export const recordVolumeSchema = z
  .object({
    initiativeId: z.uuid(),
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month such as 2026-11'),
    phase: z.enum(COST_PHASES),
    metric: z.string().regex(/^[a-z][a-z0-9_]{0,49}$/, 'a lowercase name such as transactions or active_users'),
    /** Exact, positive: "125000". */
    volume: z.string().regex(/^\d{1,20}(\.\d{1,6})?$/, 'a positive decimal string such as "125000"').refine((v) => Number(v) > 0, 'must be more than zero'),
  })
  .strict();
export type RecordVolume = z.infer<typeof recordVolumeSchema>;

const phaseEconomicsSchema = z.object({
  cost: totalSchema,
  volume: z.string(),
  /** cost ÷ volume over the months with both, rounded half-even to 10 decimals; null without a denominator (never zero). */
  unitCost: z.string().nullable(),
  months: z.array(z.string()),
  /** In the reporting currency: entries of these months still waiting for a rate. The unit cost waits with them (null). */
  unconvertedEntries: z.number().int().optional(),
});

export const unitEconomicsSchema = z.object({
  initiativeId: z.uuid(),
  metric: z.string(),
  currency: z.string(),
  /**
   * Spent in several currencies: one figure in the reporting currency, each entry at its charge date's rate
   * (a currency's share of the cost over the whole volume would understate the unit cost).
   */
  inReportingCurrency: z.boolean().optional(),
  pilot: phaseEconomicsSchema,
  production: phaseEconomicsSchema,
  /** production unit cost ÷ pilot unit cost, 4 decimals; null when either is unknown. */
  productionToPilot: z.string().nullable(),
  /** Production-only categories with no production cost recorded: economics unknown, not zero. */
  categoriesWithoutData: z.array(z.string()),
});
export type UnitEconomics = z.infer<typeof unitEconomicsSchema>;

// Forecasts ---------------------------------------------------------------------

export const forecastQuerySchema = z
  .object({
    months: z.coerce.number().int().min(1).max(24).default(6),
    /** With `productionVolume`: project production cost from the pilot's cost per unit of this metric. */
    metric: z.string().regex(/^[a-z][a-z0-9_]{0,49}$/).optional(),
    productionVolume: z
      .string()
      .regex(/^\d{1,20}(\.\d{1,6})?$/, 'a decimal string such as "100000"')
      .refine((volume) => !/^0+(\.0+)?$/.test(volume), 'must be more than zero: no production cost can be projected for no volume')
      .optional(),
  })
  .strict()
  .refine((q) => (q.metric === undefined) === (q.productionVolume === undefined), { message: 'Give metric and productionVolume together', path: ['productionVolume'] });
export type ForecastQuery = z.infer<typeof forecastQuerySchema>;

const categoryForecastSchema = z.union([
  z.object({ category: z.enum(COST_CATEGORIES), status: z.literal('unknown'), reason: z.string() }),
  z.object({
    category: z.enum(COST_CATEGORIES),
    status: z.literal('forecast'),
    runRate: z.string(),
    trendPerMonth: z.string(),
    months: z.array(z.object({ period: z.string(), expected: z.string(), low: z.string(), high: z.string() })),
  }),
]);

export const forecastSchema = z.object({
  initiativeId: z.uuid(),
  /** The forecast starts after this month: the latest closed one. */
  lastClosedMonth: z.string(),
  byCurrency: z.array(z.object({ currency: z.string(), categories: z.array(categoryForecastSchema) })),
  /** Production cost per month at `productionVolume`, from the pilot's cost per unit; null without pilot volume. */
  production: z
    .object({ metric: z.string(), volume: z.string(), currency: z.string(), unitCost: z.string(), expected: z.string(), low: z.string(), high: z.string() })
    .nullable(),
});
export type Forecast = z.infer<typeof forecastSchema>;

export const UnitEconomicsRpc = {
  forecast: rpcContract('cost.forecast.get', z.object({ initiativeId: z.uuid(), months: z.number().int().min(1).max(24), metric: z.string().optional(), productionVolume: z.string().optional() }).strict(), forecastSchema),
  recordVolume: rpcContract('cost.volume.record', z.object({ volume: recordVolumeSchema, actor: z.string() }).strict(), recordVolumeSchema.safeExtend({ recordedBy: z.string() })),
  get: rpcContract(
    'cost.unit-economics.get',
    z.object({ initiativeId: z.uuid(), metric: z.string().max(50).optional(), currency: currencyCodeSchema.optional() }).strict(),
    z.object({ items: z.array(unitEconomicsSchema) }),
  ),
};

export const UnitEconomicsEvents = {
  /** An initiative's pilot and production cost per unit, for scoring's "pilot economics ≠ production economics". */
  changed: eventContract(
    'cost.unit_economics_changed',
    1,
    z.object({
      initiativeId: z.uuid(),
      version: z.number().int(),
      items: z.array(unitEconomicsSchema),
      hasProductionCosts: z.boolean(),
      categoriesWithoutData: z.array(z.string()),
    }),
  ),
};

