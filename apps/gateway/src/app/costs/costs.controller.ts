import { Body, Controller, Get, Param, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CostRpc, costEntrySchema, costSummaryQuerySchema, costSummarySchema, recordCostEntrySchema } from '@capstan/contracts';
import { ALL_ROLES } from '@capstan/domain';
import { RpcClient } from '@capstan/messaging';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';

class RecordCostEntryDto extends createZodDto(recordCostEntrySchema) {}
class CostEntryDto extends createZodDto(costEntrySchema) {}
class ReversalDto extends createZodDto(z.object({ reason: z.string().trim().max(500).default('') }).strict()) {}
class EntryParamsDto extends createZodDto(z.object({ id: z.uuid() })) {}
class CostSummaryQueryDto extends createZodDto(costSummaryQuerySchema) {}
class CostSummaryDto extends createZodDto(costSummarySchema) {}

/** The production-economics ledger: exact amounts as decimal strings, corrections as reversing entries. */
@ApiTags('costs')
@ApiBearerAuth()
@Controller('v1')
export class CostsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('cost-entries')
  @Roles('finance', 'engineering')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiCreatedResponse({ type: CostEntryDto })
  record(@Body() entry: RecordCostEntryDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(CostRpc.record, { entry, actor: principal.subject }, { correlationId: request.correlationId });
  }

  @Post('cost-entries/:id/reversal')
  @Roles('finance')
  @ApiCreatedResponse({ type: CostEntryDto })
  reverse(@Param() { id }: EntryParamsDto, @Body() { reason }: ReversalDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(CostRpc.reverse, { id, reason, actor: principal.subject }, { correlationId: request.correlationId });
  }

  @Get('costs/summary')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: CostSummaryDto })
  summary(@Query() query: CostSummaryQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(CostRpc.summary, query, { correlationId: request.correlationId });
  }
}
