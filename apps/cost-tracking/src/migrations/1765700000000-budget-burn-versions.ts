import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each budget counts the burns it has announced (`budget.burn_changed`), so
 * scoring applies them in order and a correction that brings spend back under
 * budget takes the overrun back. `0` for existing rows: no rewrite.
 */
export class BudgetBurnVersions1765700000000 implements MigrationInterface {
  name = 'BudgetBurnVersions1765700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.budgets ADD COLUMN burn_version bigint NOT NULL DEFAULT 0`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.budgets DROP COLUMN burn_version`);
  }
}
