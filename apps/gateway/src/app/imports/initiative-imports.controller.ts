import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { IMPORT_CHUNK_CHARS, IMPORT_MODES, ImportRpc, initiativeImportSchema } from '@capstan/contracts';
import { ALL_ROLES } from '@capstan/domain';
import { RpcClient } from '@capstan/messaging';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';

class ImportQueryDto extends createZodDto(z.object({ mode: z.enum(IMPORT_MODES).default('all-or-nothing') }).strict()) {}
class ImportParamsDto extends createZodDto(z.object({ id: z.uuid() })) {}
class InitiativeImportDto extends createZodDto(initiativeImportSchema) {}

/**
 * Bulk import of an initiative inventory from CSV. The file goes to intake in
 * pieces that fit a NATS message; intake validates and writes it in the
 * background, and `GET …/{id}` shows progress and the per-row report.
 */
@ApiTags('initiatives')
@ApiBearerAuth()
@Controller('v1/initiative-imports')
export class InitiativeImportsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Roles('pmo')
  @HttpCode(202)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', description: 'CSV with a header row: key, name, summary, businessUnit, sponsor, useCaseCategory, stage, riskTier, tags (";"-separated)' } })
  @ApiAcceptedResponse({ type: InitiativeImportDto })
  async start(
    @Body() body: unknown,
    @Query() { mode }: ImportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (typeof body !== 'string') throw new UnsupportedMediaTypeException('Send the file as text/csv');
    const options = { correlationId: request.correlationId };
    const { id } = await this.rpc.call(ImportRpc.start, { mode, actor: principal.subject }, options);
    for (let seq = 0, offset = 0; offset < body.length || seq === 0; seq++, offset += IMPORT_CHUNK_CHARS) {
      await this.rpc.call(ImportRpc.chunk, { id, seq, data: body.slice(offset, offset + IMPORT_CHUNK_CHARS) }, options);
    }
    const started = await this.rpc.call(ImportRpc.finish, { id }, options);
    response.setHeader('Location', `/api/v1/initiative-imports/${id}`);
    return started;
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: InitiativeImportDto })
  get(@Param() { id }: ImportParamsDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(ImportRpc.get, { id }, { correlationId: request.correlationId });
  }
}
