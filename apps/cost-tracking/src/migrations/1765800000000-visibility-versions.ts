import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cost visibility is now numbered from the figure versions (`cost.visibility_changed`
 * version 2), so that a rate arriving after the entries can publish it again;
 * it was numbered by the initiative's entry count. The sequence is moved past
 * the ledger's highest `seq`, which no initiative's entry count exceeds, so
 * scoring keeps taking the new figures over those it holds.
 */
export class VisibilityVersions1765800000000 implements MigrationInterface {
  name = 'VisibilityVersions1765800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `SELECT setval('cost_tracking.published_figure_versions',
         greatest((SELECT last_value FROM cost_tracking.published_figure_versions), (SELECT coalesce(max(seq), 0) FROM cost_tracking.cost_entries), 1))`,
    );
  }

  /** A sequence moved forward stays valid for the code before this migration. */
  async down(): Promise<void> {
    return;
  }
}
