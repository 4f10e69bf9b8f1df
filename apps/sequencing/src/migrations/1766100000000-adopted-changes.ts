import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A what-if promoted to a draft writes its PMO changes into the inputs and
 * marks the draft stale like any change, naming the draft it made: that draft
 * already plans them, so the mark asks for a new one only once a draft
 * computed without them has come after it.
 */
export class AdoptedChanges1766100000000 implements MigrationInterface {
  name = 'AdoptedChanges1766100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE sequencing.draft_changes ADD COLUMN planned_by uuid`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE sequencing.draft_changes DROP COLUMN planned_by`);
  }
}
