import { z } from 'zod';
import { isCurrencyCode, POSTURES } from '@capstan/domain';
import { rpcContract } from './rpc';
import { eventContract } from './events';
import { calendarDate } from './calendar-date';

/** Exact money on the wire: a decimal string, never a float. */
export const moneySchema = z.string().regex(/^\d{1,15}(\.\d{1,4})?$/, 'a non-negative decimal string such as "12500.00"');
/**
 * A currency as stored and sent back (views, events): three capitals. Only
 * what is recorded is held to the codes in use (`currencySchema`), so a code
 * kept before that check, or unknown to one runtime's ICU data, never makes a
 * list or an event unreadable.
 */
export const currencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "EUR"');
/** A currency as recorded: the ISO 4217 code of a currency in use. */
export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'an ISO 4217 code such as "EUR"', abort: true })
  .refine(isCurrencyCode, 'not a currency in use: an ISO 4217 code such as "EUR"');

// Dependencies -------------------------------------------------------------

export const addDependencySchema = z
  .object({
    dependsOn: z.uuid(),
    kind: z.enum(['hard', 'soft']).default('hard'),
    note: z.string().trim().max(1000).default(''),
  })
  .strict();
export type AddDependency = z.infer<typeof addDependencySchema>;

export const dependencySchema = z.object({
  initiativeId: z.uuid(),
  dependsOn: z.uuid(),
  dependsOnKey: z.string(),
  kind: z.enum(['hard', 'soft']),
  note: z.string(),
  addedBy: z.string(),
  addedAt: z.string(),
});
export type Dependency = z.infer<typeof dependencySchema>;

// Decisions ----------------------------------------------------------------

/** More users than any enterprise has: the bound keeps a count inside what its column stores. */
export const MAX_USERS = 1_000_000_000;

export const scopeEnvelopeSchema = z
  .object({
    businessUnits: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
    users: z.number().int().positive().max(MAX_USERS, 'at most a billion users'),
    monthlySpendCap: moneySchema,
    currency: currencySchema,
  })
  .strict();
export type ScopeEnvelope = z.infer<typeof scopeEnvelopeSchema>;

export const recordDecisionSchema = z
  .object({
    decision: z.enum(POSTURES),
    rationale: z.string().trim().min(1).max(4000),
    scopeEnvelope: scopeEnvelopeSchema.optional(),
  })
  .strict()
  .refine((d) => d.decision !== 'controlled_investment' || d.scopeEnvelope !== undefined, {
    message: 'controlled_investment needs a scope envelope (business units, users, monthly spend cap)',
    path: ['scopeEnvelope'],
  });
export type RecordDecision = z.infer<typeof recordDecisionSchema>;

export const decisionSchema = z.object({
  id: z.uuid(),
  initiativeId: z.uuid(),
  decision: z.enum(POSTURES),
  rationale: z.string(),
  scopeEnvelope: scopeEnvelopeSchema.safeExtend({ currency: currencyCodeSchema }).nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type Decision = z.infer<typeof decisionSchema>;

// Telemetry ----------------------------------------------------------------

const count = z.number().int().min(0).max(10_000_000);

const telemetryPeriodSchema = z
  .object({ kind: z.enum(['week', 'month']), start: calendarDate })
  .strict()
  .refine(({ kind, start }) => (kind === 'week' ? new Date(`${start}T00:00:00Z`).getUTCDay() === 1 : start.endsWith('-01')), {
    message: 'a week starts on a Monday, a month on its first day',
    path: ['start'],
  });

const cycleDays = z
  .number()
  .min(0)
  .max(3650)
  // Stored to the hundredth of a day: a finer figure would be answered back as sent but kept rounded.
  .refine((days) => Math.abs(days * 100 - Math.round(days * 100)) < 1e-6, { message: 'at most two decimals, such as 12.25' });

/** A period's figures, each null where no system has reported it: a figure nobody sent is unknown, not zero. */
const telemetryFigures = {
  supportTicketsOpened: count.nullable(),
  supportTicketsClosed: count.nullable(),
  supportBacklog: count.nullable(),
  incidents: count.nullable(),
  crossTeamEscalations: count.nullable(),
  rollbacks: count.nullable(),
  approvalCycleTimeDays: cycleDays.nullable(),
  scopeExpansions: count.nullable(),
};
export const TELEMETRY_FIGURES = Object.keys(telemetryFigures) as (keyof typeof telemetryFigures)[];

/**
 * Figures for one period, as a system reports them. A figure left out keeps
 * what the period holds (several systems may each report their own figures
 * for a period); null takes a figure back to unreported.
 */
export const telemetrySchema = z
  .object({
    period: telemetryPeriodSchema,
    supportTicketsOpened: telemetryFigures.supportTicketsOpened.optional(),
    supportTicketsClosed: telemetryFigures.supportTicketsClosed.optional(),
    supportBacklog: telemetryFigures.supportBacklog.optional(),
    incidents: telemetryFigures.incidents.optional(),
    crossTeamEscalations: telemetryFigures.crossTeamEscalations.optional(),
    rollbacks: telemetryFigures.rollbacks.optional(),
    approvalCycleTimeDays: telemetryFigures.approvalCycleTimeDays.optional(),
    scopeExpansions: telemetryFigures.scopeExpansions.optional(),
  })
  .strict()
  .refine((report) => TELEMETRY_FIGURES.some((figure) => report[figure] !== undefined), {
    message: `a report gives at least one figure: ${Object.keys(telemetryFigures).join(', ')}`,
  });
export type Telemetry = z.infer<typeof telemetrySchema>;

/** A period as stored: every figure, null where none was reported. */
export const telemetryPeriodFiguresSchema = z.object({ period: telemetryPeriodSchema, ...telemetryFigures });
export type TelemetryPeriodFigures = z.infer<typeof telemetryPeriodFiguresSchema>;

/** A stored period; `recordedBy` and `recordedAt` are those of its latest report (the audit trail keeps each report's figures). */
export const telemetryRecordSchema = telemetryPeriodFiguresSchema.safeExtend({ initiativeId: z.uuid(), recordedBy: z.string(), recordedAt: z.string() });
export type TelemetryRecord = z.infer<typeof telemetryRecordSchema>;

export const telemetryQuerySchema = z
  .object({
    periodKind: z.enum(['week', 'month']).optional(),
    /** The latest periods, oldest first in the answer. */
    limit: z.coerce.number().int().min(1).max(260).default(52),
  })
  .strict();
export type TelemetryQuery = z.infer<typeof telemetryQuerySchema>;

// Operations and events ------------------------------------------------------

export const RegistryRpc = {
  addDependency: rpcContract(
    'intake.dependency.add',
    z.object({ initiativeId: z.uuid(), dependency: addDependencySchema, actor: z.string() }),
    dependencySchema,
  ),
  /** Takes a dependency away; answers the dependency as it was. */
  removeDependency: rpcContract(
    'intake.dependency.remove',
    z.object({ initiativeId: z.uuid(), dependsOn: z.uuid(), actor: z.string() }),
    dependencySchema,
  ),
  recordDecision: rpcContract(
    'intake.decision.record',
    /** `requestId`: from the caller's Idempotency-Key; a repeat answers with the decision recorded the first time. */
    z.object({ initiativeId: z.uuid(), decision: recordDecisionSchema, actor: z.string(), requestId: z.uuid().optional() }),
    decisionSchema,
  ),
  recordTelemetry: rpcContract(
    'intake.telemetry.record',
    z.object({ initiativeId: z.uuid(), telemetry: telemetrySchema, actor: z.string() }),
    telemetryRecordSchema,
  ),
  /** An initiative's telemetry over its latest periods, for trends. */
  listTelemetry: rpcContract(
    'intake.telemetry.list',
    z.object({ initiativeId: z.uuid(), query: telemetryQuerySchema }),
    z.object({ items: z.array(telemetryRecordSchema) }),
  ),
};

export const RegistryEvents = {
  /** `initiativeVersion` (the dependent's, new within version 1) orders an addition and a removal of the same dependency. */
  dependencyAdded: eventContract('dependency.added', 1, z.object({ dependency: dependencySchema, initiativeVersion: z.number().int().optional() })),
  dependencyRemoved: eventContract(
    'dependency.removed',
    1,
    z.object({ dependency: dependencySchema, removedBy: z.string(), initiativeVersion: z.number().int() }),
  ),
  decisionRecorded: eventContract('decision.recorded', 1, z.object({ decision: decisionSchema, initiativeVersion: z.number().int() })),
  /**
   * Version 2: `telemetry` is the period as it now stands, every figure with
   * the ones no system reported null (version 1 sent the figures of one
   * report, those left out as 0).
   */
  telemetryRecorded: eventContract(
    'telemetry.recorded',
    2,
    z.object({
      initiativeId: z.uuid(),
      telemetry: z.object({
        period: telemetryPeriodSchema,
        supportTicketsOpened: telemetryFigures.supportTicketsOpened.default(null),
        supportTicketsClosed: telemetryFigures.supportTicketsClosed.default(null),
        supportBacklog: telemetryFigures.supportBacklog.default(null),
        incidents: telemetryFigures.incidents.default(null),
        crossTeamEscalations: telemetryFigures.crossTeamEscalations.default(null),
        rollbacks: telemetryFigures.rollbacks.default(null),
        approvalCycleTimeDays: telemetryFigures.approvalCycleTimeDays.default(null),
        scopeExpansions: telemetryFigures.scopeExpansions.default(null),
      }),
      actor: z.string(),
      initiativeVersion: z.number().int(),
    }),
  ),
};
