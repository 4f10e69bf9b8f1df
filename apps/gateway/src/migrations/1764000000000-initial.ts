import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDown, messagingTablesUp } from '@capstan/messaging';

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of messagingTablesUp('gateway')) await runner.query(sql);
    await runner.query(`
      CREATE TABLE gateway.idempotency_keys (
        scope text PRIMARY KEY,
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_flight', 'done')),
        response_status integer,
        response_body jsonb,
        response_location text,
        locked_until timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX idempotency_keys_expires_idx ON gateway.idempotency_keys (expires_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE gateway.idempotency_keys`);
    for (const sql of messagingTablesDown('gateway')) await runner.query(sql);
  }
}
