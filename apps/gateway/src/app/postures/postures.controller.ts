import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ScoringRpc, historicalPostureSchema, portfolioReadinessSchema, portfolioTrendsQuerySchema, portfolioTrendsSchema } from '@capstan/contracts';
import { ALL_ROLES } from '@capstan/domain';
import { RpcClient } from '@capstan/messaging';
import type { AuthenticatedRequest } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';

/** A date alone means the end of that day (UTC): "as of 2026-09-30" includes all of the 30th. */
const asOfSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((value) => (value.length === 10 ? new Date(`${value}T23:59:59.999Z`) : new Date(value)).toISOString());

class PostureQueryDto extends createZodDto(z.object({ asOf: asOfSchema.optional() }).strict()) {}
class InitiativeParamsDto extends createZodDto(z.object({ id: z.uuid() })) {}
class PostureDto extends createZodDto(historicalPostureSchema.partial({ inputs: true })) {}
class PortfolioReadinessDto extends createZodDto(portfolioReadinessSchema) {}
class PortfolioTrendsQueryDto extends createZodDto(portfolioTrendsQuerySchema) {}
class PortfolioTrendsDto extends createZodDto(portfolioTrendsSchema) {}

/** Scoring's answers: an initiative's posture (now or as of a date) and the portfolio's readiness. */
@ApiTags('scoring')
@ApiBearerAuth()
@Controller('v1')
export class PosturesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('initiatives/:id/posture')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: PostureDto })
  posture(@Param() { id }: InitiativeParamsDto, @Query() { asOf }: PostureQueryDto, @Req() request: AuthenticatedRequest) {
    const options = { correlationId: request.correlationId };
    return asOf
      ? this.rpc.call(ScoringRpc.asOf, { initiativeId: id, asOf }, options)
      : this.rpc.call(ScoringRpc.get, { initiativeId: id }, options);
  }

  @Get('portfolio/readiness')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: PortfolioReadinessDto })
  readiness(@Req() request: AuthenticatedRequest) {
    return this.rpc.call(ScoringRpc.portfolio, {}, { correlationId: request.correlationId, timeoutMs: 30_000 });
  }

  /** Friction over the last weeks: postures and signals as they stood at each week's end. */
  @Get('portfolio/trends')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: PortfolioTrendsDto })
  trends(@Query() query: PortfolioTrendsQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(ScoringRpc.trends, query, { correlationId: request.correlationId, timeoutMs: 30_000 });
  }
}
