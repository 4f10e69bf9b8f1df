import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EVENT_CATALOGUE } from '@capstan/contracts';
import { EventConsumers } from '@capstan/messaging';
import { WebhooksStore } from './webhooks.store';

/** Turns every published event into deliveries for the subscriptions that want it, once per event. */
@Injectable()
export class WebhookFanOut implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly store: WebhooksStore,
  ) {}

  onModuleInit(): void {
    this.consumers.onEvery(
      'webhooks',
      EVENT_CATALOGUE.map((event) => event.contract),
      (events, manager) => this.store.fanOut(manager, events),
    );
  }
}
