import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an initiative was archived: it leaves the portfolio's counts, heatmap
 * and trends from then on, and the review sweep and model re-scoring pass it
 * by; its evaluations stay, for its history and "as of" questions.
 */
export class ArchivedSubjects1764800000000 implements MigrationInterface {
  name = 'ArchivedSubjects1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scoring.subjects ADD COLUMN archived_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scoring.subjects DROP COLUMN archived_at`);
  }
}
