import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The capital committed to an initiative is the sum of its budgets, each up
 * to 10^20: more than numeric(38, 18) holds. Applying such a figure failed
 * with a numeric overflow, again at every delivery. Wider, with the same 18
 * places; Postgres widens a numeric's precision without rewriting the table.
 */
export class WiderCommitments1764600000000 implements MigrationInterface {
  name = 'WiderCommitments1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scoring.commitments ALTER COLUMN amount TYPE numeric(52, 18)`);
  }

  /** Fails if a commitment holds more than numeric(38, 18) does. */
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scoring.commitments ALTER COLUMN amount TYPE numeric(38, 18)`);
  }
}
