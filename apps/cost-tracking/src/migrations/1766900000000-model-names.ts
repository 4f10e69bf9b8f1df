import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Model names are told apart regardless of case and kept in lower case (the
 * service lowers what it is sent): usage and prices recorded before are
 * lowered too. Where two spellings of one model both had a price from the
 * same day, the first recorded is lowered and the other kept as it was (it
 * stays in the history of the charges made at it).
 *
 * And reversing an entry retires its token charge, found by the entry: that
 * read had no index.
 */
export class ModelNames1766900000000 implements MigrationInterface {
  name = 'ModelNames1766900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`UPDATE cost_tracking.token_usage SET model = lower(model) WHERE model <> lower(model)`);
    await runner.query(`
      UPDATE cost_tracking.token_prices SET model = lower(model)
       WHERE id IN (
         SELECT DISTINCT ON (lower(p.model), p.effective_from) p.id FROM cost_tracking.token_prices p
          WHERE p.model <> lower(p.model)
            AND NOT EXISTS (SELECT 1 FROM cost_tracking.token_prices q WHERE q.model = lower(p.model) AND q.effective_from = p.effective_from)
          ORDER BY lower(p.model), p.effective_from, p.recorded_at, p.id)`);
    await runner.query(`CREATE INDEX token_charges_entry_idx ON cost_tracking.token_charges (entry_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    // The spellings before are not kept: names stay in lower case.
    await runner.query(`DROP INDEX cost_tracking.token_charges_entry_idx`);
  }
}
