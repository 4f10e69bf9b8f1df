import { Controller, Inject, Sse, type MessageEvent, type OnModuleDestroy } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Observable, Subject, interval, map, merge } from 'rxjs';
import type { Subscription } from 'nats';
import { type Subjects } from '@capstan/contracts';
import { ALL_ROLES } from '@capstan/domain';
import { NatsClient, decodeJson } from '@capstan/messaging';
import { SUBJECTS } from '@capstan/service-kit';
import { Roles } from '../auth/roles.decorator';

/**
 * Domain events for the dashboard as server-sent events. The stream is a live
 * notification channel (clients refetch what changed); the durable record is
 * the JetStream stream and each service's database.
 */
@ApiTags('events')
@ApiBearerAuth()
// Not counted against the rate limit: probes and the one long-lived stream per browser.
@SkipThrottle()
@Controller('v1/events')
export class EventsController implements OnModuleDestroy {
  private readonly events = new Subject<MessageEvent>();
  private subscription?: Subscription;

  constructor(
    private readonly nats: NatsClient,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
  ) {}

  @Sse()
  @Roles(...ALL_ROLES)
  @ApiQuery({ name: 'access_token', required: false, description: 'The bearer token, for EventSource clients' })
  stream(): Observable<MessageEvent> {
    this.subscribe();
    const keepAlive = interval(15_000).pipe(map((): MessageEvent => ({ type: 'keep-alive', data: {} })));
    return merge(this.events, keepAlive);
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.events.complete();
  }

  private subscribe(): void {
    if (this.subscription) return;
    this.subscription = this.nats.nc.subscribe(this.subjects.allEvents, {
      callback: (error, message) => {
        if (error) return;
        try {
          const event = decodeJson(message.data) as { id: string; type: string; payload: unknown; occurredAt: string };
          this.events.next({ id: event.id, type: event.type, data: event });
        } catch {
          // Not an envelope: nothing to forward.
        }
      },
    });
  }
}
