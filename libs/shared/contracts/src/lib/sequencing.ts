import { z } from 'zod';
import { POSTURES } from '@capstan/domain';
import { rpcContract } from './rpc';
import { eventContract } from './events';
import { PG_INTEGER_MAX } from './stored-integers';

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();
/** The dates a plan's inputs may name. */
export const PLANNING_DATES = { first: '2000-01-01', last: '2099-12-31' } as const;
/**
 * A date a plan is computed from. The engine works through every week between
 * a plan's start and such a date: one in 9999 took seconds and hundreds of
 * megabytes to plan. Inputs take these; views read back any date stored before.
 */
const planningDate = isoDate.refine((date) => date >= PLANNING_DATES.first && date <= PLANNING_DATES.last, {
  message: `a date from ${PLANNING_DATES.first} to ${PLANNING_DATES.last}`,
});
type DateSchema = typeof isoDate;
/** Rollout money: exact, at most two decimal places (the engine works in cents). */
const money = z.string().regex(/^\d{1,13}(\.\d{1,2})?$/, 'a non-negative decimal string with at most 2 decimals, such as "12500.00"');
const slug = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'a lowercase id such as deployment-engineering');
const waveKey = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'a wave key such as w1 or retail-eu');
export const waveKeySchema = waveKey;
const units = z.number().int().min(0).max(1_000_000);

/**
 * Inputs set whole carry a version, as their views show it. A write may name the version it replaces (If-Match over
 * HTTP; `*`: any that exists; 0: none yet, from `If-None-Match: *`) and is then refused if another write came first.
 */
const version = z.number().int().min(1).max(PG_INTEGER_MAX);
const expectedVersion = z.union([z.number().int().min(0).max(PG_INTEGER_MAX), z.literal('*')]).optional();
const changed = { version, updatedAt: z.string(), updatedBy: z.string() };

// Capacity pools ------------------------------------------------------------

const capacityPoolWith = (date: DateSchema) =>
  z
    .object({
      name: text(200),
      capacityPerWeek: units,
      /** Weeks with a different capacity (holidays, hiring); later entries win. */
      adjustments: z
        .array(z.object({ from: date, to: date, capacity: units, reason: z.string().trim().max(200).default('') }).strict())
        .max(200)
        .default([])
        .refine((list) => list.every((a) => a.from <= a.to), { message: 'Each adjustment needs from ≤ to' }),
    })
    .strict();
export const capacityPoolSchema = capacityPoolWith(planningDate);
export type CapacityPoolInput = z.infer<typeof capacityPoolSchema>;
export const capacityPoolViewSchema = capacityPoolWith(isoDate).extend({ id: slug, ...changed });
export type CapacityPoolView = z.infer<typeof capacityPoolViewSchema>;

// Rollouts --------------------------------------------------------------------

const waveWith = (date: DateSchema) =>
  z
    .object({
      key: waveKey,
      name: text(200),
      /** Defaults to the initiative's business unit. */
      businessUnit: text(100).optional(),
      durationWeeks: z.number().int().min(1).max(520),
      earliestStart: date.nullable().default(null),
      deadline: date.nullable().default(null),
      costPerWeek: money.default('0'),
      /** Units per week by pool id. */
      demand: z.record(slug, units).default({}),
      withinControlledScope: z.boolean().default(false),
      after: z
        .array(z.object({ initiativeId: z.uuid().nullable().default(null), wave: waveKey, lagWeeks: z.number().int().min(0).max(520).default(0) }).strict())
        .max(50)
        .default([]),
    })
    .strict();
export const waveSchema = waveWith(planningDate);

const rolloutWith = (date: DateSchema) =>
  z
    .object({
      /** Expected value of the initiative, ranking its priority. */
      value: money.default('0'),
      waves: z
        .array(waveWith(date))
        .max(52)
        .refine((waves) => new Set(waves.map((w) => w.key)).size === waves.length, { message: 'Wave keys must be unique' }),
    })
    .strict();
export const rolloutSchema = rolloutWith(planningDate);
export type RolloutInput = z.infer<typeof rolloutSchema>;

/**
 * What PMO records of a wave's progress, which plans take over what the
 * published plan's dates imply: when it began (null: it has not, whatever the
 * published plan had) and, once done, when it finished. Not after today
 * (in the earliest time zone: PMO records in its own calendar).
 */
export const waveProgressSchema = z
  .object({ startedOn: planningDate.nullable(), finishedOn: planningDate.nullable().default(null) })
  .strict()
  .refine((p) => p.finishedOn === null || (p.startedOn !== null && p.startedOn <= p.finishedOn), {
    message: 'A wave finishes on or after the day it started (and needs startedOn to finish)',
    path: ['finishedOn'],
  });
export type WaveProgressInput = z.infer<typeof waveProgressSchema>;
export const waveProgressViewSchema = z.object({
  initiativeId: z.uuid(),
  wave: z.string(),
  startedOn: isoDate.nullable(),
  finishedOn: isoDate.nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type WaveProgressView = z.infer<typeof waveProgressViewSchema>;

export const rolloutViewSchema = rolloutWith(isoDate).extend({
  initiativeId: z.uuid(),
  ...changed,
  /** The progress PMO recorded, per wave (a wave without a record follows the published plan). */
  progress: z.array(waveProgressViewSchema).default([]),
});
export type RolloutView = z.infer<typeof rolloutViewSchema>;

const freezeWindowsWith = (date: DateSchema) =>
  z
    .array(z.object({ from: date, to: date, reason: z.string().trim().max(200).default('') }).strict())
    .max(100)
    .refine((list) => list.every((w) => w.from <= w.to), { message: 'Each window needs from ≤ to' });
export const freezeWindowsSchema = z.object({ windows: freezeWindowsWith(planningDate) }).strict();
export const freezeWindowsViewSchema = z.object({ businessUnit: z.string(), windows: freezeWindowsWith(isoDate), ...changed });
export type FreezeWindowsView = z.infer<typeof freezeWindowsViewSchema>;

export const quarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter such as 2027-Q1');
export const rolloutBudgetSchema = z.object({ amount: money }).strict();
export const rolloutBudgetViewSchema = z.object({ quarter: z.string(), amount: z.string(), ...changed });
export type RolloutBudgetView = z.infer<typeof rolloutBudgetViewSchema>;

// Overrides -----------------------------------------------------------------

const reason = z.string().trim().min(3, 'Say why (at least 3 characters)').max(500);
const planOverrideWith = (date: DateSchema) =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('priority'), initiativeId: z.uuid(), priority: z.number().int().min(1).max(100), reason }).strict(),
    z.object({ kind: z.literal('pin'), initiativeId: z.uuid(), wave: waveKey, start: date, reason }).strict(),
    z.object({ kind: z.literal('order'), first: z.uuid(), then: z.uuid(), reason }).strict().refine((o) => o.first !== o.then, { message: 'An initiative cannot come before itself' }),
  ]);
export const planOverrideInputSchema = planOverrideWith(planningDate);
export type PlanOverrideInput = z.infer<typeof planOverrideInputSchema>;
export const planOverrideViewSchema = z.object({
  id: z.uuid(),
  override: planOverrideWith(isoDate),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type PlanOverrideView = z.infer<typeof planOverrideViewSchema>;

// Plans ---------------------------------------------------------------------

/** The longest a request may have a plan searched for: callers wait that long, plus a margin. */
export const MAX_PLAN_TIME_LIMIT_MS = 60_000;

export const computePlanSchema = z
  .object({
    /** Monday of the plan's first week; defaults to the Monday of the current week. */
    startDate: planningDate.optional(),
    horizonWeeks: z.number().int().min(4).max(520).default(156),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
    /** Improvement budget; the result is repeatable for a seed unless the time cap is reached first. */
    maxSchedules: z.number().int().min(1).max(1_000_000).default(3000),
    timeLimitMs: z.number().int().min(10).max(MAX_PLAN_TIME_LIMIT_MS).default(5000),
  })
  .strict();
export type ComputePlan = z.infer<typeof computePlanSchema>;

const waveHandleSchema = z.object({
  initiativeId: z.string(),
  initiativeKey: z.string(),
  wave: z.string(),
  businessUnit: z.string(),
  priority: z.number(),
  /** Pinned to its week by PMO (absent in plans computed before pins were named). */
  pinned: z.boolean().optional(),
  /** Under way already: it keeps its place whatever its priority (absent in plans computed before this was named). */
  underway: z.boolean().optional(),
});
const weekRangeSchema = z.object({ from: z.string(), to: z.string() });

export const plannedWaveSchema = waveHandleSchema.extend({
  initiativeName: z.string(),
  name: z.string(),
  posture: z.enum(POSTURES).nullable(),
  prioritySource: z.enum(['derived', 'override']),
  startWeek: z.number().int(),
  endWeek: z.number().int(),
  start: z.string(),
  end: z.string(),
  earliestWeek: z.number().int(),
  delayWeeks: z.number().int(),
  deadline: z.string().nullable(),
  lateWeeks: z.number().int(),
  costPerWeek: z.string(),
  demand: z.record(z.string(), z.number()),
  reasons: z.array(
    z.object({
      kind: z.enum(['capacity', 'dependency', 'budget', 'freeze']),
      text: z.string(),
      pool: z.string().optional(),
      weeks: z.array(weekRangeSchema).optional(),
      /** The waves holding what this one waited for, strongest claim (priority) first; at most 10. */
      heldBy: z.array(waveHandleSchema).optional(),
      /** How many waves held it, named in `heldBy` or not. */
      heldByCount: z.number().int().optional(),
    }),
  ),
  /** Started by the published plan before this plan's first week: it goes on from week 0 with the weeks it has left. */
  underwaySince: z.string().optional(),
});

export const planContestSchema = z.object({
  pool: z.string(),
  from: z.string(),
  to: z.string(),
  capacity: z.number(),
  demand: z.number(),
  competitors: z.array(waveHandleSchema.extend({ outcome: z.enum(['won', 'lost']), delayWeeks: z.number().int(), why: z.string() })),
  otherHolders: z.array(waveHandleSchema),
});

export const fairnessSchema = z.object({
  businessUnit: z.string(),
  demandShare: z.number(),
  capacityShare: z.number(),
  byQuarter: z.array(z.object({ quarter: z.string(), demandShare: z.number(), capacityShare: z.number() })),
});

export const waveMoveSchema = waveHandleSchema.extend({ from: z.string(), to: z.string(), weeks: z.number().int(), because: z.array(z.string()) });
export const planDiffSchema = z.object({
  moved: z.array(waveMoveSchema),
  added: z.array(waveHandleSchema.extend({ start: z.string() })),
  removed: z.array(waveHandleSchema.extend({ start: z.string() })),
  weeksGained: z.number().int(),
  weeksLost: z.number().int(),
  valueDelta: z.number(),
  contestsCreated: z.array(z.string()),
  contestsResolved: z.array(z.string()),
});
export type PlanDiffView = z.infer<typeof planDiffSchema>;

export const PLAN_KINDS = ['draft', 'published', 'scenario'] as const;

export const planSchema = z.object({
  id: z.uuid(),
  kind: z.enum(PLAN_KINDS),
  /** Published plans are numbered 1, 2, …; null otherwise. */
  version: z.number().int().nullable(),
  /** What made it: a request, an event that re-computed the draft, a scenario's promotion. */
  trigger: z.string(),
  previousPlanId: z.uuid().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  seed: z.number().int(),
  startDate: z.string(),
  horizonWeeks: z.number().int(),
  objective: z.number(),
  waves: z.array(plannedWaveSchema),
  held: z.array(
    z.object({
      initiativeId: z.string(),
      initiativeKey: z.string(),
      name: z.string(),
      businessUnit: z.string(),
      posture: z.enum(POSTURES).nullable(),
      /** `finished`: ran its course before this plan's first week (as recorded, or as the published plan had it), with when it began and ended. */
      waves: z.array(z.object({ wave: z.string(), reason: z.string(), finished: z.boolean().optional(), startedOn: z.string().optional(), finishedOn: z.string().optional() })),
      /** The posture's conditions to progress, from scoring, when it answered. */
      conditions: z.array(z.string()),
    }),
  ),
  contestCount: z.number().int(),
  warnings: z.array(z.string()),
  /** Changes from the previous draft, with reasons, when this draft re-computed one. */
  changes: planDiffSchema.nullable(),
  stats: z.object({ schedules: z.number().int(), firstFeasibleMs: z.number(), elapsedMs: z.number(), stoppedBy: z.string() }),
  /** Why this draft can be looked at but not published (promoted from a what-if with hypothetical changes); null when it can be. */
  unpublishable: z.string().nullable().default(null),
});
export type PlanView = z.infer<typeof planSchema>;

export const planContestsSchema = z.object({ planId: z.uuid(), contests: z.array(planContestSchema), fairness: z.array(fairnessSchema) });
export const planSummarySchema = planSchema.pick({
  id: true,
  kind: true,
  version: true,
  trigger: true,
  createdAt: true,
  createdBy: true,
  publishedAt: true,
  startDate: true,
  objective: true,
  contestCount: true,
});
/** A page of plans: published ones by version, the others newest first; `cursor` is the previous page's `nextCursor`. */
export const planListQuerySchema = z
  .object({
    kind: z.enum(PLAN_KINDS).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    /** Opaque: the `nextCursor` of the previous page of the same kind. */
    cursor: z
      .string()
      .regex(/^(t\d{1,18}\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|v\d{1,9})$/, 'a cursor from a previous page')
      .optional(),
  })
  .strict();
export type PlanListQuery = z.infer<typeof planListQuerySchema>;

export const planListSchema = z.object({ items: z.array(planSummarySchema), nextCursor: z.string().nullable().default(null) });

// Scenarios -------------------------------------------------------------------

export const scenarioChangeSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('capacity'), pool: slug, capacityPerWeek: units, from: planningDate.optional(), to: planningDate.optional() })
    .strict()
    // Backwards, the change would cover no week and the scenario would silently show none.
    .refine((change) => !change.from || !change.to || change.from <= change.to, { message: 'from must not be after to', path: ['to'] }),
  z.object({ kind: z.literal('priority'), initiativeId: z.uuid(), priority: z.number().int().min(1).max(100) }).strict(),
  z.object({ kind: z.literal('pause'), initiativeId: z.uuid() }).strict(),
  z.object({ kind: z.literal('authorize'), initiativeId: z.uuid() }).strict(),
  z.object({ kind: z.literal('deadline'), initiativeId: z.uuid(), wave: waveKey, deadline: planningDate.nullable() }).strict(),
  z
    .object({
      kind: z.literal('add'),
      initiative: z.object({ key: text(40), name: text(200), businessUnit: text(100), value: money.default('0'), waves: z.array(waveSchema).min(1).max(52) }).strict(),
    })
    .strict(),
]);

export const createScenarioSchema = z
  .object({
    name: text(200),
    /** Defaults to the published plan, else the latest draft. */
    basePlanId: z.uuid().optional(),
    changes: z.array(scenarioChangeSchema).min(1).max(100),
  })
  .strict();
export type CreateScenario = z.infer<typeof createScenarioSchema>;

export const scenarioSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /**
   * The plan the diff compares with: the base asked for, or — when that starts before this week — a baseline
   * computed from this week's inputs, from which the what-if is planned too (weeks gone by are not planned again).
   */
  basePlanId: z.uuid(),
  planId: z.uuid(),
  changes: z.array(z.unknown()),
  createdBy: z.string(),
  createdAt: z.string(),
  promotedPlanId: z.uuid().nullable(),
});
export const scenarioDiffSchema = z.object({ scenarioId: z.uuid(), basePlanId: z.uuid(), planId: z.uuid(), diff: planDiffSchema });

const actor = z.string();
/** From the caller's Idempotency-Key: a repeat answers with what the first request made. */
const requestId = z.uuid().optional();
const id = z.object({ id: z.uuid() }).strict();

export const SequencingRpc = {
  putPool: rpcContract('sequencing.pool.put', z.object({ id: slug, pool: capacityPoolSchema, actor, ifMatch: expectedVersion }).strict(), capacityPoolViewSchema),
  pools: rpcContract('sequencing.pool.list', z.object({}).strict(), z.object({ items: z.array(capacityPoolViewSchema) })),
  putRollout: rpcContract('sequencing.rollout.put', z.object({ initiativeId: z.uuid(), rollout: rolloutSchema, actor, ifMatch: expectedVersion }).strict(), rolloutViewSchema),
  rollout: rpcContract('sequencing.rollout.get', z.object({ initiativeId: z.uuid() }).strict(), rolloutViewSchema),
  putWaveProgress: rpcContract(
    'sequencing.rollout.progress.put',
    z.object({ initiativeId: z.uuid(), wave: waveKey, progress: waveProgressSchema, actor }).strict(),
    waveProgressViewSchema,
  ),
  putFreezeWindows: rpcContract(
    'sequencing.freeze.put',
    z.object({ businessUnit: text(100), windows: freezeWindowsSchema.shape.windows, actor, ifMatch: expectedVersion }).strict(),
    freezeWindowsViewSchema,
  ),
  freezeWindows: rpcContract('sequencing.freeze.list', z.object({}).strict(), z.object({ items: z.array(freezeWindowsViewSchema) })),
  putBudget: rpcContract('sequencing.budget.put', z.object({ quarter: quarterSchema, amount: money, actor, ifMatch: expectedVersion }).strict(), rolloutBudgetViewSchema),
  budgets: rpcContract('sequencing.budget.list', z.object({}).strict(), z.object({ items: z.array(rolloutBudgetViewSchema) })),
  addOverride: rpcContract('sequencing.override.add', z.object({ override: planOverrideInputSchema, actor }).strict(), planOverrideViewSchema),
  revokeOverride: rpcContract('sequencing.override.revoke', z.object({ id: z.uuid(), reason, actor }).strict(), planOverrideViewSchema),
  overrides: rpcContract('sequencing.override.list', z.object({}).strict(), z.object({ items: z.array(planOverrideViewSchema) })),
  compute: rpcContract('sequencing.plan.compute', z.object({ options: computePlanSchema, actor, requestId }).strict(), planSchema),
  plan: rpcContract('sequencing.plan.get', id, planSchema),
  current: rpcContract('sequencing.plan.current', z.object({}).strict(), planSchema),
  plans: rpcContract('sequencing.plan.list', planListQuerySchema, planListSchema),
  contests: rpcContract('sequencing.plan.contests', id, planContestsSchema),
  compare: rpcContract(
    'sequencing.plan.compare',
    z.object({ id: z.uuid(), against: z.uuid() }).strict(),
    z.object({ planId: z.uuid(), againstPlanId: z.uuid(), diff: planDiffSchema }),
  ),
  publish: rpcContract('sequencing.plan.publish', z.object({ id: z.uuid(), actor }).strict(), planSchema),
  createScenario: rpcContract('sequencing.scenario.create', z.object({ scenario: createScenarioSchema, actor, requestId }).strict(), scenarioSchema),
  scenario: rpcContract('sequencing.scenario.get', id, scenarioSchema),
  scenarioDiff: rpcContract('sequencing.scenario.diff', id, scenarioDiffSchema),
  promoteScenario: rpcContract('sequencing.scenario.promote', z.object({ id: z.uuid(), actor }).strict(), planSchema),
};

export const SequencingEvents = {
  planPublished: eventContract(
    'plan.published',
    1,
    z.object({ planId: z.uuid(), version: z.number().int(), publishedBy: z.string(), waves: z.number().int(), held: z.number().int(), contests: z.number().int() }),
  ),
  /**
   * Per initiative in a newly published plan: the contests it is in, which scoring measures as rollout conflicts;
   * and, all at zero, per initiative the previous published version measured that this one has no waves of.
   */
  contentionMeasured: eventContract(
    'rollout.contention_measured',
    1,
    z.object({
      initiativeId: z.uuid(),
      planId: z.uuid(),
      planVersion: z.number().int(),
      contests: z.number().int(),
      contestsLost: z.number().int(),
      weeksLost: z.number().int(),
      rivals: z.array(z.string()).max(50),
    }),
  ),
  /** A new latest draft: recomputed after an input changed, computed on request, or promoted from a what-if (`trigger` says which). */
  draftRecomputed: eventContract('plan.draft_recomputed', 1, z.object({ planId: z.uuid(), previousPlanId: z.uuid().nullable(), trigger: z.string() })),
};
