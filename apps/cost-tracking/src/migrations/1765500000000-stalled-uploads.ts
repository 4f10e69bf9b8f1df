import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each piece of an upload arrived: an upload whose pieces stopped (the
 * gateway was restarted mid-file, say, before it could abandon the import)
 * is failed after a while instead of waiting in `receiving` forever, its
 * pieces kept. `now()` is stable, so existing rows take one value, no rewrite.
 */
export class StalledUploads1765500000000 implements MigrationInterface {
  name = 'StalledUploads1765500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.cost_import_chunks ADD COLUMN received_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.cost_import_chunks DROP COLUMN received_at`);
  }
}
