import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { initiativeListQuerySchema, initiativeSchema, postureViewSchema, registerInitiativeSchema } from '@capstan/contracts';

export class RegisterInitiativeDto extends createZodDto(registerInitiativeSchema) {}
export class InitiativeListQueryDto extends createZodDto(initiativeListQuerySchema) {}

export const initiativeWithPostureSchema = initiativeSchema.extend({
  posture: postureViewSchema.nullable(),
});
export class InitiativeResponseDto extends createZodDto(initiativeWithPostureSchema) {}
export class InitiativeListResponseDto extends createZodDto(z.object({ items: z.array(initiativeWithPostureSchema) })) {}
export type InitiativeWithPosture = z.infer<typeof initiativeWithPostureSchema>;
