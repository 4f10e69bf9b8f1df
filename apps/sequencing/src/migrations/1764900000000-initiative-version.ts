import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The intake version of the profile each projected initiative holds:
 * registrations, updates and archivals arrive through separate consumers, so
 * an older one may come last and must not overwrite a newer one.
 */
export class InitiativeVersion1764900000000 implements MigrationInterface {
  name = 'InitiativeVersion1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE sequencing.initiatives ADD COLUMN initiative_version integer NOT NULL DEFAULT 0`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE sequencing.initiatives DROP COLUMN initiative_version`);
  }
}
