import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who activated which scoring model when, kept for good: activating a model
 * moves postures across the portfolio, so auditors can see who caused it (a
 * model activated again keeps each of its activations). The model active when
 * this was added is recorded as activated then, by a person no longer known.
 */
export class ModelActivations1766200000000 implements MigrationInterface {
  name = 'ModelActivations1766200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE scoring.model_activations (
        seq bigserial PRIMARY KEY,
        version text NOT NULL REFERENCES scoring.models (version),
        activated_by text NOT NULL,
        activated_at timestamptz NOT NULL DEFAULT now(),
        replaced text
      )`);
    await runner.query(
      `INSERT INTO scoring.model_activations (version, activated_by, activated_at)
       SELECT version, CASE WHEN created_by = 'system' THEN 'system' ELSE 'not recorded' END, coalesce(activated_at, created_at)
         FROM scoring.models WHERE status = 'active'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE scoring.model_activations`);
  }
}
