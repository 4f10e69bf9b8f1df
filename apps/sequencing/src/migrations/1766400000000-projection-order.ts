import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The posture and the committee's scope envelope sequencing keeps come with
 * what orders them (the evaluation's time, the initiative's version at the
 * decision): events redelivered or applied by two replicas out of order never
 * roll a newer one back. Rows from before hold null and take the next event.
 */
export class ProjectionOrder1766400000000 implements MigrationInterface {
  name = 'ProjectionOrder1766400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE sequencing.initiatives ADD COLUMN posture_evaluated_at timestamptz, ADD COLUMN scope_version integer`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE sequencing.initiatives DROP COLUMN posture_evaluated_at, DROP COLUMN scope_version`);
  }
}
