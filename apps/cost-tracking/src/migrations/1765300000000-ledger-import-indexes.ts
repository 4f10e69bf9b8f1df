import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What every imported row paid for in the ledger's indexes, measured by
 * loading 1,166,666 import entries into a copy of the table (10.5 s with the
 * old indexes, 7.6 s with these; 5.3 s with none):
 * - the self-reference of `reverses_id`: null on every entry but a reversal,
 *   yet checked for each row. A reversal is only recorded after locking the
 *   entry it reverses, and entries are never deleted
 *   (`cost_entries_append_only`), so the reference holds without it.
 * - the (initiative, period) index held every unallocated row too, half of a
 *   real export; the ledger is only read by it for one initiative
 *   (`initiative_id = …`), which a partial index answers.
 * - the (currency, charge date) B-tree, read only when a day's exchange rate
 *   arrives, to find the entries waiting for it. The ledger lies on disk
 *   roughly in charge-date order (billing exports arrive period by period),
 *   so a block-range index on the charge date finds them as well, at almost
 *   no cost per row. Another on `seq` serves the conversion backfill's
 *   slices of the ledger, which had no index at all.
 *
 * And what an import touched (initiative, month, category, currency: whose
 * budgets and figures to recheck when it completes) is kept as its batches
 * are written, instead of being searched for among its entries at the end
 * (an import resumed after this migration gets the notes of its earlier
 * batches then).
 */
export class LedgerImportIndexes1765300000000 implements MigrationInterface {
  name = 'LedgerImportIndexes1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.cost_entries DROP CONSTRAINT cost_entries_reverses_id_fkey`);
    await runner.query(`DROP INDEX cost_tracking.cost_entries_initiative_period_idx`);
    await runner.query(`
      CREATE INDEX cost_entries_initiative_period_idx ON cost_tracking.cost_entries (initiative_id, period)
      WHERE initiative_id IS NOT NULL`);
    await runner.query(`DROP INDEX cost_tracking.cost_entries_currency_date_idx`);
    await runner.query(`CREATE INDEX cost_entries_charge_date_brin ON cost_tracking.cost_entries USING brin (charge_date) WITH (autosummarize = on)`);
    await runner.query(`CREATE INDEX cost_entries_seq_brin ON cost_tracking.cost_entries USING brin (seq) WITH (autosummarize = on)`);
    await runner.query(`
      CREATE TABLE cost_tracking.cost_import_touches (
        import_id uuid NOT NULL REFERENCES cost_tracking.cost_imports (id),
        initiative_id uuid NOT NULL,
        period char(7) NOT NULL,
        category text NOT NULL,
        currency char(3) NOT NULL,
        CONSTRAINT cost_import_touches_pkey PRIMARY KEY (import_id, initiative_id, period, category, currency)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE cost_tracking.cost_import_touches`);
    await runner.query(`DROP INDEX cost_tracking.cost_entries_seq_brin`);
    await runner.query(`DROP INDEX cost_tracking.cost_entries_charge_date_brin`);
    await runner.query(`CREATE INDEX cost_entries_currency_date_idx ON cost_tracking.cost_entries (currency, charge_date)`);
    await runner.query(`DROP INDEX cost_tracking.cost_entries_initiative_period_idx`);
    await runner.query(`CREATE INDEX cost_entries_initiative_period_idx ON cost_tracking.cost_entries (initiative_id, period)`);
    await runner.query(`
      ALTER TABLE cost_tracking.cost_entries
        ADD CONSTRAINT cost_entries_reverses_id_fkey FOREIGN KEY (reverses_id) REFERENCES cost_tracking.cost_entries (id)`);
  }
}
