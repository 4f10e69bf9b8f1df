import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import type { FxRateQuery, FxRateView, RecordFxRates } from '@capstan/contracts';
import { isCurrencyCode } from '@capstan/domain';
import { RpcError, firstResultSet } from '@capstan/messaging';

/**
 * A day without a rate of its own (weekend, holiday) takes the latest rate before it, no older than this — once it
 * is known to have none: a rate dated after it is recorded.
 */
const RATE_LOOKBACK_DAYS = 7;
/** The most rates one list answers: about a year of daily rates for 13 currencies. */
const MAX_LISTED_RATES = 5_000;
/**
 * The rate of an entry `e`'s day: 1 in the reporting currency ($1), else the day's own rate, else — once a later
 * day's rate shows the day had none — the latest before it. Until then the entry waits: its own rate may still come,
 * and a conversion is never redone.
 */
const RATE_OF_DAY = `
  (SELECT 1::numeric AS rate, e.charge_date AS rate_date WHERE e.currency = $1)
  UNION ALL
  (SELECT f.rate, f.rate_date FROM cost_tracking.fx_rates f
    WHERE f.currency = e.currency AND f.reporting_currency = $1 AND f.rate_date <= e.charge_date AND f.rate_date > e.charge_date - ${RATE_LOOKBACK_DAYS}
      AND (f.rate_date = e.charge_date OR EXISTS (
        SELECT 1 FROM cost_tracking.fx_rates later WHERE later.currency = e.currency AND later.reporting_currency = $1 AND later.rate_date > e.charge_date))
    ORDER BY f.rate_date DESC LIMIT 1)
  LIMIT 1`;
/** What recording rates did: counts for the caller, and the conversions queued for the entries waiting for them. */
export interface RecordedRates {
  reportingCurrency: string;
  recorded: number;
  unchanged: number;
  /** The conversions queued (`rate_conversions`), one per currency with new rates. */
  conversions: string[];
  /** For each currency and month the new rates touch, the latest of them there (`fx.month_rates_recorded`). */
  monthRates: MonthRate[];
}

export interface MonthRate {
  currency: string;
  month: string;
  date: string;
  rate: string;
}

/** A conversion job's row: what it converts and how far it has come. */
export interface RateConversionRow {
  id: string;
  currency: string | null;
  from_date: string | null;
  through_date: string | null;
  first_seq: string | null;
  next_seq: string | null;
  through_seq: string;
  entries_converted: string;
  republish_all: boolean;
  queued_at: Date;
  last_error: string | null;
}

/**
 * Recording rates takes this lock exclusively, and every transaction converting
 * new entries shares it: a rate's conversion job then finds every entry that was
 * recorded without it, none still uncommitted.
 */
const RATES_LOCK = `hashtext('cost_tracking.fx_rates')`;
/**
 * The last `seq` handed out: at least every committed entry's, read without a scan (the ledger's index on `seq` is
 * a block-range index, which cannot answer `max`).
 */
const LAST_SEQ = `(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM cost_tracking.cost_entries_seq_seq)`;

/**
 * Dated exchange rates and each cost entry's value in the reporting currency
 * (`COST_REPORTING_CURRENCY`, EUR by default) at the rate of its charge date.
 * An entry is converted once, when it is recorded if its day's rate is known,
 * else when that rate arrives (or a later day's, showing the day had none: it
 * then takes the latest rate before it); the conversion keeps the rate it used
 * and is never redone, so a later rate never re-prices history. Rates are
 * append-only too: a day's rate, once recorded, stays.
 */
@Injectable()
export class ExchangeRatesService {
  readonly reportingCurrency = process.env['COST_REPORTING_CURRENCY'] ?? 'EUR';

  constructor(private readonly dataSource: DataSource) {
    if (!isCurrencyCode(this.reportingCurrency)) {
      throw new Error('Invalid configuration for cost-tracking: COST_REPORTING_CURRENCY must be the ISO 4217 code of a currency in use, such as EUR');
    }
  }

  /**
   * Records rates, in the caller's transaction, and queues the conversion of
   * the entries waiting for them (`RateConversions` converts them).
   */
  async record(manager: EntityManager, { rates }: RecordFxRates, actor: string): Promise<RecordedRates> {
    const own = rates.find((rate) => rate.currency === this.reportingCurrency);
    if (own) throw new RpcError('validation_failed', `${own.currency} is the reporting currency: its rate is 1`, [{ field: 'rates.currency', message: 'the reporting currency needs no rate' }]);
    // A day still to come has no rate yet (the day after today is allowed: somewhere it has begun). A rate dated years
    // ahead by a slip would otherwise show every day before it to have none, and convert their entries at a fallback.
    const latest = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const early = rates.find((rate) => rate.date > latest);
    if (early) throw new RpcError('validation_failed', `The ${early.currency} rate is dated ${early.date}, a day still to come`, [{ field: 'rates.date', message: `must be ${latest} or earlier` }]);
    // One recording at a time: two converting the same entries in different orders would wait on each other's conversions.
    await manager.query(`SELECT pg_advisory_xact_lock(${RATES_LOCK})`);
    const added: RecordFxRates['rates'] = [];
    for (const rate of rates) {
      const [existing] = (await manager.query(
        `SELECT rate::text AS rate FROM cost_tracking.fx_rates WHERE currency = $1 AND reporting_currency = $2 AND rate_date = $3`,
        [rate.currency, this.reportingCurrency, rate.date],
      )) as { rate: string }[];
      if (existing) {
        // The same rate sent again (a retry) changes nothing.
        if (new Decimal(existing.rate).equals(rate.rate)) continue;
        throw new RpcError('conflict', `The ${rate.currency} rate of ${rate.date} is recorded already as ${new Decimal(existing.rate).toFixed()}; a day's rate never changes, so history keeps the price it was converted at`);
      }
      // A day a later rate showed to have none has its entries converted at the rate before it: that is its rate now.
      // A new rate would also become the rate the days after it fall back to, within the lookback: entries of those
      // days converted at an earlier rate would leave the rest of their day converted at another.
      const [fallback] = (await manager.query(
        `SELECT e.charge_date::text AS charge_date, c.rate_date::text AS rate_date FROM cost_tracking.cost_entries e
           JOIN cost_tracking.entry_conversions c ON c.entry_id = e.id AND c.reporting_currency = $2
          WHERE e.currency = $1 AND e.charge_date BETWEEN $3::date AND $3::date + ${RATE_LOOKBACK_DAYS - 1} AND c.rate_date < $3::date
          ORDER BY e.charge_date LIMIT 1`,
        [rate.currency, this.reportingCurrency, rate.date],
      )) as { charge_date: string; rate_date: string }[];
      if (fallback) {
        const day = fallback.charge_date === rate.date ? `${rate.currency} entries of ${rate.date}` : `${rate.currency} entries of ${fallback.charge_date}, a day that would fall back to this rate,`;
        throw new RpcError(
          'conflict',
          `${day} were converted at the rate of ${fallback.rate_date} already (a later rate showed the day had none); a day's rate never changes once its entries are converted`,
        );
      }
      await manager.query(
        `INSERT INTO cost_tracking.fx_rates (currency, reporting_currency, rate_date, rate, source, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [rate.currency, this.reportingCurrency, rate.date, rate.rate, rate.source, actor],
      );
      added.push(rate);
    }
    const conversions: string[] = [];
    for (const currency of new Set(added.map((rate) => rate.currency))) {
      const dates = added.filter((rate) => rate.currency === currency).map((rate) => rate.date).sort();
      // The entries these rates may convert: those of their days and the days after they fall back to, and those
      // after the latest rate before them, which waited for a later rate to show their day had none. Under the lock,
      // every entry recorded without these rates is committed, with a `seq` no higher than the last given.
      const [job] = (await manager.query(
        `INSERT INTO cost_tracking.rate_conversions (reporting_currency, currency, from_date, through_date, through_seq)
         VALUES ($1, $2,
                 coalesce((SELECT max(rate_date) + 1 FROM cost_tracking.fx_rates WHERE currency = $2 AND reporting_currency = $1 AND rate_date < $3::date), $3::date),
                 $4::date + ${RATE_LOOKBACK_DAYS - 1}, ${LAST_SEQ})
         RETURNING id::text`,
        [this.reportingCurrency, currency, dates[0], dates[dates.length - 1]],
      )) as { id: string }[];
      conversions.push(job.id);
    }
    return { reportingCurrency: this.reportingCurrency, recorded: added.length, unchanged: rates.length - added.length, conversions, monthRates: latestByMonth(added) };
  }

  async list(query: FxRateQuery): Promise<{ reportingCurrency: string; items: FxRateView[] }> {
    const rows = (await this.dataSource.query(
      `SELECT ${query.latest ? 'DISTINCT ON (currency)' : ''} currency, rate_date::text AS date, rate::text AS rate, source, reporting_currency, recorded_by, recorded_at
         FROM cost_tracking.fx_rates
        WHERE reporting_currency = $1 AND ($2::text IS NULL OR currency = $2) AND ($3::date IS NULL OR rate_date >= $3) AND ($4::date IS NULL OR rate_date <= $4)
        ORDER BY currency, rate_date ${query.latest ? 'DESC' : ''} LIMIT $5`,
      [this.reportingCurrency, query.currency ?? null, query.from ?? null, query.to ?? null, MAX_LISTED_RATES + 1],
    )) as { currency: string; date: string; rate: string; source: string; reporting_currency: string; recorded_by: string; recorded_at: Date }[];
    // Cut short, the list would drop the currencies that sort last without a word.
    if (rows.length > MAX_LISTED_RATES) {
      throw new RpcError('unprocessable', `More than ${MAX_LISTED_RATES} rates match: ask for one currency or a shorter range`, [
        { field: 'from', message: 'Narrow the range (or name a currency)' },
      ]);
    }
    return {
      reportingCurrency: this.reportingCurrency,
      items: rows.map((row) => ({
        currency: row.currency.trim(),
        date: row.date,
        rate: new Decimal(row.rate).toFixed(),
        source: row.source,
        reportingCurrency: row.reporting_currency.trim(),
        recordedBy: row.recorded_by,
        recordedAt: new Date(row.recorded_at).toISOString(),
      })),
    };
  }

  /**
   * Converts the given entries, in the caller's transaction. Recording rates waits for this transaction, so the
   * conversion jobs it queues find these entries if they were left without a rate.
   */
  async convertEntries(manager: EntityManager, ids: string[]): Promise<number> {
    await this.holdRates(manager);
    return (await this.convert(manager, `e.id = ANY($2::uuid[])`, [ids])).count;
  }

  /**
   * Converts the entries an import batch wrote, in the batch's transaction.
   * The batch names its (currency, day) pairs, a handful for thousands of
   * rows: their rates are looked up once, and when none is known (a currency
   * without rates yet) the entries are not read back at all. The entries are
   * new, so none has a conversion yet.
   */
  async convertImportRows(manager: EntityManager, importId: string, rows: { first: number; last: number }, days: { currency: string; date: string }[]): Promise<number> {
    await this.holdRates(manager);
    const rates = (await manager.query(
      `SELECT e.currency, e.charge_date::text AS charge_date, r.rate::text AS rate, r.rate_date::text AS rate_date
         FROM unnest($2::text[], $3::date[]) AS e(currency, charge_date)
         CROSS JOIN LATERAL (${RATE_OF_DAY}) r`,
      [this.reportingCurrency, days.map((d) => d.currency), days.map((d) => d.date)],
    )) as { currency: string; charge_date: string; rate: string; rate_date: string }[];
    if (!rates.length) return 0;
    const [result] = (await manager.query(
      `WITH converted AS (
         INSERT INTO cost_tracking.entry_conversions (entry_id, reporting_currency, rate, rate_date, amount, effective_amount)
         SELECT e.id, $1, r.rate, r.rate_date, round(e.amount * r.rate, 18), round(coalesce(e.effective_amount, e.amount) * r.rate, 18)
           FROM cost_tracking.cost_entries e
           JOIN unnest($5::text[], $6::date[], $7::numeric[], $8::date[]) AS r(currency, charge_date, rate, rate_date)
             ON r.currency = e.currency AND r.charge_date = e.charge_date
          WHERE e.import_id = $2 AND e.import_row BETWEEN $3 AND $4
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM converted`,
      [
        this.reportingCurrency,
        importId,
        rows.first,
        rows.last,
        rates.map((r) => r.currency),
        rates.map((r) => r.charge_date),
        rates.map((r) => r.rate),
        rates.map((r) => r.rate_date),
      ],
    )) as { n: number }[];
    return result?.n ?? 0;
  }

  /**
   * Gives reversing entries their originals' conversions, negated, in every reporting currency, so each pair nets to
   * zero whatever rates arrived in between. An original not converted to this reporting currency yet (its rate is now
   * known, or a backfill has not reached it) is converted first and its reversal takes that; a pair whose rate is not
   * known waits, both entries.
   */
  async carryConversions(manager: EntityManager, pairs: readonly { reversal: string; original: string }[]): Promise<void> {
    if (!pairs.length) return;
    // Before the copy: a rate recorded meanwhile would otherwise leave the reversals out of the entries it converts.
    await this.holdRates(manager);
    const reversals = pairs.map((pair) => pair.reversal);
    const originals = pairs.map((pair) => pair.original);
    await manager.query(
      `INSERT INTO cost_tracking.entry_conversions (entry_id, reporting_currency, rate, rate_date, amount, effective_amount)
       SELECT p.reversal, c.reporting_currency, c.rate, c.rate_date, -c.amount, -c.effective_amount
         FROM unnest($1::uuid[], $2::uuid[]) AS p(reversal, original)
         JOIN cost_tracking.entry_conversions c ON c.entry_id = p.original`,
      [reversals, originals],
    );
    // Each in a statement of its own, which sees the conversions the one before made (even another transaction's).
    await this.convertEntries(manager, originals);
    await this.convertEntries(manager, reversals);
  }

  /** Keeps rates from being recorded until the caller's transaction ends (it converts entries at the rates it sees). */
  async holdRates(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock_shared(${RATES_LOCK})`);
  }

  /**
   * Queues the conversion of the entries after the last backfill into this
   * reporting currency (all of them the first time): those recorded while
   * another currency was in effect, or before conversions existed. A backfill
   * of this currency still under way is extended instead. When another
   * currency was in effect before (or which one is not known), every
   * initiative's figures are published again once it is done; otherwise only
   * those of entries it converted (usually none: entries are converted as
   * they are recorded).
   */
  async queueBackfill(manager: EntityManager): Promise<string | undefined> {
    await manager.query(`SELECT pg_advisory_xact_lock(${RATES_LOCK})`);
    const [state] = (await manager.query(
      `SELECT (SELECT reporting_currency FROM cost_tracking.conversion_backfills WHERE started_at IS NOT NULL ORDER BY started_at DESC LIMIT 1) AS previous,
              coalesce((SELECT through_seq FROM cost_tracking.conversion_backfills WHERE reporting_currency = $1), 0)::text AS done,
              ${LAST_SEQ}::text AS last`,
      [this.reportingCurrency],
    )) as { previous: string | null; done: string; last: string }[];
    const changed = state.previous?.trim() !== this.reportingCurrency;
    await manager.query(
      `INSERT INTO cost_tracking.conversion_backfills (reporting_currency, through_seq, started_at) VALUES ($1, 0, clock_timestamp())
       ON CONFLICT (reporting_currency) DO UPDATE SET started_at = clock_timestamp()`,
      [this.reportingCurrency],
    );
    const extended = firstResultSet<{ id: string }>(
      await manager.query(
        `UPDATE cost_tracking.rate_conversions SET through_seq = greatest(through_seq, $2), republish_all = republish_all OR $3
          WHERE reporting_currency = $1 AND currency IS NULL AND finished_at IS NULL
        RETURNING id::text`,
        [this.reportingCurrency, state.last, changed],
      ),
    );
    if (extended.length || Number(state.last) <= Number(state.done)) return extended[0]?.id;
    const [queued] = (await manager.query(
      `INSERT INTO cost_tracking.rate_conversions (reporting_currency, first_seq, next_seq, through_seq, republish_all) VALUES ($1, $2, $2, $3, $4) RETURNING id::text`,
      [this.reportingCurrency, Number(state.done) + 1, state.last, changed],
    )) as { id: string }[];
    return queued.id;
  }

  /**
   * Each month's latest rate into the reporting currency for the months with rates recorded since the last start
   * told them (all of them the first time, after `queueBackfill` made the currency's row): what a replica recorded
   * without telling scoring — one of an earlier version, during a rollout. Telling twice changes nothing.
   */
  async untoldMonthRates(manager: EntityManager): Promise<MonthRate[]> {
    const [told] = firstResultSet<{ since: Date | null }>(
      await manager.query(
        `UPDATE cost_tracking.conversion_backfills b SET month_rates_told_at = clock_timestamp()
           FROM (SELECT month_rates_told_at FROM cost_tracking.conversion_backfills WHERE reporting_currency = $1 FOR UPDATE) previous
          WHERE b.reporting_currency = $1
        RETURNING previous.month_rates_told_at AS since`,
        [this.reportingCurrency],
      ),
    );
    if (!told) return [];
    // A rate's recorded_at is its transaction's start, which may precede the last telling it committed after: a day's margin.
    const rows = (await manager.query(
      `SELECT DISTINCT ON (currency, to_char(rate_date, 'YYYY-MM')) trim(currency) AS currency, rate_date::text AS date, rate::text AS rate
         FROM cost_tracking.fx_rates
        WHERE reporting_currency = $1
          AND (currency, to_char(rate_date, 'YYYY-MM')) IN (
            SELECT currency, to_char(rate_date, 'YYYY-MM') FROM cost_tracking.fx_rates
             WHERE reporting_currency = $1 AND ($2::timestamptz IS NULL OR recorded_at > $2::timestamptz - interval '1 day'))
        ORDER BY currency, to_char(rate_date, 'YYYY-MM'), rate_date DESC`,
      [this.reportingCurrency, told.since],
    )) as { currency: string; date: string; rate: string }[];
    return latestByMonth(rows);
  }

  /**
   * Where a rate conversion's entries lie: the first and last `seq` of the
   * entries in its currency and days still waiting for a rate. Null when none
   * waits.
   */
  async waitingEntries(manager: EntityManager, job: RateConversionRow): Promise<{ first: string; last: string } | null> {
    const [bounds] = (await manager.query(
      `SELECT min(e.seq)::text AS first, max(e.seq)::text AS last
         FROM cost_tracking.cost_entries e
        WHERE e.currency = $2 AND e.charge_date BETWEEN $3::date AND $4::date AND e.seq <= $5
          AND NOT EXISTS (SELECT 1 FROM cost_tracking.entry_conversions c WHERE c.entry_id = e.id AND c.reporting_currency = $1)`,
      [this.reportingCurrency, job.currency, job.from_date, job.through_date, job.through_seq],
    )) as { first: string | null; last: string | null }[];
    return bounds?.first && bounds.last ? { first: bounds.first, last: bounds.last } : null;
  }

  /**
   * Converts a conversion job's entries with `seq` in `[from, to]`, in the caller's transaction. Under the rates
   * lock, as every conversion: a rate recorded meanwhile would not see this slice's fallback conversions of its
   * day, and the rest of the day's entries would be converted at the new rate.
   */
  async convertSlice(manager: EntityManager, job: RateConversionRow, from: number, to: number): Promise<{ count: number; initiatives: string[] }> {
    await this.holdRates(manager);
    if (job.currency === null) return this.convert(manager, `e.seq BETWEEN $2 AND $3`, [from, to]);
    return this.convert(manager, `e.seq BETWEEN $2 AND $3 AND e.currency = $4 AND e.charge_date BETWEEN $5::date AND $6::date`, [
      from,
      to,
      job.currency,
      job.from_date,
      job.through_date,
    ]);
  }

  /**
   * Converts the entries `where` selects that have no conversion yet and whose
   * rate is known (`RATE_OF_DAY`): 1 in the reporting currency itself, else the
   * charge date's rate, or the one it falls back to once a later rate shows the
   * day had none. Amounts are rounded to the ledger's 18 places.
   * Also names the initiatives of the converted entries.
   */
  private async convert(manager: EntityManager, where: string, params: unknown[]): Promise<{ count: number; initiatives: string[] }> {
    const [result] = (await manager.query(
      `WITH converted AS (
         INSERT INTO cost_tracking.entry_conversions (entry_id, reporting_currency, rate, rate_date, amount, effective_amount)
         SELECT e.id, $1, r.rate, r.rate_date, round(e.amount * r.rate, 18), round(coalesce(e.effective_amount, e.amount) * r.rate, 18)
           FROM cost_tracking.cost_entries e
           -- A reversal takes its original's conversion, so the pair nets to zero whatever rates arrived in between.
           CROSS JOIN LATERAL (
             (SELECT o.rate, o.rate_date FROM cost_tracking.entry_conversions o
               WHERE e.reverses_id IS NOT NULL AND o.entry_id = e.reverses_id AND o.reporting_currency = $1)
             UNION ALL (SELECT d.rate, d.rate_date FROM (${RATE_OF_DAY}) d)
             LIMIT 1) r
          WHERE ${where}
            AND NOT EXISTS (SELECT 1 FROM cost_tracking.entry_conversions c WHERE c.entry_id = e.id AND c.reporting_currency = $1)
          -- In the ledger's order, whoever converts: two converting the same entries wait for each other, never deadlock.
          ORDER BY e.seq
         ON CONFLICT DO NOTHING
         RETURNING entry_id
       )
       SELECT (SELECT count(*)::int FROM converted) AS n,
              coalesce((SELECT array_agg(DISTINCT e.initiative_id::text) FROM converted JOIN cost_tracking.cost_entries e ON e.id = converted.entry_id
                         WHERE e.initiative_id IS NOT NULL), '{}') AS initiatives`,
      [this.reportingCurrency, ...params],
    )) as { n: number; initiatives: string[] }[];
    return { count: result?.n ?? 0, initiatives: result?.initiatives ?? [] };
  }
}

/** The latest rate of each currency and month among those given. */
export function latestByMonth(rates: readonly { currency: string; date: string; rate: string }[]): MonthRate[] {
  const latest = new Map<string, MonthRate>();
  for (const { currency, date, rate } of rates) {
    const key = `${currency} ${date.slice(0, 7)}`;
    const held = latest.get(key);
    if (!held || held.date < date) latest.set(key, { currency, month: date.slice(0, 7), date, rate: new Decimal(rate).toFixed() });
  }
  return [...latest.values()].sort((a, b) => (a.currency === b.currency ? (a.month < b.month ? -1 : 1) : a.currency < b.currency ? -1 : 1));
}
