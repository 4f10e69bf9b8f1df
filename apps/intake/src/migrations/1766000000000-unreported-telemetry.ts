import type { MigrationInterface, QueryRunner } from 'typeorm';

const FIGURES = ['support_tickets_opened', 'support_tickets_closed', 'support_backlog', 'incidents', 'cross_team_escalations', 'rollbacks', 'scope_expansions'];

/**
 * A figure no system reported for a period is null, not 0: several systems
 * may each report their own figures for a period, and an unreported count
 * measured as none would read as a stable rollout. Periods stored before keep
 * their zeros (which of them were reported cannot be told now).
 */
export class UnreportedTelemetry1766000000000 implements MigrationInterface {
  name = 'UnreportedTelemetry1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE intake.telemetry ${FIGURES.map((column) => `ALTER COLUMN ${column} DROP NOT NULL`).join(', ')}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`UPDATE intake.telemetry SET ${FIGURES.map((column) => `${column} = coalesce(${column}, 0)`).join(', ')}`);
    await runner.query(`ALTER TABLE intake.telemetry ${FIGURES.map((column) => `ALTER COLUMN ${column} SET NOT NULL`).join(', ')}`);
  }
}
