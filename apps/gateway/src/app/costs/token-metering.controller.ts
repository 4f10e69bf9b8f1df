import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { TokenRpc, modelNameSchema, recordTokenUsageSchema, repriceSchema, repricingSchema, setTokenPriceSchema, tokenPriceSchema, tokenUsageSchema } from '@capstan/contracts';
import { ALL_ROLES } from '@capstan/domain';
import { RpcClient } from '@capstan/messaging';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../auth/principal';
import { InitiativeIn, Roles } from '../auth/roles.decorator';
import { Idempotent } from '../idempotency/idempotent.decorator';

class ModelParamsDto extends createZodDto(z.object({ model: modelNameSchema })) {}
class SetTokenPriceDto extends createZodDto(setTokenPriceSchema) {}
class TokenPriceDto extends createZodDto(tokenPriceSchema) {}
class TokenPriceListDto extends createZodDto(z.object({ items: z.array(tokenPriceSchema) })) {}
class RecordTokenUsageDto extends createZodDto(recordTokenUsageSchema) {}
class TokenUsageDto extends createZodDto(tokenUsageSchema) {}
class RepriceDto extends createZodDto(repriceSchema) {}
class RepricingDto extends createZodDto(repricingSchema) {}

/** Token metering: model prices effective from a date, usage priced into the ledger, re-pricing only on request. */
@ApiTags('costs')
@ApiBearerAuth()
@Controller('v1')
export class TokenMeteringController {
  constructor(private readonly rpc: RpcClient) {}

  /** A model's price from a date on (per 1,000 input, output and cached tokens). Earlier usage keeps its price. */
  @Post('token-prices/:model')
  @Roles('finance')
  @ApiCreatedResponse({ type: TokenPriceDto })
  setPrice(@Param() { model }: ModelParamsDto, @Body() price: SetTokenPriceDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TokenRpc.setPrice, { model, price, actor: principal.subject }, { correlationId: request.correlationId });
  }

  @Get('token-prices/:model')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: TokenPriceListDto })
  prices(@Param() { model }: ModelParamsDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TokenRpc.prices, { model }, { correlationId: request.correlationId });
  }

  /** Usage priced at the model's price on its date and recorded as a metered inference cost of the initiative. */
  @Post('token-usage')
  @InitiativeIn('body')
  @Roles('finance', 'engineering')
  @Idempotent()
  @ApiCreatedResponse({ type: TokenUsageDto })
  recordUsage(@Body() usage: RecordTokenUsageDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TokenRpc.recordUsage, { usage, actor: principal.subject, requestId: request.requestId }, { correlationId: request.correlationId });
  }

  /** Charges a date range's usage again at the prices effective now; answers with each charge that changed. */
  @Post('token-prices/:model/repricing')
  @Roles('finance')
  @ApiCreatedResponse({ type: RepricingDto })
  reprice(@Param() { model }: ModelParamsDto, @Body() range: RepriceDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TokenRpc.reprice, { model, range, actor: principal.subject }, { correlationId: request.correlationId, timeoutMs: 60_000 });
  }
}
