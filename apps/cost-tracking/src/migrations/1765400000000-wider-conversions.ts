import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A conversion is an entry's amount (under 10^20) times its rate (under
 * 10^12): up to 32 digits before the point, where numeric(38, 18) holds 20.
 * Converting an entry that large failed with a numeric overflow — and with it
 * recording its currency's rate of the day, for every entry. Wider columns
 * with the same 18 places hold any product; Postgres widens a numeric's
 * precision without rewriting the table.
 */
export class WiderConversions1765400000000 implements MigrationInterface {
  name = 'WiderConversions1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.entry_conversions ALTER COLUMN amount TYPE numeric(52, 18), ALTER COLUMN effective_amount TYPE numeric(52, 18)`);
  }

  /** Fails if a conversion holds more than numeric(38, 18) does: such a ledger cannot go back. */
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.entry_conversions ALTER COLUMN amount TYPE numeric(38, 18), ALTER COLUMN effective_amount TYPE numeric(38, 18)`);
  }
}
