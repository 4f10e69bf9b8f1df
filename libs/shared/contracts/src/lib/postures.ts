import { z } from 'zod';
import { CRITERION_IDS, DOMAIN_IDS, POSTURES } from '@capstan/domain';
import { rpcContract } from './rpc';
import { eventContract } from './events';

export const criterionSourceSchema = z.enum(['attested', 'measured', 'missing']);

export const postureViewSchema = z.object({
  initiativeId: z.uuid(),
  posture: z.enum(POSTURES),
  domains: z.array(
    z.object({
      id: z.enum(DOMAIN_IDS as [string, ...string[]]),
      score: z.number().int().min(0).max(100),
      criteria: z.array(
        z.object({
          id: z.enum(CRITERION_IDS as [string, ...string[]]),
          state: z.enum(['absent', 'partial', 'established']),
          source: criterionSourceSchema,
          /** For a measured criterion: the figures it was measured from, in words. */
          basis: z.string().optional(),
          /** Attested evidence that had lapsed by the evaluation (it counts as absent): tells it from evidence never attested. */
          expiredAt: z.string().optional(),
        }),
      ),
    }),
  ),
  signals: z.array(z.string()),
  conditions: z.array(z.string()),
  /** Scaling-risk patterns detected, each with the data that triggered it. */
  patterns: z.array(z.object({ id: z.string(), title: z.string(), detail: z.string() })),
  /** Each domain's direction over recent evaluations. */
  trends: z.record(z.string(), z.enum(['improving', 'stable', 'deteriorating'])).optional(),
  /** For `controlled_investment`: the scope rollout may not exceed, the committee's or the one recommended, and on what basis. */
  scopeEnvelope: z
    .object({ businessUnits: z.array(z.string()), users: z.number().int().nullable(), monthlySpendCap: z.string().nullable(), currency: z.string().nullable(), basis: z.string() })
    .nullable()
    .optional(),
  /**
   * The hold towards `authorize_deployment` (null while a gate fails): under which model it counts, since when, until
   * when; `restartedFrom` names the hold it replaced when another model became active. Absent on evaluations older than it.
   */
  hold: z
    .object({
      since: z.string(),
      modelVersion: z.string(),
      endsAt: z.string(),
      restartedFrom: z.object({ modelVersion: z.string(), since: z.string() }).optional(),
      /** Deployment authorized under another model stays authorized while this one's gates hold: the hold it was earned by. */
      keptFrom: z.object({ modelVersion: z.string(), since: z.string() }).optional(),
    })
    .nullable()
    .optional(),
  modelVersion: z.string(),
  evaluatedAt: z.string(),
});
export type PostureView = z.infer<typeof postureViewSchema>;

/** What a list shows of a posture: no per-criterion breakdown (that is on the initiative itself). */
export const postureSummarySchema = postureViewSchema
  .pick({ initiativeId: true, posture: true, signals: true, conditions: true, modelVersion: true, evaluatedAt: true })
  .extend({ domainScores: z.record(z.string(), z.number().int()) });
export type PostureSummary = z.infer<typeof postureSummarySchema>;

/** A posture as it was at a moment, with the inputs scoring knew then. */
export const historicalPostureSchema = postureViewSchema.extend({ inputs: z.unknown().nullable() });

export const portfolioReadinessSchema = z.object({
  counts: z.record(z.enum(POSTURES), z.number().int()),
  /** Initiative × domain scores. */
  heatmap: z.array(z.object({ initiativeId: z.uuid(), posture: z.enum(POSTURES), domainScores: z.record(z.string(), z.number().int()) })),
  /** The conditions holding back the most initiatives. */
  topConditions: z.array(z.object({ condition: z.string(), initiatives: z.number().int() })),
  /** Budgeted spend committed to initiatives not authorized for deployment, per currency (exact decimal strings). */
  capitalAheadOfReadiness: z.array(z.object({ currency: z.string(), amount: z.string(), initiatives: z.number().int() })),
  /** The conditions holding back the most committed capital, per currency, largest first. */
  conditionsByCapital: z.array(z.object({ condition: z.string(), currency: z.string(), amount: z.string(), initiatives: z.number().int() })),
  modelVersion: z.string(),
});
export type PortfolioReadiness = z.infer<typeof portfolioReadinessSchema>;

export const portfolioTrendsQuerySchema = z.object({ weeks: z.coerce.number().int().min(2).max(52).default(12) }).strict();

/** Friction over time: each week's postures and signals, as the latest evaluation of each initiative stood at the week's end. */
export const portfolioTrendsSchema = z.object({
  weeks: z.array(
    z.object({
      /** The Monday after the week: evaluations before it count. */
      weekEnding: z.iso.date(),
      counts: z.record(z.enum(POSTURES), z.number().int()),
      /** How many initiatives showed each signal, most frequent first. */
      signals: z.array(z.object({ signal: z.string(), initiatives: z.number().int() })),
    }),
  ),
});
export type PortfolioTrends = z.infer<typeof portfolioTrendsSchema>;

export const dryRunSchema = z.object({
  modelVersion: z.string(),
  evaluated: z.number().int(),
  changes: z.array(
    z.object({
      initiativeId: z.uuid(),
      from: z.enum(POSTURES),
      to: z.enum(POSTURES),
      conditions: z.array(z.string()),
    }),
  ),
});
export type DryRun = z.infer<typeof dryRunSchema>;

export const ScoringRpc = {
  get: rpcContract('scoring.posture.get', z.object({ initiativeId: z.uuid() }).strict(), postureViewSchema),
  asOf: rpcContract(
    'scoring.posture.as-of',
    z.object({ initiativeId: z.uuid(), asOf: z.iso.datetime({ offset: true }) }).strict(),
    historicalPostureSchema,
  ),
  portfolio: rpcContract('scoring.portfolio.readiness', z.object({}).strict(), portfolioReadinessSchema),
  trends: rpcContract('scoring.portfolio.trends', portfolioTrendsQuerySchema, portfolioTrendsSchema),
  dryRun: rpcContract('scoring.model.dry-run', z.object({ version: z.string().max(50) }).strict(), dryRunSchema),
  many: rpcContract(
    'scoring.posture.many',
    z.object({ initiativeIds: z.array(z.uuid()).max(500) }).strict(),
    z.object({ items: z.array(postureSummarySchema) }),
  ),
};

export const PostureEvents = {
  changed: eventContract(
    'posture.changed',
    1,
    z.object({
      initiativeId: z.uuid(),
      previous: z.enum(POSTURES).nullable(),
      posture: z.enum(POSTURES),
      modelVersion: z.string(),
      evaluatedAt: z.string(),
    }),
  ),
  scoreUpdated: eventContract(
    'score.updated',
    1,
    z.object({ initiativeId: z.uuid(), posture: z.enum(POSTURES), evaluatedAt: z.string() }),
  ),
};
