import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as timeOrderedId } from 'uuid';
import type { CostImport } from '@capstan/contracts';
import { ruleFor, type AllocationRule, type FocusCharge } from '@capstan/cost-tracking-core';
import { Outbox, RpcError, firstResultSet } from '@capstan/messaging';
import { ExchangeRatesService } from '../fx/exchange-rates.service';
import { REVERSING_COLUMNS, reversingValues } from '../ledger/ledger.service';
import { AllocationRulesService } from './allocation-rules.service';
import { allocationOf, type AllocationAttributes } from './import-batch';
import { CostImportsService, view, type ImportRow } from './cost-imports.service';
import { REALLOCATION, ImportCorrections, batchEnd } from './import-corrections';

/** An import's rows looked at per transaction. */
const BATCH_ROWS = 5_000;

interface UnallocatedEntry {
  id: string;
  import_row: number;
  charge_date: string;
  category: string;
  phase: string;
  amount: string;
  effective_amount: string | null;
  list_cost: string | null;
  contracted_cost: string | null;
  service_category: string | null;
  charge_category: string | null;
  resource_id: string | null;
  currency: string;
  /** JSON of `AllocationAttributes`; null on entries imported before attributes were kept. */
  allocation_attributes: string | null;
}

/**
 * Maps an import's unallocated spend by the allocation rules in force now —
 * a rule made after the import, say — without changing the ledger: each
 * unallocated entry a rule matches gets its reversing entry (with its
 * conversions, so the pair nets to zero) and the entries the rule gives, one
 * per part of a split, each naming the entry it re-maps. It runs as an
 * `ImportCorrections` (batches that commit with the row they reached; a crash
 * resumes); an entry reversed meanwhile (by hand, or by a process that lost
 * the lease) is passed by, and the re-mapped entries' unique link to their
 * original keeps any from being written twice. Entries imported before their
 * attributes were kept stay unallocated (reverse the import and import the
 * file again). When every row is done the import is told again
 * (`cost.imported`, "reallocated") with the budgets and economics it changed.
 */
@Injectable()
export class ImportReallocationsService extends ImportCorrections {
  constructor(
    dataSource: DataSource,
    outbox: Outbox,
    imports: CostImportsService,
    private readonly rules: AllocationRulesService,
    private readonly rates: ExchangeRatesService,
  ) {
    super(REALLOCATION, dataSource, outbox, imports);
  }

  /** Asks for an ended import's unallocated spend to be mapped by the rules in force; again once the last one has ended. */
  async request(id: string, reason: string, actor: string): Promise<CostImport> {
    const [row] = firstResultSet<ImportRow>(
      await this.dataSource.query(
        `UPDATE cost_tracking.cost_imports
            SET reallocation_status = 'reallocating', reallocation_reason = $2, reallocation_requested_by = $3, reallocation_requested_at = now(),
                reallocated_at = NULL, entries_reallocated = 0, entries_left_unallocated = 0, entries_without_attributes = 0, reallocated_through_row = 0,
                reallocation_attempts = 0, reallocation_error = NULL, updated_at = now()
          WHERE id = $1 AND status IN ('completed', 'failed') AND reversal_status IS NULL AND rows_unallocated > 0
            AND reallocation_status IS DISTINCT FROM 'reallocating'
          RETURNING *`,
        [id, reason, actor],
      ),
    );
    if (!row) {
      const current = await this.imports.get(id);
      if (current.reallocation?.status === 'reallocating') {
        throw new RpcError('conflict', `Import ${id} is being re-allocated already, as ${current.reallocation.requestedBy} asked at ${current.reallocation.requestedAt}`);
      }
      if (current.reversal) throw new RpcError('conflict', `Import ${id} was reversed as a whole (${current.reversal.status}): it has no spend left to map`);
      if (current.status === 'receiving' || current.status === 'processing') throw new RpcError('conflict', `Import ${id} is ${current.status}: its spend is mapped again once it has ended`);
      throw new RpcError('conflict', `Import ${id} left no row unallocated: there is nothing to map again`);
    }
    this.inBackground(id);
    return view(row);
  }

  protected finished(row: ImportRow): string {
    return `Import ${row.id} re-allocated: ${row.entries_reallocated} entries mapped, ${row.entries_left_unallocated} left unallocated`;
  }

  /**
   * Maps the unallocated entries of the import's next rows after `through`; returns the last row reached, or null
   * when no row is left. The checkpoint commits with the entries, under this process's lease.
   */
  protected async batch(manager: EntityManager, job: ImportRow, through: number, lease: string): Promise<number | null> {
    const last = await batchEnd(manager, job.id, through, BATCH_ROWS);
    if (last === null) return null;
    // The rules in force as each batch begins: one retired meanwhile maps nothing more.
    const rules = await this.rules.active(manager);
    const unallocated = (await manager.query(
      `SELECT e.id, e.import_row, e.charge_date::text AS charge_date, e.category, e.phase, e.amount::text AS amount, e.effective_amount::text AS effective_amount,
              e.list_cost::text AS list_cost, e.contracted_cost::text AS contracted_cost, e.service_category, e.charge_category, e.resource_id,
              e.currency, e.allocation_attributes
         FROM cost_tracking.cost_entries e
        WHERE e.import_id = $1 AND e.import_row > $2 AND e.import_row <= $3 AND e.initiative_id IS NULL AND e.reverses_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM cost_tracking.cost_entries r WHERE r.reverses_id = e.id)
        ORDER BY e.import_row, e.split_part`,
      [job.id, through, last],
    )) as UnallocatedEntry[];
    const mapped = new Map<string, { entry: UnallocatedEntry; rule: AllocationRule }>();
    let withoutAttributes = 0;
    for (const entry of unallocated) {
      // One imported before its attributes were kept is left: mapped by resource id alone, it could take a rule its tags would not.
      if (entry.allocation_attributes === null) {
        withoutAttributes++;
        continue;
      }
      const rule = ruleFor(rules, chargeOf(entry, JSON.parse(entry.allocation_attributes) as AllocationAttributes));
      if (rule) mapped.set(entry.id, { entry, rule });
    }
    let reallocated = 0;
    if (mapped.size) {
      // Before the entries: a rate recorded meanwhile would otherwise leave them out of the entries it converts.
      await this.rates.holdRates(manager);
      const reversed = (await manager.query(
        `INSERT INTO cost_tracking.cost_entries (${REVERSING_COLUMNS})
         SELECT ${reversingValues('gen_random_uuid()', '$2', '$3')}
           FROM cost_tracking.cost_entries e WHERE e.id = ANY($1::uuid[])
          ORDER BY e.import_row, e.split_part
         -- An entry reversed by hand meanwhile keeps that reversal alone, and is not mapped.
         ON CONFLICT (reverses_id) WHERE reverses_id IS NOT NULL DO NOTHING
         RETURNING id, reverses_id`,
        [[...mapped.keys()], `re-allocation of import ${job.id}: ${job.reallocation_reason ?? ''}`, job.reallocation_requested_by ?? ''],
      )) as { id: string; reverses_id: string }[];
      if (reversed.length) {
        await this.rates.carryConversions(manager, reversed.map((r) => ({ reversal: r.id, original: r.reverses_id })));
        const written = await this.writeMapped(manager, job, reversed.map((r) => mapped.get(r.reverses_id) as { entry: UnallocatedEntry; rule: AllocationRule }));
        await this.rates.convertEntries(manager, written);
        await manager.query(
          `INSERT INTO cost_tracking.cost_import_touches (import_id, initiative_id, period, category, currency)
           SELECT DISTINCT import_id, initiative_id, period, category, currency FROM cost_tracking.cost_entries WHERE id = ANY($1::uuid[])
           ON CONFLICT DO NOTHING`,
          [written],
        );
        reallocated = reversed.length;
      }
    }
    await this.checkpoint(
      manager,
      job,
      last,
      lease,
      'entries_reallocated = entries_reallocated + $5, entries_left_unallocated = entries_left_unallocated + $6, entries_without_attributes = entries_without_attributes + $7',
      [reallocated, unallocated.length - mapped.size, withoutAttributes],
    );
    return last;
  }

  /** The entries a rule gives each re-mapped entry: the whole to one initiative, or one exact part per initiative of a split. */
  private async writeMapped(manager: EntityManager, job: ImportRow, pairs: { entry: UnallocatedEntry; rule: AllocationRule }[]): Promise<string[]> {
    const columns = {
      id: [] as string[],
      initiative: [] as string[],
      original: [] as string[],
      part: [] as number[],
      amount: [] as string[],
      effective: [] as (string | null)[],
      list: [] as (string | null)[],
      contracted: [] as (string | null)[],
      rule: [] as string[],
      source: [] as string[],
    };
    for (const { entry, rule } of pairs) {
      const { weights, splitter } = allocationOf(rule);
      const split = (amount: string | null) => (amount === null ? weights.map(() => null) : splitter ? splitter(amount) : [amount]);
      const [billed, effective, list, contracted] = [split(entry.amount), split(entry.effective_amount), split(entry.list_cost), split(entry.contracted_cost)];
      weights.forEach((w, k) => {
        columns.id.push(timeOrderedId());
        columns.initiative.push(w.initiativeId);
        columns.original.push(entry.id);
        columns.part.push(k);
        columns.amount.push(billed[k] as string);
        columns.effective.push(effective[k]);
        columns.list.push(list[k]);
        columns.contracted.push(contracted[k]);
        columns.rule.push(rule.id);
        // As an import files them: a whole row mapped by a rule is the import's, a part of a split the allocation's.
        columns.source.push(splitter ? 'allocation' : 'import');
      });
    }
    await manager.query(
      `INSERT INTO cost_tracking.cost_entries
         (id, initiative_id, charge_date, period, category, phase, amount, effective_amount, list_cost, contracted_cost, service_category, charge_category,
          resource_id, import_id, import_row, allocation_rule_id, currency, source, reference, recorded_by, reallocates_id, reallocation_part)
       SELECT u.id, u.initiative_id, e.charge_date, e.period, e.category, e.phase, u.amount, u.effective, u.list, u.contracted, e.service_category,
              e.charge_category, e.resource_id, e.import_id, e.import_row, u.rule_id, e.currency, u.source, $11, $12, e.id, u.part
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::smallint[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[], $9::uuid[], $10::text[])
           AS u(id, initiative_id, original, part, amount, effective, list, contracted, rule_id, source)
         JOIN cost_tracking.cost_entries e ON e.id = u.original
        ORDER BY e.import_row, u.part`,
      [
        columns.id,
        columns.initiative,
        columns.original,
        columns.part,
        columns.amount,
        columns.effective,
        columns.list,
        columns.contracted,
        columns.rule,
        columns.source,
        `re-allocation of import ${job.id}: ${job.reallocation_reason ?? ''}`,
        job.reallocation_requested_by ?? '',
      ],
    );
    return columns.id;
  }
}

/** What allocation rules match an unallocated entry on: its resource id, and the attributes kept with it. */
function chargeOf(entry: UnallocatedEntry, attributes: AllocationAttributes): FocusCharge {
  return {
    chargeDate: entry.charge_date,
    billedCost: entry.amount,
    effectiveCost: entry.effective_amount,
    listCost: entry.list_cost,
    contractedCost: entry.contracted_cost,
    currency: entry.currency.trim(),
    chargeCategory: entry.charge_category,
    serviceCategory: entry.service_category,
    category: entry.category as FocusCharge['category'],
    resourceId: entry.resource_id,
    billingAccountId: attributes.billingAccountId ?? null,
    subAccountId: attributes.subAccountId ?? null,
    tags: attributes.tags ?? {},
  };
}
