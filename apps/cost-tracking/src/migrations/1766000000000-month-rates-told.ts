import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When scoring was told each month's latest rate into a reporting currency
 * (`fx.month_rates_recorded`). Rates recorded since are told as they come;
 * those recorded before this column are told once, at the next start.
 */
export class MonthRatesTold1766000000000 implements MigrationInterface {
  name = 'MonthRatesTold1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.conversion_backfills ADD COLUMN month_rates_told_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.conversion_backfills DROP COLUMN month_rates_told_at`);
  }
}
