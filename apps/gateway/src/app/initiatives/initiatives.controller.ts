import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ALL_ROLES } from '@capstan/domain';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import {
  InitiativeListQueryDto,
  InitiativeListResponseDto,
  InitiativeResponseDto,
  RegisterInitiativeDto,
  type InitiativeWithPosture,
} from './initiative.dto';
import { InitiativesService } from './initiatives.service';

@ApiTags('initiatives')
@ApiBearerAuth()
@Controller('v1/initiatives')
export class InitiativesController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Post()
  @Roles('pmo')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a POST safely: the first response is replayed' })
  @ApiCreatedResponse({ type: InitiativeResponseDto })
  async register(
    @Body() body: RegisterInitiativeDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InitiativeWithPosture> {
    const initiative = await this.initiatives.register(body, principal.subject, request.correlationId);
    response.setHeader('Location', `/api/v1/initiatives/${initiative.id}`);
    return initiative;
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: InitiativeListResponseDto })
  list(@Query() query: InitiativeListQueryDto, @Req() request: AuthenticatedRequest) {
    return this.initiatives.list(query, request.correlationId);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: InitiativeResponseDto })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Req() request: AuthenticatedRequest) {
    return this.initiatives.get(id, request.correlationId);
  }
}
