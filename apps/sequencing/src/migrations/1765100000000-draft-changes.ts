import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Input changes that make the draft plan out of date, one row each. They were
 * a counter on one row that every change updated: a batch of events holding
 * that row could wait for an initiative's row held by another batch, itself
 * waiting for the counter — a deadlock. Appending never waits; the refresher
 * deletes the rows it has taken into a draft.
 */
export class DraftChanges1765100000000 implements MigrationInterface {
  name = 'DraftChanges1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE sequencing.draft_changes (
        seq bigserial PRIMARY KEY,
        reason text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A change not yet in a draft is carried over.
    await runner.query(`
      INSERT INTO sequencing.draft_changes (reason)
      SELECT coalesce(stale_reason, 'inputs changed') FROM sequencing.draft_state WHERE stale_seq > done_seq`);
    await runner.query(`DROP TABLE sequencing.draft_state`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE sequencing.draft_state (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        stale_seq bigint NOT NULL DEFAULT 0,
        done_seq bigint NOT NULL DEFAULT 0,
        stale_reason text
      )`);
    await runner.query(`
      INSERT INTO sequencing.draft_state (id, stale_seq, stale_reason)
      SELECT true, count(*), left(string_agg(reason, '; ' ORDER BY seq), 2000) FROM sequencing.draft_changes`);
    await runner.query(`DROP TABLE sequencing.draft_changes`);
  }
}
