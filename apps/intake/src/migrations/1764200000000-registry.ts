import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Dependencies between initiatives, the committee's decisions (append-only) and telemetry per period. */
export class Registry1764200000000 implements MigrationInterface {
  name = 'Registry1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake.dependencies (
        initiative_id uuid NOT NULL REFERENCES intake.initiatives (id),
        depends_on uuid NOT NULL REFERENCES intake.initiatives (id),
        kind text NOT NULL CHECK (kind IN ('hard', 'soft')),
        note text NOT NULL DEFAULT '',
        added_by text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dependencies_pkey PRIMARY KEY (initiative_id, depends_on),
        CONSTRAINT dependencies_not_self CHECK (initiative_id <> depends_on)
      )`);
    await runner.query(`CREATE INDEX dependencies_depends_on_idx ON intake.dependencies (depends_on)`);
    await runner.query(`
      CREATE TABLE intake.decisions (
        id uuid PRIMARY KEY,
        initiative_id uuid NOT NULL REFERENCES intake.initiatives (id),
        decision text NOT NULL CHECK (decision IN ('pause', 'controlled_investment', 'authorize_deployment')),
        rationale text NOT NULL,
        scope_business_units text[],
        scope_users integer,
        scope_monthly_spend_cap numeric(19, 4),
        scope_currency char(3),
        decided_by text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX decisions_initiative_idx ON intake.decisions (initiative_id, decided_at DESC)`);
    await runner.query(`
      CREATE TABLE intake.telemetry (
        initiative_id uuid NOT NULL REFERENCES intake.initiatives (id),
        period_kind text NOT NULL CHECK (period_kind IN ('week', 'month')),
        period_start date NOT NULL,
        support_tickets_opened integer NOT NULL,
        support_tickets_closed integer NOT NULL,
        support_backlog integer NOT NULL,
        incidents integer NOT NULL,
        cross_team_escalations integer NOT NULL,
        rollbacks integer NOT NULL,
        approval_cycle_time_days numeric(8, 2),
        scope_expansions integer NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT telemetry_pkey PRIMARY KEY (initiative_id, period_kind, period_start)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE intake.telemetry`);
    await runner.query(`DROP TABLE intake.decisions`);
    await runner.query(`DROP TABLE intake.dependencies`);
  }
}
