import { randomUUID } from 'node:crypto';
import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { Outbox, firstResultSet, isDatabaseOutage, isTransactionConflict, isUniqueViolation } from '@capstan/messaging';
import type { CostImportsService, ImportRow } from './cost-imports.service';
import { importSettings } from './import-settings';

/**
 * A correction of an ended import as a whole. Its columns on `cost_tracking.cost_imports` are named after it:
 * `<noun>_status` (`running`, then `done`), `<noun>_attempts`, `<noun>_error`, `<done>_at`, `<done>_through_row`.
 */
export interface CorrectionKind {
  /** In logs: "reversal", "re-allocation". */
  name: string;
  noun: 'reversal' | 'reallocation';
  running: 'reversing' | 'reallocating';
  done: 'reversed' | 'reallocated';
}

export const REVERSAL: CorrectionKind = { name: 'reversal', noun: 'reversal', running: 'reversing', done: 'reversed' };
export const REALLOCATION: CorrectionKind = { name: 're-allocation', noun: 'reallocation', running: 'reallocating', done: 'reallocated' };

function columnsOf({ noun, done }: CorrectionKind) {
  return {
    statusColumn: `${noun}_status`,
    attemptsColumn: `${noun}_attempts`,
    errorColumn: `${noun}_error`,
    doneAtColumn: `${done}_at`,
    throughColumn: `${done}_through_row` as const,
  };
}

/**
 * Runs corrections of whole imports in the background: batches of rows, in
 * the file's order, each committing with the row it reached under the
 * import's lease, so a crash (or another replica, once the lease lapses)
 * resumes where the last batch ended. A failed attempt is shown on the import
 * (its error and count) and its lease let go, so the resumer tries it again on
 * its next round. When no row is left the import is told again, as `done`,
 * with what the correction changed.
 */
export abstract class ImportCorrections implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  protected readonly settings = importSettings();
  private readonly running = new Map<string, Promise<void>>();
  private readonly columns: ReturnType<typeof columnsOf>;
  private resumer?: NodeJS.Timeout;
  private stopping = false;

  protected constructor(
    private readonly kind: CorrectionKind,
    protected readonly dataSource: DataSource,
    protected readonly outbox: Outbox,
    protected readonly imports: CostImportsService,
  ) {
    this.columns = columnsOf(kind);
  }

  /** Corrects the rows after `through`; returns the last row reached, or null when none is left. Calls `checkpoint`. */
  protected abstract batch(manager: EntityManager, job: ImportRow, through: number, lease: string): Promise<number | null>;

  /** The log line once the correction is done. */
  protected abstract finished(row: ImportRow): string;

  onApplicationBootstrap(): void {
    const { running, name } = this.kind;
    const { statusColumn } = this.columns;
    const resume = () =>
      this.dataSource
        .query(`SELECT id FROM cost_tracking.cost_imports WHERE ${statusColumn} = $1 AND (locked_until IS NULL OR locked_until < now())`, [running])
        .then((rows: { id: string }[]) => rows.forEach((row) => this.inBackground(row.id)))
        .catch((error: unknown) => this.logger.warn(`Could not resume import ${name}s: ${String(error)}`));
    void resume();
    this.resumer = setInterval(() => void resume(), this.settings.resumeIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.resumer);
    await Promise.allSettled(this.running.values());
  }

  protected inBackground(id: string): void {
    if (this.running.has(id) || this.stopping) return;
    const { running, name } = this.kind;
    const { statusColumn, attemptsColumn, errorColumn } = this.columns;
    const lease = randomUUID();
    const run = this.correct(id, lease)
      .catch(async (error: unknown) => {
        if (this.stopping) return;
        if (error instanceof TakenOver) return void this.logger.warn(error.message);
        // A database away, a deadlock, a bug: nothing of the batch was kept. The error is shown on the import, and its
        // lease let go so that the resumer tries again on its next round rather than when the lease would lapse.
        const transient = isDatabaseOutage(error) || isTransactionConflict(error) || isUniqueViolation(error);
        const log = `The ${name} of import ${id} stopped, to be tried again: ${String(error)}`;
        if (transient) this.logger.warn(log);
        else this.logger.error(log);
        await this.dataSource
          .query(
            `UPDATE cost_tracking.cost_imports SET ${attemptsColumn} = ${attemptsColumn} + 1, ${errorColumn} = $3, locked_until = NULL, updated_at = now()
              WHERE id = $1 AND locked_by = $2 AND ${statusColumn} = $4`,
            [id, lease, transient ? String(error).slice(0, 500) : 'An internal error (see the service log)', running],
          )
          .catch(() => undefined);
      })
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
  }

  /**
   * Keeps a batch's progress, in its transaction, with `counters` (SQL assignments, parameters from $5 on) and the
   * lease renewed; a process that lost the lease (it held it too long, another took over) keeps nothing of it.
   */
  protected async checkpoint(manager: EntityManager, job: ImportRow, reached: number, lease: string, counters: string, values: unknown[]): Promise<void> {
    const { running } = this.kind;
    const { statusColumn, throughColumn, errorColumn } = this.columns;
    const kept = firstResultSet(
      await manager.query(
        `UPDATE cost_tracking.cost_imports
            SET ${throughColumn} = $2, ${counters}, ${errorColumn} = NULL, locked_until = now() + make_interval(secs => $4), updated_at = now()
          WHERE id = $1 AND locked_by = $3 AND ${statusColumn} = '${running}' RETURNING id`,
        [job.id, reached, lease, this.settings.leaseSeconds, ...values],
      ),
    );
    if (!kept.length) throw new TakenOver(this.kind.name, job.id);
  }

  private async correct(id: string, lease: string): Promise<void> {
    const { running, done } = this.kind;
    const { statusColumn, doneAtColumn, throughColumn } = this.columns;
    const [job] = firstResultSet<ImportRow>(
      await this.dataSource.query(
        `UPDATE cost_tracking.cost_imports SET locked_until = now() + make_interval(secs => $2), locked_by = $3
          WHERE id = $1 AND ${statusColumn} = $4 AND (locked_until IS NULL OR locked_until < now()) RETURNING *`,
        [id, this.settings.leaseSeconds, lease, running],
      ),
    );
    if (!job) return;
    let through: number = job[throughColumn];
    for (;;) {
      if (this.stopping) return;
      const reached = await this.outbox.transaction((manager) => this.batch(manager, job, through, lease));
      if (reached === null) break;
      through = reached;
    }
    await this.outbox.transaction(async (manager) => {
      const [row] = firstResultSet<ImportRow>(
        await manager.query(
          `UPDATE cost_tracking.cost_imports SET ${statusColumn} = $3, ${doneAtColumn} = now(), locked_until = NULL, locked_by = NULL, updated_at = now()
            WHERE id = $1 AND ${statusColumn} = $4 AND locked_by = $2 RETURNING *`,
          [id, lease, done, running],
        ),
      );
      if (!row) return;
      await this.imports.announce(manager, row, done);
      this.logger.log(this.finished(row));
    });
  }
}

/** The last row of the next `rows` rows of an import after `through`: a batch's end; null when none is left. */
export async function batchEnd(manager: EntityManager, importId: string, through: number, rows: number): Promise<number | null> {
  const [last] = (await manager.query(
    `SELECT max(import_row) AS last FROM (
       SELECT import_row FROM cost_tracking.cost_entries WHERE import_id = $1 AND import_row > $2 ORDER BY import_row LIMIT ${rows}) rows`,
    [importId, through],
  )) as { last: number | null }[];
  return last?.last ?? null;
}

/** Another process holds the correction now: this one stops, quietly. */
class TakenOver extends Error {
  constructor(name: string, id: string) {
    super(`The ${name} of import ${id} is being done elsewhere now; this process stops working on it`);
  }
}
