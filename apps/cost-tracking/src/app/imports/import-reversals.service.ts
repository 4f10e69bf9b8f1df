import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CostImport } from '@capstan/contracts';
import { Outbox, RpcError, firstResultSet } from '@capstan/messaging';
import { ExchangeRatesService } from '../fx/exchange-rates.service';
import { REVERSING_COLUMNS, reversingValues } from '../ledger/ledger.service';
import { CostImportsService, view, type ImportRow } from './cost-imports.service';
import { REVERSAL, ImportCorrections, batchEnd } from './import-corrections';

/** An import's rows reversed per transaction (each row's entries: one, or one per part of a split). */
const BATCH_ROWS = 5_000;

/**
 * Reverses an import as a whole — the wrong file, the wrong phase, a month
 * sent twice — by appending a reversing entry for every entry it wrote that
 * stands (one reversed by hand before is passed by), never by changing the
 * ledger. It runs as an `ImportCorrections` (batches that commit with the row
 * they reached; a crash resumes), and the reversing entries' unique link to
 * the entry they reverse keeps any from being written twice. Each reversing
 * entry takes its entry's conversions, so the pair nets to zero in every
 * view. When every row is done the import is told again (`cost.imported`,
 * "reversed") with the economics and budgets it changed.
 */
@Injectable()
export class ImportReversalsService extends ImportCorrections {
  constructor(
    dataSource: DataSource,
    outbox: Outbox,
    imports: CostImportsService,
    private readonly rates: ExchangeRatesService,
  ) {
    super(REVERSAL, dataSource, outbox, imports);
  }

  /**
   * Asks for the reversal of an import that has ended; refused while it is still under way, or once asked. A
   * re-allocation still running is superseded: the reversal takes back what it mapped too, and the process running
   * it keeps nothing more (its next checkpoint finds it superseded).
   */
  async request(id: string, reason: string, actor: string): Promise<CostImport> {
    const [row] = firstResultSet<ImportRow>(
      await this.dataSource.query(
        `UPDATE cost_tracking.cost_imports
            SET reversal_status = 'reversing', reversal_reason = $2, reversal_requested_by = $3, reversal_requested_at = now(), updated_at = now(),
                reallocation_status = CASE WHEN reallocation_status = 'reallocating' THEN 'superseded' ELSE reallocation_status END,
                locked_until = CASE WHEN reallocation_status = 'reallocating' THEN NULL ELSE locked_until END,
                locked_by = CASE WHEN reallocation_status = 'reallocating' THEN NULL ELSE locked_by END
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
    this.inBackground(id);
    return view(row);
  }

  protected finished(row: ImportRow): string {
    return `Import ${row.id} reversed: ${row.entries_reversed} entries`;
  }

  /** Reverses the entries of the import's next rows after `through`, with their conversions. */
  protected async batch(manager: EntityManager, job: ImportRow, through: number, lease: string): Promise<number | null> {
    const last = await batchEnd(manager, job.id, through, BATCH_ROWS);
    if (last === null) return null;
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
      [job.id, through, last, `reversal of import ${job.id}: ${job.reversal_reason ?? ''}`, job.reversal_requested_by ?? ''],
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
    await this.checkpoint(manager, job, last, lease, 'entries_reversed = entries_reversed + $5', [reversed.length]);
    return last;
  }
}
