import { z } from 'zod';
import { CRITERION_IDS, EVIDENCE_STATUSES, RESPONSIBILITIES } from '@capstan/domain';
import { rpcContract } from './rpc';
import { eventContract } from './events';
import { versionSchema } from './stored-integers';

const responsibilitySchema = z.enum(RESPONSIBILITIES);
const criterionIdSchema = z.enum(CRITERION_IDS as [string, ...string[]]);
/** An ISO date (`2026-10-01`, midnight UTC) or date-time with offset. */
const instantSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((value) => new Date(value).toISOString())
  // Years 0000 and past 9999 (an offset can carry 9999-12-31 over) have no day in Postgres.
  .refine((instant) => /^\d{4}-/.test(instant) && !instant.startsWith('0000'), { message: 'a moment from the year 0001 to 9999' });

export const ownerSchema = z
  .object({
    person: z.string().trim().min(1).max(200),
    team: z.string().trim().min(1).max(200),
  })
  .strict();
export type Owner = z.infer<typeof ownerSchema>;

export const ownerViewSchema = ownerSchema.extend({ assignedBy: z.string(), assignedAt: z.string() });

/** How far a caller's clock may run ahead of ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

export const evidenceInputSchema = z
  .object({
    status: z.enum(EVIDENCE_STATUSES),
    evidence: z.string().trim().max(4000).default(''),
    attestedBy: z.string().trim().min(1).max(200),
    attestedAt: instantSchema.optional(),
    expiresAt: instantSchema.nullable().default(null),
  })
  .strict()
  // An attestation records what someone vouched for when: never a moment still to come, nor one expiring before it was given.
  .superRefine((input, ctx) => {
    if (input.attestedAt && Date.parse(input.attestedAt) > Date.now() + CLOCK_SKEW_MS) {
      ctx.addIssue({ code: 'custom', path: ['attestedAt'], message: 'is in the future: attest evidence when it is given' });
    }
    // Without attestedAt it is attested on receipt: an expiry already past would be recorded lapsed.
    if (input.expiresAt && Date.parse(input.expiresAt) <= (input.attestedAt ? Date.parse(input.attestedAt) : Date.now())) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: input.attestedAt ? 'must be after attestedAt' : 'is in the past: evidence attested now must expire later' });
    }
  });
export type EvidenceInput = z.infer<typeof evidenceInputSchema>;

export const evidenceViewSchema = z.object({
  criterionId: criterionIdSchema,
  status: z.enum(EVIDENCE_STATUSES),
  evidence: z.string(),
  attestedBy: z.string(),
  attestedAt: z.string(),
  expiresAt: z.string().nullable(),
  recordedBy: z.string(),
});
export type EvidenceView = z.infer<typeof evidenceViewSchema>;

/** Optimistic concurrency: the aggregate version the caller last saw (from the ETag), when given. */
const ifMatch = versionSchema.optional();

export const ReadinessRpc = {
  assignOwner: rpcContract(
    'intake.owner.assign',
    z.object({ initiativeId: z.uuid(), responsibility: responsibilitySchema, owner: ownerSchema, actor: z.string(), ifMatch }),
    z.object({ version: z.number().int() }),
  ),
  /** Leaves a responsibility without an owner (the person left, the team was dissolved): a gap again, as before any assignment. */
  removeOwner: rpcContract(
    'intake.owner.remove',
    z.object({ initiativeId: z.uuid(), responsibility: responsibilitySchema, actor: z.string(), ifMatch }),
    z.object({ version: z.number().int() }),
  ),
  /** Announces evidence that has lapsed by `asOf` (default now); each lapse is announced once. */
  sweepExpiredEvidence: rpcContract(
    'intake.evidence.sweep',
    z
      .object({ asOf: instantSchema.optional() })
      .strict()
      // A lapse announced ahead of time would be written to the audit trail as if it had happened, and not again when it does.
      .refine((sweep) => !sweep.asOf || Date.parse(sweep.asOf) <= Date.now() + CLOCK_SKEW_MS, { message: 'must not be in the future', path: ['asOf'] }),
    z.object({ expired: z.number().int() }),
  ),
  recordEvidence: rpcContract(
    'intake.evidence.record',
    z.object({ initiativeId: z.uuid(), criterionId: criterionIdSchema, evidence: evidenceInputSchema, actor: z.string(), ifMatch }),
    z.object({ version: z.number().int() }),
  ),
};

export const ReadinessEvents = {
  ownerAssigned: eventContract(
    'owner.assigned',
    1,
    z.object({
      initiativeId: z.uuid(),
      responsibility: responsibilitySchema,
      owner: ownerSchema,
      previous: ownerSchema.nullable(),
      /** The initiative's version after the change: consumers ignore anything older than what they applied. */
      initiativeVersion: z.number().int(),
      actor: z.string(),
    }),
  ),
  ownerRemoved: eventContract(
    'owner.removed',
    1,
    z.object({
      initiativeId: z.uuid(),
      responsibility: responsibilitySchema,
      /** The owner the responsibility had. */
      previous: ownerSchema,
      /** The initiative's version after the change: consumers ignore anything older than what they applied. */
      initiativeVersion: z.number().int(),
      actor: z.string(),
    }),
  ),
  evidenceExpired: eventContract(
    'evidence.expired',
    1,
    z.object({ initiativeId: z.uuid(), criterionId: criterionIdSchema, expiredAt: z.string() }),
  ),
  evidenceRecorded: eventContract(
    'evidence.recorded',
    1,
    z.object({
      initiativeId: z.uuid(),
      criterionId: criterionIdSchema,
      status: z.enum(EVIDENCE_STATUSES),
      attestedAt: z.string(),
      expiresAt: z.string().nullable(),
      initiativeVersion: z.number().int(),
      actor: z.string(),
    }),
  ),
};
