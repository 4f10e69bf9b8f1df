import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * FOCUS billing imports: the ledger keeps billing exports' sub-cent line items
 * exactly (scale 18) with their cost columns; imports arrive in chunks and are
 * processed in batches whose progress commits with the rows, so a restart
 * resumes where the last batch ended. Allocation rules map rows to
 * initiatives, whole or split.
 */
export class FocusImports1764300000000 implements MigrationInterface {
  name = 'FocusImports1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.cost_entries ALTER COLUMN amount TYPE numeric(38, 18)`);
    await runner.query(`ALTER TABLE cost_tracking.cost_entries ALTER COLUMN effective_amount TYPE numeric(38, 18)`);
    // Bulk loads (COPY) leave the id to the database.
    await runner.query(`ALTER TABLE cost_tracking.cost_entries ALTER COLUMN id SET DEFAULT gen_random_uuid()`);
    await runner.query(`
      ALTER TABLE cost_tracking.cost_entries
        ADD COLUMN list_cost numeric(38, 18),
        ADD COLUMN contracted_cost numeric(38, 18),
        ADD COLUMN charge_category text,
        ADD COLUMN resource_id text,
        ADD COLUMN import_row integer,
        ADD COLUMN split_part smallint,
        ADD COLUMN allocation_rule_id uuid`);
    // A row of an import lands once, whatever happens to the process importing it.
    await runner.query(`
      CREATE UNIQUE INDEX cost_entries_import_row_idx ON cost_tracking.cost_entries (import_id, import_row, split_part)
      WHERE import_id IS NOT NULL`);
    await runner.query(`
      CREATE TABLE cost_tracking.cost_imports (
        id uuid PRIMARY KEY,
        format text NOT NULL,
        status text NOT NULL CHECK (status IN ('receiving', 'processing', 'completed', 'failed')),
        default_currency char(3),
        phase text NOT NULL CHECK (phase IN ('pilot', 'production')),
        bytes_received bigint NOT NULL DEFAULT 0,
        chunks_received integer NOT NULL DEFAULT 0,
        bytes_processed bigint NOT NULL DEFAULT 0,
        rows_read integer NOT NULL DEFAULT 0,
        rows_imported integer NOT NULL DEFAULT 0,
        rows_rejected integer NOT NULL DEFAULT 0,
        rows_unallocated integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        failure text,
        locked_until timestamptz,
        -- Which process holds the lease: a process that lost it (it took too long) stops writing.
        locked_by uuid,
        requested_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE cost_tracking.cost_import_chunks (
        import_id uuid NOT NULL REFERENCES cost_tracking.cost_imports (id),
        seq integer NOT NULL,
        data text NOT NULL,
        CONSTRAINT cost_import_chunks_pkey PRIMARY KEY (import_id, seq)
      )`);
    await runner.query(`
      CREATE TABLE cost_tracking.allocation_rules (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        priority integer NOT NULL,
        match jsonb NOT NULL,
        target jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_by text,
        retired_at timestamptz
      )`);
    await runner.query(`CREATE UNIQUE INDEX allocation_rules_name_idx ON cost_tracking.allocation_rules (lower(name)) WHERE retired_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE cost_tracking.allocation_rules`);
    await runner.query(`DROP TABLE cost_tracking.cost_import_chunks`);
    await runner.query(`DROP TABLE cost_tracking.cost_imports`);
    await runner.query(`DROP INDEX cost_tracking.cost_entries_import_row_idx`);
    await runner.query(`
      ALTER TABLE cost_tracking.cost_entries
        DROP COLUMN list_cost, DROP COLUMN contracted_cost, DROP COLUMN charge_category, DROP COLUMN resource_id,
        DROP COLUMN import_row, DROP COLUMN split_part, DROP COLUMN allocation_rule_id`);
  }
}
