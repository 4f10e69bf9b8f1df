import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Imports carry initiatives or telemetry. */
export class ImportKinds1764600000000 implements MigrationInterface {
  name = 'ImportKinds1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE intake.imports ADD COLUMN kind text NOT NULL DEFAULT 'initiatives'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE intake.imports DROP COLUMN kind`);
  }
}
