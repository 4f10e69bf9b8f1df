import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Scoring models as versioned data, and what each initiative's hysteresis and next review need. */
export class ModelsAndReviews1764200000000 implements MigrationInterface {
  name = 'ModelsAndReviews1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE scoring.models (
        version text PRIMARY KEY,
        definition jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'active', 'retired')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz
      )`);
    await runner.query(`CREATE UNIQUE INDEX models_one_active_idx ON scoring.models (status) WHERE status = 'active'`);
    await runner.query(`ALTER TABLE scoring.subjects ADD COLUMN gates_held_since timestamptz, ADD COLUMN review_at timestamptz`);
    await runner.query(`CREATE INDEX subjects_review_idx ON scoring.subjects (review_at) WHERE review_at IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX scoring.subjects_review_idx`);
    await runner.query(`ALTER TABLE scoring.subjects DROP COLUMN review_at, DROP COLUMN gates_held_since`);
    await runner.query(`DROP TABLE scoring.models`);
  }
}
