import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { FxEvents, type FxConversionView, type FxRecorded, type RecordFxRates } from '@capstan/contracts';
import { Outbox, WorkLeases, firstResultSet, type RpcContext } from '@capstan/messaging';
import { BudgetsService } from '../budgets/budgets.service';
import { LedgerService } from '../ledger/ledger.service';
import { ExchangeRatesService, type RateConversionRow } from './exchange-rates.service';

/** Initiatives whose figures one transaction publishes again. */
const PUBLISH_BATCH = 50;
/** Month rates per `fx.month_rates_recorded` told at a start: well under NATS's 1 MB message. */
const MONTH_RATES_PER_EVENT = 1000;
/** A conversion job's row as `RateConversionRow` reads it. */
const JOB_COLUMNS = `id::text, currency, from_date::text, through_date::text, first_seq::text, next_seq::text, through_seq::text,
  entries_converted::text, republish_all, queued_at, last_error`;
/** Postgres's error when `lock_timeout` passes. */
const LOCK_NOT_AVAILABLE = '55P03';

/** A whole number from the environment, at least `min`. */
function wholeNumber(name: string, fallback: number, min: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`Invalid configuration for cost-tracking: ${name} must be a whole number, at least ${min}`);
  }
  return value;
}

/**
 * Converts the entries waiting for rates just recorded, and the whole ledger
 * after the reporting currency changes, as jobs (`rate_conversions`) worked
 * through in slices of the ledger by `seq`, one transaction each; then
 * publishes again the cost visibility and unit economics of the initiatives whose entries were
 * converted, and the burn of their budgets (and of budgets in the currency whose month rate
 * the new rates are). The request recording rates works on its own jobs for up to
 * `COST_CONVERSION_INLINE_MS` and answers; whatever is left goes on in the
 * background, and the replica leading `rate-conversions` picks up any job a
 * crash interrupted. Slices take one lock, so two processes never convert
 * the same entries.
 */
@Injectable()
export class RateConversions implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RateConversions.name);
  private readonly inlineMs = wholeNumber('COST_CONVERSION_INLINE_MS', 3_000, 0);
  /** `seq` numbers per slice: a slice converts at most this many entries. */
  private readonly sliceSize = wholeNumber('COST_CONVERSION_SLICE', 20_000, 1);
  private readonly intervalMs = wholeNumber('COST_CONVERSION_INTERVAL_MS', 5_000, 100);
  private stop?: () => Promise<void>;
  private stopping = false;
  private backfillQueued = false;
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly rates: ExchangeRatesService,
    private readonly ledger: LedgerService,
    private readonly budgets: BudgetsService,
    private readonly leases: WorkLeases,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = this.leases.every('rate-conversions', this.intervalMs, () => this.tick());
  }

  /** The leader's round: first the backfill since the last start (until it is queued), then every conversion due. */
  private async tick(): Promise<void> {
    if (!this.backfillQueued) {
      const job = await this.dataSource.transaction((manager) => this.rates.queueBackfill(manager));
      if (job) this.logger.log(`Bringing the ledger's conversions to ${this.rates.reportingCurrency} up to date (conversion ${job})`);
      await this.tellRecordedMonthRates();
      this.backfillQueued = true;
    }
    await this.drain();
  }

  /** Tells scoring the month rates recorded since the last start told them (see `untoldMonthRates`). */
  private async tellRecordedMonthRates(): Promise<void> {
    await this.outbox.transaction(async (manager) => {
      const months = await this.rates.untoldMonthRates(manager);
      for (let from = 0; from < months.length; from += MONTH_RATES_PER_EVENT) {
        const rates = months.slice(from, from + MONTH_RATES_PER_EVENT);
        await this.outbox.enqueue(manager, FxEvents.monthRatesRecorded, { reportingCurrency: this.rates.reportingCurrency, rates });
      }
    });
  }

  /** Before the lifecycle closes the database and NATS: work left off resumes from its last step, in whichever replica leads next. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.stop?.();
    await Promise.allSettled([...this.running]);
  }

  /** Records rates, then converts the entries waiting for them for a few seconds; the rest goes on in the background. */
  async record(rates: RecordFxRates, actor: string, context: RpcContext): Promise<FxRecorded> {
    const { conversions, ...recorded } = await this.outbox.transaction(async (manager) => {
      const { monthRates, ...result } = await this.rates.record(manager, rates, actor);
      if (monthRates.length) await this.outbox.enqueue(manager, FxEvents.monthRatesRecorded, { reportingCurrency: result.reportingCurrency, rates: monthRates }, context);
      return result;
    });
    if (!(await this.drain(conversions, Date.now() + this.inlineMs, context))) this.track(this.drain(conversions, Infinity, context));
    const [state] = (await this.dataSource.query(
      `SELECT coalesce(sum(entries_converted), 0)::int AS converted, coalesce(bool_or(finished_at IS NULL), false) AS pending
         FROM cost_tracking.rate_conversions WHERE id = ANY($1::bigint[])`,
      [conversions],
    )) as { converted: number; pending: boolean }[];
    return { ...recorded, entriesConverted: state?.converted ?? 0, conversionPending: state?.pending ?? false };
  }

  /** The conversions not finished yet, oldest first. */
  async pending(): Promise<FxConversionView[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${JOB_COLUMNS}
         FROM cost_tracking.rate_conversions WHERE finished_at IS NULL AND reporting_currency = $1 ORDER BY id`,
      [this.rates.reportingCurrency],
    )) as RateConversionRow[];
    return rows.map((row) => {
      const stage = row.next_seq === null ? 'finding' : Number(row.next_seq) > Number(row.through_seq) ? 'publishing' : 'converting';
      const first = Number(row.first_seq);
      const progress = stage === 'finding' ? null : stage === 'publishing' ? 1 : (Number(row.next_seq) - first) / (Number(row.through_seq) - first + 1);
      return {
        id: row.id,
        currency: row.currency?.trim() ?? null,
        from: row.from_date,
        through: row.through_date,
        queuedAt: new Date(row.queued_at).toISOString(),
        stage,
        entriesConverted: Number(row.entries_converted),
        progress,
        lastError: row.last_error,
      };
    });
  }

  /**
   * Works through the given conversions (or all), a slice at a time, until
   * none is left (true) or the deadline has passed (false). A failed step is
   * noted on its conversion, which waits longer after each failure while the
   * others go on.
   */
  async drain(only?: string[], deadline = Infinity, context: RpcContext = {}): Promise<boolean> {
    if (only?.length === 0) return true;
    while (Date.now() < deadline && !this.stopping) {
      let step: { published: boolean } | 'busy' | undefined;
      let working: string | undefined;
      try {
        step = await this.dataSource.transaction(async (manager) => {
          const next = await this.claim(manager, only, deadline);
          if (next === 'busy' || !next) return next;
          working = next.id;
          return { published: await this.advance(manager, next, context) };
        });
      } catch (error) {
        if (working && (await this.failed(working, error, deadline))) continue;
        this.logger.warn(`Converting entries at their rates failed: ${String(error)}`);
        return false;
      }
      if (step === 'busy') return false;
      if (!step) return true;
      if (step.published) this.outbox.wake();
    }
    return false;
  }

  /**
   * The oldest unfinished conversion (of `only`, when given) not waiting to be
   * tried again, under the lock that lets one step run at a time; `busy` when
   * another step holds it past the deadline.
   */
  private async claim(manager: EntityManager, only: string[] | undefined, deadline = Infinity): Promise<RateConversionRow | 'busy' | undefined> {
    if (deadline !== Infinity) {
      await manager.query(`SELECT set_config('lock_timeout', $1, true)`, [`${Math.max(1, deadline - Date.now())}ms`]);
    }
    try {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('cost_tracking.rate_conversions'))`);
    } catch (error) {
      const failure = error as { code?: string; driverError?: { code?: string } };
      if ((failure.code ?? failure.driverError?.code) === LOCK_NOT_AVAILABLE) return 'busy';
      throw error;
    }
    if (deadline !== Infinity) await manager.query(`SET LOCAL lock_timeout TO DEFAULT`);
    const [job] = (await manager.query(
      `SELECT ${JOB_COLUMNS}
         FROM cost_tracking.rate_conversions
        WHERE finished_at IS NULL AND reporting_currency = $1 AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))
          AND (retry_at IS NULL OR retry_at <= now())
        ORDER BY id LIMIT 1`,
      [this.rates.reportingCurrency, only ?? null],
    )) as RateConversionRow[];
    return job;
  }

  /**
   * One step of a conversion: find its entries, convert a slice of them, publish a batch of figures, or finish.
   * True when it published (the outbox relay is woken once the step commits).
   */
  private async advance(manager: EntityManager, job: RateConversionRow, context: RpcContext): Promise<boolean> {
    if (job.next_seq === null) {
      const waiting = await this.rates.waitingEntries(manager, job);
      await manager.query(`UPDATE cost_tracking.rate_conversions SET first_seq = $2, next_seq = $2, through_seq = $3, last_error = NULL, attempts = 0, retry_at = NULL WHERE id = $1`, [
        job.id,
        waiting?.first ?? Number(job.through_seq) + 1,
        waiting?.last ?? job.through_seq,
      ]);
      return false;
    }
    const from = Number(job.next_seq);
    const through = Number(job.through_seq);
    if (from <= through) {
      const to = Math.min(from + this.sliceSize - 1, through);
      const converted = await this.rates.convertSlice(manager, job, from, to);
      if (job.republish_all) {
        // A new reporting currency changes the figures of every initiative, converted or still waiting for rates.
        await manager.query(
          `INSERT INTO cost_tracking.rate_conversion_initiatives (conversion_id, initiative_id)
           SELECT DISTINCT $1::bigint, initiative_id FROM cost_tracking.cost_entries WHERE seq BETWEEN $2 AND $3 AND initiative_id IS NOT NULL
           ON CONFLICT DO NOTHING`,
          [job.id, from, to],
        );
      } else {
        await manager.query(
          `INSERT INTO cost_tracking.rate_conversion_initiatives (conversion_id, initiative_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
          [job.id, converted.initiatives],
        );
      }
      await manager.query(
        `UPDATE cost_tracking.rate_conversions SET next_seq = $2, entries_converted = entries_converted + $3, last_error = NULL, attempts = 0, retry_at = NULL WHERE id = $1`,
        [job.id, to + 1, converted.count],
      );
      if (job.currency === null) {
        await manager.query(
          `INSERT INTO cost_tracking.conversion_backfills (reporting_currency, through_seq) VALUES ($1, $2)
           ON CONFLICT (reporting_currency) DO UPDATE SET through_seq = greatest(cost_tracking.conversion_backfills.through_seq, EXCLUDED.through_seq)`,
          [this.rates.reportingCurrency, to],
        );
      }
      return false;
    }
    const initiatives = firstResultSet<{ initiative_id: string }>(
      await manager.query(
        `DELETE FROM cost_tracking.rate_conversion_initiatives
          WHERE conversion_id = $1 AND initiative_id IN (
            SELECT initiative_id FROM cost_tracking.rate_conversion_initiatives WHERE conversion_id = $1 ORDER BY initiative_id LIMIT ${PUBLISH_BATCH})
          RETURNING initiative_id::text`,
        [job.id],
      ),
    );
    if (initiatives.length) {
      await this.ledger.publishEconomicsOf(manager, initiatives.map((row) => row.initiative_id), context);
      await this.budgets.checkConverted(manager, initiatives.map((row) => row.initiative_id), context);
      await manager.query(`UPDATE cost_tracking.rate_conversions SET attempts = 0, retry_at = NULL, last_error = NULL WHERE id = $1 AND attempts > 0`, [job.id]);
      return true;
    }
    // The currency's new rates may be its budgets' month rates, bringing their other currencies' spend into them.
    // A new reporting currency moves every budget's other currencies, whether or not this job converted their entries.
    const budgetsChecked =
      job.currency !== null && job.from_date !== null && job.through_date !== null
        ? await this.budgets.checkAtRates(manager, job.currency.trim(), job.from_date, job.through_date, context)
        : job.republish_all
          ? await this.budgets.checkAllWithOtherCurrencies(manager, context)
          : 0;
    await manager.query(`UPDATE cost_tracking.rate_conversions SET finished_at = now(), last_error = NULL WHERE id = $1`, [job.id]);
    const what = job.currency === null ? `the ledger to ${this.rates.reportingCurrency}` : `${job.currency.trim()} entries of ${job.from_date}–${job.through_date}`;
    this.logger.log(`Converted ${job.entries_converted} ${what} (conversion ${job.id})`);
    return budgetsChecked > 0;
  }

  /**
   * Notes why a step of conversion `id` failed, so the list of conversions
   * shows it, and when to try it again: the interval, doubled with each
   * failure in a row, up to an hour. False when it could not be noted.
   */
  private async failed(id: string, error: unknown, deadline: number): Promise<boolean> {
    return this.dataSource
      .transaction(async (manager) => {
        if ((await this.claim(manager, [id], deadline)) === 'busy') return false;
        const [{ retry }] = (await manager.query(
          `UPDATE cost_tracking.rate_conversions
              SET last_error = $2, attempts = attempts + 1,
                  retry_at = now() + least(interval '1 hour', $3 * interval '1 millisecond' * power(2, least(attempts, 20)))
            WHERE id = $1
          RETURNING to_char(retry_at - now(), 'HH24:MI:SS') AS retry`,
          [id, String(error).slice(0, 1_000), this.intervalMs],
        )) as [{ retry: string }];
        this.logger.warn(`Conversion ${id} failed, tried again in ${retry}: ${String(error)}`);
        return true;
      })
      .catch((noted: unknown) => {
        this.logger.warn(`Converting entries at their rates failed (${String(error)}), and noting it did too: ${String(noted)}`);
        return false;
      });
  }

  /** Keeps background work in view so shutdown waits for it, and logs its failure. */
  private track(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => this.logger.warn(`Converting entries at their rates stopped: ${String(error)}`))
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
}
