import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ReadinessRpc } from '@capstan/contracts';
import { RpcClient } from '@capstan/messaging';
import type { AuthenticatedRequest } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';

class EvidenceSweepDto extends createZodDto(ReadinessRpc.sweepExpiredEvidence.request) {}
class EvidenceSweepResponseDto extends createZodDto(z.object({ expired: z.number().int() })) {}

/** Operator actions that otherwise run on a schedule. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin')
export class AdminController {
  constructor(private readonly rpc: RpcClient) {}

  /** Runs the evidence expiry sweep now (or as of a given moment) and says how many attestations lapsed. */
  @Post('evidence-sweeps')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: EvidenceSweepResponseDto })
  sweepEvidence(@Body() body: EvidenceSweepDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(ReadinessRpc.sweepExpiredEvidence, body, { correlationId: request.correlationId });
  }
}
