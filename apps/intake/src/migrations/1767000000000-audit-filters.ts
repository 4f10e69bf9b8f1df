import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portfolio's audit trail is read newest first by action (the decisions
 * page reads every `decision.recorded`) or by actor: without these, each page
 * walked the whole trail back from its newest record to find a rare one.
 */
export class AuditFilters1767000000000 implements MigrationInterface {
  name = 'AuditFilters1767000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX audit_trail_action_idx ON intake.audit_trail (action, id)`);
    await runner.query(`CREATE INDEX audit_trail_actor_idx ON intake.audit_trail (actor, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX intake.audit_trail_actor_idx`);
    await runner.query(`DROP INDEX intake.audit_trail_action_idx`);
  }
}
