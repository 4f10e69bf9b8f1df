import { createHash } from 'node:crypto';
import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Param, PayloadTooLargeException, Post, Query, Req, Res, UnsupportedMediaTypeException, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  AllocationRpc,
  COST_IMPORT_CHUNK_CHARS,
  CostImportRpc,
  allocationRuleInputSchema,
  allocationRuleSchema,
  costImportListQuerySchema,
  costImportListSchema,
  costImportReallocationSchema,
  costImportReversalSchema,
  costImportSchema,
  pieceLength,
  startCostImportSchema,
} from '@capstan/contracts';
import { ALL_ROLES } from '@capstan/domain';
import { RpcClient } from '@capstan/messaging';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import { csvExport } from '../csv-export/csv-export.interceptor';

class CostImportQueryDto extends createZodDto(startCostImportSchema) {}
class CostImportDto extends createZodDto(costImportSchema) {}
class CostImportListQueryDto extends createZodDto(costImportListQuerySchema) {}
class CostImportListDto extends createZodDto(costImportListSchema) {}
class CostImportReversalDto extends createZodDto(costImportReversalSchema) {}
class CostImportReallocationDto extends createZodDto(costImportReallocationSchema) {}
class IdParamsDto extends createZodDto(z.object({ id: z.uuid() })) {}
class AllocationRuleInputDto extends createZodDto(allocationRuleInputSchema) {}
class AllocationRuleDto extends createZodDto(allocationRuleSchema) {}
class AllocationRuleListDto extends createZodDto(z.object({ items: z.array(allocationRuleSchema) })) {}

const CSV_TYPES = ['text/csv', 'application/csv'];

/**
 * Billing imports. The request body is streamed, never held whole: it is
 * decoded as UTF-8 and forwarded to cost tracking in pieces as it arrives, so
 * a multi-gigabyte export costs the gateway one piece of memory.
 */
@ApiTags('costs')
@ApiBearerAuth()
@Controller('v1')
export class CostImportsController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post('cost-imports')
  @Roles('finance')
  @HttpCode(202)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', description: 'A FinOps FOCUS (1.0–1.2) billing export, with its header row' } })
  @ApiAcceptedResponse({ type: CostImportDto })
  async start(
    @Query() options: CostImportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request & AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!CSV_TYPES.includes(type)) throw new UnsupportedMediaTypeException('Send the export as text/csv');
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > this.config.costImportLimitBytes) throw new PayloadTooLargeException(`The export is larger than ${this.config.costImportLimitBytes} bytes`);
    const call = { correlationId: request.correlationId };
    const { id } = await this.rpc.call(CostImportRpc.start, { options, actor: principal.subject }, call);
    let sent: { pieces: number; bytes: number; sha256: string };
    try {
      sent = await this.forward(id, request, call);
    } catch (error) {
      await this.rpc.call(CostImportRpc.abandon, { id, reason: `The upload broke off: ${error instanceof Error ? error.message : String(error)}` }, call).catch(() => undefined);
      throw error;
    }
    response.setHeader('Location', `/api/v1/cost-imports/${id}`);
    return this.rpc.call(CostImportRpc.finish, { id, ...sent }, call);
  }

  /** Every import, newest first (optionally of one status): what was loaded, by whom, and how it went. */
  @Get('cost-imports')
  @Roles(...ALL_ROLES)
  @UseInterceptors(csvExport('items'))
  @ApiOkResponse({ type: CostImportListDto })
  list(@Query() query: CostImportListQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(CostImportRpc.list, query, { correlationId: request.correlationId });
  }

  @Get('cost-imports/:id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: CostImportDto })
  get(@Param() { id }: IdParamsDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(CostImportRpc.get, { id }, { correlationId: request.correlationId });
  }

  /**
   * Reverses an import that has ended as a whole (the wrong file, the wrong phase, a month sent twice): every entry
   * it wrote gets its reversing entry, in the background; the import's `reversal` shows how far it is. The same
   * file may then be imported again.
   */
  @Post('cost-imports/:id/reversal')
  @Roles('finance')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: CostImportDto })
  reverse(@Param() { id }: IdParamsDto, @Body() { reason }: CostImportReversalDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(CostImportRpc.reverse, { id, reason, actor: principal.subject }, { correlationId: request.correlationId });
  }

  /**
   * Maps an ended import's unallocated spend by the allocation rules in force now (a rule made since the import):
   * each unallocated entry a rule matches is reversed and replaced by the entries the rule gives, in the background;
   * the import's `reallocation` shows how far it is. Asked again once it has ended, it maps what is still unallocated.
   */
  @Post('cost-imports/:id/reallocation')
  @Roles('finance')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: CostImportDto })
  reallocate(@Param() { id }: IdParamsDto, @Body() { reason }: CostImportReallocationDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(CostImportRpc.reallocate, { id, reason, actor: principal.subject }, { correlationId: request.correlationId });
  }

  /** A rule mapping billing rows (by tag, account or resource pattern) to an initiative, or splitting them among several. */
  @Post('allocation-rules')
  @Roles('finance')
  @ApiCreatedResponse({ type: AllocationRuleDto })
  createRule(@Body() rule: AllocationRuleInputDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(AllocationRpc.create, { rule, actor: principal.subject }, { correlationId: request.correlationId });
  }

  @Get('allocation-rules')
  @Roles(...ALL_ROLES)
  @UseInterceptors(csvExport('items'))
  @ApiOkResponse({ type: AllocationRuleListDto })
  rules(@Req() request: AuthenticatedRequest) {
    return this.rpc.call(AllocationRpc.list, {}, { correlationId: request.correlationId });
  }

  @Post('allocation-rules/:id/retirement')
  @Roles('finance')
  @ApiCreatedResponse({ type: AllocationRuleDto })
  retireRule(@Param() { id }: IdParamsDto, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(AllocationRpc.retire, { id, actor: principal.subject }, { correlationId: request.correlationId });
  }

  /**
   * Sends the body on in pieces of at most COST_IMPORT_CHUNK_CHARS characters,
   * one at a time (the next read waits for the reply: with several in flight
   * the pieces outlive young-generation collections and the gateway's peak
   * memory grew with the file). Returns what was sent, for cost tracking to check and to tell a file sent again.
   */
  private async forward(id: string, body: AsyncIterable<Buffer>, call: { correlationId?: string }): Promise<{ pieces: number; bytes: number; sha256: string }> {
    // The file's fingerprint, for cost tracking to tell the same file sent again.
    const hash = createHash('sha256');
    // The byte-order mark is kept (the parser drops it): cost tracking checks the bytes it stored against the bytes sent.
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let pending = '';
    let seq = 0;
    let bytes = 0;
    const send = async (data: string) => {
      await this.rpc.call(CostImportRpc.chunk, { id, seq: seq++, data }, call);
    };
    // The header's line and each row's; a last row may end without a line break.
    const maxLineBreaks = this.config.costImportMaxRows + 1;
    let lineBreaks = 0;
    for await (const buffer of body) {
      bytes += buffer.length;
      hash.update(buffer);
      if (bytes > this.config.costImportLimitBytes) throw new PayloadTooLargeException(`The export is larger than ${this.config.costImportLimitBytes} bytes`);
      // Postgres cannot store U+0000 (in UTF-8, only it has a zero byte): a file holding it is refused, not half-imported.
      const nul = buffer.indexOf(0);
      if (nul !== -1) throw new BadRequestException(`The export holds a NUL character (U+0000) on line ${lineBreaks + countLineBreaks(buffer.subarray(0, nul)) + 1}: a FOCUS export is UTF-8 text (one saved as UTF-16 has one in every other byte)`);
      lineBreaks += countLineBreaks(buffer);
      if (lineBreaks > maxLineBreaks) {
        throw new PayloadTooLargeException(`The export has more than ${this.config.costImportMaxRows} rows, the most one import takes: split it into several files`);
      }
      pending += decode(decoder, buffer);
      while (pending.length >= COST_IMPORT_CHUNK_CHARS) {
        const cut = pieceLength(pending, COST_IMPORT_CHUNK_CHARS);
        await send(pending.slice(0, cut));
        pending = pending.slice(cut);
      }
    }
    pending += decode(decoder);
    if (pending.length || seq === 0) await send(pending);
    return { pieces: seq, bytes, sha256: hash.digest('hex') };
  }
}

function decode(decoder: TextDecoder, buffer?: Buffer): string {
  try {
    return buffer ? decoder.decode(buffer, { stream: true }) : decoder.decode();
  } catch {
    throw new BadRequestException('The export is not UTF-8 text');
  }
}

function countLineBreaks(buffer: Buffer): number {
  let count = 0;
  for (let at = buffer.indexOf(0x0a); at !== -1; at = buffer.indexOf(0x0a, at + 1)) count++;
  return count;
}
