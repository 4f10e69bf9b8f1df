import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The model version a hold towards authorize_deployment counts under: a hold
 * begun under one model says nothing of another's gates, so it restarts when
 * another model is active. A hold already running is noted under the model of
 * the evaluation that began it (else of the current one), so one carried over
 * from an earlier model restarts at its next evaluation.
 */
export class HoldModelVersion1764700000000 implements MigrationInterface {
  name = 'HoldModelVersion1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scoring.subjects ADD COLUMN gates_held_under text`);
    await runner.query(`
      UPDATE scoring.subjects s SET gates_held_under = coalesce(
        (SELECT e.model_version FROM scoring.evaluations e
          WHERE e.initiative_id = s.initiative_id AND e.evaluated_at = s.gates_held_since ORDER BY e.id LIMIT 1),
        (SELECT e.model_version FROM scoring.evaluations e WHERE e.id = s.evaluation_id))
       WHERE s.gates_held_since IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scoring.subjects DROP COLUMN gates_held_under`);
  }
}
