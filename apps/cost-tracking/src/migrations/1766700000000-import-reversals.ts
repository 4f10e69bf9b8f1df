import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import can be reversed as a whole (the wrong file, the wrong phase, a
 * month sent twice): every entry it wrote gets its reversing entry, in
 * batches that each commit with the row they reached, so a crash resumes the
 * reversal where it stopped. The ledger stays append-only.
 */
export class ImportReversals1766700000000 implements MigrationInterface {
  name = 'ImportReversals1766700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE cost_tracking.cost_imports
        ADD COLUMN reversal_status text CHECK (reversal_status IN ('reversing', 'reversed')),
        ADD COLUMN reversal_reason text,
        ADD COLUMN reversal_requested_by text,
        ADD COLUMN reversal_requested_at timestamptz,
        ADD COLUMN reversed_at timestamptz,
        ADD COLUMN entries_reversed integer NOT NULL DEFAULT 0,
        ADD COLUMN reversed_through_row integer NOT NULL DEFAULT 0,
        ADD COLUMN reversal_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN reversal_error text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE cost_tracking.cost_imports
        DROP COLUMN reversal_status, DROP COLUMN reversal_reason, DROP COLUMN reversal_requested_by, DROP COLUMN reversal_requested_at,
        DROP COLUMN reversed_at, DROP COLUMN entries_reversed, DROP COLUMN reversed_through_row, DROP COLUMN reversal_attempts, DROP COLUMN reversal_error`);
  }
}
