import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only cost ledger (exact numeric amounts) and the initiatives it may charge. */
export class Ledger1764100000000 implements MigrationInterface {
  name = 'Ledger1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cost_tracking.initiatives (
        id uuid PRIMARY KEY,
        key text NOT NULL,
        name text NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE cost_tracking.cost_entries (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL,
        initiative_id uuid REFERENCES cost_tracking.initiatives (id),
        charge_date date NOT NULL,
        period char(7) NOT NULL,
        category text NOT NULL,
        phase text NOT NULL CHECK (phase IN ('pilot', 'production')),
        amount numeric(30, 10) NOT NULL,
        effective_amount numeric(30, 10),
        service_category text,
        import_id uuid,
        currency char(3) NOT NULL,
        source text NOT NULL CHECK (source IN ('manual', 'import', 'metered', 'allocation')),
        reference text NOT NULL DEFAULT '',
        reverses_id uuid UNIQUE REFERENCES cost_tracking.cost_entries (id),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX cost_entries_initiative_period_idx ON cost_tracking.cost_entries (initiative_id, period)`);
    // Append-only: corrections are reversing entries, never updates or deletes.
    await runner.query(`
      CREATE FUNCTION cost_tracking.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'cost entries are append-only: record a reversing entry instead'; END $$`);
    await runner.query(`
      CREATE TRIGGER cost_entries_append_only BEFORE UPDATE OR DELETE ON cost_tracking.cost_entries
      FOR EACH ROW EXECUTE FUNCTION cost_tracking.refuse_change()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE cost_tracking.cost_entries`);
    await runner.query(`DROP FUNCTION cost_tracking.refuse_change()`);
    await runner.query(`DROP TABLE cost_tracking.initiatives`);
  }
}
