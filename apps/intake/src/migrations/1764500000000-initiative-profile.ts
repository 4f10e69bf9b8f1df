import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The rest of an initiative's profile: EU AI Act operator role, data sensitivity, requested scope, pilot results, target dates, custom fields. */
export class InitiativeProfile1764500000000 implements MigrationInterface {
  name = 'InitiativeProfile1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE intake.initiatives
      ADD COLUMN operator_role text NOT NULL DEFAULT 'deployer',
      ADD COLUMN data_sensitivity text NOT NULL DEFAULT 'internal',
      ADD COLUMN requested_scope jsonb NOT NULL DEFAULT '{"businessUnits": [], "users": null, "workflows": []}',
      ADD COLUMN pilot_results jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN target_dates jsonb NOT NULL DEFAULT '{}',
      ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE intake.initiatives
      DROP COLUMN custom_fields, DROP COLUMN target_dates, DROP COLUMN pilot_results,
      DROP COLUMN requested_scope, DROP COLUMN data_sensitivity, DROP COLUMN operator_role`);
  }
}
