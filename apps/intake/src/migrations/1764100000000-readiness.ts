import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Owners per responsibility, evidence per criterion, and the append-only audit trail. */
export class Readiness1764100000000 implements MigrationInterface {
  name = 'Readiness1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake.owners (
        initiative_id uuid NOT NULL REFERENCES intake.initiatives (id),
        responsibility text NOT NULL,
        person text NOT NULL,
        team text NOT NULL,
        assigned_by text NOT NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT owners_pkey PRIMARY KEY (initiative_id, responsibility)
      )`);
    await runner.query(`
      CREATE TABLE intake.evidence (
        initiative_id uuid NOT NULL REFERENCES intake.initiatives (id),
        criterion_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('absent', 'partial', 'established')),
        evidence text NOT NULL DEFAULT '',
        attested_by text NOT NULL,
        attested_at timestamptz NOT NULL,
        expires_at timestamptz,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT evidence_pkey PRIMARY KEY (initiative_id, criterion_id)
      )`);
    await runner.query(`CREATE INDEX evidence_expires_idx ON intake.evidence (expires_at) WHERE expires_at IS NOT NULL`);
    await runner.query(`
      CREATE TABLE intake.audit_trail (
        id bigserial PRIMARY KEY,
        initiative_id uuid NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        changes jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX audit_trail_initiative_idx ON intake.audit_trail (initiative_id, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE intake.audit_trail`);
    await runner.query(`DROP TABLE intake.evidence`);
    await runner.query(`DROP TABLE intake.owners`);
  }
}
