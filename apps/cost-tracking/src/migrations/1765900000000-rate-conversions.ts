import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entries converted when their rate arrives, or when the reporting currency
 * changes, are converted by a job in slices of the ledger (by `seq`), each
 * slice its own transaction, rather than all in the request that recorded the
 * rates: a large backlog neither holds its initiatives locked for minutes nor
 * outlives the request, and a crash resumes where the last slice committed.
 * The initiatives whose entries a job converted have their figures published
 * again when it has converted everything (every initiative's, after a change
 * of reporting currency).
 */
export class RateConversions1765900000000 implements MigrationInterface {
  name = 'RateConversions1765900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cost_tracking.rate_conversions (
        id bigserial PRIMARY KEY,
        reporting_currency char(3) NOT NULL,
        -- The rates' currency and the charge dates they price; null: every entry (a new reporting currency).
        currency char(3),
        from_date date,
        through_date date,
        -- The slice to convert next, and the last; null until the job has found the entries waiting.
        first_seq bigint,
        next_seq bigint,
        through_seq bigint NOT NULL,
        entries_converted bigint NOT NULL DEFAULT 0,
        -- A new reporting currency: every initiative's figures change, not only those of the entries converted.
        republish_all boolean NOT NULL DEFAULT false,
        queued_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        -- Failures in a row, why the last one failed, and when to try again.
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        retry_at timestamptz,
        CHECK ((currency IS NULL) = (from_date IS NULL) AND (from_date IS NULL) = (through_date IS NULL))
      )`);
    await runner.query(`CREATE INDEX rate_conversions_unfinished ON cost_tracking.rate_conversions (id) WHERE finished_at IS NULL`);
    // One backfill of the ledger at a time per reporting currency, however many replicas start together.
    await runner.query(
      `CREATE UNIQUE INDEX rate_conversions_one_backfill ON cost_tracking.rate_conversions (reporting_currency) WHERE currency IS NULL AND finished_at IS NULL`,
    );
    // When each reporting currency was last started with: the latest is the one entries were converted into since
    // (unknown for a ledger converted before this version).
    await runner.query(`ALTER TABLE cost_tracking.conversion_backfills ADD COLUMN started_at timestamptz`);
    await runner.query(`
      CREATE TABLE cost_tracking.rate_conversion_initiatives (
        conversion_id bigint NOT NULL REFERENCES cost_tracking.rate_conversions (id),
        initiative_id uuid NOT NULL,
        PRIMARY KEY (conversion_id, initiative_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.conversion_backfills DROP COLUMN started_at`);
    await runner.query(`DROP TABLE cost_tracking.rate_conversion_initiatives`);
    await runner.query(`DROP TABLE cost_tracking.rate_conversions`);
  }
}
