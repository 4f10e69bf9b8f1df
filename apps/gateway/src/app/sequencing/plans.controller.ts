import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  SequencingRpc,
  computePlanSchema,
  createScenarioSchema,
  planContestsSchema,
  planDiffSchema,
  planListQuerySchema,
  planListSchema,
  planSchema,
  scenarioDiffSchema,
  scenarioSchema,
} from '@capstan/contracts';
import { ALL_ROLES } from '@capstan/domain';
import { RpcClient } from '@capstan/messaging';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { csvExport } from '../csv-export/csv-export.interceptor';
import { Idempotent } from '../idempotency/idempotent.decorator';

class ComputePlanDto extends createZodDto(computePlanSchema) {}
class PlanDto extends createZodDto(planSchema) {}
class PlanListDto extends createZodDto(planListSchema) {}
class PlanListQueryDto extends createZodDto(planListQuerySchema) {}
class PlanContestsDto extends createZodDto(planContestsSchema) {}
class IdParamsDto extends createZodDto(z.object({ id: z.uuid() })) {}
class CompareQueryDto extends createZodDto(z.object({ against: z.uuid() }).strict()) {}
class PlanComparisonDto extends createZodDto(z.object({ planId: z.uuid(), againstPlanId: z.uuid(), diff: planDiffSchema })) {}
class CreateScenarioDto extends createZodDto(createScenarioSchema) {}
class ScenarioDto extends createZodDto(scenarioSchema) {}
class ScenarioDiffDto extends createZodDto(scenarioDiffSchema) {}

/** Time the service may take beyond the engine's own budget (explanations, storage). */
const COMPUTE_MARGIN_MS = 20_000;

/** Rollout plans: drafts, the published plan and its versions, contests, scenarios. */
@ApiTags('sequencing')
@ApiBearerAuth()
@Controller('v1')
export class PlansController {
  constructor(private readonly rpc: RpcClient) {}

  /** Computes a draft plan from the current inputs. */
  @Post('plans')
  @Roles('pmo')
  @Idempotent()
  @ApiCreatedResponse({ type: PlanDto })
  compute(@Body() options: ComputePlanDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(
      SequencingRpc.compute,
      { options, actor: principal.subject, requestId: request.requestId },
      { correlationId: request.correlationId, timeoutMs: options.timeLimitMs + COMPUTE_MARGIN_MS },
    );
  }

  @Get('plans')
  @Roles(...ALL_ROLES)
  @UseInterceptors(csvExport('items'))
  @ApiOkResponse({ type: PlanListDto })
  list(@Query() query: PlanListQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.plans, query, { correlationId: request.correlationId });
  }

  /** The published plan (the newest version). */
  @Get('plans/current')
  @Roles(...ALL_ROLES)
  @UseInterceptors(csvExport('waves'))
  @ApiOkResponse({ type: PlanDto })
  current(@Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.current, {}, { correlationId: request.correlationId });
  }

  @Get('plans/:id')
  @Roles(...ALL_ROLES)
  @UseInterceptors(csvExport('waves'))
  @ApiOkResponse({ type: PlanDto })
  plan(@Param() { id }: IdParamsDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.plan, { id }, { correlationId: request.correlationId });
  }

  /** Where business units compete for a pool beyond its capacity, who got it and why; fairness per business unit. */
  @Get('plans/:id/contests')
  @Roles(...ALL_ROLES)
  @UseInterceptors(csvExport('contests'))
  @ApiOkResponse({ type: PlanContestsDto })
  contests(@Param() { id }: IdParamsDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.contests, { id }, { correlationId: request.correlationId });
  }

  /** What changes from another plan (`?against=`) to this one: waves moved, added, removed, weeks and value, contests. */
  @Get('plans/:id/diff')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: PlanComparisonDto })
  compare(@Param() { id }: IdParamsDto, @Query() { against }: CompareQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.compare, { id, against }, { correlationId: request.correlationId });
  }

  /** Publishes a draft as the next plan version (`plan.published`). */
  @Post('plans/:id/publish')
  @Roles('pmo')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanDto })
  publish(@Param() { id }: IdParamsDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.publish, { id, actor: principal.subject }, { correlationId: request.correlationId });
  }

  /** A what-if on a plan's inputs, planned and compared with it; the published plan is untouched. */
  @Post('scenarios')
  @Roles('pmo')
  @Idempotent()
  @ApiCreatedResponse({ type: ScenarioDto })
  createScenario(@Body() scenario: CreateScenarioDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(
      SequencingRpc.createScenario,
      { scenario, actor: principal.subject, requestId: request.requestId },
      { correlationId: request.correlationId, timeoutMs: 60_000 + COMPUTE_MARGIN_MS },
    );
  }

  @Get('scenarios/:id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: ScenarioDto })
  scenario(@Param() { id }: IdParamsDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.scenario, { id }, { correlationId: request.correlationId });
  }

  /** Waves moved, weeks gained and lost, value delta, contests created and resolved. */
  @Get('scenarios/:id/diff')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: ScenarioDiffDto })
  diff(@Param() { id }: IdParamsDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.scenarioDiff, { id }, { correlationId: request.correlationId });
  }

  /** Turns the scenario into a draft plan: the plan its diff described. */
  @Post('scenarios/:id/promotion')
  @Roles('pmo')
  @ApiCreatedResponse({ type: PlanDto })
  promote(@Param() { id }: IdParamsDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(SequencingRpc.promoteScenario, { id, actor: principal.subject }, { correlationId: request.correlationId, timeoutMs: 60_000 + COMPUTE_MARGIN_MS });
  }
}
