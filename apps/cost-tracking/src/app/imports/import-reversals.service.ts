import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CostImport } from '@capstan/contracts';
import { Outbox, RpcError, firstResultSet, isDatabaseOutage, isTransactionConflict, isUniqueViolation } from '@capstan/messaging';
import { ExchangeRatesService } from '../fx/exchange-rates.service';
import { REVERSING_COLUMNS, reversingValues } from '../ledger/ledger.service';
import { CostImportsService, view, type ImportRow } from './cost-imports.service';
import { importSettings } from './import-settings';

/** An import's rows reversed per transaction (each row's entries: one, or one per part of a split). */
const BATCH_ROWS = 5_000;

/**
 * Reverses an import as a whole — the wrong file, the wrong phase, a month
 * sent twice — by appending a reversing entry for every entry it wrote that
 * stands (one reversed by hand before is passed by), never by changing the
 * ledger. Batches of rows, in the file's order, each commit with the row they
 * reached, so a crash (or another replica, once the lease lapses) resumes
 * where the last one ended, and the reversing entries' unique link to the
 * entry they reverse keeps any from being written twice. Each reversing entry
 * takes its entry's conversions, so the pair nets to zero in every view.
 * When every row is done the import is told again (`cost.imported`,
 * "reversed") with the economics and budgets it changed.
 */
@Injectable()
export class ImportReversalsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ImportReversalsService.name);
  private readonly running = new Map<string, Promise<void>>();
  private resumer?: NodeJS.Timeout;
  private stopping = false;
  private readonly settings = importSettings();
  private readonly leaseSeconds = this.settings.leaseSeconds;
  private readonly resumeIntervalMs = this.settings.resumeIntervalMs;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly imports: CostImportsService,
    private readonly rates: ExchangeRatesService,
  ) {}

  onApplicationBootstrap(): void {
    const resume = () =>
      this.dataSource
        .query(`SELECT id FROM cost_tracking.cost_imports WHERE reversal_status = 'reversing' AND (locked_until IS NULL OR locked_until < now())`)
        .then((rows: { id: string }[]) => rows.forEach((row) => this.reverseInBackground(row.id)))
        .catch((error: unknown) => this.logger.warn(`Could not resume import reversals: ${String(error)}`));
    void resume();
    this.resumer = setInterval(() => void resume(), this.resumeIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.resumer);
    await Promise.allSettled(this.running.values());
  }

  /** Asks for the reversal of an import that has ended; refused while it is still under way, or once asked. */
  async request(id: string, reason: string, actor: string): Promise<CostImport> {
    const [row] = firstResultSet<ImportRow>(
      await this.dataSource.query(
        `UPDATE cost_tracking.cost_imports
            SET reversal_status = 'reversing', reversal_reason = $2, reversal_requested_by = $3, reversal_requested_at = now(), updated_at = now()
          WHERE id = $1 AND status IN ('completed', 'failed') AND reversal_status IS NULL AND rows_imported > 0
          RETURNING *`,
        [id, reason, actor],
      ),
    );
    if (!row) {
      const current = await this.imports.get(id);
      if (current.reversal) throw new RpcError('conflict', `Import ${id} was asked to be reversed already, by ${current.reversal.requestedBy} at ${current.reversal.requestedAt} (${current.reversal.status})`);
      if (current.status === 'receiving' || current.status === 'processing') throw new RpcError('conflict', `Import ${id} is ${current.status}: an import is reversed once it has ended`);
      throw new RpcError('conflict', `Import ${id} wrote no entry to the ledger: there is nothing to reverse`);
    }
    this.reverseInBackground(id);
    return view(row);
  }

  private reverseInBackground(id: string): void {
    if (this.running.has(id) || this.stopping) return;
    const lease = randomUUID();
    const run = this.reverse(id, lease)
      .catch(async (error: unknown) => {
        if (this.stopping) return;
        if (error instanceof TakenOver) return void this.logger.warn(error.message);
        // A database away, a deadlock, a bug: nothing of the batch was kept. The error is shown on the import, and its
        // lease let go so that the resumer tries again on its next round rather than when the lease would lapse.
        const transient = isDatabaseOutage(error) || isTransactionConflict(error) || isUniqueViolation(error);
        const log = `The reversal of import ${id} stopped, to be tried again: ${String(error)}`;
        if (transient) this.logger.warn(log);
        else this.logger.error(log);
        await this.dataSource
          .query(
            `UPDATE cost_tracking.cost_imports SET reversal_attempts = reversal_attempts + 1, reversal_error = $3, locked_until = NULL, updated_at = now()
              WHERE id = $1 AND locked_by = $2 AND reversal_status = 'reversing'`,
            [id, lease, transient ? String(error).slice(0, 500) : 'An internal error (see the service log)'],
          )
          .catch(() => undefined);
      })
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
  }

  private async reverse(id: string, lease: string): Promise<void> {
    const [job] = firstResultSet<ImportRow>(
      await this.dataSource.query(
        `UPDATE cost_tracking.cost_imports SET locked_until = now() + make_interval(secs => $2), locked_by = $3
          WHERE id = $1 AND reversal_status = 'reversing' AND (locked_until IS NULL OR locked_until < now()) RETURNING *`,
        [id, this.leaseSeconds, lease],
      ),
    );
    if (!job) return;
    let through = job.reversed_through_row;
    for (;;) {
      if (this.stopping) return;
      const reached = await this.outbox.transaction((manager) => this.reverseBatch(manager, job, through, lease));
      if (reached === null) break;
      through = reached;
    }
    await this.outbox.transaction(async (manager) => {
      const [row] = firstResultSet<ImportRow>(
        await manager.query(
          `UPDATE cost_tracking.cost_imports SET reversal_status = 'reversed', reversed_at = now(), locked_until = NULL, locked_by = NULL, updated_at = now()
            WHERE id = $1 AND reversal_status = 'reversing' AND locked_by = $2 RETURNING *`,
          [id, lease],
        ),
      );
      if (!row) return;
      await this.imports.announce(manager, row, 'reversed');
      this.logger.log(`Import ${id} reversed: ${row.entries_reversed} entries`);
    });
  }

  /**
   * Reverses the entries of the import's next rows after `through`, with their conversions; returns the last row
   * reached, or null when no row is left. The checkpoint commits with the entries, under this process's lease.
   */
  private async reverseBatch(manager: EntityManager, job: ImportRow, through: number, lease: string): Promise<number | null> {
    const [last] = (await manager.query(
      `SELECT max(import_row) AS last FROM (
         SELECT import_row FROM cost_tracking.cost_entries WHERE import_id = $1 AND import_row > $2 ORDER BY import_row LIMIT ${BATCH_ROWS}) rows`,
      [job.id, through],
    )) as { last: number | null }[];
    if (last?.last === null || last?.last === undefined) return null;
    // Before the entries: a rate recorded meanwhile would otherwise leave them out of the entries it converts.
    await this.rates.holdRates(manager);
    const reversed = (await manager.query(
      `INSERT INTO cost_tracking.cost_entries (${REVERSING_COLUMNS})
       SELECT ${reversingValues('gen_random_uuid()', '$4', '$5')}
         FROM cost_tracking.cost_entries e
        WHERE e.import_id = $1 AND e.import_row > $2 AND e.import_row <= $3 AND e.reverses_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM cost_tracking.cost_entries r WHERE r.reverses_id = e.id)
        ORDER BY e.import_row, e.split_part
       -- An entry reversed by hand meanwhile (not committed when this batch looked) keeps that reversal alone.
       ON CONFLICT (reverses_id) WHERE reverses_id IS NOT NULL DO NOTHING
       RETURNING id, reverses_id`,
      [job.id, through, last.last, `reversal of import ${job.id}: ${job.reversal_reason ?? ''}`, job.reversal_requested_by ?? ''],
    )) as { id: string; reverses_id: string }[];
    if (reversed.length) {
      await this.rates.carryConversions(manager, reversed.map((r) => ({ reversal: r.id, original: r.reverses_id })));
      await manager.query(
        `INSERT INTO cost_tracking.cost_import_touches (import_id, initiative_id, period, category, currency)
         SELECT DISTINCT import_id, initiative_id, period, category, currency FROM cost_tracking.cost_entries WHERE id = ANY($1::uuid[]) AND initiative_id IS NOT NULL
         ON CONFLICT DO NOTHING`,
        [reversed.map((r) => r.id)],
      );
    }
    const kept = firstResultSet(
      await manager.query(
        `UPDATE cost_tracking.cost_imports
            SET reversed_through_row = $2, entries_reversed = entries_reversed + $3, reversal_error = NULL,
                locked_until = now() + make_interval(secs => $5), updated_at = now()
          WHERE id = $1 AND locked_by = $4 AND reversal_status = 'reversing' RETURNING id`,
        [job.id, last.last, reversed.length, lease, this.leaseSeconds],
      ),
    );
    // Another process took the reversal over (this one held the lease too long): this batch is not kept.
    if (!kept.length) throw new TakenOver(job.id);
    return last.last;
  }
}

/** Another process holds the reversal now: this one stops, quietly. */
class TakenOver extends Error {
  constructor(id: string) {
    super(`The reversal of import ${id} is being done elsewhere now; this process stops working on it`);
  }
}
