import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rows a `valid-rows` import has written, committed with them: a resumed
 * import writes the others only. A telemetry row written again would bump the
 * initiative's version and could put back a figure reported since.
 */
export class ImportRowsWritten1766900000000 implements MigrationInterface {
  name = 'ImportRowsWritten1766900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake.import_rows_written (
        import_id uuid NOT NULL REFERENCES intake.imports (id),
        row_number integer NOT NULL,
        imported boolean NOT NULL,
        PRIMARY KEY (import_id, row_number)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE intake.import_rows_written`);
  }
}
