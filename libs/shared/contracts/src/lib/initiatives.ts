import { z } from 'zod';
import { INITIATIVE_STAGES, RISK_TIERS } from '@capstan/domain';
import { rpcContract } from './rpc';
import { eventContract } from './events';

const text = (max: number) => z.string().trim().min(1).max(max);

export const registerInitiativeSchema = z
  .object({
    name: text(200),
    summary: z.string().trim().max(4000).default(''),
    businessUnit: text(100),
    sponsor: z.string().trim().max(200).default(''),
    useCaseCategory: z.string().trim().max(100).default(''),
    stage: z.enum(INITIATIVE_STAGES).default('pilot'),
    riskTier: z.enum(RISK_TIERS).default('minimal'),
    tags: z.array(text(50)).max(50).default([]),
  })
  .strict();
export type RegisterInitiative = z.infer<typeof registerInitiativeSchema>;

export const initiativeSchema = registerInitiativeSchema.extend({
  id: z.uuid(),
  key: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Initiative = z.infer<typeof initiativeSchema>;

export const initiativeListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    businessUnit: z.string().optional(),
  })
  .strict();
export type InitiativeListQuery = z.infer<typeof initiativeListQuerySchema>;

export const initiativeIdSchema = z.object({ id: z.uuid() }).strict();

export const IntakeRpc = {
  register: rpcContract(
    'intake.initiative.register',
    z.object({ initiative: registerInitiativeSchema, actor: z.string() }),
    initiativeSchema,
  ),
  get: rpcContract('intake.initiative.get', initiativeIdSchema, initiativeSchema),
  list: rpcContract(
    'intake.initiative.list',
    initiativeListQuerySchema,
    z.object({ items: z.array(initiativeSchema) }),
  ),
};

export const InitiativeEvents = {
  registered: eventContract('initiative.registered', 1, z.object({ initiative: initiativeSchema, actor: z.string() })),
};
