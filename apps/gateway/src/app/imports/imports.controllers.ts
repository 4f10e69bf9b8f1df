import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, type Type } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { IMPORT_MODES, initiativeImportSchema, type ImportKind } from '@capstan/contracts';
import { ALL_ROLES, type Role } from '@capstan/domain';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { CsvUploadService } from './csv-upload.service';

class ImportQueryDto extends createZodDto(z.object({ mode: z.enum(IMPORT_MODES).default('all-or-nothing') }).strict()) {}
class ImportParamsDto extends createZodDto(z.object({ id: z.uuid() })) {}
class ImportDto extends createZodDto(initiativeImportSchema) {}

interface ImportRoute {
  path: string;
  kind: ImportKind;
  writers: Role[];
  columns: string;
}

/**
 * A CSV import resource: `POST` a `text/csv` file (202 with the import), then
 * `GET …/{id}` for status, progress and the per-row report.
 */
function importsController({ path, kind, writers, columns }: ImportRoute): Type {
  // Operation ids must be unique in the document: name them after the resource, not the shared class.
  const resource = path.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase());
  @ApiTags('imports')
  @ApiBearerAuth()
  @Controller(`v1/${path}`)
  class ImportsController {
    constructor(readonly uploads: CsvUploadService) {}

    @Post()
    @Roles(...writers)
    @HttpCode(202)
    @ApiConsumes('text/csv')
    @ApiBody({ schema: { type: 'string', description: `CSV with a header row: ${columns}` } })
    @ApiAcceptedResponse({ type: ImportDto })
    @ApiOperation({ operationId: `${resource}Controller_start` })
    async start(
      @Body() body: unknown,
      @Query() { mode }: ImportQueryDto,
      @CurrentPrincipal() principal: Principal,
      @Req() request: AuthenticatedRequest,
      @Res({ passthrough: true }) response: Response,
    ) {
      const started = await this.uploads.upload(kind, mode, body, principal.subject, request.correlationId);
      response.setHeader('Location', `/api/v1/${path}/${started.id}`);
      return started;
    }

    @Get(':id')
    @Roles(...ALL_ROLES)
    @ApiOkResponse({ type: ImportDto })
    @ApiOperation({ operationId: `${resource}Controller_get` })
    get(@Param() { id }: ImportParamsDto, @Req() request: AuthenticatedRequest) {
      return this.uploads.get(kind, id, request.correlationId);
    }
  }
  return ImportsController;
}

export const InitiativeImportsController = importsController({
  path: 'initiative-imports',
  kind: 'initiatives',
  writers: ['pmo'],
  columns: 'key, name, summary, businessUnit, sponsor, useCaseCategory, stage, riskTier, operatorRole, dataSensitivity, tags (";"-separated)',
});

export const TelemetryImportsController = importsController({
  path: 'telemetry-imports',
  kind: 'telemetry',
  writers: ['engineering', 'pmo'],
  columns:
    'initiative (key), periodKind (week|month), periodStart, supportTicketsOpened, supportTicketsClosed, supportBacklog, incidents, crossTeamEscalations, rollbacks, approvalCycleTimeDays, scopeExpansions',
});
