import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Token metering: price tables per model, effective from a date (a new price
 * is a new row; rows never change), and each usage record with the price it
 * was charged at and the cost entry that charge is in the ledger as.
 */
export class TokenMetering1764700000000 implements MigrationInterface {
  name = 'TokenMetering1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cost_tracking.token_prices (
        id uuid PRIMARY KEY,
        model text NOT NULL,
        effective_from date NOT NULL,
        currency char(3) NOT NULL,
        -- Per 1,000 tokens.
        input_per_1k numeric(24, 12) NOT NULL CHECK (input_per_1k >= 0),
        output_per_1k numeric(24, 12) NOT NULL CHECK (output_per_1k >= 0),
        cached_per_1k numeric(24, 12) NOT NULL CHECK (cached_per_1k >= 0),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT token_prices_model_from_key UNIQUE (model, effective_from)
      )`);
    await runner.query(`
      CREATE TABLE cost_tracking.token_usage (
        id uuid PRIMARY KEY,
        initiative_id uuid NOT NULL REFERENCES cost_tracking.initiatives (id),
        model text NOT NULL,
        usage_date date NOT NULL,
        phase text NOT NULL,
        input_tokens bigint NOT NULL,
        output_tokens bigint NOT NULL,
        cached_tokens bigint NOT NULL,
        reference text NOT NULL DEFAULT '',
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX token_usage_model_date_idx ON cost_tracking.token_usage (model, usage_date)`);
    // Each time a usage record was priced: the first time, and again when re-priced on request (the old charge reversed).
    await runner.query(`
      CREATE TABLE cost_tracking.token_charges (
        usage_id uuid NOT NULL REFERENCES cost_tracking.token_usage (id),
        price_id uuid NOT NULL REFERENCES cost_tracking.token_prices (id),
        entry_id uuid NOT NULL REFERENCES cost_tracking.cost_entries (id),
        amount numeric(38, 18) NOT NULL,
        current boolean NOT NULL DEFAULT true,
        charged_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX token_charges_current_idx ON cost_tracking.token_charges (usage_id) WHERE current`);
    for (const table of ['token_prices', 'token_usage']) {
      await runner.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON cost_tracking.${table}
        FOR EACH ROW EXECUTE FUNCTION cost_tracking.refuse_change()`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE cost_tracking.token_charges`);
    await runner.query(`DROP TABLE cost_tracking.token_usage`);
    await runner.query(`DROP TABLE cost_tracking.token_prices`);
  }
}
