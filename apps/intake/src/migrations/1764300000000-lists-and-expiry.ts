import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Archiving, the posture projection from scoring's events (for filtering lists),
 * and when an evidence expiry was announced (so it is announced once).
 */
export class ListsAndExpiry1764300000000 implements MigrationInterface {
  name = 'ListsAndExpiry1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE intake.initiatives ADD COLUMN archived_at timestamptz`);
    await runner.query(`ALTER TABLE intake.initiatives ADD COLUMN posture text`);
    await runner.query(`ALTER TABLE intake.initiatives ADD COLUMN posture_evaluated_at timestamptz`);
    await runner.query(`CREATE INDEX initiatives_stage_idx ON intake.initiatives (stage)`);
    await runner.query(`CREATE INDEX initiatives_risk_tier_idx ON intake.initiatives (risk_tier)`);
    await runner.query(`CREATE INDEX initiatives_posture_idx ON intake.initiatives (posture)`);
    await runner.query(`CREATE INDEX initiatives_name_idx ON intake.initiatives (name, id)`);
    await runner.query(`CREATE INDEX initiatives_updated_idx ON intake.initiatives (updated_at, id)`);
    await runner.query(`ALTER TABLE intake.evidence ADD COLUMN expiry_announced_at timestamptz`);
    await runner.query(`CREATE INDEX owners_person_idx ON intake.owners (lower(person))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX intake.owners_person_idx`);
    await runner.query(`ALTER TABLE intake.evidence DROP COLUMN expiry_announced_at`);
    for (const index of ['initiatives_updated_idx', 'initiatives_name_idx', 'initiatives_posture_idx', 'initiatives_risk_tier_idx', 'initiatives_stage_idx']) {
      await runner.query(`DROP INDEX intake.${index}`);
    }
    await runner.query(`ALTER TABLE intake.initiatives DROP COLUMN posture_evaluated_at`);
    await runner.query(`ALTER TABLE intake.initiatives DROP COLUMN posture`);
    await runner.query(`ALTER TABLE intake.initiatives DROP COLUMN archived_at`);
  }
}
