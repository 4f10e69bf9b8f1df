import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How far the ledger has been brought up to date in each reporting currency
 * (entries by `seq`), so a restart converts only what came after, not the
 * whole ledger again. Entries recorded since are converted as they are
 * recorded, or when their rate arrives.
 */
export class ConversionBackfills1764800000000 implements MigrationInterface {
  name = 'ConversionBackfills1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE cost_tracking.conversion_backfills (reporting_currency char(3) PRIMARY KEY, through_seq bigint NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE cost_tracking.conversion_backfills`);
  }
}
