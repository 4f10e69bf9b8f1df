import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Business volume (transactions, users …) per initiative, month and phase: the denominators of unit cost. */
export class BusinessVolumes1764400000000 implements MigrationInterface {
  name = 'BusinessVolumes1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cost_tracking.business_volumes (
        initiative_id uuid NOT NULL REFERENCES cost_tracking.initiatives (id),
        period char(7) NOT NULL,
        phase text NOT NULL CHECK (phase IN ('pilot', 'production')),
        metric text NOT NULL,
        volume numeric(30, 6) NOT NULL CHECK (volume > 0),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT business_volumes_pkey PRIMARY KEY (initiative_id, period, phase, metric)
      )`);
    // Versions of the figures published about an initiative (unit economics, commitments): strictly increasing, never tied.
    await runner.query(`CREATE SEQUENCE cost_tracking.published_figure_versions`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SEQUENCE cost_tracking.published_figure_versions`);
    await runner.query(`DROP TABLE cost_tracking.business_volumes`);
  }
}
