import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Subjects } from '@capstan/contracts';
import type { EventConsumers, Instrumentation, NatsClient, WorkLeases } from '@capstan/messaging';

const SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * A service's Prometheus metrics (docs/operations.md): process figures, request/
 * reply and event handling timings, and — read when scraped — its outbox lag
 * and its consumers' lag in JetStream.
 */
export class ServiceMetrics implements Instrumentation {
  readonly registry = new Registry();
  private readonly rpcDuration: Histogram<'operation' | 'outcome'>;
  private readonly eventDuration: Histogram<'consumer' | 'outcome'>;
  private readonly eventsTotal: Counter<'consumer' | 'outcome'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'capstan_' });
    this.rpcDuration = new Histogram({
      name: 'capstan_rpc_handler_duration_seconds',
      help: 'Time to answer a request/reply operation over NATS',
      labelNames: ['operation', 'outcome'],
      buckets: SECONDS,
      registers: [this.registry],
    });
    this.eventDuration = new Histogram({
      name: 'capstan_event_batch_duration_seconds',
      help: 'Time to apply a batch of events in one transaction',
      labelNames: ['consumer', 'outcome'],
      buckets: SECONDS,
      registers: [this.registry],
    });
    this.eventsTotal = new Counter({
      name: 'capstan_events_handled_total',
      help: 'Events applied (ok) or that failed in a batch and were retried',
      labelNames: ['consumer', 'outcome'],
      registers: [this.registry],
    });
  }

  rpcHandled(operation: string, seconds: number, outcome: 'ok' | 'rejected' | 'failed'): void {
    this.rpcDuration.observe({ operation, outcome }, seconds);
  }

  eventsHandled(consumer: string, events: number, seconds: number, outcome: 'ok' | 'failed'): void {
    this.eventDuration.observe({ consumer, outcome }, seconds);
    this.eventsTotal.inc({ consumer, outcome }, events);
  }

  /** Events written but not yet published, and how long the oldest has waited (one query per scrape for both). */
  watchOutbox(dataSource: DataSource, schema: string): void {
    const lag = new Gauge({
      name: 'capstan_outbox_lag_seconds',
      help: 'Age of the oldest event not yet published (0 when none waits)',
      registers: [],
    });
    new Gauge({
      name: 'capstan_outbox_unpublished_events',
      help: 'Events in the outbox not yet published to JetStream',
      registers: [this.registry],
      async collect() {
        const [{ waiting, oldest }] = (await dataSource.query(
          `SELECT count(*)::int AS waiting, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS oldest
           FROM "${schema}".outbox WHERE published_at IS NULL`,
        )) as { waiting: number; oldest: number }[];
        this.set(waiting);
        lag.set(oldest);
      },
    });
    // Registered after the count, whose collection sets it.
    this.registry.registerMetric(lag);
  }

  /** Per durable consumer: events in the stream it has not taken yet, and taken but not acknowledged. */
  watchConsumers(nats: NatsClient, subjects: Subjects, consumers: EventConsumers): void {
    new Gauge({
      name: 'capstan_consumer_pending_events',
      help: 'Events waiting for a durable consumer (not yet delivered, or delivered and not acknowledged)',
      labelNames: ['consumer', 'state'],
      registers: [this.registry],
      async collect() {
        const jsm = await nats.jsm();
        for (const durable of consumers.durables()) {
          const info = await jsm.consumers.info(subjects.eventStream, durable).catch(() => undefined);
          if (!info) continue;
          this.set({ consumer: durable, state: 'undelivered' }, info.num_pending);
          this.set({ consumer: durable, state: 'unacknowledged' }, info.num_ack_pending);
        }
      },
    });
  }

  /** Which shared work this process leads (1) or stands by for (0): the outbox relay and each durable consumer. */
  watchLeases(leases: WorkLeases): void {
    new Gauge({
      name: 'capstan_work_leading',
      help: 'Whether this process leads a piece of shared work (1) or stands by for it (0)',
      labelNames: ['work'],
      registers: [this.registry],
      collect() {
        for (const work of leases.work()) this.set({ work }, leases.holds(work) ? 1 : 0);
      },
    });
  }
}
