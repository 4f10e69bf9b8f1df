import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventEnvelope } from '@capstan/contracts';
import { firstResultSet } from '@capstan/messaging';
import { newWebhookSecret } from './webhook-signature';

export interface WebhookSubscription {
  id: string;
  url: string;
  eventTypes: string[];
  description: string | null;
  createdBy: string;
  createdAt: string;
  deactivatedAt: string | null;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface DeliveryAttempt {
  attempt: number;
  attemptedAt: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** A delivery claimed for sending, with what sending needs. */
export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  url: string;
  secret: string;
  envelope: EventEnvelope;
  attempts: number;
  /** Attempts since it was last queued (first sent or replayed). */
  attemptsSinceQueued: number;
}

/** Subscriptions, deliveries and their attempts; every state change is one statement. */
@Injectable()
export class WebhooksStore {
  constructor(private readonly dataSource: DataSource) {}

  async subscribe(input: { url: string; eventTypes: string[]; description?: string }, actor: string): Promise<WebhookSubscription & { secret: string }> {
    const secret = newWebhookSecret();
    const [row] = (await this.dataSource.query(
      `INSERT INTO gateway.webhook_subscriptions (id, url, event_types, secret, description, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [randomUUID(), input.url, [...new Set(input.eventTypes)].sort(), secret, input.description ?? null, actor],
    )) as SubscriptionRow[];
    return { ...subscriptionOf(row), secret };
  }

  async subscriptions(): Promise<WebhookSubscription[]> {
    return ((await this.dataSource.query(`SELECT * FROM gateway.webhook_subscriptions ORDER BY created_at`)) as SubscriptionRow[]).map(subscriptionOf);
  }

  async deactivate(id: string, actor: string): Promise<WebhookSubscription> {
    await this.dataSource.query(
      `UPDATE gateway.webhook_subscriptions SET deactivated_at = now(), deactivated_by = $2 WHERE id = $1 AND deactivated_at IS NULL`,
      [id, actor],
    );
    // Nothing more is sent to it: what was still waiting is given up.
    await this.dataSource.query(
      `UPDATE gateway.webhook_deliveries SET status = 'failed', last_error = 'subscription deactivated' WHERE subscription_id = $1 AND status = 'pending'`,
      [id],
    );
    return this.subscription(id);
  }

  async subscription(id: string): Promise<WebhookSubscription> {
    const [row] = (await this.dataSource.query(`SELECT * FROM gateway.webhook_subscriptions WHERE id = $1`, [id])) as SubscriptionRow[];
    if (!row) throw new NotFoundException(`Webhook subscription ${id} does not exist`);
    return subscriptionOf(row);
  }

  /**
   * One delivery per active subscription to each event's type that existed
   * when the event happened — a consumer batch's events in one statement, in
   * the consumer's transaction with their inbox rows; the unique key keeps it
   * to one per event even so.
   */
  async fanOut(manager: EntityManager, events: EventEnvelope[]): Promise<void> {
    await manager.query(
      `INSERT INTO gateway.webhook_deliveries (id, subscription_id, event_id, event_type, envelope, status)
       SELECT gen_random_uuid(), s.id, e.id, e.type, e.envelope::jsonb, 'pending'
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) AS e(id, type, envelope, occurred_at)
       JOIN gateway.webhook_subscriptions s ON s.deactivated_at IS NULL AND e.type = ANY (s.event_types) AND s.created_at <= e.occurred_at
       ON CONFLICT ON CONSTRAINT webhook_deliveries_once DO NOTHING`,
      [events.map((event) => event.id), events.map((event) => event.type), events.map((event) => JSON.stringify(event)), events.map((event) => event.occurredAt)],
    );
  }

  /**
   * Claims due deliveries, at most one per subscription at a time (a slow or
   * failing endpoint holds only its own slot), for `leaseSeconds`.
   */
  async claimDue(limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
    const rows = firstResultSet<ClaimedRow>(
      await this.dataSource.query(
        `WITH busy AS (
           SELECT DISTINCT subscription_id FROM gateway.webhook_deliveries WHERE status = 'pending' AND claimed_until > now()
         ), due AS (
           SELECT DISTINCT ON (subscription_id) id FROM gateway.webhook_deliveries
           WHERE status = 'pending' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until <= now())
             AND subscription_id NOT IN (SELECT subscription_id FROM busy)
             -- An attempt that was in flight when its subscription was deactivated may have set it pending again.
             AND subscription_id IN (SELECT id FROM gateway.webhook_subscriptions WHERE deactivated_at IS NULL)
           ORDER BY subscription_id, next_attempt_at, created_at
         )
         -- The CTEs read a snapshot: another gateway may have claimed, or sent and settled, a delivery since.
         -- Conditions on the locked row itself are checked again on its latest version, so they are repeated here.
         UPDATE gateway.webhook_deliveries d SET claimed_until = now() + make_interval(secs => $2)
         FROM gateway.webhook_subscriptions s
         WHERE s.id = d.subscription_id AND d.status = 'pending' AND (d.claimed_until IS NULL OR d.claimed_until <= now()) AND d.id IN (
           SELECT id FROM gateway.webhook_deliveries
            WHERE id IN (SELECT id FROM due) AND status = 'pending' AND (claimed_until IS NULL OR claimed_until <= now())
            ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED
         )
         RETURNING d.id, d.subscription_id, s.url, s.secret, d.envelope, d.attempts, d.attempts_before_queue`,
        [limit, leaseSeconds],
      ),
    );
    return rows.map((row) => ({
      id: row.id,
      subscriptionId: row.subscription_id,
      url: row.url,
      secret: row.secret,
      envelope: typeof row.envelope === 'string' ? (JSON.parse(row.envelope) as EventEnvelope) : row.envelope,
      attempts: row.attempts,
      attemptsSinceQueued: row.attempts - row.attempts_before_queue,
    }));
  }

  /** Records an attempt and settles the delivery: delivered, retried at `retryAt`, or given up. */
  async settle(delivery: ClaimedDelivery, outcome: { status: number | null; error: string | null; durationMs: number; delivered: boolean; retryAt: Date | null }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Numbered from the row under its lock: an attempt whose claim lapsed mid-request, settling beside the next, keeps its own number.
      const [{ attempts }] = (await manager.query(`SELECT attempts FROM gateway.webhook_deliveries WHERE id = $1 FOR UPDATE`, [delivery.id])) as { attempts: number }[];
      const attempt = attempts + 1;
      await manager.query(
        `INSERT INTO gateway.webhook_attempts (delivery_id, attempt, status, error, duration_ms) VALUES ($1, $2, $3, $4, $5)`,
        [delivery.id, attempt, outcome.status, outcome.error, Math.round(outcome.durationMs)],
      );
      await manager.query(
        `UPDATE gateway.webhook_deliveries SET attempts = $2, last_status = $3, last_error = $4, claimed_until = NULL,
           status = CASE WHEN $5::boolean THEN 'delivered'
                         WHEN $6::timestamptz IS NULL THEN 'failed'
                         -- Deactivated while this attempt was in flight: nothing more is sent.
                         WHEN (SELECT deactivated_at FROM gateway.webhook_subscriptions s WHERE s.id = subscription_id) IS NOT NULL THEN 'failed'
                         ELSE 'pending' END,
           delivered_at = CASE WHEN $5::boolean THEN now() ELSE delivered_at END,
           next_attempt_at = COALESCE($6::timestamptz, next_attempt_at)
         WHERE id = $1`,
        [delivery.id, attempt, outcome.status, outcome.error, outcome.delivered, outcome.retryAt],
      );
    });
  }

  async deliveries(subscriptionId: string, filter: { status?: DeliveryStatus; limit: number }): Promise<WebhookDelivery[]> {
    await this.subscription(subscriptionId);
    const rows = (await this.dataSource.query(
      `SELECT * FROM gateway.webhook_deliveries WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2)
       ORDER BY created_at DESC, id LIMIT $3`,
      [subscriptionId, filter.status ?? null, filter.limit],
    )) as DeliveryRow[];
    return rows.map(deliveryOf);
  }

  async delivery(subscriptionId: string, deliveryId: string): Promise<WebhookDelivery & { attemptLog: DeliveryAttempt[] }> {
    const [row] = (await this.dataSource.query(`SELECT * FROM gateway.webhook_deliveries WHERE subscription_id = $1 AND id = $2`, [subscriptionId, deliveryId])) as DeliveryRow[];
    if (!row) throw new NotFoundException(`Delivery ${deliveryId} of webhook subscription ${subscriptionId} does not exist`);
    const attempts = (await this.dataSource.query(`SELECT * FROM gateway.webhook_attempts WHERE delivery_id = $1 ORDER BY attempt`, [deliveryId])) as AttemptRow[];
    return {
      ...deliveryOf(row),
      attemptLog: attempts.map((a) => ({ attempt: a.attempt, attemptedAt: a.attempted_at.toISOString(), status: a.status, error: a.error, durationMs: a.duration_ms })),
    };
  }

  /**
   * Sends a delivery again (same event id), whatever became of it; an active subscription only. Not while an attempt
   * is on its way: that would send it twice at once, and the attempt's outcome would settle the replay.
   */
  async replay(subscriptionId: string, deliveryId: string): Promise<WebhookDelivery> {
    const subscription = await this.subscription(subscriptionId);
    if (subscription.deactivatedAt) throw new NotFoundException(`Webhook subscription ${subscriptionId} is deactivated`);
    const rows = firstResultSet<DeliveryRow>(
      await this.dataSource.query(
        `UPDATE gateway.webhook_deliveries SET status = 'pending', next_attempt_at = now(), attempts_before_queue = attempts
         WHERE subscription_id = $1 AND id = $2 AND (claimed_until IS NULL OR claimed_until <= now()) RETURNING *`,
        [subscriptionId, deliveryId],
      ),
    );
    if (rows.length) return deliveryOf(rows[0]);
    const [exists] = (await this.dataSource.query(`SELECT 1 FROM gateway.webhook_deliveries WHERE subscription_id = $1 AND id = $2`, [subscriptionId, deliveryId])) as unknown[];
    if (!exists) throw new NotFoundException(`Delivery ${deliveryId} of webhook subscription ${subscriptionId} does not exist`);
    throw new ConflictException(`Delivery ${deliveryId} is being attempted right now: replay it once that attempt has settled`);
  }
}

interface SubscriptionRow {
  id: string;
  url: string;
  event_types: string[];
  description: string | null;
  created_by: string;
  created_at: Date;
  deactivated_at: Date | null;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

interface AttemptRow {
  attempt: number;
  attempted_at: Date;
  status: number | null;
  error: string | null;
  duration_ms: number;
}

interface ClaimedRow {
  id: string;
  subscription_id: string;
  url: string;
  secret: string;
  envelope: EventEnvelope | string;
  attempts: number;
  attempts_before_queue: number;
}

function subscriptionOf(row: SubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types,
    description: row.description,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    deactivatedAt: row.deactivated_at?.toISOString() ?? null,
  };
}

function deliveryOf(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    lastStatus: row.last_status,
    lastError: row.last_error,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
