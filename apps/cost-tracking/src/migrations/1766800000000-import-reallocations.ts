import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spend no allocation rule mapped when it was imported can be mapped by the
 * rules made since. An unallocated import entry keeps what rules match on
 * besides its resource id (billing and sub account, tags); a re-allocation
 * reverses it and appends the entries the rules give, each naming the entry
 * it re-maps (at most once per part), in batches that commit with the row
 * they reached, like a reversal.
 */
export class ImportReallocations1766800000000 implements MigrationInterface {
  name = 'ImportReallocations1766800000000';

  async up(runner: QueryRunner): Promise<void> {
    // The attributes are JSON kept as text: jsonb refuses some of what JSON allows in a tag (an escaped NUL, a lone
    // surrogate), and no row may fail for its tags.
    await runner.query(`
      ALTER TABLE cost_tracking.cost_entries
        ADD COLUMN allocation_attributes text,
        ADD COLUMN reallocates_id uuid,
        ADD COLUMN reallocation_part smallint`);
    await runner.query(`
      CREATE UNIQUE INDEX cost_entries_reallocates_idx ON cost_tracking.cost_entries (reallocates_id, reallocation_part)
      WHERE reallocates_id IS NOT NULL`);
    await runner.query(`
      ALTER TABLE cost_tracking.cost_imports
        ADD COLUMN reallocation_status text CHECK (reallocation_status IN ('reallocating', 'reallocated', 'superseded')),
        ADD COLUMN reallocation_reason text,
        ADD COLUMN reallocation_requested_by text,
        ADD COLUMN reallocation_requested_at timestamptz,
        ADD COLUMN reallocated_at timestamptz,
        ADD COLUMN entries_reallocated integer NOT NULL DEFAULT 0,
        ADD COLUMN entries_left_unallocated integer NOT NULL DEFAULT 0,
        ADD COLUMN entries_without_attributes integer NOT NULL DEFAULT 0,
        ADD COLUMN reallocated_through_row integer NOT NULL DEFAULT 0,
        ADD COLUMN reallocation_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN reallocation_error text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE cost_tracking.cost_imports
        DROP COLUMN reallocation_status, DROP COLUMN reallocation_reason, DROP COLUMN reallocation_requested_by, DROP COLUMN reallocation_requested_at,
        DROP COLUMN reallocated_at, DROP COLUMN entries_reallocated, DROP COLUMN entries_left_unallocated, DROP COLUMN entries_without_attributes,
        DROP COLUMN reallocated_through_row,
        DROP COLUMN reallocation_attempts, DROP COLUMN reallocation_error`);
    await runner.query(`DROP INDEX cost_tracking.cost_entries_reallocates_idx`);
    await runner.query(`ALTER TABLE cost_tracking.cost_entries DROP COLUMN allocation_attributes, DROP COLUMN reallocates_id, DROP COLUMN reallocation_part`);
  }
}
