import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A committee decision keeps the request id the gateway derives from its
 * Idempotency-Key: a retry after the gateway gave up waiting (504) or crashed,
 * once the decision had been committed, answers with that decision instead of
 * recording it, its audit entry and its event a second time.
 */
export class DecisionRequests1766200000000 implements MigrationInterface {
  name = 'DecisionRequests1766200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE intake.decisions ADD COLUMN request_id uuid`);
    await runner.query(`CREATE UNIQUE INDEX decisions_request_id ON intake.decisions (request_id) WHERE request_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE intake.decisions DROP COLUMN request_id`);
  }
}
