import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { headers as natsHeaders, type Subscription } from 'nats';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { EventContract, EventEnvelope, Subjects } from '@capstan/contracts';
import { CORRELATION_HEADER, encodeJson } from './codec';
import { currentCorrelationId } from './correlation';
import { traceCarrier } from './tracing';
import type { NatsClient } from './nats-client';
import type { WorkLeases } from './work-leases';

export interface OutboxOptions {
  schema: string;
  source: string;
  batchSize?: number;
  idlePollMs?: number;
  /** How long a claimed row stays with one relay before another may take it over. */
  claimSeconds?: number;
  /** With several replicas: the relay runs in the one leading it; the others stand by. */
  leases?: WorkLeases;
  /** A standby relays too once a row has waited this long (the leader may hold its lease yet be cut off from NATS); default 10. */
  standbyAfterSeconds?: number;
}

/** The lease of a service's relay. */
const RELAY_LEASE = 'outbox-relay';

/**
 * Transactional outbox: `enqueue` writes the event with the change that caused
 * it; the relay publishes unsent rows to JetStream with `Nats-Msg-Id` = row id
 * and marks them sent. Rows are claimed with `FOR UPDATE SKIP LOCKED` and a
 * lease, so several replicas can relay at once and a crashed relay's rows are
 * picked up again; a row published twice is dropped by the broker's
 * de-duplication window and, past it, by each consumer's inbox. With
 * several replicas one relay leads (WorkLeases) and takes every row in large
 * batches; the others wake it over NATS when they have enqueued rows, and
 * relay themselves once rows grow old (a leader cut off from NATS keeps its
 * lease but relays nothing).
 */
export class Outbox {
  private readonly logger = new Logger(Outbox.name);
  private running = false;
  private wakeUp?: () => void;
  private wakeSubscription?: Subscription;
  private loop?: Promise<void>;
  lastError?: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly nats: NatsClient,
    private readonly subjects: Subjects,
    private readonly options: OutboxOptions,
  ) {
    options.leases?.want(RELAY_LEASE);
  }

  async enqueue<P extends z.ZodType>(
    manager: EntityManager,
    contract: EventContract<P>,
    payload: z.input<P>,
    meta: { correlationId?: string } = {},
  ): Promise<EventEnvelope<z.output<P>>> {
    const correlationId = meta.correlationId ?? currentCorrelationId();
    const envelope: EventEnvelope<z.output<P>> = {
      id: randomUUID(),
      type: contract.type,
      version: contract.version,
      source: this.options.source,
      occurredAt: new Date().toISOString(),
      ...(correlationId ? { correlationId } : {}),
      ...pick(traceCarrier(), 'traceparent'),
      payload: contract.payload.parse(payload),
    };
    await manager.query(`INSERT INTO "${this.options.schema}".outbox (id, type, envelope) VALUES ($1, $2, $3)`, [
      envelope.id,
      envelope.type,
      JSON.stringify(envelope),
    ]);
    return envelope;
  }

  /**
   * Runs `work` in a transaction and, once it commits, wakes the relay for the
   * events it enqueued. The way a service writes a change with its events.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.wake();
    return result;
  }

  /**
   * Tells the relay there is work; call after the enqueuing transaction
   * commits. When another replica leads the relay, it is told over NATS; a
   * wake lost on the way costs only the leader's idle poll.
   */
  wake(): void {
    const leases = this.options.leases;
    if (!leases || leases.holds(RELAY_LEASE)) return void this.wakeUp?.();
    if (this.nats.connected) this.nats.nc.publish(this.subjects.relayWake(this.options.source));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.options.leases?.coordinating) {
      this.wakeSubscription = this.nats.nc.subscribe(this.subjects.relayWake(this.options.source), {
        callback: () => this.options.leases?.holds(RELAY_LEASE) && this.wakeUp?.(),
      });
    }
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    try {
      this.wakeSubscription?.unsubscribe();
    } catch {
      // The connection is gone already, and the subscription with it.
    }
    this.wakeUp?.();
    await this.loop;
  }

  /** Publishes one batch (of `limit` rows at most); returns how many rows it sent. */
  async relayOnce(limit = this.options.batchSize ?? 200): Promise<number> {
    const schema = this.options.schema;
    const rows: { id: string; seq: string; type: string; envelope: EventEnvelope | string }[] = await this.dataSource.query(
      `UPDATE "${schema}".outbox SET claimed_until = now() + make_interval(secs => $2)
       WHERE id IN (
         SELECT id FROM "${schema}".outbox
         WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, seq, type, envelope`,
      [limit, this.options.claimSeconds ?? 30],
    ).then((result: unknown) => firstResultSet(result));
    if (!rows.length) return 0;
    rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
    // Published in one go, in order on one connection (the server stores them in
    // that order); a row counts as sent only if every row before it was. After a
    // failure the first unsent row is retried alone (`run`), and the broker drops
    // the copies it already has by their message id.
    const outcomes = await Promise.allSettled(
      rows.map((row) => {
        const envelope = typeof row.envelope === 'string' ? (JSON.parse(row.envelope) as EventEnvelope) : row.envelope;
        const headers = natsHeaders();
        if (envelope.correlationId) headers.set(CORRELATION_HEADER, envelope.correlationId);
        return this.nats.js.publish(this.subjects.event(envelope.type), encodeJson(envelope), { msgID: envelope.id, headers, timeout: 5_000 });
      }),
    );
    const failed = outcomes.findIndex((outcome) => outcome.status === 'rejected');
    const sent = (failed === -1 ? rows : rows.slice(0, failed)).map((row) => row.id);
    await this.settle(rows.map((row) => row.id), sent);
    if (failed !== -1) {
      const reason = (outcomes[failed] as PromiseRejectedResult).reason;
      const { type, id, seq } = rows[failed];
      throw new Error(`event ${type} ${id} (outbox seq ${seq}) was not published: ${reason instanceof Error ? reason.message : String(reason)}`);
    }
    return sent.length;
  }

  private async settle(claimed: string[], sent: string[]): Promise<void> {
    const schema = this.options.schema;
    if (sent.length) {
      await this.dataSource.query(
        `UPDATE "${schema}".outbox SET published_at = now(), claimed_until = NULL WHERE id IN (${placeholders(sent)})`,
        sent,
      );
    }
    const unsent = claimed.filter((id) => !sent.includes(id));
    if (unsent.length) {
      await this.dataSource.query(
        `UPDATE "${schema}".outbox SET claimed_until = NULL WHERE id IN (${placeholders(unsent)})`,
        unsent,
      );
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const leases = this.options.leases;
      if (leases && !leases.holds(RELAY_LEASE) && !(await this.leaderStalled())) {
        // Another replica relays; this one takes over if that one goes, and helps while rows grow old.
        await this.pause(leases.checkIntervalMs);
        continue;
      }
      let sent = 0;
      try {
        // After a failure, the first unsent row alone until it goes: a row that cannot be published (too large, not
        // allowed) would otherwise have every row behind it in the batch published again at each retry, and past the
        // broker's duplicate window stored again (the rows behind it wait, in order, as they must).
        sent = await this.relayOnce(failures ? 1 : undefined);
        failures = 0;
        this.lastError = undefined;
      } catch (error) {
        failures++;
        this.lastError = error instanceof Error ? error.message : String(error);
        if (failures === 1 || failures % 30 === 0) this.logger.warn(`Outbox relay failed (${failures}x): ${this.lastError}`);
      }
      if (sent > 0) continue;
      await this.pause(failures ? Math.min(200 * 2 ** failures, 5_000) : (this.options.idlePollMs ?? 500));
    }
  }

  /** Whether a row has waited longer than a leading relay would let it (errors: no, the database is the leader's problem too). */
  private async leaderStalled(): Promise<boolean> {
    try {
      const [row] = (await this.dataSource.query(
        `SELECT EXISTS (SELECT 1 FROM "${this.options.schema}".outbox WHERE published_at IS NULL AND created_at < now() - make_interval(secs => $1)) AS stalled`,
        [this.options.standbyAfterSeconds ?? 10],
      )) as { stalled: boolean }[];
      return row.stalled;
    } catch {
      return false;
    }
  }

  /** Waits `ms`, or less if woken. */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/** `UPDATE … RETURNING` through TypeORM comes back as `[rows, count]`; plain queries as rows. */
export function firstResultSet<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

export function placeholders(values: unknown[], offset = 0): string {
  return values.map((_, index) => `$${index + offset + 1}`).join(', ');
}

function pick(carrier: Record<string, string>, field: 'traceparent'): { traceparent?: string } {
  return carrier[field] ? { [field]: carrier[field] } : {};
}
