import { Body, Controller, Delete, ForbiddenException, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CriterionId } from '@capstan/domain';
import { ALL_ROLES, ENGINEERING_ATTESTABLE_CRITERIA } from '@capstan/domain';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../auth/principal';
import { Capabilities, Roles } from '../auth/roles.decorator';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { parseIfMatch, setETag } from '../versions/if-match';
import {
  AddDependencyDto,
  AssignOwnerDto,
  DecisionResponseDto,
  DependencyParamsDto,
  DependencyResponseDto,
  RecordDecisionDto,
  RecordTelemetryDto,
  TelemetryRecordDto,
  TelemetryListDto,
  TelemetryQueryDto,
  AuditResponseDto,
  CriterionParamsDto,
  InitiativeExportQueryDto,
  InitiativeListQueryDto,
  InitiativeListResponseDto,
  InitiativeParamsDto,
  InitiativeResponseDto,
  OwnerParamsDto,
  RecordEvidenceDto,
  RegisterInitiativeDto,
  UpdateInitiativeDto,
  VersionResponseDto,
  type InitiativeWithPosture,
} from './initiative.dto';
import { InitiativesService } from './initiatives.service';

const IF_MATCH = { name: 'If-Match', description: 'The ETag of the version being changed, e.g. "3"' };

@ApiTags('initiatives')
@ApiBearerAuth()
@Controller('v1/initiatives')
export class InitiativesController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Post()
  @Roles('pmo')
  @Idempotent()
  @ApiCreatedResponse({ type: InitiativeResponseDto })
  async register(
    @Body() body: RegisterInitiativeDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InitiativeWithPosture> {
    const initiative = await this.initiatives.register(body, { actor: principal.subject, correlationId: request.correlationId }, request.requestId);
    response.setHeader('Location', `/api/v1/initiatives/${initiative.id}`);
    setETag(response, initiative.version);
    return initiative;
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: InitiativeListResponseDto })
  list(@Query() query: InitiativeListQueryDto, @Req() request: AuthenticatedRequest) {
    return this.initiatives.list(query, request.correlationId);
  }

  /** The list as CSV (same filters, every page), in the format imports read. */
  @Get('export')
  @Roles(...ALL_ROLES)
  @ApiProduces('text/csv')
  async export(@Query() query: InitiativeExportQueryDto, @Req() request: AuthenticatedRequest, @Res() response: Response) {
    let page = await this.initiatives.exportPage({ ...query, limit: 500 }, request.correlationId);
    response.status(200).type('text/csv').setHeader('Content-Disposition', 'attachment; filename="initiatives.csv"');
    response.write(page.csv);
    while (page.nextCursor) {
      page = await this.initiatives.exportPage({ ...query, limit: 500, cursor: page.nextCursor }, request.correlationId);
      response.write(page.csv);
    }
    response.end();
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: InitiativeResponseDto })
  async get(@Param() { id }: InitiativeParamsDto, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response) {
    const initiative = await this.initiatives.get(id, request.correlationId);
    setETag(response, initiative.version);
    return initiative;
  }

  @Patch(':id')
  @Roles('pmo')
  @ApiHeader({ ...IF_MATCH, required: true })
  @ApiOkResponse({ type: InitiativeResponseDto })
  async update(
    @Param() { id }: InitiativeParamsDto,
    @Body() body: UpdateInitiativeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expected = parseIfMatch(ifMatch, true) ?? (await this.initiatives.get(id, request.correlationId)).version;
    const initiative = await this.initiatives.update(id, body, expected, { actor: principal.subject, correlationId: request.correlationId });
    setETag(response, initiative.version);
    return initiative;
  }

  @Put(':id/owners/:responsibility')
  @Roles('pmo')
  @ApiHeader({ ...IF_MATCH, required: false })
  @ApiOkResponse({ type: VersionResponseDto })
  async assignOwner(
    @Param() { id, responsibility }: OwnerParamsDto,
    @Body() body: AssignOwnerDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.initiatives.assignOwner(id, responsibility, body, parseIfMatch(ifMatch, false), {
      actor: principal.subject,
      correlationId: request.correlationId,
    });
    setETag(response, result.version);
    return result;
  }

  @Delete(':id/owners/:responsibility')
  @Roles('pmo')
  @ApiHeader({ ...IF_MATCH, required: false })
  @ApiOkResponse({ type: VersionResponseDto, description: 'The responsibility has no owner again (a gap); 404 when it had none.' })
  async removeOwner(
    @Param() { id, responsibility }: OwnerParamsDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.initiatives.removeOwner(id, responsibility, parseIfMatch(ifMatch, false), { actor: principal.subject, correlationId: request.correlationId });
    setETag(response, result.version);
    return result;
  }

  @Put(':id/criteria/:criterionId')
  @Roles('pmo', 'engineering')
  @ApiHeader({ ...IF_MATCH, required: false })
  @ApiOkResponse({ type: VersionResponseDto })
  async recordEvidence(
    @Param() { id, criterionId }: CriterionParamsDto,
    @Body() body: RecordEvidenceDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (!principal.roles.some((role) => role === 'pmo' || role === 'admin') && !ENGINEERING_ATTESTABLE_CRITERIA.includes(criterionId as CriterionId)) {
      throw new ForbiddenException(`Engineering may attest only ${ENGINEERING_ATTESTABLE_CRITERIA.join(', ')}; ${criterionId} needs PMO`);
    }
    const result = await this.initiatives.recordEvidence(id, criterionId as CriterionId, body, parseIfMatch(ifMatch, false), {
      actor: principal.subject,
      correlationId: request.correlationId,
    });
    setETag(response, result.version);
    return result;
  }

  @Post(':id/archive')
  @Roles('pmo')
  @HttpCode(200)
  @ApiHeader({ ...IF_MATCH, required: false })
  @ApiOkResponse({ type: InitiativeResponseDto })
  async archive(
    @Param() { id }: InitiativeParamsDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const archived = await this.initiatives.archive(id, parseIfMatch(ifMatch, false), { actor: principal.subject, correlationId: request.correlationId });
    setETag(response, archived.version);
    return archived;
  }

  @Post(':id/dependencies')
  @Roles('pmo')
  @ApiCreatedResponse({ type: DependencyResponseDto })
  addDependency(
    @Param() { id }: InitiativeParamsDto,
    @Body() body: AddDependencyDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.initiatives.addDependency(id, body, { actor: principal.subject, correlationId: request.correlationId });
  }

  /** Takes a dependency away; answers it as it was (404 when there is none). */
  @Delete(':id/dependencies/:dependsOn')
  @Roles('pmo')
  @ApiOkResponse({ type: DependencyResponseDto })
  removeDependency(@Param() { id, dependsOn }: DependencyParamsDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.initiatives.removeDependency(id, dependsOn, { actor: principal.subject, correlationId: request.correlationId });
  }

  /** The authorization committee's decisions: admins, or anyone holding the `committee` capability. */
  @Post(':id/decisions')
  @Roles('admin')
  @Capabilities('committee')
  @Idempotent()
  @ApiCreatedResponse({ type: DecisionResponseDto })
  recordDecision(
    @Param() { id }: InitiativeParamsDto,
    @Body() body: RecordDecisionDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.initiatives.recordDecision(id, body, { actor: principal.subject, correlationId: request.correlationId }, request.requestId);
  }

  /**
   * A system's figures for one period. Figures left out keep what the period holds (each system may report its own);
   * null takes one back to unreported. Answers the period as it now stands, unreported figures null.
   */
  @Post(':id/telemetry')
  @Roles('engineering', 'pmo')
  @ApiCreatedResponse({ type: TelemetryRecordDto })
  recordTelemetry(
    @Param() { id }: InitiativeParamsDto,
    @Body() body: RecordTelemetryDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.initiatives.recordTelemetry(id, body, { actor: principal.subject, correlationId: request.correlationId });
  }

  /** The initiative's telemetry over its latest periods (oldest first), for trends. */
  @Get(':id/telemetry')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: TelemetryListDto })
  telemetry(@Param() { id }: InitiativeParamsDto, @Query() query: TelemetryQueryDto, @Req() request: AuthenticatedRequest) {
    return this.initiatives.telemetry(id, query, request.correlationId);
  }

  @Get(':id/audit')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: AuditResponseDto })
  audit(@Param() { id }: InitiativeParamsDto, @Req() request: AuthenticatedRequest) {
    return this.initiatives.audit(id, request.correlationId);
  }
}
