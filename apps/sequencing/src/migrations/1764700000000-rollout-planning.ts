import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollout planning: the initiatives sequencing knows (a projection of intake
 * and scoring events), their rollout waves, capacity pools, freeze windows,
 * quarterly rollout budgets, PMO overrides (never deleted, only revoked),
 * plans with the inputs they were computed from, and scenarios.
 */
export class RolloutPlanning1764700000000 implements MigrationInterface {
  name = 'RolloutPlanning1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE sequencing.initiatives (
        id uuid PRIMARY KEY,
        key text NOT NULL,
        name text NOT NULL,
        business_unit text NOT NULL,
        posture text,
        -- Business units of the committee's latest controlled-investment scope envelope.
        scope_units text[],
        archived_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE sequencing.dependencies (
        initiative_id uuid NOT NULL,
        depends_on uuid NOT NULL,
        kind text NOT NULL,
        CONSTRAINT dependencies_pkey PRIMARY KEY (initiative_id, depends_on)
      )`);
    await runner.query(`
      CREATE TABLE sequencing.rollouts (
        initiative_id uuid PRIMARY KEY REFERENCES sequencing.initiatives (id),
        value numeric(15, 2) NOT NULL CHECK (value >= 0),
        waves jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE sequencing.capacity_pools (
        id text PRIMARY KEY,
        name text NOT NULL,
        capacity_per_week integer NOT NULL CHECK (capacity_per_week >= 0),
        adjustments jsonb NOT NULL DEFAULT '[]',
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE sequencing.freeze_windows (
        business_unit text PRIMARY KEY,
        windows jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE sequencing.rollout_budgets (
        quarter char(7) PRIMARY KEY,
        amount numeric(15, 2) NOT NULL CHECK (amount >= 0),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE sequencing.overrides (
        id uuid PRIMARY KEY,
        override jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_by text,
        revoked_at timestamptz,
        revoke_reason text
      )`);
    await runner.query(`
      CREATE TABLE sequencing.plans (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('draft', 'published', 'scenario')),
        version integer,
        trigger text NOT NULL,
        previous_plan_id uuid,
        options jsonb NOT NULL,
        inputs jsonb NOT NULL,
        result jsonb NOT NULL,
        changes jsonb,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_by text,
        published_at timestamptz,
        CONSTRAINT plans_version_unique UNIQUE (version)
      )`);
    await runner.query(`CREATE INDEX plans_kind_created_idx ON sequencing.plans (kind, created_at DESC)`);
    await runner.query(`
      CREATE TABLE sequencing.scenarios (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        base_plan_id uuid NOT NULL REFERENCES sequencing.plans (id),
        plan_id uuid NOT NULL REFERENCES sequencing.plans (id),
        changes jsonb NOT NULL,
        diff jsonb NOT NULL,
        promoted_plan_id uuid REFERENCES sequencing.plans (id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row: each input change bumps stale_seq; the draft is current when done_seq has caught up.
    await runner.query(`
      CREATE TABLE sequencing.draft_state (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        stale_seq bigint NOT NULL DEFAULT 0,
        done_seq bigint NOT NULL DEFAULT 0,
        stale_reason text
      )`);
    await runner.query(`INSERT INTO sequencing.draft_state (id) VALUES (true)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['draft_state', 'scenarios', 'plans', 'overrides', 'rollout_budgets', 'freeze_windows', 'capacity_pools', 'rollouts', 'dependencies', 'initiatives']) {
      await runner.query(`DROP TABLE sequencing.${table}`);
    }
  }
}
