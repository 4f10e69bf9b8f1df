import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import type { RecordTokenUsage, Repricing, SetTokenPrice, TokenPrice, TokenUsage } from '@capstan/contracts';
import { Outbox, RpcError, type RpcContext } from '@capstan/messaging';
import { lockInitiatives } from '../ledger/initiative-totals';
import { DeferredFollowUps, LedgerService } from '../ledger/ledger.service';

// Per-1k prices (12 places) times token counts, over 1,000: at most 15 places, exact at 60 digits.
const Exact = Decimal.clone({ precision: 60 });

const PRICE_COLUMNS = `id, model, effective_from::text AS effective_from, currency, input_per_1k::text AS input_per_1k, output_per_1k::text AS output_per_1k,
  cached_per_1k::text AS cached_per_1k, recorded_by, recorded_at`;

interface PriceRow {
  id: string;
  model: string;
  effective_from: string;
  currency: string;
  input_per_1k: string;
  output_per_1k: string;
  cached_per_1k: string;
  recorded_by: string;
  recorded_at: Date;
}

interface ChargedUsageRow {
  id: string;
  usage_date: string;
  input_tokens: string;
  output_tokens: string;
  cached_tokens: string;
  price_id: string;
  entry_id: string;
  amount: string;
  currency: string;
}

/**
 * Token metering: usage (model, input, output and cached tokens, initiative)
 * priced by the model's price effective on the usage date and recorded in the
 * ledger as a metered inference cost. A new price applies from its date on and
 * never re-prices what was charged before — unless re-pricing is asked for,
 * and then each changed charge is reversed and charged again, and the answer
 * lists what changed.
 */
@Injectable()
export class TokenMeteringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly ledger: LedgerService,
  ) {}

  // Model names are told apart regardless of case, and kept in lower case: a meter posting "gpt-4o-mini" finds the
  // price finance set for "GPT-4o-mini", and re-pricing one reaches usage recorded under either.
  async setPrice(name: string, price: SetTokenPrice, actor: string): Promise<TokenPrice> {
    const model = name.toLowerCase();
    const rows = (await this.dataSource.query(
      `INSERT INTO cost_tracking.token_prices (id, model, effective_from, currency, input_per_1k, output_per_1k, cached_per_1k, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (model, effective_from) DO NOTHING
       RETURNING ${PRICE_COLUMNS}`,
      [randomUUID(), model, price.effectiveFrom, price.currency, price.inputPer1k, price.outputPer1k, price.cachedPer1k, actor],
    )) as PriceRow[];
    if (!rows.length) {
      throw new RpcError('conflict', `${model} has a price effective from ${price.effectiveFrom} already; prices never change: set a new one from a later date`);
    }
    return toPrice(rows[0]);
  }

  async prices(model: string): Promise<{ items: TokenPrice[] }> {
    return { items: (await this.pricesOf(this.dataSource.manager, model.toLowerCase())).map(toPrice) };
  }

  async recordUsage(recorded: RecordTokenUsage, actor: string, context: RpcContext, requestId?: string): Promise<TokenUsage> {
    const usage = { ...recorded, model: recorded.model.toLowerCase() };
    return this.outbox.transaction(async (manager) => {
      const seen = requestId ? await this.usageOfRequest(manager, requestId) : undefined;
      if (seen) return seen;
      const known = (await manager.query(`SELECT 1 FROM cost_tracking.initiatives WHERE id = $1`, [usage.initiativeId])) as unknown[];
      if (!known.length) throw new RpcError('unprocessable', `No initiative ${usage.initiativeId} is known to cost tracking`, [{ field: 'initiativeId', message: 'Unknown initiative' }]);
      const price = await this.priceOn(manager, usage.model, usage.date);
      if (!price) {
        throw new RpcError('unprocessable', `No price for ${usage.model} on ${usage.date}: set one with POST /api/v1/token-prices/${usage.model}`, [
          { field: 'model', message: 'No price effective on this date' },
        ]);
      }
      const id = randomUUID();
      await manager.query(
        `INSERT INTO cost_tracking.token_usage (id, initiative_id, model, usage_date, phase, input_tokens, output_tokens, cached_tokens, reference, recorded_by, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [id, usage.initiativeId, usage.model, usage.date, usage.phase, usage.inputTokens, usage.outputTokens, usage.cachedTokens, usage.reference, actor, requestId ?? null],
      );
      const amount = costOf(usage, price);
      const entry = await this.charge(manager, { id, initiativeId: usage.initiativeId, model: usage.model, date: usage.date, phase: usage.phase }, price, amount, actor, context);
      return { ...usage, id, priceId: price.id, amount, currency: price.currency.trim(), entryId: entry, recordedBy: actor };
    });
  }

  /**
   * The usage a request recorded before, as it is charged now; its charge reversed by hand since, as it was last
   * charged (a retry is answered, not refused as a conflict, and charges nothing again).
   */
  private async usageOfRequest(manager: EntityManager, requestId: string): Promise<TokenUsage | undefined> {
    const [row] = (await manager.query(
      `SELECT u.id, u.initiative_id, u.model, u.usage_date::text AS usage_date, u.phase, u.input_tokens::text AS input_tokens, u.output_tokens::text AS output_tokens,
              u.cached_tokens::text AS cached_tokens, u.reference, u.recorded_by, c.price_id, c.entry_id, c.amount::text AS amount, p.currency
         FROM cost_tracking.token_usage u
         JOIN LATERAL (
           SELECT * FROM cost_tracking.token_charges c WHERE c.usage_id = u.id ORDER BY c.current DESC, c.charged_at DESC LIMIT 1
         ) c ON true
         JOIN cost_tracking.token_prices p ON p.id = c.price_id
        WHERE u.request_id = $1`,
      [requestId],
    )) as (ChargedUsageRow & { initiative_id: string; model: string; phase: 'pilot' | 'production'; reference: string; recorded_by: string })[];
    if (!row) return undefined;
    return {
      id: row.id,
      initiativeId: row.initiative_id,
      model: row.model,
      date: row.usage_date,
      phase: row.phase,
      inputTokens: Number(row.input_tokens),
      outputTokens: Number(row.output_tokens),
      cachedTokens: Number(row.cached_tokens),
      reference: row.reference,
      priceId: row.price_id,
      amount: new Exact(row.amount).toFixed(),
      currency: row.currency.trim(),
      entryId: row.entry_id,
      recordedBy: row.recorded_by,
    };
  }

  /** Charges usage between two dates again at the prices effective now; only charges that change are reversed and replaced. */
  async reprice(name: string, range: { from: string; to: string }, actor: string, context: RpcContext): Promise<Repricing> {
    const model = name.toLowerCase();
    return this.outbox.transaction(async (manager) => {
      // Every initiative whose figures may change, locked in one order before any charge: a reversal takes an
      // initiative, then its entry's charge, and taking the charges first here could deadlock with it.
      const owners = (await manager.query(
        `SELECT DISTINCT u.initiative_id FROM cost_tracking.token_usage u
           JOIN cost_tracking.token_charges c ON c.usage_id = u.id AND c.current
          WHERE u.model = $1 AND u.usage_date BETWEEN $2 AND $3 AND u.initiative_id IS NOT NULL`,
        [model, range.from, range.to],
      )) as { initiative_id: string }[];
      await lockInitiatives(manager, owners.map((owner) => owner.initiative_id));
      const rows = (await manager.query(
        `SELECT u.id, u.usage_date::text AS usage_date, u.input_tokens::text AS input_tokens, u.output_tokens::text AS output_tokens,
                u.cached_tokens::text AS cached_tokens, c.price_id, c.entry_id, c.amount::text AS amount, p.currency,
                u.initiative_id, u.phase
           FROM cost_tracking.token_usage u
           JOIN cost_tracking.token_charges c ON c.usage_id = u.id AND c.current
           JOIN cost_tracking.token_prices p ON p.id = c.price_id
          WHERE u.model = $1 AND u.usage_date BETWEEN $2 AND $3
          ORDER BY u.usage_date, u.id
          FOR UPDATE OF c`,
        [model, range.from, range.to],
      )) as (ChargedUsageRow & { initiative_id: string; phase: 'pilot' | 'production' })[];
      // Usage charged since the first read may name another initiative: locked too before any entry is reversed.
      await lockInitiatives(manager, rows.map((row) => row.initiative_id).filter((id): id is string => !!id));
      // The model's prices, newest first: each usage takes the first that had begun by its date.
      const prices = (await this.pricesOf(manager, model)).reverse();
      const changes: Repricing['changes'] = [];
      // Budgets and economics once, after every change: not between a charge's reversal and its replacement.
      const deferred = new DeferredFollowUps();
      for (const row of rows) {
        const price = prices.find((candidate) => candidate.effective_from <= row.usage_date);
        if (!price) continue;
        const tokens = { inputTokens: Number(row.input_tokens), outputTokens: Number(row.output_tokens), cachedTokens: Number(row.cached_tokens) };
        const amount = costOf(tokens, price);
        if (price.id === row.price_id || (new Exact(amount).equals(row.amount) && price.currency.trim() === row.currency.trim())) continue;
        // Reversing the charge's entry retires the charge too (it is no longer current).
        await this.ledger.reverseIn(manager, row.entry_id, `re-priced ${model} from ${range.from} to ${range.to}`, actor, context, deferred);
        await this.charge(manager, { id: row.id, initiativeId: row.initiative_id, model, date: row.usage_date, phase: row.phase }, price, amount, actor, context, deferred);
        const from = new Exact(row.amount).toFixed();
        const [fromCurrency, currency] = [row.currency.trim(), price.currency.trim()];
        const difference = fromCurrency === currency ? new Exact(amount).minus(from).toFixed() : null;
        changes.push({ usageId: row.id, date: row.usage_date, from, fromCurrency, to: amount, difference, currency });
      }
      await this.ledger.followUp(manager, deferred, context);
      return { model, changes, unchanged: rows.length - changes.length };
    });
  }

  /** The model's prices, oldest first. */
  private async pricesOf(manager: EntityManager, model: string): Promise<PriceRow[]> {
    return (await manager.query(`SELECT ${PRICE_COLUMNS} FROM cost_tracking.token_prices WHERE model = $1 ORDER BY effective_from`, [model])) as PriceRow[];
  }

  /** The price in force on `date`: the latest that had begun by then. */
  private async priceOn(manager: EntityManager, model: string, date: string): Promise<PriceRow | undefined> {
    const [price] = (await manager.query(
      `SELECT ${PRICE_COLUMNS} FROM cost_tracking.token_prices WHERE model = $1 AND effective_from <= $2 ORDER BY effective_from DESC LIMIT 1`,
      [model, date],
    )) as PriceRow[];
    return price;
  }

  /** The charge in the ledger (a metered inference cost) and its record; returns the entry's id. */
  private async charge(
    manager: EntityManager,
    usage: { id: string; initiativeId: string; model: string; date: string; phase: 'pilot' | 'production' },
    price: PriceRow,
    amount: string,
    actor: string,
    context: RpcContext,
    deferred?: DeferredFollowUps,
  ): Promise<string> {
    const entry = await this.ledger.recordIn(
      manager,
      {
        initiativeId: usage.initiativeId,
        chargeDate: usage.date,
        category: 'inference',
        phase: usage.phase,
        amount,
        currency: price.currency.trim(),
        source: 'metered',
        reference: `tokens ${usage.model} (usage ${usage.id}, price from ${price.effective_from})`,
      },
      actor,
      context,
      deferred,
    );
    await manager.query(`INSERT INTO cost_tracking.token_charges (usage_id, price_id, entry_id, amount) VALUES ($1, $2, $3, $4)`, [usage.id, price.id, entry.id, amount]);
    return entry.id;
  }
}

function costOf(usage: { inputTokens: number; outputTokens: number; cachedTokens: number }, price: PriceRow): string {
  return new Exact(price.input_per_1k)
    .times(usage.inputTokens)
    .plus(new Exact(price.output_per_1k).times(usage.outputTokens))
    .plus(new Exact(price.cached_per_1k).times(usage.cachedTokens))
    .dividedBy(1000)
    .toFixed();
}

function toPrice(row: PriceRow): TokenPrice {
  return {
    id: row.id,
    model: row.model,
    effectiveFrom: row.effective_from,
    currency: row.currency.trim(),
    inputPer1k: new Exact(row.input_per_1k).toFixed(),
    outputPer1k: new Exact(row.output_per_1k).toFixed(),
    cachedPer1k: new Exact(row.cached_per_1k).toFixed(),
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}
