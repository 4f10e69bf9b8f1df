import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two foreign keys an import paid for on every row, measured with
 * `npm run bench:cost-import`, give way to rules that make them hold anyway:
 * - a conversion's entry: the key cost an index probe and a row lock per
 *   converted entry, more than writing the conversion itself. Conversions are
 *   only ever made from a join with their entries, and entries are never
 *   updated or deleted (`cost_entries_append_only`).
 * - an entry's initiative: the key's check cost about half again the write of
 *   each row an allocation rule maps. Every writer checks the initiative is
 *   known (rules when they are made, manual entries, metering), and the
 *   initiatives cost tracking knows are now never deleted (a trigger refuses
 *   it), so an initiative once checked stays. Budgets, volumes and token
 *   usage, written a row at a time, keep their keys.
 */
export class ImportConversions1765200000000 implements MigrationInterface {
  name = 'ImportConversions1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.entry_conversions DROP CONSTRAINT entry_conversions_entry_id_fkey`);
    await runner.query(`
      CREATE FUNCTION cost_tracking.refuse_initiative_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'initiatives known to cost tracking are never deleted: cost entries refer to them'; END $$`);
    await runner.query(`
      CREATE TRIGGER initiatives_never_deleted BEFORE DELETE ON cost_tracking.initiatives
      FOR EACH ROW EXECUTE FUNCTION cost_tracking.refuse_initiative_delete()`);
    await runner.query(`
      CREATE TRIGGER initiatives_never_truncated BEFORE TRUNCATE ON cost_tracking.initiatives
      FOR EACH STATEMENT EXECUTE FUNCTION cost_tracking.refuse_initiative_delete()`);
    await runner.query(`ALTER TABLE cost_tracking.cost_entries DROP CONSTRAINT cost_entries_initiative_id_fkey`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.cost_entries ADD CONSTRAINT cost_entries_initiative_id_fkey FOREIGN KEY (initiative_id) REFERENCES cost_tracking.initiatives (id)`);
    await runner.query(`DROP TRIGGER initiatives_never_truncated ON cost_tracking.initiatives`);
    await runner.query(`DROP TRIGGER initiatives_never_deleted ON cost_tracking.initiatives`);
    await runner.query(`DROP FUNCTION cost_tracking.refuse_initiative_delete()`);
    await runner.query(`ALTER TABLE cost_tracking.entry_conversions ADD CONSTRAINT entry_conversions_entry_id_fkey FOREIGN KEY (entry_id) REFERENCES cost_tracking.cost_entries (id)`);
  }
}
