import { Body, Controller, ForbiddenException, Get, Param, Post, Put, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  CostRpc,
  budgetStatusSchema,
  costEntryListQuerySchema,
  costEntryListSchema,
  costEntrySchema,
  costSummaryQuerySchema,
  costSummarySchema,
  recordCostEntrySchema,
  setBudgetSchema,
  UnitEconomicsRpc,
  recordVolumeSchema,
  unitEconomicsSchema,
  forecastQuerySchema,
  forecastSchema,
} from '@capstan/contracts';
import { ALL_ROLES } from '@capstan/domain';
import { RpcClient } from '@capstan/messaging';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../auth/principal';
import { InitiativeIn, Roles } from '../auth/roles.decorator';
import { csvExport } from '../csv-export/csv-export.interceptor';
import { summaryCsvRows } from './summary-csv-rows';
import { Idempotent } from '../idempotency/idempotent.decorator';

class RecordCostEntryDto extends createZodDto(recordCostEntrySchema) {}
class CostEntryDto extends createZodDto(costEntrySchema) {}
class CostEntryListQueryDto extends createZodDto(costEntryListQuerySchema) {}
class CostEntryListDto extends createZodDto(costEntryListSchema) {}
class ReversalDto extends createZodDto(z.object({ reason: z.string().trim().max(500).default('') }).strict()) {}
class EntryParamsDto extends createZodDto(z.object({ id: z.uuid() })) {}
class CostSummaryQueryDto extends createZodDto(costSummaryQuerySchema) {}
class CostSummaryDto extends createZodDto(costSummarySchema) {}
class SetBudgetDto extends createZodDto(setBudgetSchema) {}
class BudgetStatusDto extends createZodDto(budgetStatusSchema) {}
class BudgetListDto extends createZodDto(z.object({ items: z.array(budgetStatusSchema) })) {}
class BudgetQueryDto extends createZodDto(
  z.object({ initiativeId: z.uuid().optional(), period: z.string().regex(/^\d{4}-\d{2}$/).optional() }).strict(),
) {}

class RecordVolumeDto extends createZodDto(recordVolumeSchema) {}
class VolumeDto extends createZodDto(recordVolumeSchema.safeExtend({ recordedBy: z.string() })) {}
class UnitEconomicsListDto extends createZodDto(z.object({ items: z.array(unitEconomicsSchema) })) {}
class UnitCostQueryDto extends createZodDto(
  z.object({ metric: z.string().max(50).optional(), currency: z.string().regex(/^[A-Z]{3}$/).optional() }).strict(),
) {}
class InitiativeParamsDto extends createZodDto(z.object({ id: z.uuid() })) {}
class ForecastQueryDto extends createZodDto(forecastQuerySchema) {}
class ForecastDto extends createZodDto(forecastSchema) {}

/** The production-economics ledger: exact amounts as decimal strings, corrections as reversing entries. */
@ApiTags('costs')
@ApiBearerAuth()
@Controller('v1')
export class CostsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('cost-entries')
  @InitiativeIn('body')
  @Roles('finance', 'engineering')
  @Idempotent()
  @ApiCreatedResponse({ type: CostEntryDto })
  record(@Body() entry: RecordCostEntryDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    // Engineering's systems meter spend; an estimate entered by hand is finance's to make.
    if (entry.source !== 'metered' && !principal.roles.some((role) => role === 'finance' || role === 'admin')) {
      throw new ForbiddenException('Engineering records metered spend only: send source "metered" (manual entries are for finance)');
    }
    return this.rpc.call(CostRpc.record, { entry, actor: principal.subject, requestId: request.requestId }, { correlationId: request.correlationId });
  }

  /** One initiative's or one import's ledger entries, newest first: the ids a correction reverses. */
  @Get('cost-entries')
  @InitiativeIn('query')
  @Roles(...ALL_ROLES)
  @UseInterceptors(csvExport('items'))
  @ApiOkResponse({ type: CostEntryListDto })
  list(@Query() query: CostEntryListQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(CostRpc.list, query, { correlationId: request.correlationId });
  }

  @Post('cost-entries/:id/reversal')
  @Roles('finance')
  @ApiCreatedResponse({ type: CostEntryDto })
  reverse(@Param() { id }: EntryParamsDto, @Body() { reason }: ReversalDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(CostRpc.reverse, { id, reason, actor: principal.subject }, { correlationId: request.correlationId });
  }

  /** Sets (or replaces) the budget of an initiative for a month and category. */
  @Put('budgets')
  @InitiativeIn('body')
  @Roles('finance')
  @ApiOkResponse({ type: BudgetStatusDto })
  setBudget(@Body() budget: SetBudgetDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(CostRpc.setBudget, { budget, actor: principal.subject }, { correlationId: request.correlationId });
  }

  /** Budget vs actual and burn, with the thresholds crossed. */
  @Get('budgets')
  @InitiativeIn('query')
  @Roles(...ALL_ROLES)
  @UseInterceptors(csvExport('items'))
  @ApiOkResponse({ type: BudgetListDto })
  budgets(@Query() query: BudgetQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(CostRpc.budgets, query, { correlationId: request.correlationId });
  }

  @Get('costs/summary')
  @InitiativeIn('query')
  @Roles(...ALL_ROLES)
  @UseInterceptors(csvExport(summaryCsvRows))
  @ApiOkResponse({ type: CostSummaryDto })
  summary(@Query() query: CostSummaryQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(CostRpc.summary, query, { correlationId: request.correlationId });
  }

  /** Business volume of a month and phase (transactions, users …): the denominator of unit cost. Replaces what was there. */
  @Put('business-volumes')
  @InitiativeIn('body')
  @Roles('finance', 'engineering')
  @ApiOkResponse({ type: VolumeDto })
  recordVolume(@Body() volume: RecordVolumeDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(UnitEconomicsRpc.recordVolume, { volume, actor: principal.subject }, { correlationId: request.correlationId });
  }

  /** Pilot against production cost per unit of business volume, per metric and currency; null where there is no denominator. */
  @Get('initiatives/:id/unit-costs')
  @Roles(...ALL_ROLES)
  @UseInterceptors(csvExport('items'))
  @ApiOkResponse({ type: UnitEconomicsListDto })
  unitCosts(@Param() { id }: InitiativeParamsDto, @Query() query: UnitCostQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(UnitEconomicsRpc.get, { initiativeId: id, ...query }, { correlationId: request.correlationId });
  }

  /** Spend ahead per category (run rate, trend, range; "unknown" without data) and the production cost the pilot's unit cost implies. */
  @Get('initiatives/:id/forecast')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: ForecastDto })
  forecast(@Param() { id }: InitiativeParamsDto, @Query() query: ForecastQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(UnitEconomicsRpc.forecast, { initiativeId: id, ...query }, { correlationId: request.correlationId });
  }
}
