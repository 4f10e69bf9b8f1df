import { Body, Controller, Get, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import {
  SequencingRpc,
  capacityPoolSchema,
  capacityPoolViewSchema,
  freezeWindowsSchema,
  planOverrideInputSchema,
  planOverrideViewSchema,
  type PlanOverrideInput,
  quarterSchema,
  rolloutBudgetSchema,
  rolloutSchema,
  rolloutViewSchema,
  waveKeySchema,
  waveProgressSchema,
  waveProgressViewSchema,
} from '@capstan/contracts';
import { ALL_ROLES } from '@capstan/domain';
import { RpcClient } from '@capstan/messaging';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';

class PoolParamsDto extends createZodDto(z.object({ id: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'a lowercase id such as deployment-engineering') })) {}
class CapacityPoolDto extends createZodDto(capacityPoolSchema) {}
class CapacityPoolViewDto extends createZodDto(capacityPoolViewSchema) {}
class PoolListDto extends createZodDto(z.object({ items: z.array(capacityPoolViewSchema) })) {}
class InitiativeParamsDto extends createZodDto(z.object({ id: z.uuid() })) {}
class RolloutDto extends createZodDto(rolloutSchema) {}
class RolloutViewDto extends createZodDto(rolloutViewSchema) {}
class WaveParamsDto extends createZodDto(z.object({ id: z.uuid(), wave: waveKeySchema })) {}
class WaveProgressDto extends createZodDto(waveProgressSchema) {}
class WaveProgressViewDto extends createZodDto(waveProgressViewSchema) {}
class BusinessUnitParamsDto extends createZodDto(z.object({ businessUnit: z.string().trim().min(1).max(100) })) {}
class FreezeWindowsDto extends createZodDto(freezeWindowsSchema) {}
class QuarterParamsDto extends createZodDto(z.object({ quarter: quarterSchema })) {}
class RolloutBudgetDto extends createZodDto(rolloutBudgetSchema) {}
class RolloutBudgetListDto extends createZodDto(z.object({ items: z.array(z.object({ quarter: z.string(), amount: z.string() })) })) {}
class OverrideViewDto extends createZodDto(planOverrideViewSchema) {}
class OverrideListDto extends createZodDto(z.object({ items: z.array(planOverrideViewSchema) })) {}
class OverrideParamsDto extends createZodDto(z.object({ id: z.uuid() })) {}
class RevocationDto extends createZodDto(z.object({ reason: z.string().trim().min(3).max(500) }).strict()) {}

/** What rollout plans are computed from: pools, waves, freeze windows, budgets and PMO overrides. */
@ApiTags('sequencing')
@ApiBearerAuth()
@Controller('v1')
export class RolloutInputsController {
  constructor(private readonly rpc: RpcClient) {}

  @Put('capacity-pools/:id')
  @Roles('pmo')
  @ApiOkResponse({ type: CapacityPoolViewDto })
  putPool(@Param() { id }: PoolParamsDto, @Body() pool: CapacityPoolDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.putPool, { id, pool, actor: principal.subject }, { correlationId: request.correlationId });
  }

  @Get('capacity-pools')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: PoolListDto })
  pools(@Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.pools, {}, { correlationId: request.correlationId });
  }

  /** The initiative's rollout waves and expected value (replaces what was there). */
  @Put('initiatives/:id/rollout')
  @Roles('pmo')
  @ApiOkResponse({ type: RolloutViewDto })
  putRollout(@Param() { id }: InitiativeParamsDto, @Body() rollout: RolloutDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.putRollout, { initiativeId: id, rollout, actor: principal.subject }, { correlationId: request.correlationId });
  }

  @Get('initiatives/:id/rollout')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: RolloutViewDto })
  rollout(@Param() { id }: InitiativeParamsDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.rollout, { initiativeId: id }, { correlationId: request.correlationId });
  }

  /**
   * When a wave began and finished, as it happened (`startedOn: null`: it has not begun). Plans take it over the
   * dates the published plan had: a late start, an early finish, a wave still running past its duration.
   */
  @Put('initiatives/:id/rollout/waves/:wave/progress')
  @Roles('pmo')
  @ApiOkResponse({ type: WaveProgressViewDto })
  putWaveProgress(@Param() { id, wave }: WaveParamsDto, @Body() progress: WaveProgressDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.putWaveProgress, { initiativeId: id, wave, progress, actor: principal.subject }, { correlationId: request.correlationId });
  }

  /** A business unit's change-freeze windows (replaces what was there). */
  @Put('business-units/:businessUnit/freeze-windows')
  @Roles('pmo')
  @ApiOkResponse({ type: FreezeWindowsDto })
  putFreezeWindows(@Param() { businessUnit }: BusinessUnitParamsDto, @Body() { windows }: FreezeWindowsDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.putFreezeWindows, { businessUnit, windows, actor: principal.subject }, { correlationId: request.correlationId });
  }

  /** The rollout budget of a calendar quarter, a limit every plan respects. */
  @Put('rollout-budgets/:quarter')
  @Roles('finance')
  @ApiOkResponse({ type: RolloutBudgetDto })
  putBudget(@Param() { quarter }: QuarterParamsDto, @Body() { amount }: RolloutBudgetDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.putBudget, { quarter, amount, actor: principal.subject }, { correlationId: request.correlationId });
  }

  @Get('rollout-budgets')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: RolloutBudgetListDto })
  budgets(@Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.budgets, {}, { correlationId: request.correlationId });
  }

  /** A PMO override — a priority, a pinned wave start or a fixed order — with its reason; recorded, never deleted. */
  @Post('plan-overrides')
  @Roles('pmo')
  @ApiCreatedResponse({ type: OverrideViewDto })
  // A union has no DTO class: the body is validated by the schema's own pipe.
  @ApiBody({ description: '`{ kind: "priority", initiativeId, priority, reason }`, `{ kind: "pin", initiativeId, wave, start, reason }` or `{ kind: "order", first, then, reason }`' })
  addOverride(@Body(new ZodValidationPipe(planOverrideInputSchema)) override: PlanOverrideInput, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.addOverride, { override, actor: principal.subject }, { correlationId: request.correlationId });
  }

  @Get('plan-overrides')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: OverrideListDto })
  overrides(@Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.overrides, {}, { correlationId: request.correlationId });
  }

  @Post('plan-overrides/:id/revocation')
  @Roles('pmo')
  @ApiCreatedResponse({ type: OverrideViewDto })
  revokeOverride(@Param() { id }: OverrideParamsDto, @Body() { reason }: RevocationDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.revokeOverride, { id, reason, actor: principal.subject }, { correlationId: request.correlationId });
  }
}
