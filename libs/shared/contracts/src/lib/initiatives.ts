import { z } from 'zod';
import { DATA_SENSITIVITIES, INITIATIVE_STAGES, OPERATOR_ROLES, POSTURES, RISK_TIERS } from '@capstan/domain';
import { rpcContract } from './rpc';
import { eventContract } from './events';
import { calendarDate } from './calendar-date';
import { versionSchema } from './stored-integers';
import { evidenceViewSchema, ownerViewSchema } from './readiness';
import { MAX_USERS, decisionSchema, dependencySchema } from './registry';

const text = (max: number) => z.string().trim().min(1).max(max);

const requestedScopeFields = {
  businessUnits: z.array(text(100)).max(50),
  users: z.number().int().min(0).max(MAX_USERS, 'at most a billion users').nullable(),
  workflows: z.array(text(200)).max(50),
};
const requestedScopeSchema = z
  .object({
    businessUnits: requestedScopeFields.businessUnits.default([]),
    users: requestedScopeFields.users.default(null),
    workflows: requestedScopeFields.workflows.default([]),
  })
  .strict();

const pilotResultSchema = z
  .object({
    metric: text(100),
    /** Exact, as a decimal string: "12.5". */
    value: z.string().regex(/^-?\d{1,15}(\.\d{1,6})?$/, 'a decimal string such as "12.5"'),
    unit: z.string().trim().max(30).default(''),
  })
  .strict();

const targetDatesSchema = z
  .object({ pilotEnd: calendarDate.optional(), productionStart: calendarDate.optional(), fullRollout: calendarDate.optional() })
  .strict();

const customFieldsSchema = z
  .record(z.string().regex(/^[a-z][a-zA-Z0-9_]{0,49}$/, 'a key such as costCentre or vendor_name'), z.union([z.string().max(1000), z.number(), z.boolean()]))
  .refine((fields) => Object.keys(fields).length <= 50, { message: 'At most 50 custom fields' });

/** The fields a person edits, without defaults: PATCH must never reset what it was not given. */
const initiativeFields = {
  operatorRole: z.enum(OPERATOR_ROLES),
  dataSensitivity: z.enum(DATA_SENSITIVITIES),
  requestedScope: requestedScopeSchema,
  pilotResults: z.array(pilotResultSchema).max(50),
  targetDates: targetDatesSchema,
  customFields: customFieldsSchema,
  name: text(200),
  summary: z.string().trim().max(4000),
  businessUnit: text(100),
  sponsor: z.string().trim().max(200),
  useCaseCategory: z.string().trim().max(100),
  stage: z.enum(INITIATIVE_STAGES),
  riskTier: z.enum(RISK_TIERS),
  tags: z.array(text(50)).max(50),
};

export const registerInitiativeSchema = z
  .object({
    ...initiativeFields,
    summary: initiativeFields.summary.default(''),
    sponsor: initiativeFields.sponsor.default(''),
    useCaseCategory: initiativeFields.useCaseCategory.default(''),
    stage: initiativeFields.stage.default('pilot'),
    riskTier: initiativeFields.riskTier.default('minimal'),
    tags: initiativeFields.tags.default([]),
    operatorRole: initiativeFields.operatorRole.default('deployer'),
    dataSensitivity: initiativeFields.dataSensitivity.default('internal'),
    requestedScope: initiativeFields.requestedScope.default({ businessUnits: [], users: null, workflows: [] }),
    pilotResults: initiativeFields.pilotResults.default([]),
    targetDates: initiativeFields.targetDates.default({}),
    customFields: initiativeFields.customFields.default({}),
  })
  .strict();
export type RegisterInitiative = z.infer<typeof registerInitiativeSchema>;

export const initiativeSchema = registerInitiativeSchema.extend({
  id: z.uuid(),
  key: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type Initiative = z.infer<typeof initiativeSchema>;

/**
 * The fields PATCH may change; at least one. The requested scope and the target dates change by the parts named (a
 * target date sent as null is cleared): a PATCH of the workflows alone keeps the users asked for, which scoring
 * holds against the committee's scope envelope.
 */
export const updateInitiativeSchema = z
  .object({
    ...initiativeFields,
    requestedScope: z.object(requestedScopeFields).partial().strict(),
    targetDates: z.object({ pilotEnd: calendarDate.nullable(), productionStart: calendarDate.nullable(), fullRollout: calendarDate.nullable() }).partial().strict(),
  })
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, { message: 'Give at least one field to change' });
export type UpdateInitiative = z.infer<typeof updateInitiativeSchema>;

export const initiativeDetailSchema = initiativeSchema.extend({
  owners: z.record(z.string(), ownerViewSchema),
  evidence: z.array(evidenceViewSchema),
  dependencies: z.array(dependencySchema),
  decisions: z.array(decisionSchema),
  /** Share of the six responsibilities with a named owner, 0..1. */
  ownershipCoverage: z.number().min(0).max(1),
});
export type InitiativeDetail = z.infer<typeof initiativeDetailSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  initiativeId: z.uuid(),
  actor: z.string(),
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  at: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const INITIATIVE_SORTS = ['key', 'name', 'createdAt', 'updatedAt'] as const;
export type InitiativeSortField = (typeof INITIATIVE_SORTS)[number];

/** A boolean from a query string ("true"/"false") or from JSON. */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

export const initiativeListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: z.string().max(500).optional(),
    sort: z
      .string()
      .regex(new RegExp(`^-?(${INITIATIVE_SORTS.join('|')})$`), `one of ${INITIATIVE_SORTS.join(', ')}, with - for descending`)
      .default('-createdAt'),
    businessUnit: z.string().max(100).optional(),
    stage: z.enum(INITIATIVE_STAGES).optional(),
    riskTier: z.enum(RISK_TIERS).optional(),
    posture: z.enum(POSTURES).optional(),
    /** A person or team named as an owner of any responsibility (case-insensitive, part of the name). */
    owner: z.string().trim().min(1).max(200).optional(),
    /** Text search in key, name and summary. */
    q: z.string().trim().min(1).max(200).optional(),
    includeArchived: flag.default(false),
  })
  .strict();
export type InitiativeListQuery = z.infer<typeof initiativeListQuerySchema>;

export const auditQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    /** Opaque: the `nextCursor` of the previous page (newest first). */
    cursor: z.string().regex(/^\d{1,18}$/, 'a cursor this list issued').optional(),
    initiativeId: z.uuid().optional(),
    actor: z.string().max(200).optional(),
    action: z.string().max(100).optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const initiativeIdSchema = z.object({ id: z.uuid() }).strict();

export const IntakeRpc = {
  register: rpcContract(
    'intake.initiative.register',
    z.object({
      initiative: registerInitiativeSchema,
      actor: z.string(),
      // From the caller's Idempotency-Key: a request repeated after a crash registers once.
      requestId: z.uuid().optional(),
    }),
    initiativeSchema,
  ),
  get: rpcContract('intake.initiative.get', initiativeIdSchema, initiativeDetailSchema),
  update: rpcContract(
    'intake.initiative.update',
    z.object({ id: z.uuid(), changes: updateInitiativeSchema, actor: z.string(), ifMatch: versionSchema }),
    initiativeDetailSchema,
  ),
  audit: rpcContract('intake.initiative.audit', initiativeIdSchema, z.object({ items: z.array(auditEntrySchema) })),
  /** The portfolio-wide audit trail, newest first. */
  auditLog: rpcContract('intake.audit.list', auditQuerySchema, z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() })),
  list: rpcContract(
    'intake.initiative.list',
    initiativeListQuerySchema,
    z.object({ items: z.array(initiativeSchema), nextCursor: z.string().nullable() }),
  ),
  /** One page of the list as CSV (with the header on the first page), for exports. */
  exportPage: rpcContract(
    'intake.initiative.export',
    initiativeListQuerySchema,
    z.object({ csv: z.string(), nextCursor: z.string().nullable() }),
  ),
  archive: rpcContract(
    'intake.initiative.archive',
    z.object({ id: z.uuid(), actor: z.string(), ifMatch: versionSchema.optional() }),
    initiativeSchema,
  ),
};

export const InitiativeEvents = {
  registered: eventContract('initiative.registered', 1, z.object({ initiative: initiativeSchema, actor: z.string() })),
  archived: eventContract('initiative.archived', 1, z.object({ initiative: initiativeSchema, actor: z.string() })),
  updated: eventContract(
    'initiative.updated',
    1,
    z.object({ initiative: initiativeSchema, changedFields: z.array(z.string()), actor: z.string() }),
  ),
};
