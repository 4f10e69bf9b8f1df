import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ScoringModelRpc, ScoringRpc, dryRunSchema, scoringModelSchema, scoringModelViewSchema } from '@capstan/contracts';
import { ALL_ROLES } from '@capstan/domain';
import { RpcClient } from '@capstan/messaging';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';

class ScoringModelDto extends createZodDto(scoringModelSchema) {}
class ScoringModelViewDto extends createZodDto(scoringModelViewSchema) {}
class ScoringModelListDto extends createZodDto(z.object({ items: z.array(scoringModelViewSchema) })) {}
class ActivationDto extends createZodDto(scoringModelViewSchema.extend({ rescoring: z.number().int() })) {}
class DryRunDto extends createZodDto(dryRunSchema) {}
class VersionParamsDto extends createZodDto(z.object({ version: z.string().max(50) })) {}

/** Scoring models: versioned data. Admins add drafts and activate one; everyone may read them. */
@ApiTags('scoring')
@ApiBearerAuth()
@Controller('v1/scoring-models')
export class ScoringModelsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: ScoringModelListDto })
  list(@Req() request: AuthenticatedRequest) {
    return this.rpc.call(ScoringModelRpc.list, {}, { correlationId: request.correlationId });
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: ScoringModelViewDto })
  create(@Body() definition: ScoringModelDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(ScoringModelRpc.create, { definition, actor: principal.subject }, { correlationId: request.correlationId });
  }

  /**
   * Which initiatives would change posture under this version if it were activated now, and why — nothing is stored.
   * A hold towards authorize_deployment restarts under a newly active model, so authorized initiatives show as held back.
   */
  @Post(':version/dry-run')
  @Roles('admin', 'pmo')
  @HttpCode(200)
  @ApiOkResponse({ type: DryRunDto })
  dryRun(@Param() { version }: VersionParamsDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(ScoringRpc.dryRun, { version }, { correlationId: request.correlationId, timeoutMs: 60_000 });
  }

  /** Makes a version the active model and re-scores the portfolio with it (in the background); holds restart under it. */
  @Post(':version/activate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: ActivationDto })
  activate(@Param() { version }: VersionParamsDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(ScoringModelRpc.activate, { version, actor: principal.subject }, { correlationId: request.correlationId });
  }
}
