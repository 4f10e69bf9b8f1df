import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ImportKind, ImportMode, ImportRowError, InitiativeImport } from '@capstan/contracts';
import { Outbox, RpcError, firstResultSet } from '@capstan/messaging';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';
import { CsvFileError } from './csv-table';
import type { ImportPipeline } from './import-pipeline';
import { InitiativeImportPipeline } from './initiative-import.pipeline';
import { TelemetryImportPipeline } from './telemetry-import.pipeline';

const BATCH = 250;
const LEASE_SECONDS = 60;
/** The report lists at most this many bad rows; the counts stay exact. */
const MAX_REPORTED_ERRORS = 10_000;

interface ImportRow {
  id: string;
  kind: ImportKind;
  status: InitiativeImport['status'];
  mode: ImportMode;
  rows_total: number;
  rows_processed: number;
  rows_imported: number;
  rows_skipped: number;
  rows_invalid: number;
  errors: ImportRowError[];
  failure: string | null;
  requested_by: string;
  created_at: Date;
  updated_at: Date;
}

/**
 * CSV imports (an existing inventory of initiatives, or telemetry). The file arrives in chunks and is kept
 * until processed; rows are validated first, then written in batches whose
 * progress commits with them. A file with errors writes nothing unless the
 * caller chose `valid-rows`. Rows whose initiative (business unit + name)
 * exists are skipped, so re-importing a file — or resuming one after a crash —
 * creates no duplicates.
 */
@Injectable()
export class ImportsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ImportsService.name);
  private resumer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
    initiatives: InitiativeImportPipeline,
    telemetry: TelemetryImportPipeline,
  ) {
    this.pipelines = { initiatives, telemetry };
  }

  private readonly pipelines: Record<ImportKind, ImportPipeline<{ row: number }>>;
  /** Imports this process is working on: a resume tick finding one's lease lapsed does not start it twice here. */
  private readonly working = new Set<string>();

  onApplicationBootstrap(): void {
    // Imports whose process stopped (crash, deploy) carry on once their lease lapses.
    const resume = () =>
      this.dataSource
        .query(`SELECT id FROM intake.imports WHERE status = 'processing' AND (locked_until IS NULL OR locked_until < now())`)
        .then((rows: { id: string }[]) => rows.forEach((row) => this.processInBackground(row.id)))
        .then(() => this.failStalledUploads())
        .catch((error: unknown) => this.logger.warn(`Could not resume imports: ${String(error)}`));
    void resume();
    this.resumer = setInterval(() => void resume(), 15_000);
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.resumer);
  }

  async start(kind: ImportKind, mode: ImportMode, actor: string): Promise<{ id: string }> {
    const id = randomUUID();
    await this.dataSource.query(`INSERT INTO intake.imports (id, kind, status, mode, requested_by) VALUES ($1, $2, 'receiving', $3, $4)`, [
      id,
      kind,
      mode,
      actor,
    ]);
    return { id };
  }

  async appendChunk(id: string, seq: number, data: string): Promise<{ received: number }> {
    // Still receiving, and alive from now on: a stalled upload is failed once this is old enough.
    const receiving = firstResultSet(
      await this.dataSource.query(`UPDATE intake.imports SET updated_at = now() WHERE id = $1 AND status = 'receiving' RETURNING id`, [id]),
    );
    if (!receiving.length) {
      const current = await this.row(id);
      throw new RpcError('conflict', `Import ${id} is ${current.status}; it takes no more data`);
    }
    await this.dataSource.query(
      `INSERT INTO intake.import_chunks (import_id, seq, data) VALUES ($1, $2, $3) ON CONFLICT (import_id, seq) DO UPDATE SET data = EXCLUDED.data`,
      [id, seq, data],
    );
    return { received: seq + 1 };
  }

  /**
   * Fails uploads no piece has reached for the upload timeout — their sender
   * stopped without finishing (the gateway was restarted mid-file, say) —
   * and drops their pieces, instead of leaving them receiving for ever.
   */
  private async failStalledUploads(): Promise<void> {
    const timeout = this.config.importUploadTimeoutSeconds;
    const failed = await this.dataSource.transaction(async (manager) => {
      const rows = firstResultSet<{ id: string }>(
        await manager.query(
          `UPDATE intake.imports SET status = 'failed', failure = $2, updated_at = now()
            WHERE status = 'receiving' AND updated_at < now() - make_interval(secs => $1) RETURNING id`,
          [timeout, `The upload broke off: no piece of it arrived for ${timeout} s. Send the file again.`],
        ),
      );
      if (rows.length) await manager.query(`DELETE FROM intake.import_chunks WHERE import_id = ANY($1::uuid[])`, [rows.map((row) => row.id)]);
      return rows;
    });
    for (const { id } of failed) this.logger.warn(`Import ${id} failed: its upload stopped arriving`);
  }

  async finish(id: string): Promise<InitiativeImport> {
    const claimed = firstResultSet(
      await this.dataSource.query(`UPDATE intake.imports SET status = 'processing', updated_at = now() WHERE id = $1 AND status = 'receiving' RETURNING id`, [id]),
    );
    if (!claimed.length) await this.row(id);
    else this.processInBackground(id);
    return this.get(id);
  }

  async get(id: string): Promise<InitiativeImport> {
    return toView(await this.row(id));
  }

  private processInBackground(id: string): void {
    if (this.working.has(id)) return;
    this.working.add(id);
    this.process(id)
      .catch(async (error: unknown) => {
        this.logger.error(`Import ${id} failed`, error instanceof Error ? error.stack : String(error));
        // The cause is in the log; the caller learns what stands (the database's own words say nothing to them).
        // Only while it is processing: another process may have finished it meanwhile, and that stands.
        await this.dataSource
          .query(
            `UPDATE intake.imports SET status = 'failed', locked_until = NULL, updated_at = now(),
               failure = CASE WHEN mode = 'all-or-nothing' THEN $2 ELSE format($3, rows_imported) END WHERE id = $1 AND status = 'processing'`,
            [id, 'The import stopped on an internal error and imported nothing. Send the file again.', 'The import stopped on an internal error after importing %s row(s); those stay. Send the rest again.'],
          )
          .catch(() => undefined);
      })
      .finally(() => this.working.delete(id));
  }

  private async process(id: string): Promise<void> {
    if (!(await this.claim(id))) return;
    const chunks: { data: string }[] = await this.dataSource.query(`SELECT data FROM intake.import_chunks WHERE import_id = $1 ORDER BY seq`, [id]);
    const current = await this.row(id);
    const pipeline = this.pipelines[current.kind];
    let parsed;
    try {
      parsed = pipeline.parse(chunks.map((chunk) => chunk.data).join(''), { maxRows: this.config.importMaxRows });
    } catch (error) {
      if (!(error instanceof CsvFileError)) throw error;
      await this.settle(id, 'rejected', { errors: error.errors, failure: error.message });
      return;
    }
    const plan = await pipeline.plan(this.dataSource.manager, parsed.valid, id);
    const invalid = [...parsed.invalid, ...plan.invalid].sort((a, b) => a.row - b.row);
    const counts = { rows_total: parsed.total, rows_invalid: invalid.length, errors: invalid.slice(0, MAX_REPORTED_ERRORS) };
    if (current.mode === 'all-or-nothing' && invalid.length) {
      await this.settle(id, 'rejected', { ...counts, rows_processed: parsed.total, failure: `${invalid.length} row(s) are invalid: nothing was imported` });
      return;
    }
    let imported = plan.alreadyImported;
    let skipped = plan.skipped;
    // Resumed: the rows earlier batches wrote count as they did, and are not written again.
    const written = new Map(
      (
        (await this.dataSource.query(`SELECT row_number, imported FROM intake.import_rows_written WHERE import_id = $1`, [id])) as {
          row_number: number;
          imported: boolean;
        }[]
      ).map((row) => [row.row_number, row.imported]),
    );
    const pending = plan.write.filter((row) => !written.has(row.row));
    for (const row of plan.write) {
      const done = written.get(row.row);
      if (done === true) imported++;
      else if (done === false) skipped++;
    }
    const settled = () => invalid.length + skipped + imported;
    const write = async (manager: EntityManager, row: (typeof plan.write)[number]) => {
      const wrote = await pipeline.write(manager, row, current.requested_by, id);
      if (wrote) imported++;
      else skipped++;
      return wrote;
    };
    await this.update(id, { ...counts, rows_skipped: skipped, rows_imported: imported, rows_processed: settled() });
    if (current.mode === 'all-or-nothing') {
      // One transaction: a row the database refuses takes every other row back with it. It holds the import's row
      // throughout, so a process that finds the lease lapsed meanwhile skips it (see claim). No
      // progress is written meanwhile: that would take a second connection, which the embedded database (one
      // connection) never frees and a small pool can run out of; the rows count as imported when it commits.
      await this.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT 1 FROM intake.imports WHERE id = $1 FOR UPDATE`, [id]);
        for (const row of pending) await write(manager, row);
        await manager.query(
          `UPDATE intake.imports SET status = 'completed', rows_imported = $2, rows_skipped = $3, rows_processed = $4, locked_until = NULL, updated_at = now() WHERE id = $1`,
          [id, imported, skipped, settled()],
        );
      });
      this.outbox.wake();
    } else {
      for (let start = 0; start < pending.length; start += BATCH) {
        const batch = pending.slice(start, start + BATCH);
        await this.dataSource.transaction(async (manager) => {
          const rows: number[] = [];
          const wrote: boolean[] = [];
          for (const row of batch) {
            wrote.push(await write(manager, row));
            rows.push(row.row);
          }
          await manager.query(
            `INSERT INTO intake.import_rows_written (import_id, row_number, imported) SELECT $1::uuid, * FROM unnest($2::int[], $3::boolean[])`,
            [id, rows, wrote],
          );
          await manager.query(
            `UPDATE intake.imports SET rows_imported = $2, rows_skipped = $3, rows_processed = $4, locked_until = now() + make_interval(secs => $5), updated_at = now()
             WHERE id = $1`,
            [id, imported, skipped, settled(), LEASE_SECONDS],
          );
        });
        this.outbox.wake();
      }
      await this.settle(id, 'completed', {});
      await this.dataSource.query(`DELETE FROM intake.import_rows_written WHERE import_id = $1`, [id]);
    }
    this.logger.log(`Import ${id} (${current.kind}): ${imported} imported, ${skipped} skipped, ${invalid.length} invalid of ${parsed.total}`);
  }

  /**
   * One process works on an import at a time: it holds a lease it renews with every batch. An all-or-nothing
   * import renews none, but holds its row locked to the end: a row locked is skipped, not waited for (the wait
   * would outlast the statement timeout and fail an import that was about to complete).
   */
  private async claim(id: string): Promise<boolean> {
    const rows = firstResultSet(
      await this.dataSource.query(
        `UPDATE intake.imports SET locked_until = now() + make_interval(secs => $2)
         WHERE id = (SELECT id FROM intake.imports WHERE id = $1 AND status = 'processing' AND (locked_until IS NULL OR locked_until < now())
                     FOR UPDATE SKIP LOCKED)
         RETURNING id`,
        [id, LEASE_SECONDS],
      ),
    );
    return rows.length > 0;
  }

  private async settle(id: string, status: 'completed' | 'rejected', fields: Partial<Record<keyof ImportRow, unknown>>): Promise<void> {
    await this.update(id, { ...fields, status, locked_until: null });
  }

  private async update(id: string, fields: Partial<Record<keyof ImportRow | 'locked_until', unknown>>): Promise<void> {
    const entries = Object.entries(fields);
    const assignments = entries.map(([column], i) => `${column} = $${i + 2}`).join(', ');
    const values = entries.map(([column, value]) => (column === 'errors' ? JSON.stringify(value) : value));
    await this.dataSource.query(`UPDATE intake.imports SET ${assignments}, updated_at = now() WHERE id = $1`, [id, ...values]);
  }

  private async row(id: string): Promise<ImportRow> {
    const [row] = (await this.dataSource.query(`SELECT * FROM intake.imports WHERE id = $1`, [id])) as ImportRow[];
    if (!row) throw RpcError.notFound(`Import ${id}`);
    return row;
  }
}

function toView(row: ImportRow): InitiativeImport {
  const done = row.rows_invalid + row.rows_skipped + row.rows_imported;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    mode: row.mode,
    rowsTotal: row.rows_total,
    rowsProcessed: row.rows_processed,
    rowsImported: row.rows_imported,
    rowsSkipped: row.rows_skipped,
    rowsInvalid: row.rows_invalid,
    progress: row.status === 'completed' || row.status === 'rejected' ? 1 : row.rows_total ? Math.min(done / row.rows_total, 1) : 0,
    errors: row.errors,
    failure: row.failure,
    requestedBy: row.requested_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
