import { Controller, HttpException, HttpStatus, Inject, Req, Sse, UnauthorizedException, type MessageEvent, type OnModuleDestroy } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request } from 'express';
import { EMPTY, Observable, Subject, catchError, defer, filter, finalize, from, interval, map, merge, mergeMap, of, takeUntil, timer } from 'rxjs';
import type { Subscription } from 'nats';
import { type Subjects } from '@capstan/contracts';
import { ALL_ROLES } from '@capstan/domain';
import { NatsClient, decodeJson } from '@capstan/messaging';
import { SUBJECTS } from '@capstan/service-kit';
import { bearerToken } from '../auth/auth.guard';
import { Authenticator } from '../auth/authenticator';
import type { AuthenticatedRequest, Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { problem } from '../problems/problem';
import { isApiKey } from '../service-accounts/api-key';

const KEEP_ALIVE_MS = 15_000;
/** The longest a timer can wait in Node (a longer one fires at once). */
const LONGEST_TIMER_MS = 2_147_483_647;
/**
 * Open streams one caller may hold in one gateway process: a browser holds one
 * per open page, so this is many tabs. Streams skip the rate limit, so without
 * it one key could hold thousands of sockets (and, for an API key, a lookup of
 * each every keep-alive).
 */
export const MAX_STREAMS_PER_CALLER = 20;

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
  /** Open streams by caller (subject). */
  private readonly open = new Map<string, number>();

  constructor(
    private readonly nats: NatsClient,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
    private readonly authenticator: Authenticator,
  ) {}

  @Sse()
  @Roles(...ALL_ROLES)
  @ApiQuery({ name: 'access_token', required: false, description: 'The bearer token, for EventSource clients' })
  stream(@Req() request: Request & AuthenticatedRequest): Observable<MessageEvent> {
    const principal = request.principal as Principal;
    const held = this.open.get(principal.subject) ?? 0;
    if (held >= MAX_STREAMS_PER_CALLER) {
      throw new HttpException(
        problem(429, 'rate-limited', `${held} event streams are open for this caller, the most one may hold: close one before opening another`),
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    this.subscribe();
    const keepAlive = interval(KEEP_ALIVE_MS).pipe(map((): MessageEvent => ({ type: 'keep-alive', data: {} })));
    // Counted while subscribed: a stream whose client left before it began is never subscribed, and never counted.
    return defer(() => {
      this.open.set(principal.subject, (this.open.get(principal.subject) ?? 0) + 1);
      return merge(this.events, keepAlive).pipe(
        takeUntil(this.endOf(principal, bearerToken(request))),
        finalize(() => {
          const left = (this.open.get(principal.subject) ?? 1) - 1;
          if (left > 0) this.open.set(principal.subject, left);
          else this.open.delete(principal.subject);
        }),
      );
    });
  }

  /**
   * When a stream's credential stops holding, the stream ends (the client signs in again and reconnects): a token
   * at its expiry, an API key once revoked (checked with each keep-alive). Authentication alone would let it run on.
   */
  private endOf(principal: Principal, credential: string | undefined): Observable<unknown> {
    const expiry = principal.expiresAt;
    const expired = expiry !== undefined && expiry - Date.now() < LONGEST_TIMER_MS ? timer(Math.max(0, expiry - Date.now())) : EMPTY;
    const revoked =
      credential && isApiKey(credential)
        ? interval(KEEP_ALIVE_MS).pipe(
            // Only a refusal ends it: a database that cannot answer for a moment says nothing of the key.
            mergeMap(() => from(this.authenticator.authenticate(credential)).pipe(map(() => false), catchError((error: unknown) => of(error instanceof UnauthorizedException)))),
            filter(Boolean),
          )
        : EMPTY;
    return merge(expired, revoked);
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
