import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper billing imports, measured with `npm run bench:cost-import`:
 * - Only reversing entries have `reverses_id`, yet the unique constraint on it
 *   indexed every entry's null, a cost paid on each of the millions of rows an
 *   import writes. A partial unique index keeps the rule (an entry is
 *   reversed at most once) and indexes just the reversals.
 * - An upload's pieces are kept uncompressed: they live only until the import
 *   is processed, and compressing them took a third of the upload's time.
 */
export class ImportWritePath1765000000000 implements MigrationInterface {
  name = 'ImportWritePath1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.cost_entries DROP CONSTRAINT cost_entries_reverses_id_key`);
    await runner.query(`CREATE UNIQUE INDEX cost_entries_reverses_id_key ON cost_tracking.cost_entries (reverses_id) WHERE reverses_id IS NOT NULL`);
    await runner.query(`ALTER TABLE cost_tracking.cost_import_chunks ALTER COLUMN data SET STORAGE EXTERNAL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.cost_import_chunks ALTER COLUMN data SET STORAGE EXTENDED`);
    await runner.query(`DROP INDEX cost_tracking.cost_entries_reverses_id_key`);
    await runner.query(`ALTER TABLE cost_tracking.cost_entries ADD CONSTRAINT cost_entries_reverses_id_key UNIQUE (reverses_id)`);
  }
}
