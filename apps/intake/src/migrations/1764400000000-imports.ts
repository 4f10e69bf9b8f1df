import type { MigrationInterface, QueryRunner } from 'typeorm';

/** CSV imports: the file as received (in chunks), progress and the per-row report. */
export class Imports1764400000000 implements MigrationInterface {
  name = 'Imports1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake.imports (
        id uuid PRIMARY KEY,
        status text NOT NULL,
        mode text NOT NULL,
        rows_total integer NOT NULL DEFAULT 0,
        rows_processed integer NOT NULL DEFAULT 0,
        rows_imported integer NOT NULL DEFAULT 0,
        rows_skipped integer NOT NULL DEFAULT 0,
        rows_invalid integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        failure text,
        locked_until timestamptz,
        requested_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE intake.import_chunks (
        import_id uuid NOT NULL REFERENCES intake.imports (id),
        seq integer NOT NULL,
        data text NOT NULL,
        CONSTRAINT import_chunks_pkey PRIMARY KEY (import_id, seq)
      )`);
    await runner.query(`ALTER TABLE intake.initiatives ADD COLUMN source_import_id uuid`);
    await runner.query(`CREATE INDEX initiatives_natural_key_idx ON intake.initiatives (lower(business_unit), lower(name))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX intake.initiatives_natural_key_idx`);
    await runner.query(`ALTER TABLE intake.initiatives DROP COLUMN source_import_id`);
    await runner.query(`DROP TABLE intake.import_chunks`);
    await runner.query(`DROP TABLE intake.imports`);
  }
}
