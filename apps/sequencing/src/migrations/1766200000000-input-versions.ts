import type { MigrationInterface, QueryRunner } from 'typeorm';

const VERSIONED_INPUTS = ['capacity_pools', 'rollouts', 'freeze_windows', 'rollout_budgets'];

/**
 * The inputs PMO and finance set whole (a pool, a rollout, a business unit's
 * freeze windows, a quarter's budget) carry a version: a write sent with
 * `If-Match` happens only at the version it was read at, so of two people
 * editing one pool the later save is refused instead of undoing the other's.
 */
export class InputVersions1766200000000 implements MigrationInterface {
  name = 'InputVersions1766200000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of VERSIONED_INPUTS) await runner.query(`ALTER TABLE sequencing.${table} ADD COLUMN version integer NOT NULL DEFAULT 1`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of VERSIONED_INPUTS) await runner.query(`ALTER TABLE sequencing.${table} DROP COLUMN version`);
  }
}
