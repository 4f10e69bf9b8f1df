import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { IntakeRpc, auditEntrySchema, auditQuerySchema } from '@capstan/contracts';
import { ALL_ROLES } from '@capstan/domain';
import { RpcClient } from '@capstan/messaging';
import type { AuthenticatedRequest } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';

class AuditQueryDto extends createZodDto(auditQuerySchema) {}
class AuditLogDto extends createZodDto(z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() })) {}

/** The portfolio-wide audit trail: who changed what, when, newest first. Read-only for everyone. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: AuditLogDto })
  list(@Query() query: AuditQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IntakeRpc.auditLog, query, { correlationId: request.correlationId });
  }
}
