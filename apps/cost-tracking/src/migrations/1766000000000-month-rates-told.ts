import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a start last told scoring each month's latest rate into a reporting
 * currency (`fx.month_rates_recorded`). Rates are told as they are recorded;
 * each start tells again the months with rates recorded since (those from
 * before this column, the first time; a replica of an earlier version's,
 * during a rollout).
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
