import { Logger } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, nanos, type ConsumerConfig, type JsMsg } from 'nats';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { eventEnvelopeSchema, type EventContract, type EventEnvelope, type Subjects } from '@capstan/contracts';
import { decodeJson, encodeJson } from './codec';
import { isDatabaseOutage } from './database-outage';
import { deliveredBatches } from './delivered-batches';
import { withCorrelation } from './correlation';
import { NO_INSTRUMENTATION, type Instrumentation } from './instrumentation';
import { SpanKind, inSpan, traceContextOf } from './tracing';
import { KeyedConcurrency } from './keyed-concurrency';
import type { NatsClient } from './nats-client';
import type { WorkLeases } from './work-leases';

export interface ConsumerOptions {
  /** Deliveries before a failing event is moved to the dead-letter stream. */
  maxDeliver?: number;
  ackWaitMs?: number;
  maxAckPending?: number;
  /** Called after an event's transaction commits, e.g. to wake the outbox relay for what it enqueued. */
  afterCommit?: () => void;
  /** Events handled at once per consumer (default 1). Events with the same key never overlap. */
  concurrency?: number;
  /**
   * Most events applied in one transaction (default 1). Under load, the events
   * already delivered are applied together: one commit instead of one each.
   */
  batchSize?: number;
  instrumentation?: Instrumentation;
  /**
   * With several replicas: each durable consumer runs in the replica leading
   * it, and the others join while events wait undelivered (`overflowPending`).
   */
  leases?: WorkLeases;
  /** Undelivered events at which replicas that do not lead a consumer join it (default 256); they leave once none wait. */
  overflowPending?: number;
}

/** Checks in a row with events waiting and none taken before a standby replica takes them. */
const UNATTENDED_CHECKS = 5;

/** What orders events: those with the same key are handled one after another. */
export type EventKey<P> = (payload: P) => string | undefined;

export type EventHandler<P> = (event: EventEnvelope<P>, manager: EntityManager) => Promise<void>;

/** Applies a batch's events (each once, in stream order) in the batch's transaction. */
export type BatchHandler = (events: EventEnvelope<unknown>[], manager: EntityManager) => Promise<void>;

interface Delivered {
  message: JsMsg;
  event: EventEnvelope<unknown>;
}

interface Registration {
  durable: string;
  /** The subject the durable consumer reads. */
  filter: string;
  /** The contracts of the event types it applies; others on its subject are acknowledged and skipped. */
  contracts: ReadonlyMap<string, EventContract<z.ZodType>>;
  applyAll: BatchHandler;
  key?: EventKey<unknown>;
}

/**
 * Durable JetStream consumers whose effects apply once: each event's id goes
 * into the service's inbox in the same transaction as the handler's writes, so
 * a redelivery (crash before ack, relay re-publish) finds it and only acks.
 * Events that cannot be parsed, or keep failing, go to the dead-letter stream
 * with the reason instead of blocking the stream.
 */
export class EventConsumers {
  private readonly logger = new Logger(EventConsumers.name);
  private readonly registrations: Registration[] = [];
  private running = false;
  private readonly loops: Promise<void>[] = [];
  private readonly stops: (() => void)[] = [];
  /** Per durable: stop pulling (during a database outage, so no more deliveries pile up unprocessed). */
  private readonly pausers = new Map<string, () => void>();
  /** Durables this replica works on without leading them, because their backlog grew. */
  private readonly helping = new Set<string>();
  /** Per durable not led here: the stream position delivered at the last check, and checks in a row that found events waiting and none taken since. */
  private readonly unattended = new Map<string, { delivered: number; checks: number }>();
  private readonly idlers = new Set<() => void>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly nats: NatsClient,
    private readonly subjects: Subjects,
    private readonly schema: string,
    private readonly service: string,
    private readonly options: ConsumerOptions = {},
  ) {}

  on<P extends z.ZodType>(contract: EventContract<P>, handler: EventHandler<z.output<P>>, key?: EventKey<z.output<P>>): void {
    const durable = this.durableFor(contract);
    const handle = handler as EventHandler<unknown>;
    this.registrations.push({
      durable,
      filter: this.subjects.event(contract.type),
      contracts: new Map([[contract.type, contract as EventContract<z.ZodType>]]),
      applyAll: async (events, manager) => {
        for (const event of events) {
          await withCorrelation(event.correlationId, () => applyTraced(event, () => handle(event, manager)));
        }
      },
      key: key as EventKey<unknown> | undefined,
    });
  }

  /**
   * Like `on`, with the whole batch (events of one type, each once, in stream
   * order) given to the handler at once: for effects that lock many rows,
   * which it can then lock once each, in one order.
   */
  onBatch<P extends z.ZodType>(contract: EventContract<P>, handler: (events: EventEnvelope<z.output<P>>[], manager: EntityManager) => Promise<void>): void {
    const durable = this.durableFor(contract);
    this.registrations.push({
      durable,
      filter: this.subjects.event(contract.type),
      contracts: new Map([[contract.type, contract as EventContract<z.ZodType>]]),
      applyAll: handler as BatchHandler,
    });
  }

  /** An event type's durable consumer here, `<service>__<type>`, wanted from the leases. */
  private durableFor(contract: EventContract<z.ZodType>): string {
    const durable = `${this.service}__${contract.type.replace(/\./g, '_')}`;
    this.options.leases?.want(durable);
    return durable;
  }

  /**
   * One durable consumer (`<service>__<name>`) over every event on the stream,
   * in stream order, applying those whose type has a contract here — a batch
   * at a time, so a projection of every event can write a batch in one statement.
   */
  onEvery(name: string, contracts: readonly EventContract<z.ZodType>[], handler: BatchHandler): void {
    this.options.leases?.want(`${this.service}__${name}`);
    this.registrations.push({
      durable: `${this.service}__${name}`,
      filter: this.subjects.allEvents,
      contracts: new Map(contracts.map((contract) => [contract.type, contract])),
      applyAll: handler,
    });
  }

  async start(): Promise<void> {
    this.running = true;
    for (const registration of this.registrations) {
      await this.ensureConsumer(registration);
      this.loops.push(this.consume(registration));
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const wake of this.idlers) wake();
    for (const stop of this.stops.splice(0)) stop();
    await Promise.allSettled(this.loops.splice(0));
  }

  private get instrumentation(): Instrumentation {
    return this.options.instrumentation ?? NO_INSTRUMENTATION;
  }

  /** The durable consumers this service reads with (for their lag). */
  durables(): string[] {
    return this.registrations.map((registration) => registration.durable);
  }

  private get maxDeliver(): number {
    return this.options.maxDeliver ?? 8;
  }

  private async ensureConsumer({ durable, filter }: Registration): Promise<void> {
    const config: Partial<ConsumerConfig> = {
      durable_name: durable,
      filter_subject: filter,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      // The consumer gives up on an event (at `maxDeliver`): it must first have the event in the dead letters, so the
      // broker keeps delivering one whose dead letter could not be published yet (every 30 s), up to this backstop.
      max_deliver: this.maxDeliver * 4,
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
      max_ack_pending: this.options.maxAckPending ?? 1_000,
    };
    const jsm = await this.nats.jsm();
    try {
      await jsm.consumers.info(this.subjects.eventStream, durable);
      await jsm.consumers.update(this.subjects.eventStream, durable, config);
    } catch (error) {
      if (!String(error).includes('consumer not found')) throw error;
      await jsm.consumers.add(this.subjects.eventStream, config);
    }
  }

  private async consume(registration: Registration): Promise<void> {
    let attempt = 0;
    while (this.running) {
      if (!(await this.works(registration.durable))) {
        await this.idle();
        continue;
      }
      let watch: NodeJS.Timeout | undefined;
      try {
        const consumer = await this.nats.js.consumers.get(this.subjects.eventStream, registration.durable);
        const leases = this.options.leases;
        const helping = this.helping.has(registration.durable);
        // A replica helping the leader takes bounded batches and asks again: closing an open-ended pull
        // drops the events already on their way to it, which the broker sends again only after the
        // acknowledgement deadline (30 s) — a pause in the middle of a flow, each time a helper leaves.
        const messages = helping
          ? await consumer.fetch({ max_messages: 64, expires: Math.max(1_000, leases?.checkIntervalMs ?? 1_000) })
          : // Not waiting for the consumer (or stream) to come back should it be deleted: nothing would bring it back but
            // this replica, which puts it back once the pull ends (and the replica still leads: no one else would).
            await consumer.consume({ max_messages: 64, abort_on_missing_resource: true });
        const close = () => void messages.close();
        this.stops.push(close);
        this.pausers.set(registration.durable, close);
        // The leader stops pulling once it no longer leads (it lost its lease); what it has pulled is still applied.
        if (leases?.coordinating && !helping) {
          watch = setInterval(() => void this.works(registration.durable).then((works) => works || close()), leases.checkIntervalMs);
        }
        attempt = 0;
        const limiter = new KeyedConcurrency(this.options.concurrency ?? 1, (error) =>
          this.logger.error(`${registration.durable} could not settle a message: ${String(error)}`),
        );
        try {
          for await (const batch of deliveredBatches(messages, this.options.batchSize ?? 1)) {
            const keyed = batch.map((message) => ({ message, key: this.keyOf(registration, message) }));
            const keys = keyed.flatMap(({ key }) => (key === undefined ? [] : [key]));
            await limiter.schedule(keys, () => this.processBatch(registration, keyed));
            if (!this.running) break;
          }
        } finally {
          clearInterval(watch);
          const at = this.stops.indexOf(close);
          if (at !== -1) this.stops.splice(at, 1);
          await limiter.drain();
        }
      } catch (error) {
        clearInterval(watch);
        if (!this.running) break;
        attempt++;
        this.logger.warn(`Consumer ${registration.durable} interrupted: ${String(error)}; retrying`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 5_000)));
        await this.ensureConsumer(registration).catch(() => undefined);
      }
    }
  }

  /**
   * Whether this replica works on a durable now: when it leads it, or while
   * events wait undelivered — it joins at `overflowPending`, or when events
   * have waited with none delivered for UNATTENDED_CHECKS checks in a row (a
   * leader cut off from NATS keeps its lease but takes nothing), and leaves
   * when none wait. Alone, or on an embedded database, always.
   *
   * "None delivered" is judged by the consumer's delivered position, not by
   * whether a pull request is open: a busy leader has none open while it
   * applies what it holds, and a standby joining then would only split the
   * work into smaller batches.
   */
  private async works(durable: string): Promise<boolean> {
    const leases = this.options.leases;
    if (!leases?.coordinating || leases.holds(durable)) {
      this.helping.delete(durable);
      return true;
    }
    let info: { num_pending: number; delivered: { stream_seq: number } };
    try {
      info = await (await this.nats.jsm()).consumers.info(this.subjects.eventStream, durable);
    } catch {
      // NATS is not answering: the leader (or this replica, once it leads) carries on when it is back.
      return this.helping.has(durable);
    }
    const last = this.unattended.get(durable);
    const delivered = info.delivered.stream_seq;
    const checks = info.num_pending > 0 && last?.delivered === delivered ? last.checks + 1 : 0;
    this.unattended.set(durable, { delivered, checks });
    const overflowing = info.num_pending >= (this.options.overflowPending ?? 256);
    if ((overflowing || checks >= UNATTENDED_CHECKS) && !this.helping.has(durable)) {
      this.helping.add(durable);
      this.logger.log(`Joining ${durable}: ${info.num_pending} events undelivered${overflowing ? '' : `, none delivered for ${checks} checks`}`);
    } else if (info.num_pending === 0 && this.helping.delete(durable)) {
      this.logger.log(`Leaving ${durable} to the replica leading it: no events undelivered`);
    }
    return this.helping.has(durable);
  }

  /** Waits a lease check interval (cut short by `stop`). */
  private idle(): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.idlers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.options.leases?.checkIntervalMs ?? 1_000);
      this.idlers.add(wake);
    });
  }

  private keyOf(registration: Registration, message: JsMsg): string | undefined {
    if (!registration.key) return undefined;
    try {
      return registration.key((decodeJson(message.data) as { payload: unknown }).payload);
    } catch {
      // Unreadable: `process` dead-letters it; no key needed.
      return undefined;
    }
  }

  /**
   * Applies a batch in one transaction. Sorted by key (stably, so one key's
   * events keep their order), every batch of every consumer locks rows in the
   * same order and two batches cannot deadlock. If anything in it fails, each
   * event is retried on its own, so only the failing one is redelivered.
   */
  private async processBatch(registration: Registration, batch: { message: JsMsg; key: string | undefined }[]): Promise<void> {
    const sorted = [...batch].sort((a, b) => (a.key === b.key ? 0 : a.key === undefined ? -1 : b.key === undefined ? 1 : a.key < b.key ? -1 : 1));
    const readable: Delivered[] = [];
    for (const { message } of sorted) {
      const event = parseEvent(registration.contracts, message);
      if (event === undefined) message.ack();
      else if (event instanceof Error) await this.deadLetter(registration.durable, message, `unreadable event: ${String(event)}`);
      else readable.push({ message, event });
    }
    // Events delivered again come first (they are the older, so each key keeps its order), one at a time.
    for (const delivered of readable.filter(({ message }) => message.info.deliveryCount > 1)) await this.applyAgain(registration, delivered);
    const fresh = readable.filter(({ message }) => message.info.deliveryCount <= 1);
    if (!fresh.length) return;
    await this.applyFresh(registration, fresh);
  }

  /** First deliveries, applied together; if that fails, one by one, so only the failing one comes back. */
  private async applyFresh(registration: Registration, readable: Delivered[]): Promise<void> {
    try {
      await this.applyThroughOutages(registration, readable);
    } catch (error) {
      if (readable.length === 1) return this.retryLater(registration.durable, readable[0], error, 1);
      this.logger.warn(`${registration.durable} batch of ${readable.length} failed (${String(error)}); applying its events one by one`);
      for (const delivered of readable) {
        await this.applyThroughOutages(registration, [delivered]).catch((alone: unknown) => this.retryLater(registration.durable, delivered, alone, 1));
      }
    }
  }

  /**
   * An event delivered again: a handler failed on it, or the service stopped (or crashed, or hung) while it was in
   * hand, perhaps because of it. Each attempt is counted and committed before it begins, so an event that takes its
   * service down every time is dead-lettered after `maxDeliver` attempts, while the events delivered again beside it,
   * which were never attempted, are applied as usual.
   */
  private async applyAgain(registration: Registration, delivered: Delivered): Promise<void> {
    const { durable } = registration;
    const attempts = await this.throughOutages(durable, [delivered], () => this.countAttempt(durable, delivered.event.id));
    if (attempts > this.maxDeliver) {
      // The count is kept until the dead letter is stored: reset on a failed publish, the event would be attempted
      // again until the broker's own limit, and past it dropped without a dead letter.
      if (await this.deadLetter(durable, delivered.message, `attempted ${attempts - 1}x without being settled: it stopped the service each time`)) {
        await this.forgetAttempts(durable, delivered.event.id);
      }
      return;
    }
    // Attempts counted on redeliveries, and the first delivery's.
    await this.applyThroughOutages(registration, [delivered]).catch((error: unknown) => this.retryLater(durable, delivered, error, attempts + 1));
  }

  /** A dead-lettered event's count goes: republished from the dead letters, it gets every attempt again. */
  private async forgetAttempts(durable: string, eventId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM "${this.schema}".consumer_attempts WHERE consumer = $1 AND event_id = $2`, [durable, eventId]).catch(() => undefined);
  }

  private async countAttempt(durable: string, eventId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO "${this.schema}".consumer_attempts (consumer, event_id, attempts) VALUES ($1, $2, 1)
       ON CONFLICT (consumer, event_id) DO UPDATE SET attempts = consumer_attempts.attempts + 1, last_attempt_at = now()
       RETURNING attempts`,
      [durable, eventId],
    )) as { attempts: number }[];
    return row.attempts;
  }

  private applyThroughOutages(registration: Registration, delivered: Delivered[]): Promise<void> {
    return this.throughOutages(registration.durable, delivered, () => this.apply(registration, delivered));
  }

  /**
   * A database outage is no fault of the events: they are kept (their ack
   * deadline extended) and tried again until the database is back, rather
   * than spending deliveries that would dead-letter them after a long outage.
   */
  private async throughOutages<T>(durable: string, delivered: Delivered[], work: () => Promise<T>): Promise<T> {
    for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
      try {
        return await work();
      } catch (error) {
        if (!this.running || !isDatabaseOutage(error)) throw error;
        this.logger.warn(`${durable}: the database is unavailable (${String(error)}); holding ${delivered.length} event(s) until it is back`);
        // Pulling resumes once the batches in hand are applied, that is once the database answers.
        this.pausers.get(durable)?.();
        for (const { message } of delivered) message.working();
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /**
   * Writes the events' inbox rows and their effects in one transaction, then
   * acknowledges them. An event whose id the inbox already holds (a
   * redelivery, a re-published duplicate) is acknowledged without effect.
   */
  private async apply({ durable, applyAll }: Registration, delivered: Delivered[]): Promise<void> {
    const started = performance.now();
    try {
      await this.dataSource.transaction(async (manager) => {
        const inserted = (await manager.query(
          `INSERT INTO "${this.schema}".inbox (consumer, event_id, event_type)
           SELECT $1, id, type FROM unnest($2::uuid[], $3::text[]) AS e(id, type)
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [durable, delivered.map(({ event }) => event.id), delivered.map(({ event }) => event.type)],
        )) as { event_id: string }[];
        const fresh = new Set(inserted.map((row) => row.event_id));
        // A re-published duplicate in the same batch takes effect once.
        const events = delivered.flatMap(({ event }) => (fresh.delete(event.id) ? [event] : []));
        if (events.length) await applyAll(events, manager);
        const again = delivered.filter(({ message }) => message.info.deliveryCount > 1).map(({ event }) => event.id);
        if (again.length) await manager.query(`DELETE FROM "${this.schema}".consumer_attempts WHERE consumer = $1 AND event_id = ANY($2::uuid[])`, [durable, again]);
      });
    } catch (error) {
      this.instrumentation.eventsHandled(durable, delivered.length, (performance.now() - started) / 1000, 'failed');
      throw error;
    }
    this.options.afterCommit?.();
    this.instrumentation.eventsHandled(durable, delivered.length, (performance.now() - started) / 1000, 'ok');
    for (const { message, event } of delivered) {
      // Not confirmed: a lost ack only means a redelivery, which the inbox turns into a no-op.
      message.ack();
      withCorrelation(event.correlationId, () => this.logger.debug(`${durable} applied ${event.type} ${event.id}`));
    }
  }

  /**
   * A failed event comes back later, with backoff; after `maxDeliver` attempts it goes to the dead letters. Counted
   * by `attempts`, not by the broker's deliveries: deliveries dropped unattempted (a restart, a lease handed over,
   * events queued in the client past their ack deadline) would dead-letter an event on its first real failure.
   */
  private async retryLater(durable: string, { message, event }: Delivered, error: unknown, attempts: number): Promise<void> {
    if (attempts >= this.maxDeliver) {
      if (await this.deadLetter(durable, message, `handler failed ${attempts}x: ${String(error)}`)) await this.forgetAttempts(durable, event.id);
    } else {
      this.logger.warn(`${durable} failed on ${event.id} (delivery ${message.info.deliveryCount}): ${String(error)}`);
      message.nak(Math.min(500 * 2 ** message.info.deliveryCount, 30_000));
    }
  }

  /** Terminated only once the dead letter is stored (true); until then the event comes back, to be dead-lettered again. */
  private async deadLetter(consumer: string, message: JsMsg, reason: string): Promise<boolean> {
    this.logger.error(`Dead-lettering message ${message.seq} of ${consumer}: ${reason}`);
    try {
      await this.nats.js.publish(
        this.subjects.deadLetter(consumer),
        encodeJson({
          consumer,
          reason,
          subject: message.subject,
          streamSequence: message.seq,
          deliveries: message.info.deliveryCount,
          data: new TextDecoder().decode(message.data),
          deadLetteredAt: new Date().toISOString(),
        }),
      );
    } catch (error) {
      this.logger.error(`Could not dead-letter message ${message.seq} of ${consumer}, trying again later: ${String(error)}`);
      message.nak(30_000);
      return false;
    }
    message.term();
    return true;
  }
}

/** The event with its payload checked; undefined for a type this consumer does not apply. */
function parseEvent(contracts: ReadonlyMap<string, EventContract<z.ZodType>>, message: JsMsg): EventEnvelope<unknown> | Error | undefined {
  try {
    const envelope = eventEnvelopeSchema.parse(decodeJson(message.data));
    const contract = contracts.get(envelope.type);
    if (!contract) return undefined;
    return { ...envelope, payload: contract.payload.parse(envelope.payload) };
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** An event's effect as a span continuing the trace of the change that published it. */
function applyTraced(event: EventEnvelope<unknown>, apply: () => Promise<void>): Promise<void> {
  return inSpan(`event ${event.type}`, SpanKind.CONSUMER, apply, traceContextOf({ traceparent: event.traceparent }));
}
