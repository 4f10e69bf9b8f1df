import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The initiative version each owner/criterion input was last set at, so an older event never overwrites a newer one. */
export class AppliedVersions1764100000000 implements MigrationInterface {
  name = 'AppliedVersions1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scoring.subjects ADD COLUMN applied_versions jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scoring.subjects DROP COLUMN applied_versions`);
  }
}
