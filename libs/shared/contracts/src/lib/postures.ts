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
        }),
      ),
    }),
  ),
  signals: z.array(z.string()),
  conditions: z.array(z.string()),
  patterns: z.array(z.string()),
  modelVersion: z.string(),
  evaluatedAt: z.string(),
});
export type PostureView = z.infer<typeof postureViewSchema>;

/** What a list shows of a posture: no per-criterion breakdown (that is on the initiative itself). */
export const postureSummarySchema = postureViewSchema
  .pick({ initiativeId: true, posture: true, signals: true, conditions: true, modelVersion: true, evaluatedAt: true })
  .extend({ domainScores: z.record(z.string(), z.number().int()) });
export type PostureSummary = z.infer<typeof postureSummarySchema>;

export const ScoringRpc = {
  get: rpcContract('scoring.posture.get', z.object({ initiativeId: z.uuid() }).strict(), postureViewSchema),
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
