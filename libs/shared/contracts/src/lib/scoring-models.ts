import { z } from 'zod';
import { RESPONSIBILITIES } from '@capstan/domain';
import { rpcContract } from './rpc';

/** A scoring model as data. Versions are immutable: a change is a new version. */
export const scoringModelSchema = z
  .object({
    version: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,49}$/, 'lower-case letters, digits, ".", "_" or "-"'),
    domainThreshold: z.number().int().min(0).max(100),
    points: z.object({ absent: z.number().int().min(0).max(100), partial: z.number().int().min(0).max(100), established: z.number().int().min(0).max(100) }).strict(),
    minAttributedSpendShare: z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, 'a share from "0" to "1"'),
    holdPeriodSeconds: z.number().int().min(0).max(365 * 24 * 60 * 60),
    /** Responsibilities without which an initiative is paused (stored models from before it get the brief's three). */
    pauseUnlessOwned: z.array(z.enum(RESPONSIBILITIES)).default(['approval_authority', 'accountable_owner', 'production_support']),
    /** `authorize_deployment` needs actual cost data for the latest closed month. */
    requireLatestClosedMonthCosts: z.boolean().default(true),
    /**
     * Days into a month during which the month before last still counts as the latest closed one: bills
     * arrive after a month ends (stored models from before it get 0).
     */
    closedMonthGraceDays: z.number().int().min(0).max(27).default(0),
    /** Thresholds of the scaling-risk pattern detectors. */
    patterns: z
      .object({
        fragmentedTeams: z.number().int().min(2).max(20),
        backlogGrowthPeriods: z.number().int().min(2).max(12),
        escalationsPerPeriod: z.number().int().min(1).max(100),
        /** Production cost per unit at or above this multiple of the pilot's is a pattern (stored models from before it get 1.5). */
        unitCostRatio: z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, 'a multiple such as "1.5"').default('1.5'),
      })
      .strict()
      .default({ fragmentedTeams: 3, backlogGrowthPeriods: 3, escalationsPerPeriod: 3, unitCostRatio: '1.5' }),
  })
  .strict()
  .refine((model) => model.points.absent <= model.points.partial && model.points.partial <= model.points.established, {
    message: 'points must not fall as evidence strengthens (absent ≤ partial ≤ established)',
    path: ['points'],
  });
export type ScoringModelDefinition = z.infer<typeof scoringModelSchema>;

export const scoringModelViewSchema = z.object({
  version: z.string(),
  status: z.enum(['draft', 'active', 'retired']),
  definition: scoringModelSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
  /** Every time it was made the active model, oldest first: by whom, and which model it replaced. */
  activations: z.array(z.object({ activatedAt: z.string(), activatedBy: z.string(), replaced: z.string().nullable() })).default([]),
});
export type ScoringModelView = z.infer<typeof scoringModelViewSchema>;

export const ScoringModelRpc = {
  create: rpcContract('scoring.model.create', z.object({ definition: scoringModelSchema, actor: z.string() }).strict(), scoringModelViewSchema),
  activate: rpcContract(
    'scoring.model.activate',
    z.object({ version: z.string().max(50), actor: z.string() }).strict(),
    scoringModelViewSchema.extend({ rescoring: z.number().int() }),
  ),
  list: rpcContract('scoring.model.list', z.object({}).strict(), z.object({ items: z.array(scoringModelViewSchema) })),
};
