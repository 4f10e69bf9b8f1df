import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Entries recorded, by the id the gateway derives from an Idempotency-Key: a repeat after a crash is recognised. */
export class ProcessedRequests1764500000000 implements MigrationInterface {
  name = 'ProcessedRequests1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cost_tracking.processed_requests (
        request_id uuid PRIMARY KEY,
        entry_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE cost_tracking.processed_requests`);
  }
}
