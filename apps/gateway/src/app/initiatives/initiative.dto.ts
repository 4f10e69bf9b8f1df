import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  addDependencySchema,
  auditEntrySchema,
  decisionSchema,
  dependencySchema,
  recordDecisionSchema,
  telemetrySchema,
  telemetryQuerySchema,
  telemetryRecordSchema,
  evidenceInputSchema,
  initiativeDetailSchema,
  initiativeListQuerySchema,
  initiativeSchema,
  ownerSchema,
  postureSummarySchema,
  postureViewSchema,
  registerInitiativeSchema,
  updateInitiativeSchema,
} from '@capstan/contracts';
import { CRITERION_IDS, RESPONSIBILITIES } from '@capstan/domain';

export class RegisterInitiativeDto extends createZodDto(registerInitiativeSchema) {}
export class InitiativeListQueryDto extends createZodDto(initiativeListQuerySchema) {}
export class InitiativeExportQueryDto extends createZodDto(initiativeListQuerySchema.omit({ cursor: true, limit: true })) {}

export const initiativeWithPostureSchema = initiativeSchema.extend({
  posture: postureSummarySchema.nullable(),
});
export const initiativeDetailWithPostureSchema = initiativeDetailSchema.extend({ posture: postureViewSchema.nullable() });
export class InitiativeResponseDto extends createZodDto(initiativeDetailWithPostureSchema) {}
export type InitiativeDetailWithPosture = z.infer<typeof initiativeDetailWithPostureSchema>;
export class UpdateInitiativeDto extends createZodDto(updateInitiativeSchema) {}
export class AssignOwnerDto extends createZodDto(ownerSchema) {}
export class RecordEvidenceDto extends createZodDto(evidenceInputSchema) {}
export class InitiativeParamsDto extends createZodDto(z.object({ id: z.uuid() })) {}
export class DependencyParamsDto extends createZodDto(z.object({ id: z.uuid(), dependsOn: z.uuid() })) {}
export class OwnerParamsDto extends createZodDto(z.object({ id: z.uuid(), responsibility: z.enum(RESPONSIBILITIES) })) {}
export class CriterionParamsDto extends createZodDto(
  z.object({ id: z.uuid(), criterionId: z.enum(CRITERION_IDS as [string, ...string[]]) }),
) {}
export class VersionResponseDto extends createZodDto(z.object({ version: z.number().int() })) {}
export class AuditResponseDto extends createZodDto(z.object({ items: z.array(auditEntrySchema) })) {}
export class InitiativeListResponseDto extends createZodDto(
  z.object({ items: z.array(initiativeWithPostureSchema), nextCursor: z.string().nullable() }),
) {}
export type InitiativeWithPosture = z.infer<typeof initiativeWithPostureSchema>;
export class AddDependencyDto extends createZodDto(addDependencySchema) {}
export class DependencyResponseDto extends createZodDto(dependencySchema) {}
export class RecordDecisionDto extends createZodDto(recordDecisionSchema) {}
export class DecisionResponseDto extends createZodDto(decisionSchema) {}
export class RecordTelemetryDto extends createZodDto(telemetrySchema) {}
export class TelemetryQueryDto extends createZodDto(telemetryQuerySchema) {}
export class TelemetryRecordDto extends createZodDto(telemetryRecordSchema) {}
export class TelemetryListDto extends createZodDto(z.object({ items: z.array(telemetryRecordSchema) })) {}
