import { v7 as timeOrderedId } from 'uuid';
import type { EntityManager } from 'typeorm';
import { LEDGER_SCALE, exactSplitter, weightsOf, type AllocationRule, type FocusCharge } from '@capstan/cost-tracking-core';
import { copyFrom, copyText } from '@capstan/persistence';

/** The longest error kept for a refused row. */
const MAX_MESSAGE = 500;

const COPY_COLUMNS =
  'id, initiative_id, charge_date, period, category, phase, amount, effective_amount, list_cost, contracted_cost, service_category, charge_category, resource_id, import_id, import_row, split_part, allocation_rule_id, currency, source, recorded_by, allocation_attributes';

export interface Touch {
  initiativeId: string;
  period: string;
  category: string;
  currency: string;
}

/** COPY's null. */
const NULL = '\\N';

/** The first size of a batch's COPY buffer; it doubles as needed. */
const COPY_BUFFER_BYTES = 2 << 20;

/** A rule's weights and, for a split, its splitter: worked out once per rule and import, used for every row it maps. */
const allocations = new WeakMap<AllocationRule, { weights: ReturnType<typeof weightsOf>; splitter?: (amount: string) => string[] }>();

export function allocationOf(rule: AllocationRule) {
  let allocation = allocations.get(rule);
  if (!allocation) {
    const weights = weightsOf(rule.target);
    allocation = { weights, splitter: weights.length > 1 ? exactSplitter(weights.map((w) => w.weight), LEDGER_SCALE) : undefined };
    allocations.set(rule, allocation);
  }
  return allocation;
}

/**
 * What rules match on besides the resource id, kept on an unallocated entry so that a rule made later can map it
 * (`ImportReallocationsService`). The tags object is shared by the rows that have the same tags: written once.
 */
const tagsText = new WeakMap<object, string>();

export interface AllocationAttributes {
  billingAccountId?: string;
  subAccountId?: string;
  tags?: Record<string, string>;
}

function attributesOf(charge: FocusCharge): string {
  let tags = tagsText.get(charge.tags);
  if (tags === undefined) {
    tags = Object.keys(charge.tags).length ? JSON.stringify(charge.tags) : '';
    tagsText.set(charge.tags, tags);
  }
  const parts = [
    charge.billingAccountId === null ? '' : `"billingAccountId":${JSON.stringify(charge.billingAccountId)}`,
    charge.subAccountId === null ? '' : `"subAccountId":${JSON.stringify(charge.subAccountId)}`,
    tags && `"tags":${tags}`,
  ].filter(Boolean);
  return `{${parts.join(',')}}`;
}

/**
 * The ledger entries of a run of import rows. On Postgres each entry is
 * written out as a COPY line as it is added, so the batch's transaction only
 * streams text; on embedded PGlite the entries are held column by column for
 * one `INSERT … SELECT FROM unnest(…)`. A row an allocation rule splits
 * becomes one entry per part, each amount split exactly. Entry ids are
 * time-ordered (UUIDv7): each lands at the end of the primary key's index
 * instead of at a random page, which makes bulk writes markedly cheaper.
 */
export class ImportBatch {
  readonly rejected: { row: number; message: string }[] = [];
  imported = 0;
  unallocated = 0;
  /** Data rows read up to the end of this batch (the import's checkpoint). */
  rowsRead: number;
  /** COPY text, encoded as it is made: kept off the JavaScript heap while the batch waits to be written. */
  private copyBuffer: Buffer;
  private copyBytes = 0;
  private readonly columns = {
    id: [] as string[],
    initiative: [] as (string | null)[],
    chargeDate: [] as string[],
    category: [] as string[],
    amount: [] as string[],
    effective: [] as (string | null)[],
    list: [] as (string | null)[],
    contracted: [] as (string | null)[],
    serviceCategory: [] as (string | null)[],
    chargeCategory: [] as (string | null)[],
    resource: [] as (string | null)[],
    row: [] as number[],
    part: [] as number[],
    rule: [] as (string | null)[],
    currency: [] as string[],
    source: [] as string[],
    attributes: [] as (string | null)[],
  };

  /** The (currency, charge day) pairs of the entries, for their exchange rates: a handful per batch. */
  private readonly currencyDays = new Map<string, { currency: string; date: string }>();
  /** The (initiative, month, category, currency) the batch's mapped entries fall on: whose budgets and figures the import changes. */
  private readonly touched = new Map<string, Touch>();
  /** Who imports, as COPY text. */
  private readonly recordedBy: string;
  /** Entries held, and the file rows they come from, first and last. */
  private entries = 0;
  private firstRow = 0;
  private lastRow = 0;

  /** The file rows this batch holds, first and last; null when it holds none. */
  get rows(): { first: number; last: number } | null {
    return this.entries ? { first: this.firstRow, last: this.lastRow } : null;
  }

  constructor(
    readonly importId: string,
    private readonly job: { phase: string; requested_by: string },
    rowsReadBefore: number,
    /** Written with COPY (Postgres) rather than INSERT (embedded PGlite). */
    private readonly copy: boolean,
    /** The buffer of a batch already written, to fill again: an import keeps reusing two. */
    reuse?: Buffer,
  ) {
    this.rowsRead = rowsReadBefore;
    this.recordedBy = copyText(job.requested_by);
    this.copyBuffer = reuse ?? Buffer.allocUnsafe(0);
  }

  /** The (currency, charge day) pairs the batch's entries fall on. */
  get days(): { currency: string; date: string }[] {
    return [...this.currencyDays.values()];
  }

  /** What the batch's mapped entries touched, once each. */
  get touches(): Touch[] {
    return [...this.touched.values()];
  }

  /** Rows in the batch, accepted or not. */
  get size(): number {
    return this.imported + this.rejected.length;
  }

  next(reuse?: Buffer): ImportBatch {
    return new ImportBatch(this.importId, this.job, this.rowsRead, this.copy, reuse);
  }

  /** Once written, the batch's COPY buffer can be filled by a later batch. */
  releaseBuffer(): Buffer {
    return this.copyBuffer;
  }

  add(row: number, charge: FocusCharge, rule: AllocationRule | undefined): void {
    this.rowsRead++;
    this.imported++;
    // Once per row: the parts of a split fall on the row's day.
    const day = charge.currency + charge.chargeDate;
    if (!this.currencyDays.has(day)) this.currencyDays.set(day, { currency: charge.currency, date: charge.chargeDate });
    if (!rule) {
      this.unallocated++;
      this.push(row, 0, charge, null, charge, null, 'import', attributesOf(charge));
      return;
    }
    const { weights, splitter } = allocationOf(rule);
    if (!splitter) {
      this.push(row, 0, charge, weights[0].initiativeId, charge, rule.id, 'import');
      return;
    }
    const split = (amount: string | null) => (amount === null ? weights.map(() => null) : splitter(amount));
    const billed = split(charge.billedCost);
    const effective = split(charge.effectiveCost);
    const list = split(charge.listCost);
    const contracted = split(charge.contractedCost);
    weights.forEach((w, k) =>
      this.push(row, k, charge, w.initiativeId, { billedCost: billed[k] as string, effectiveCost: effective[k], listCost: list[k], contractedCost: contracted[k] }, rule.id, 'allocation'),
    );
  }

  reject(row: number, message: string): void {
    this.rowsRead++;
    // A message quotes the cell it refused, which a broken export can make megabytes long: kept to a readable length.
    this.rejected.push({ row, message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message });
  }

  /** Writes the entries: COPY on Postgres; one INSERT from arrays on embedded PGlite, which has no COPY FROM STDIN. */
  async insert(manager: EntityManager): Promise<void> {
    if (!this.entries) return;
    const c = this.columns;
    if (this.copy) {
      await copyFrom(manager, `COPY cost_tracking.cost_entries (${COPY_COLUMNS}) FROM STDIN`, [this.copyBuffer.subarray(0, this.copyBytes)]);
      return;
    }
    await manager.query(
      `INSERT INTO cost_tracking.cost_entries
         (id, initiative_id, charge_date, period, category, phase, amount, effective_amount, list_cost, contracted_cost,
          service_category, charge_category, resource_id, import_id, import_row, split_part, allocation_rule_id, currency, source, reference, recorded_by,
          allocation_attributes)
       SELECT u.id, u.initiative_id, u.charge_date, to_char(u.charge_date, 'YYYY-MM'), u.category, $15, u.amount, u.effective, u.list, u.contracted,
              u.service_category, u.charge_category, u.resource_id, $16, u.import_row, u.split_part, u.rule_id, u.currency, u.source, '', $17, u.attributes
         FROM unnest($1::uuid[], $2::date[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[], $8::text[], $9::text[], $10::text[],
                     $11::int[], $12::smallint[], $13::uuid[], $14::text[], $18::text[], $19::uuid[], $20::text[])
           AS u(initiative_id, charge_date, category, amount, effective, list, contracted, service_category, charge_category, resource_id,
                import_row, split_part, rule_id, currency, source, id, attributes)
       ON CONFLICT (import_id, import_row, split_part) WHERE import_id IS NOT NULL DO NOTHING`,
      [
        c.initiative,
        c.chargeDate,
        c.category,
        c.amount,
        c.effective,
        c.list,
        c.contracted,
        c.serviceCategory,
        c.chargeCategory,
        c.resource,
        c.row,
        c.part,
        c.rule,
        c.currency,
        this.job.phase,
        this.importId,
        this.job.requested_by,
        c.source,
        c.id,
        c.attributes,
      ],
    );
  }

  private appendCopy(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.copyBytes + bytes > this.copyBuffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(COPY_BUFFER_BYTES, 2 * this.copyBuffer.length, this.copyBytes + bytes));
      this.copyBuffer.copy(grown, 0, 0, this.copyBytes);
      this.copyBuffer = grown;
    }
    this.copyBytes += this.copyBuffer.write(line, this.copyBytes);
  }

  private push(
    row: number,
    part: number,
    charge: FocusCharge,
    initiativeId: string | null,
    amounts: Pick<FocusCharge, 'billedCost' | 'effectiveCost' | 'listCost' | 'contractedCost'>,
    ruleId: string | null,
    source: 'import' | 'allocation',
    attributes: string | null = null,
  ): void {
    const id = timeOrderedId();
    if (!this.entries++) this.firstRow = row;
    if (initiativeId) {
      const period = charge.chargeDate.slice(0, 7);
      const touch = `${initiativeId}${period}${charge.category}${charge.currency}`;
      if (!this.touched.has(touch)) this.touched.set(touch, { initiativeId, period, category: charge.category, currency: charge.currency });
    }
    this.lastRow = row;
    if (this.copy) {
      // Ids, dates, codes and amounts were checked when the row was read and never need escaping; free text does.
      this.appendCopy(
        `${id}\t${initiativeId ?? NULL}\t${charge.chargeDate}\t${charge.chargeDate.slice(0, 7)}\t${charge.category}\t${this.job.phase}\t` +
          `${amounts.billedCost}\t${amounts.effectiveCost ?? NULL}\t${amounts.listCost ?? NULL}\t${amounts.contractedCost ?? NULL}\t` +
          `${copyText(charge.serviceCategory)}\t${copyText(charge.chargeCategory)}\t${copyText(charge.resourceId)}\t` +
          `${this.importId}\t${row}\t${part}\t${ruleId ?? NULL}\t${charge.currency}\t${source}\t${this.recordedBy}\t${copyText(attributes)}\n`,
      );
      return;
    }
    const c = this.columns;
    c.id.push(id);
    c.row.push(row);
    c.initiative.push(initiativeId);
    c.chargeDate.push(charge.chargeDate);
    c.category.push(charge.category);
    c.amount.push(amounts.billedCost);
    c.effective.push(amounts.effectiveCost);
    c.list.push(amounts.listCost);
    c.contracted.push(amounts.contractedCost);
    c.serviceCategory.push(charge.serviceCategory);
    c.chargeCategory.push(charge.chargeCategory);
    c.resource.push(charge.resourceId);
    c.part.push(part);
    c.rule.push(ruleId);
    c.currency.push(charge.currency);
    c.source.push(source);
    c.attributes.push(attributes);
  }
}

