import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The request a usage record came from (the caller's Idempotency-Key): a
 * meter that repeats a request after a timeout or a crash, whose first try
 * was committed, gets that record back rather than a second charge.
 */
export class UsageRequests1765600000000 implements MigrationInterface {
  name = 'UsageRequests1765600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.token_usage ADD COLUMN request_id uuid`);
    await runner.query(`CREATE UNIQUE INDEX token_usage_request_idx ON cost_tracking.token_usage (request_id) WHERE request_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.token_usage DROP COLUMN request_id`);
  }
}
