import { Body, Controller, Get, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { FxRpc, fxConversionListSchema, fxRateListSchema, fxRateQuerySchema, fxRecordedSchema, recordFxRatesSchema } from '@capstan/contracts';
import { ALL_ROLES } from '@capstan/domain';
import { RpcClient } from '@capstan/messaging';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';

class RecordFxRatesDto extends createZodDto(recordFxRatesSchema) {}
class FxRecordedDto extends createZodDto(fxRecordedSchema) {}
class FxRateQueryDto extends createZodDto(fxRateQuerySchema) {}
class FxRateListDto extends createZodDto(fxRateListSchema) {}
class FxConversionListDto extends createZodDto(fxConversionListSchema) {}

/** Dated exchange rates into the reporting currency: each cost entry is converted at its charge date's rate, once. */
@ApiTags('costs')
@ApiBearerAuth()
@Controller('v1')
export class ExchangeRatesController {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * Records rates (idempotent per day; a day's rate never changes: a different one is refused with 409) and converts
   * the entries waiting for them: those it has not converted within a few seconds are converted in the background
   * (`conversionPending`), and `GET /api/v1/fx-rates/conversions` shows how far.
   */
  @Post('fx-rates')
  @Roles('finance')
  @ApiCreatedResponse({ type: FxRecordedDto })
  record(@Body() rates: RecordFxRatesDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(FxRpc.record, { rates, actor: principal.subject }, { correlationId: request.correlationId, timeoutMs: 60_000 });
  }

  /** The conversions to the reporting currency not finished yet (after rates recorded late, or a new reporting currency), oldest first. */
  @Get('fx-rates/conversions')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: FxConversionListDto })
  conversions(@Req() request: AuthenticatedRequest) {
    return this.rpc.call(FxRpc.conversions, {}, { correlationId: request.correlationId });
  }

  @Get('fx-rates')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: FxRateListDto })
  list(@Query() query: FxRateQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(FxRpc.list, query, { correlationId: request.correlationId });
  }
}
