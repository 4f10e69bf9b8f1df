import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and inbox every service keeps in its own schema; its first
 * migration creates them. The outbox is written in the same transaction as the
 * change it announces; the inbox in the same transaction as an event's effect.
 */
export function messagingTablesUp(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}".outbox (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL,
      type text NOT NULL,
      envelope jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      claimed_until timestamptz,
      published_at timestamptz
    )`,
    `CREATE INDEX outbox_unpublished_idx ON "${schema}".outbox (seq) WHERE published_at IS NULL`,
    `CREATE TABLE "${schema}".inbox (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT inbox_pkey PRIMARY KEY (consumer, event_id)
    )`,
  ];
}

/**
 * Attempts at applying an event delivered again, counted before each begins and
 * committed on their own: an event that crashes or hangs its service is told
 * from the events delivered again beside it (which were never attempted) and
 * dead-lettered alone. A later migration of each service creates the table.
 */
export function consumerAttemptsUp(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}".consumer_attempts (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      attempts integer NOT NULL,
      last_attempt_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT consumer_attempts_pkey PRIMARY KEY (consumer, event_id)
    )`,
  ];
}

export function consumerAttemptsDown(schema: string): string[] {
  return [`DROP TABLE "${schema}".consumer_attempts`];
}

/** The migration that adds `consumer_attempts` to a service's schema, the same in every service. */
export function consumerAttemptsMigration(schema: string): new () => MigrationInterface {
  return class ConsumerAttempts1766500000000 implements MigrationInterface {
    name = 'ConsumerAttempts1766500000000';

    async up(runner: QueryRunner): Promise<void> {
      for (const sql of consumerAttemptsUp(schema)) await runner.query(sql);
    }

    async down(runner: QueryRunner): Promise<void> {
      for (const sql of consumerAttemptsDown(schema)) await runner.query(sql);
    }
  };
}

export function messagingTablesDown(schema: string): string[] {
  return [`DROP TABLE "${schema}".inbox`, `DROP TABLE "${schema}".outbox`];
}
