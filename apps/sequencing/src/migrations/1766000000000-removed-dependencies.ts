import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dependency taken away in intake is kept here as removed, with the
 * dependent's version at the change: an addition and a removal arrive on
 * consumers of their own, and the newer one must win whichever comes last.
 */
export class RemovedDependencies1766000000000 implements MigrationInterface {
  name = 'RemovedDependencies1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE sequencing.dependencies ADD COLUMN version bigint NOT NULL DEFAULT 0, ADD COLUMN removed boolean NOT NULL DEFAULT false`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM sequencing.dependencies WHERE removed`);
    await runner.query(`ALTER TABLE sequencing.dependencies DROP COLUMN version, DROP COLUMN removed`);
  }
}
