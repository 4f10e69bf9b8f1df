import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What PMO records of a wave's progress: when it began, when it finished.
 * Plans take these over the dates of the published plan. One row per wave,
 * with who recorded it last; `started_on` null says it has not begun.
 */
export class WaveProgress1765800000000 implements MigrationInterface {
  name = 'WaveProgress1765800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE sequencing.wave_progress (
        initiative_id uuid NOT NULL,
        wave text NOT NULL,
        started_on date,
        finished_on date,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (initiative_id, wave),
        CONSTRAINT wave_progress_finished_after_start CHECK (finished_on IS NULL OR (started_on IS NOT NULL AND finished_on >= started_on))
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE sequencing.wave_progress`);
  }
}
