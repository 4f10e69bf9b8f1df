import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A conversion's reference to its entry is no longer a foreign key. The key
 * cost an index probe and a row lock per converted entry — in a billing
 * import in the reporting currency, more than writing the conversion itself
 * (`npm run bench:cost-import`) — and guarded against nothing that can happen:
 * conversions are only ever made from a join with their entries, and entries
 * are never updated or deleted (`cost_entries_append_only`).
 */
export class ImportConversions1765200000000 implements MigrationInterface {
  name = 'ImportConversions1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.entry_conversions DROP CONSTRAINT entry_conversions_entry_id_fkey`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.entry_conversions ADD CONSTRAINT entry_conversions_entry_id_fkey FOREIGN KEY (entry_id) REFERENCES cost_tracking.cost_entries (id)`);
  }
}
