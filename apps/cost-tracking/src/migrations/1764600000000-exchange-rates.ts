import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exchange rates by day, and each cost entry's value in the reporting
 * currency at the rate of its charge date, kept with the rate used. Both are
 * append-only: a rate, once recorded for a day, and a conversion, once made,
 * never change — history is never re-priced at a later rate.
 */
export class ExchangeRates1764600000000 implements MigrationInterface {
  name = 'ExchangeRates1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cost_tracking.fx_rates (
        currency char(3) NOT NULL,
        reporting_currency char(3) NOT NULL,
        rate_date date NOT NULL,
        -- Units of the reporting currency for one unit of the currency.
        rate numeric(24, 12) NOT NULL CHECK (rate > 0),
        source text NOT NULL DEFAULT '',
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fx_rates_pkey PRIMARY KEY (currency, reporting_currency, rate_date)
      )`);
    await runner.query(`
      CREATE TABLE cost_tracking.entry_conversions (
        entry_id uuid NOT NULL REFERENCES cost_tracking.cost_entries (id),
        reporting_currency char(3) NOT NULL,
        rate numeric(24, 12) NOT NULL,
        rate_date date NOT NULL,
        -- The entry's amounts times the rate, rounded to the ledger's 18 places.
        amount numeric(38, 18) NOT NULL,
        effective_amount numeric(38, 18) NOT NULL,
        converted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT entry_conversions_pkey PRIMARY KEY (entry_id, reporting_currency)
      )`);
    // A rate that arrives late converts the entries of its currency and days.
    await runner.query(`CREATE INDEX cost_entries_currency_date_idx ON cost_tracking.cost_entries (currency, charge_date)`);
    for (const table of ['fx_rates', 'entry_conversions']) {
      await runner.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON cost_tracking.${table}
        FOR EACH ROW EXECUTE FUNCTION cost_tracking.refuse_change()`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE cost_tracking.entry_conversions`);
    await runner.query(`DROP TABLE cost_tracking.fx_rates`);
    await runner.query(`DROP INDEX cost_tracking.cost_entries_currency_date_idx`);
  }
}
