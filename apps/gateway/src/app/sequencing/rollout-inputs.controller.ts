import { Body, Controller, Get, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import {
  SequencingRpc,
  capacityPoolSchema,
  capacityPoolViewSchema,
  freezeWindowsSchema,
  freezeWindowsViewSchema,
  planOverrideInputSchema,
  planOverrideViewSchema,
  type PlanOverrideInput,
  quarterSchema,
  rolloutBudgetSchema,
  rolloutBudgetViewSchema,
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
import { ExpectedVersion, Versioned } from '../versions/versioned';

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
class FreezeWindowsViewDto extends createZodDto(freezeWindowsViewSchema) {}
class FreezeWindowsListDto extends createZodDto(z.object({ items: z.array(freezeWindowsViewSchema) })) {}
class QuarterParamsDto extends createZodDto(z.object({ quarter: quarterSchema })) {}
class RolloutBudgetDto extends createZodDto(rolloutBudgetSchema) {}
class RolloutBudgetViewDto extends createZodDto(rolloutBudgetViewSchema) {}
class RolloutBudgetListDto extends createZodDto(z.object({ items: z.array(rolloutBudgetViewSchema) })) {}
class OverrideViewDto extends createZodDto(planOverrideViewSchema) {}
class OverrideListDto extends createZodDto(z.object({ items: z.array(planOverrideViewSchema) })) {}
class OverrideParamsDto extends createZodDto(z.object({ id: z.uuid() })) {}
class RevocationDto extends createZodDto(z.object({ reason: z.string().trim().min(3).max(500) }).strict()) {}

/**
 * What rollout plans are computed from: pools, waves, freeze windows, budgets and PMO overrides. A pool, a rollout,
 * a unit's freeze windows and a quarter's budget are set whole, each at a version (`Versioned`).
 */
@ApiTags('sequencing')
@ApiBearerAuth()
@Controller('v1')
export class RolloutInputsController {
  constructor(private readonly rpc: RpcClient) {}

  @Put('capacity-pools/:id')
  @Roles('pmo')
  @Versioned({ write: true })
  @ApiOkResponse({ type: CapacityPoolViewDto })
  putPool(
    @Param() { id }: PoolParamsDto,
    @Body() pool: CapacityPoolDto,
    @ExpectedVersion() ifMatch: number | '*' | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.rpc.call(SequencingRpc.putPool, { id, pool, actor: principal.subject, ifMatch }, { correlationId: request.correlationId });
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
  @Versioned({ write: true })
  @ApiOkResponse({ type: RolloutViewDto })
  putRollout(
    @Param() { id }: InitiativeParamsDto,
    @Body() rollout: RolloutDto,
    @ExpectedVersion() ifMatch: number | '*' | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.rpc.call(SequencingRpc.putRollout, { initiativeId: id, rollout, actor: principal.subject, ifMatch }, { correlationId: request.correlationId });
  }

  @Get('initiatives/:id/rollout')
  @Roles(...ALL_ROLES)
  @Versioned({ write: false })
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
  @Versioned({ write: true })
  @ApiOkResponse({ type: FreezeWindowsViewDto })
  putFreezeWindows(
    @Param() { businessUnit }: BusinessUnitParamsDto,
    @Body() { windows }: FreezeWindowsDto,
    @ExpectedVersion() ifMatch: number | '*' | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.rpc.call(SequencingRpc.putFreezeWindows, { businessUnit, windows, actor: principal.subject, ifMatch }, { correlationId: request.correlationId });
  }

  /** Every business unit's change-freeze windows, with their versions. */
  @Get('freeze-windows')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: FreezeWindowsListDto })
  freezeWindows(@Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.freezeWindows, {}, { correlationId: request.correlationId });
  }

  /** The rollout budget of a calendar quarter, a limit every plan respects. */
  @Put('rollout-budgets/:quarter')
  @Roles('finance')
  @Versioned({ write: true })
  @ApiOkResponse({ type: RolloutBudgetViewDto })
  putBudget(
    @Param() { quarter }: QuarterParamsDto,
    @Body() { amount }: RolloutBudgetDto,
    @ExpectedVersion() ifMatch: number | '*' | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.rpc.call(SequencingRpc.putBudget, { quarter, amount, actor: principal.subject, ifMatch }, { correlationId: request.correlationId });
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
