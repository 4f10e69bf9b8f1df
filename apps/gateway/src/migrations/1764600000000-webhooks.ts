import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions, one delivery per (subscription, event) — the unique
 * key makes the fan-out apply once — and every attempt, for the delivery log.
 */
export class Webhooks1764600000000 implements MigrationInterface {
  name = 'Webhooks1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE gateway.webhook_subscriptions (
        id uuid PRIMARY KEY,
        url text NOT NULL,
        event_types text[] NOT NULL,
        secret text NOT NULL,
        description text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        deactivated_at timestamptz,
        deactivated_by text
      )`);
    await runner.query(`
      CREATE TABLE gateway.webhook_deliveries (
        id uuid PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES gateway.webhook_subscriptions (id),
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        envelope jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        -- attempts made before it was last queued (a replay queues it again)
        attempts_before_queue integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        claimed_until timestamptz,
        last_status integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_deliveries_once UNIQUE (subscription_id, event_id)
      )`);
    await runner.query(`CREATE INDEX webhook_deliveries_due_idx ON gateway.webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await runner.query(`CREATE INDEX webhook_deliveries_log_idx ON gateway.webhook_deliveries (subscription_id, created_at DESC)`);
    await runner.query(`
      CREATE TABLE gateway.webhook_attempts (
        delivery_id uuid NOT NULL REFERENCES gateway.webhook_deliveries (id),
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now(),
        status integer,
        error text,
        duration_ms integer NOT NULL,
        PRIMARY KEY (delivery_id, attempt)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE gateway.webhook_attempts`);
    await runner.query(`DROP TABLE gateway.webhook_deliveries`);
    await runner.query(`DROP TABLE gateway.webhook_subscriptions`);
  }
}
