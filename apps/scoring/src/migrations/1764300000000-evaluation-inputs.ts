import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each evaluation keeps the inputs it was made from, so a past posture can be explained. */
export class EvaluationInputs1764300000000 implements MigrationInterface {
  name = 'EvaluationInputs1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scoring.evaluations ADD COLUMN inputs jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scoring.evaluations DROP COLUMN inputs`);
  }
}
