import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { EVENT_TYPES } from '@capstan/contracts';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import { refusedTarget } from './webhook-targets';
import { WebhooksStore } from './webhooks.store';

const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

const subscriptionSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  description: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  deactivatedAt: z.iso.datetime().nullable(),
});
const deliverySchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastStatus: z.number().int().nullable().describe('The HTTP status of the last attempt; null when it got no answer'),
  lastError: z.string().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

class SubscribeDto extends createZodDto(
  z
    .object({
      url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2000),
      eventTypes: z.array(z.enum(EVENT_TYPES as [string, ...string[]])).min(1, 'name at least one event type (docs/events.md)'),
      description: z.string().trim().max(500).optional(),
    })
    .strict(),
) {}
class SubscriptionIdDto extends createZodDto(z.object({ id: z.uuid() }).strict()) {}
class DeliveryIdDto extends createZodDto(z.object({ id: z.uuid(), deliveryId: z.uuid() }).strict()) {}
class DeliveriesQueryDto extends createZodDto(
  z.object({ status: z.enum(DELIVERY_STATUSES).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }).strict(),
) {}
class SubscriptionDto extends createZodDto(subscriptionSchema) {}
class SubscriptionListDto extends createZodDto(z.object({ items: z.array(subscriptionSchema) })) {}
class CreatedSubscriptionDto extends createZodDto(
  subscriptionSchema.extend({ secret: z.string().describe('The signing secret: shown this once. Verify `Capstan-Signature` with it.') }),
) {}
class DeliveryDto extends createZodDto(deliverySchema) {}
class DeliveryListDto extends createZodDto(z.object({ items: z.array(deliverySchema) })) {}
class DeliveryDetailDto extends createZodDto(
  deliverySchema.extend({
    attemptLog: z.array(
      z.object({ attempt: z.number().int(), attemptedAt: z.iso.datetime(), status: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number().int() }),
    ),
  }),
) {}

/**
 * Webhooks: Capstan POSTs the events a subscription names to its URL, signed
 * with its secret, at least once, retrying with backoff; the delivery log
 * shows every attempt and any delivery can be sent again.
 */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(
    private readonly store: WebhooksStore,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CreatedSubscriptionDto })
  async subscribe(@Body() body: SubscribeDto, @CurrentPrincipal() principal: Principal) {
    const refused = await refusedTarget(body.url, this.config.webhooks.allowPrivateTargets);
    if (refused) throw new BadRequestException(`The webhook URL ${refused}`);
    return this.store.subscribe(body, principal.subject);
  }

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: SubscriptionListDto })
  async list() {
    return { items: await this.store.subscriptions() };
  }

  /** Stops deliveries to the subscription; those still waiting are given up. */
  @Post(':id/deactivation')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: SubscriptionDto })
  deactivate(@Param() { id }: SubscriptionIdDto, @CurrentPrincipal() principal: Principal) {
    return this.store.deactivate(id, principal.subject);
  }

  @Get(':id/deliveries')
  @Roles('admin')
  @ApiOkResponse({ type: DeliveryListDto })
  async deliveries(@Param() { id }: SubscriptionIdDto, @Query() query: DeliveriesQueryDto) {
    return { items: await this.store.deliveries(id, query) };
  }

  @Get(':id/deliveries/:deliveryId')
  @Roles('admin')
  @ApiOkResponse({ type: DeliveryDetailDto })
  delivery(@Param() { id, deliveryId }: DeliveryIdDto) {
    return this.store.delivery(id, deliveryId);
  }

  /** Sends the delivery again, with the same event id, whether it was delivered, is waiting or was given up (409 while an attempt at it is on its way). */
  @Post(':id/deliveries/:deliveryId/replay')
  @Roles('admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DeliveryDto })
  replay(@Param() { id, deliveryId }: DeliveryIdDto) {
    return this.store.replay(id, deliveryId);
  }
}
