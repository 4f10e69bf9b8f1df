import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The domain scores of an initiative's last evaluations, kept on its row so a
 * trend needs no read of the history. NULL until its next evaluation, which
 * reads them from the history once.
 */
export class RecentScores1764500000000 implements MigrationInterface {
  name = 'RecentScores1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scoring.subjects ADD COLUMN recent_scores jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scoring.subjects DROP COLUMN recent_scores`);
  }
}
