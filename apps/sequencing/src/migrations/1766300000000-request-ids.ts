import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A draft computed on request, and a what-if, keep the request id the gateway
 * derives from the caller's Idempotency-Key: a retry after the gateway gave up
 * waiting (504) or crashed answers with what the first request made instead of
 * computing another. The unique index is the backstop for two at once (the
 * gateway's own hold on the key keeps them apart).
 */
export class RequestIds1766300000000 implements MigrationInterface {
  name = 'RequestIds1766300000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of ['plans', 'scenarios']) {
      await runner.query(`ALTER TABLE sequencing.${table} ADD COLUMN request_id uuid`);
      await runner.query(`CREATE UNIQUE INDEX ${table}_request_id ON sequencing.${table} (request_id) WHERE request_id IS NOT NULL`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['plans', 'scenarios']) await runner.query(`ALTER TABLE sequencing.${table} DROP COLUMN request_id`);
  }
}
