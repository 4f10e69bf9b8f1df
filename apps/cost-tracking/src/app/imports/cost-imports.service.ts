import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CostEvents, type CostImport, type CostImportList, type CostImportListItem, type CostImportListQuery, type StartCostImport } from '@capstan/contracts';
import { FocusRowError, readFocusHeader, readFocusRow, ruleFor, unclosedQuoteError, type FocusHeader } from '@capstan/cost-tracking-core';
import { Outbox, RpcError, firstResultSet, isDatabaseOutage, isTransactionConflict } from '@capstan/messaging';
import { isEmbedded } from '@capstan/persistence';
import { BudgetsService } from '../budgets/budgets.service';
import { ExchangeRatesService } from '../fx/exchange-rates.service';
import { LedgerService } from '../ledger/ledger.service';
import { AllocationRulesService } from './allocation-rules.service';
import { csvRuns, hasUnclosedQuote } from './csv-runs';
import { ImportBatch } from './import-batch';
import { importSettings } from './import-settings';

/** Rows written per transaction; the import's progress commits with them. */
const BATCH_ROWS = 5_000;
/**
 * While a batch is written the parser gives way every this many rows (a
 * fraction of a millisecond): every 256, a batch's statements waited for it
 * about a fifth as long as its COPY took.
 */
const YIELD_ROWS = 32;
/** What the list reads of an import: all but its rejected rows' reasons. */
const LIST_COLUMNS = [
  'id', 'format', 'status', 'default_currency', 'phase', 'bytes_received', 'content_sha256', 'chunks_received', 'bytes_processed',
  'rows_read', 'rows_imported', 'rows_rejected', 'rows_unallocated', 'failure', 'requested_by', 'created_at', 'updated_at', 'completed_at',
  'reversal_status', 'reversal_reason', 'reversal_requested_by', 'reversal_requested_at', 'reversed_at', 'entries_reversed', 'reversed_through_row',
  'reversal_attempts', 'reversal_error', 'reallocation_status', 'reallocation_reason', 'reallocation_requested_by', 'reallocation_requested_at',
  'reallocated_at', 'entries_reallocated', 'entries_left_unallocated', 'entries_without_attributes', 'reallocated_through_row', 'reallocation_attempts', 'reallocation_error',
].join(', ');
const CREATED_MICROS = '(extract(epoch FROM created_at) * 1000000)::bigint';
/** The report keeps this many rejected rows; the counts stay exact. */
const MAX_REPORTED_ERRORS = 1_000;

export interface ImportRow {
  id: string;
  format: 'focus';
  status: CostImport['status'];
  default_currency: string | null;
  phase: CostImport['phase'];
  bytes_received: string;
  content_sha256: string | null;
  chunks_received: number;
  bytes_processed: string;
  rows_read: number;
  rows_imported: number;
  rows_rejected: number;
  rows_unallocated: number;
  errors: CostImport['errors'];
  failure: string | null;
  requested_by: string;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
  reversal_status: 'reversing' | 'reversed' | null;
  reversal_reason: string | null;
  reversal_requested_by: string | null;
  reversal_requested_at: Date | null;
  reversed_at: Date | null;
  entries_reversed: number;
  reversed_through_row: number;
  reversal_attempts: number;
  reversal_error: string | null;
  reallocation_status: 'reallocating' | 'reallocated' | 'superseded' | null;
  reallocation_reason: string | null;
  reallocation_requested_by: string | null;
  reallocation_requested_at: Date | null;
  reallocated_at: Date | null;
  entries_reallocated: number;
  entries_left_unallocated: number;
  entries_without_attributes: number;
  reallocated_through_row: number;
  reallocation_attempts: number;
  reallocation_error: string | null;
}

/**
 * FOCUS billing imports. The file arrives in chunks and is kept until
 * processed; processing streams it through a CSV parser and writes the ledger
 * in batches, each in one transaction with the import's progress — so a crash
 * costs at most the batch in flight, and the restart (any replica, once the
 * lease lapses) skips the rows already written. A unique index on
 * (import, row, part) backs that up. Bad rows are rejected with the reason and
 * the rest imported; rows no allocation rule maps stay unallocated, visible.
 */
@Injectable()
export class CostImportsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CostImportsService.name);
  private readonly running = new Map<string, Promise<void>>();
  private resumer?: NodeJS.Timeout;
  private stopping = false;
  private readonly settings = importSettings();
  private readonly leaseSeconds = this.settings.leaseSeconds;
  private readonly resumeIntervalMs = this.settings.resumeIntervalMs;
  private readonly uploadTimeoutSeconds = this.settings.uploadTimeoutSeconds;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly rules: AllocationRulesService,
    private readonly ledger: LedgerService,
    private readonly budgets: BudgetsService,
    private readonly rates: ExchangeRatesService,
  ) {}

  onApplicationBootstrap(): void {
    const resume = () =>
      this.dataSource
        .query(`SELECT id FROM cost_tracking.cost_imports WHERE status = 'processing' AND (locked_until IS NULL OR locked_until < now())`)
        .then((rows: { id: string }[]) => rows.forEach((row) => this.processInBackground(row.id)))
        .then(() => this.abandonStalledUploads())
        .catch((error: unknown) => this.logger.warn(`Could not resume imports: ${String(error)}`));
    void resume();
    this.resumer = setInterval(() => void resume(), this.resumeIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.resumer);
    await Promise.allSettled(this.running.values());
  }

  async start(options: StartCostImport, actor: string): Promise<{ id: string }> {
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO cost_tracking.cost_imports (id, format, status, default_currency, phase, requested_by, allow_duplicate) VALUES ($1, $2, 'receiving', $3, $4, $5, $6)`,
      [id, options.format, options.currency ?? null, options.phase, actor, options.duplicate === 'allow'],
    );
    return { id };
  }

  /**
   * Keeps a piece of the file; a piece sent twice (a retry) is kept once.
   * Pieces are stored side by side, in any order: the import is only
   * share-locked, and `finish` (or `abandon`) waits for the pieces in flight.
   */
  async appendChunk(id: string, seq: number, data: string): Promise<{ seq: number }> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(`SELECT status FROM cost_tracking.cost_imports WHERE id = $1 FOR SHARE`, [id])) as ImportRow[];
      if (!row) throw RpcError.notFound(`Import ${id}`);
      if (row.status !== 'receiving') throw new RpcError('conflict', `Import ${id} is ${row.status}; it takes no more data`);
      await manager.query(`INSERT INTO cost_tracking.cost_import_chunks (import_id, seq, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [id, seq, data]);
      return { seq };
    });
  }

  /**
   * The upload is complete: once every piece is there (and every byte, when the sender counted them), processing
   * starts — unless the same file (by its SHA-256) was imported before and the caller did not allow it again: the
   * import then fails, its pieces dropped, and the answer (409) names the earlier one.
   */
  async finish(id: string, pieces?: number, bytes?: number, sha256?: string): Promise<CostImport> {
    const claimed = await this.dataSource.transaction(async (manager): Promise<boolean | { duplicateOf: ImportRow }> => {
      const [row] = (await manager.query(`SELECT status, allow_duplicate FROM cost_tracking.cost_imports WHERE id = $1 FOR UPDATE`, [id])) as (ImportRow & {
        allow_duplicate: boolean;
      })[];
      if (!row) throw RpcError.notFound(`Import ${id}`);
      if (row.status !== 'receiving') return false;
      // octet_length reads the size of a stored piece, not the piece.
      const [kept] = (await manager.query(
        `SELECT count(*)::int AS count, coalesce(max(seq), -1)::int AS last, coalesce(sum(octet_length(data)), 0)::text AS bytes
           FROM cost_tracking.cost_import_chunks WHERE import_id = $1`,
        [id],
      )) as { count: number; last: number; bytes: string }[];
      const expected = pieces ?? kept.count;
      if (kept.count !== expected || kept.last !== expected - 1) {
        throw new RpcError('unprocessable', `Import ${id} has ${kept.count} of the ${expected} pieces sent; send the file again`);
      }
      if (bytes !== undefined && Number(kept.bytes) !== bytes) {
        throw new RpcError('unprocessable', `Import ${id} has ${kept.bytes} of the ${bytes} bytes sent; send the file again`);
      }
      if (sha256 && !row.allow_duplicate) {
        // Two uploads of one file finishing at once: the second sees the first processing. An import that failed
        // part-way counts too: the rows it committed stay in the ledger. One reversed as a whole no longer counts.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('cost_tracking.cost_imports:' || $1))`, [sha256]);
        const [earlier] = (await manager.query(
          `SELECT * FROM cost_tracking.cost_imports
            WHERE content_sha256 = $1 AND id <> $2 AND (status IN ('processing', 'completed') OR (status = 'failed' AND rows_imported > 0))
              AND reversal_status IS DISTINCT FROM 'reversed'
            ORDER BY created_at LIMIT 1`,
          [sha256, id],
        )) as ImportRow[];
        if (earlier) {
          await manager.query(`DELETE FROM cost_tracking.cost_import_chunks WHERE import_id = $1`, [id]);
          await manager.query(
            `UPDATE cost_tracking.cost_imports SET status = 'failed', failure = $2, content_sha256 = $3, bytes_received = $4, updated_at = now() WHERE id = $1`,
            [id, duplicateFailure(earlier), sha256, kept.bytes],
          );
          return { duplicateOf: earlier };
        }
      }
      await manager.query(
        `UPDATE cost_tracking.cost_imports SET status = 'processing', chunks_received = $2, bytes_received = $3, content_sha256 = $4, updated_at = now() WHERE id = $1`,
        [id, kept.count, kept.bytes, sha256 ?? null],
      );
      return true;
    });
    if (typeof claimed === 'object') throw new RpcError('conflict', duplicateFailure(claimed.duplicateOf));
    if (claimed) this.processInBackground(id);
    return this.get(id);
  }

  /** The upload broke off: the import fails with the reason and its data is dropped. */
  async abandon(id: string, reason: string): Promise<CostImport> {
    await this.dataSource.transaction(async (manager) => {
      const changed = firstResultSet(
        await manager.query(
          `UPDATE cost_tracking.cost_imports SET status = 'failed', failure = $2, updated_at = now() WHERE id = $1 AND status = 'receiving' RETURNING id`,
          [id, reason],
        ),
      );
      if (changed.length) await manager.query(`DELETE FROM cost_tracking.cost_import_chunks WHERE import_id = $1`, [id]);
    });
    return this.get(id);
  }

  /**
   * Fails uploads no piece has reached for the upload timeout: their sender
   * stopped without abandoning them (a gateway restarted mid-file, say).
   * `abandon` changes only an import still receiving, so a late `finish`
   * and another replica's sweep settle it once.
   */
  private async abandonStalledUploads(): Promise<void> {
    const stalled = (await this.dataSource.query(
      `SELECT i.id FROM cost_tracking.cost_imports i
        WHERE i.status = 'receiving'
          AND greatest(i.created_at, (SELECT max(c.received_at) FROM cost_tracking.cost_import_chunks c WHERE c.import_id = i.id)) < now() - make_interval(secs => $1)`,
      [this.uploadTimeoutSeconds],
    )) as { id: string }[];
    for (const { id } of stalled) {
      await this.abandon(id, `The upload broke off: no piece of it arrived for ${this.uploadTimeoutSeconds} s. Send the file again.`);
      this.logger.warn(`Import ${id} failed: its upload stopped arriving`);
    }
  }

  async get(id: string): Promise<CostImport> {
    const [row] = (await this.dataSource.query(`SELECT * FROM cost_tracking.cost_imports WHERE id = $1`, [id])) as ImportRow[];
    if (!row) throw RpcError.notFound(`Import ${id}`);
    return view(row);
  }

  /** Newest first; the cursor is the last item's creation (in microseconds) and id, so a page never skips or repeats one. */
  async list(query: CostImportListQuery): Promise<CostImportList> {
    const filters: string[] = ['true'];
    const params: unknown[] = [];
    if (query.status) filters.push(`status = $${params.push(query.status)}`);
    if (query.cursor) {
      const [micros, id] = query.cursor.split('_');
      // Compared as whole microseconds: a timestamp through to_timestamp's double would not round-trip.
      filters.push(`(${CREATED_MICROS}, id) < ($${params.push(micros)}::bigint, $${params.push(id)}::uuid)`);
    }
    const rows = (await this.dataSource.query(
      `SELECT ${LIST_COLUMNS}, ${CREATED_MICROS}::text AS created_micros
         FROM cost_tracking.cost_imports WHERE ${filters.join(' AND ')}
        ORDER BY created_at DESC, id DESC LIMIT ${query.limit + 1}`,
      params,
    )) as (Omit<ImportRow, 'errors'> & { created_micros: string })[];
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(listItem),
      nextCursor: rows.length > query.limit ? `${last.created_micros}_${last.id}` : null,
    };
  }

  private processInBackground(id: string): void {
    if (this.running.has(id) || this.stopping) return;
    const run = this.process(id)
      .catch(async (error: unknown) => {
        if (this.stopping) return;
        if (error instanceof LeaseLost) return void this.logger.warn(error.message);
        // Nothing wrong with the file: the resumer takes the import up again where its last batch left it.
        if (isDatabaseOutage(error) || isTransactionConflict(error)) return void this.logger.warn(`Import ${id} paused, to be resumed: ${String(error)}`);
        this.logger.error(`Import ${id} failed: ${String(error)}`);
        await this.fail(id, error instanceof FocusRowError ? error.message : 'The import stopped on an internal error (see the service log)').catch((failing: unknown) =>
          // Nothing was changed (the failure and its announcement commit together): the import is still processing, and the resumer takes it up again.
          this.logger.warn(`Import ${id} could not be marked failed, to be resumed: ${String(failing)}`),
        );
      })
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
  }

  private async process(id: string): Promise<void> {
    const lease = randomUUID();
    const [job] = firstResultSet<ImportRow>(
      await this.dataSource.query(
        `UPDATE cost_tracking.cost_imports SET locked_until = now() + make_interval(secs => $2), locked_by = $3, updated_at = now()
          WHERE id = $1 AND status = 'processing' AND (locked_until IS NULL OR locked_until < now()) RETURNING *`,
        [id, this.leaseSeconds, lease],
      ),
    );
    if (!job) return;
    const copy = !isEmbedded(this.dataSource);
    const rules = await this.rules.active();
    const alreadyRead = job.rows_read;
    // Resumed: batches written by a version that kept no notes of what they touched (during a rolling upgrade) get theirs now.
    if (alreadyRead > 0) {
      await this.dataSource.query(
        `INSERT INTO cost_tracking.cost_import_touches (import_id, initiative_id, period, category, currency)
         SELECT DISTINCT import_id, initiative_id, period, category, currency FROM cost_tracking.cost_entries WHERE import_id = $1 AND initiative_id IS NOT NULL
         ON CONFLICT DO NOTHING`,
        [id],
      );
    }
    let bytesRead = 0;
    const chunks = this.chunksOf(id, job.chunks_received, (bytes) => (bytesRead += bytes));

    let header: FocusHeader | undefined;
    let rowNumber = 1;
    let batch = new ImportBatch(id, job, alreadyRead, copy);
    // One batch is written while the next is parsed: the database and this process work side by side.
    let writing: Promise<void> = Promise.resolve();
    let writePending = false;
    let spareBuffer: Buffer | undefined;
    try {
      for await (const records of csvRuns(Readable.from(chunks))) {
        if (this.stopping) return void (await writing);
        for (const record of records) {
          if (!header) {
            header = readFocusHeader(record);
            continue;
          }
          rowNumber++;
          // Rows written by an earlier run of this import are skipped, not written again.
          if (rowNumber - 1 <= alreadyRead) continue;
          try {
            // The rows an unclosed quote took into this one are not lost silently: the row is refused, saying so.
            if (hasUnclosedQuote(record)) throw unclosedQuoteError(record) ?? new FocusRowError('A quote in this row is never closed');
            const charge = readFocusRow(record, header, job.default_currency);
            batch.add(rowNumber, charge, ruleFor(rules, charge));
          } catch (error) {
            if (!(error instanceof FocusRowError)) throw error;
            batch.reject(rowNumber, error.message);
          }
          // The batch being written talks to the database only while this loop gives way: each of its statements waits for the next time it does.
          if (writePending && rowNumber % YIELD_ROWS === 0) await new Promise(setImmediate);
          if (batch.size >= BATCH_ROWS) {
            await writing;
            writePending = true;
            const written = batch;
            writing = this.write(written, bytesRead, lease).then(() => void (spareBuffer = written.releaseBuffer()));
            writing.finally(() => (writePending = false)).catch(() => undefined);
            batch = batch.next(spareBuffer);
            spareBuffer = undefined;
          }
        }
      }
    } catch (error) {
      // A batch still being written commits (or not) before the import is marked failed: its rows are counted.
      await writing.catch(() => undefined);
      throw error;
    }
    await writing;
    if (!header) throw new FocusRowError('The file is empty: it needs a FOCUS header row');
    await this.write(batch, bytesRead, lease);
    await this.complete(id);
  }

  private async *chunksOf(id: string, count: number, onRead: (bytes: number) => void): AsyncGenerator<string> {
    for (let seq = 0; seq < count; seq++) {
      const [chunk] = (await this.dataSource.query(
        `SELECT data, octet_length(data) AS bytes FROM cost_tracking.cost_import_chunks WHERE import_id = $1 AND seq = $2`,
        [id, seq],
      )) as { data: string; bytes: number }[];
      if (!chunk) throw new Error(`Import ${id} lost piece ${seq}`);
      onRead(chunk.bytes);
      // A byte-order mark is no part of the header's first name, quoted or not: the parser would keep it.
      yield seq === 0 && chunk.data.startsWith('\uFEFF') ? chunk.data.slice(1) : chunk.data;
    }
  }

  /** One batch: its entries and the import's progress, together; the lease is renewed, or the work stops if another process took it. */
  private async write(batch: ImportBatch, bytesRead: number, lease: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Lock the import before writing: a process that took it over must not meet our rows in the unique index.
      const held = (await manager.query(`SELECT 1 FROM cost_tracking.cost_imports WHERE id = $1 AND locked_by = $2 FOR UPDATE`, [batch.importId, lease])) as unknown[];
      if (!held.length) throw new LeaseLost(batch.importId);
      await batch.insert(manager);
      const rows = batch.rows;
      if (rows) await this.rates.convertImportRows(manager, batch.importId, rows, batch.days);
      // The progress, and what the batch touched (whose budgets and figures to recheck at the end), in one statement.
      const touches = batch.touches;
      await manager.query(
        `WITH touched AS (
           INSERT INTO cost_tracking.cost_import_touches (import_id, initiative_id, period, category, currency)
           SELECT $1, * FROM unnest($10::uuid[], $11::text[], $12::text[], $13::text[]) ON CONFLICT DO NOTHING
         )
         UPDATE cost_tracking.cost_imports
            SET rows_read = $2, rows_imported = rows_imported + $3, rows_rejected = rows_rejected + $4, rows_unallocated = rows_unallocated + $5,
                errors = CASE WHEN jsonb_array_length(errors) < $7 THEN errors || $6::jsonb ELSE errors END,
                bytes_processed = greatest(bytes_processed, $8), locked_until = now() + make_interval(secs => $9), updated_at = now()
          WHERE id = $1`,
        [
          batch.importId,
          batch.rowsRead,
          batch.imported,
          batch.rejected.length,
          batch.unallocated,
          JSON.stringify(batch.rejected.slice(0, MAX_REPORTED_ERRORS)),
          MAX_REPORTED_ERRORS,
          bytesRead,
          this.leaseSeconds,
          touches.map((t) => t.initiativeId),
          touches.map((t) => t.period),
          touches.map((t) => t.category),
          touches.map((t) => t.currency),
        ],
      );
    });
  }

  /** Done: the file is dropped, and what changed is announced — cost visibility per initiative, budget alerts, the import. */
  private async complete(id: string): Promise<void> {
    await this.outbox.transaction(async (manager) => {
      const [row] = firstResultSet<ImportRow>(
        await manager.query(
          `UPDATE cost_tracking.cost_imports SET status = 'completed', completed_at = now(), locked_until = NULL, bytes_processed = bytes_received, updated_at = now()
            WHERE id = $1 AND status = 'processing' RETURNING *`,
          [id],
        ),
      );
      if (row) await this.announce(manager, row);
    });
    this.logger.log(`Import ${id} completed`);
  }

  /**
   * Failed: the rows its batches committed stay in the ledger (the failure says how many), so what they changed is
   * announced as for a completed import — budgets they pushed past a threshold, cost visibility — and the file dropped.
   */
  private async fail(id: string, failure: string): Promise<void> {
    await this.outbox.transaction(async (manager) => {
      const [row] = firstResultSet<ImportRow>(
        await manager.query(
          `UPDATE cost_tracking.cost_imports
              SET status = 'failed', locked_until = NULL, updated_at = now(),
                  failure = $2 || CASE WHEN rows_imported > 0 THEN format(' — the %s row(s) imported before it stay in the ledger under this import', rows_imported) ELSE '' END
            WHERE id = $1 AND status = 'processing' RETURNING *`,
          [id, failure],
        ),
      );
      if (row) await this.announce(manager, row);
    });
  }

  /**
   * What an import that ended (or its reversal, or re-allocation) changed, told in its transaction: per initiative its economics, per
   * budget its burn, and the import. The touches its batches noted are used up.
   */
  async announce(
    manager: EntityManager,
    row: ImportRow,
    status: 'completed' | 'failed' | 'reversed' | 'reallocated' = row.status === 'failed' ? 'failed' : 'completed',
  ): Promise<void> {
    const id = row.id;
    await manager.query(`DELETE FROM cost_tracking.cost_import_chunks WHERE import_id = $1`, [id]);
    // In one order, so that two imports completing at once lock the same budgets in the same order.
    const touched = (await manager.query(
      `WITH gone AS (DELETE FROM cost_tracking.cost_import_touches WHERE import_id = $1 RETURNING initiative_id, period, category, currency)
       SELECT * FROM gone ORDER BY initiative_id, period, category, currency`,
      [id],
    )) as { initiative_id: string; period: string; category: string; currency: string }[];
    const initiatives = [...new Set(touched.map((t) => t.initiative_id))].sort();
    for (const initiativeId of initiatives) {
      await this.ledger.publishEconomics(manager, initiativeId, {});
    }
    await this.budgets.checkEach(manager, touched.map((t) => ({ initiativeId: t.initiative_id, period: t.period.trim(), category: t.category })), {});
    await this.outbox.enqueue(manager, CostEvents.imported, {
      importId: id,
      status,
      rowsImported: row.rows_imported,
      rowsRejected: row.rows_rejected,
      rowsUnallocated: row.rows_unallocated,
      initiatives,
    });
  }
}

function duplicateFailure(earlier: ImportRow): string {
  const when = new Date(earlier.created_at).toISOString();
  const kept = earlier.status === 'failed' ? `, which stay in the ledger (GET /api/v1/cost-entries?importId=${earlier.id})` : ' so far';
  const next =
    earlier.reversal_status === 'reversing'
      ? 'It is being reversed: send the file again once that is done'
      : `Reverse it first (POST /api/v1/cost-imports/${earlier.id}/reversal), or send the file with duplicate=allow if it is meant to be imported again`;
  return `The same file was imported as ${earlier.id} (${when}, ${earlier.status}, ${earlier.rows_imported} row(s) imported${kept}); importing it again would count its spend twice. ${next}`;
}

/** Another process took over the import (this one held its lease too long): this one stops, quietly. */
class LeaseLost extends Error {
  constructor(id: string) {
    super(`Import ${id} is being processed elsewhere now; this process stops working on it`);
  }
}

export function view(row: ImportRow): CostImport {
  return { ...listItem(row), errors: row.errors };
}

/** An import as lists show it: all but its rejected rows' reasons. */
function listItem(row: Omit<ImportRow, 'errors'>): CostImportListItem {
  const received = Number(row.bytes_received);
  return {
    id: row.id,
    format: row.format,
    status: row.status,
    phase: row.phase,
    defaultCurrency: row.default_currency?.trim() ?? null,
    bytesReceived: received,
    contentSha256: row.content_sha256,
    progress: row.status === 'completed' ? 1 : received ? Math.min(1, Math.round((Number(row.bytes_processed) / received) * 1000) / 1000) : 0,
    rowsRead: row.rows_read,
    rowsImported: row.rows_imported,
    rowsRejected: row.rows_rejected,
    rowsUnallocated: row.rows_unallocated,
    failure: row.failure,
    requestedBy: row.requested_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    completedAt: row.completed_at ? new Date(row.completed_at).toISOString() : null,
    reversal:
      row.reversal_status && row.reversal_requested_at
        ? {
            status: row.reversal_status,
            reason: row.reversal_reason ?? '',
            requestedBy: row.reversal_requested_by ?? '',
            requestedAt: new Date(row.reversal_requested_at).toISOString(),
            entriesReversed: row.entries_reversed,
            reversedAt: row.reversed_at ? new Date(row.reversed_at).toISOString() : null,
            lastError: row.reversal_error,
            failedAttempts: row.reversal_attempts,
          }
        : null,
    reallocation:
      row.reallocation_status && row.reallocation_requested_at
        ? {
            status: row.reallocation_status,
            reason: row.reallocation_reason ?? '',
            requestedBy: row.reallocation_requested_by ?? '',
            requestedAt: new Date(row.reallocation_requested_at).toISOString(),
            entriesReallocated: row.entries_reallocated,
            entriesLeftUnallocated: row.entries_left_unallocated,
            entriesWithoutAttributes: row.entries_without_attributes,
            reallocatedAt: row.reallocated_at ? new Date(row.reallocated_at).toISOString() : null,
            lastError: row.reallocation_error,
            failedAttempts: row.reallocation_attempts,
          }
        : null,
  };
}
