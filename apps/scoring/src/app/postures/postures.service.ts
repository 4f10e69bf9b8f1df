import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import type { z } from 'zod';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import {
  PostureEvents,
  type DryRun,
  type FxEvents,
  type EventEnvelope,
  type PortfolioReadiness,
  type PortfolioTrends,
  type PostureSummary,
  type PostureView,
} from '@capstan/contracts';
import type { InitiativeStage, Posture } from '@capstan/domain';
import { Outbox, RpcError } from '@capstan/messaging';
import { holdKey, lockProjectionRow } from '@capstan/persistence';
import {
  conditionKind,
  domainTrends,
  momentsForTrends,
  emptyInputs,
  evaluate,
  type CapRateInput,
  type Evaluation,
  type PriorState,
  type ScoredMoment,
  type ScoringInputs,
  type ScoringModel,
} from '@capstan/scoring-core';
import { ActiveModel } from '../models/active-model';
import { EvaluationEntity } from './evaluation.entity';
import { ScoringSubjectEntity } from './scoring-subject.entity';

@Injectable()
export class PosturesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly activeModel: ActiveModel,
  ) {}

  /** Starts tracking a newly registered initiative and records its first posture. */
  async track(manager: EntityManager, initiativeId: string, stage: InitiativeStage, scope: NonNullable<ScoringInputs['scope']>, cause: Cause): Promise<void> {
    const existing = await this.lockSubject(manager, initiativeId);
    const inputs = structuredClone(existing?.inputs ?? emptyInputs(initiativeId));
    // An update may have arrived first: the registration's profile never overrides it.
    inputs.stage ??= stage;
    inputs.scope ??= scope;
    await this.rescore(manager, inputs, existing, cause);
  }

  /**
   * Applies one changed input and re-scores. Events about the same initiative can
   * arrive out of order (other consumers, replicas): an input set at an older
   * initiative version than the one already applied is ignored.
   */
  async applyInput(
    manager: EntityManager,
    initiativeId: string,
    input: { key: string; initiativeVersion: number; apply: (inputs: ScoringInputs) => void },
    cause: Cause,
  ): Promise<void> {
    const existing = await this.lockSubject(manager, initiativeId);
    const applied = existing?.appliedVersions ?? {};
    if ((applied[input.key] ?? 0) >= input.initiativeVersion) return;
    const inputs = structuredClone(existing?.inputs ?? emptyInputs(initiativeId));
    input.apply(inputs);
    await this.rescore(manager, inputs, existing, cause, { ...applied, [input.key]: input.initiativeVersion });
  }

  /** Re-evaluates with unchanged inputs: time has moved (evidence lapsed, a hold period passed). */
  async reevaluate(manager: EntityManager, initiativeId: string, cause: Cause = {}): Promise<void> {
    const existing = await this.lockSubject(manager, initiativeId);
    if (existing) await this.rescore(manager, existing.inputs, existing, cause);
  }

  /**
   * Takes an archived initiative out of the portfolio's figures from the moment it was archived. The archive may
   * arrive before the registration (each event type has its own consumer): the row is made then, for it to find.
   */
  async archive(manager: EntityManager, initiativeId: string, archivedAt: string): Promise<void> {
    await manager.query(
      `INSERT INTO scoring.subjects (initiative_id, inputs, archived_at) VALUES ($1, $2, $3)
       ON CONFLICT (initiative_id) DO UPDATE SET archived_at = coalesce(subjects.archived_at, EXCLUDED.archived_at), review_at = NULL`,
      [initiativeId, JSON.stringify(emptyInputs(initiativeId)), archivedAt],
    );
  }

  /** Re-evaluates initiatives whose review time has come; replicas take different ones. Returns how many. */
  async reviewDue(batch = 100): Promise<number> {
    const reviewed = await this.dataSource.transaction(async (manager) => {
      await this.activeModel.current(manager);
      const due = await manager
        .createQueryBuilder(ScoringSubjectEntity, 's')
        // Due by the database's clock, which the evaluation uses too (see `rescore`): by two clocks, one behind the
        // other would find a subject due that the evaluation sees as not yet due, and find it again and again.
        .where('s.review_at <= now() AND s.archived_at IS NULL')
        .orderBy('s.review_at')
        .limit(batch)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const subject of due) await this.rescore(manager, subject.inputs, subject, {});
      return due.length;
    });
    if (reviewed) this.outbox.wake();
    return reviewed;
  }

  async count(): Promise<number> {
    return this.dataSource.manager.count(ScoringSubjectEntity);
  }

  /**
   * Re-scores, in batches, every initiative whose posture another model than the active one gave: after a model is
   * activated, and at each review sweep, so a re-score cut short (or an event applied under the old model while the
   * model changed) is finished. Replicas take different initiatives. Returns how many it re-scored.
   */
  async rescoreByOlderModels(batch = 200): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let rescored = 0;
    for (;;) {
      const ids = await this.dataSource.transaction(async (manager) => {
        const model = await this.activeModel.get(manager);
        const stale = (await manager.query(
          `SELECT s.initiative_id FROM scoring.subjects s JOIN scoring.evaluations e ON e.id = s.evaluation_id
           WHERE s.initiative_id > $1 AND s.archived_at IS NULL AND e.model_version <> $2
           ORDER BY s.initiative_id LIMIT $3 FOR UPDATE OF s SKIP LOCKED`,
          [after, model.version, batch],
        )) as { initiative_id: string }[];
        for (const { initiative_id } of stale) await this.reevaluate(manager, initiative_id);
        return stale;
      });
      if (!ids.length) return rescored;
      this.outbox.wake();
      rescored += ids.length;
      after = ids[ids.length - 1].initiative_id;
    }
  }

  /** Directions over the last weeks; two domains sliding together is an early warning. */
  private async withTrends(manager: EntityManager, result: Evaluation, subject: ScoringSubjectEntity | null): Promise<{ result: Evaluation; recent: ScoredMoment[] }> {
    const earlier = subject?.recentScores ?? (subject ? await this.recentFromHistory(manager, result.initiativeId) : []);
    const current: ScoredMoment = {
      evaluatedAt: result.evaluatedAt,
      domainScores: Object.fromEntries(result.domains.map((domain) => [domain.id, domain.score])),
    };
    const recent = momentsForTrends(earlier, current);
    const { trends, earlyWarning } = domainTrends(recent);
    return { result: { ...result, trends, signals: earlyWarning ? [...result.signals, earlyWarning] : result.signals }, recent };
  }

  /** The scores of an initiative's recent evaluations, for a row scored before they were kept on it. */
  private async recentFromHistory(manager: EntityManager, initiativeId: string): Promise<ScoredMoment[]> {
    const rows = (await manager.query(
      `SELECT evaluated_at, result->'domains' AS domains FROM scoring.evaluations
       WHERE initiative_id = $1 ORDER BY evaluated_at DESC LIMIT $2`,
      [initiativeId, HISTORY_READ],
    )) as { evaluated_at: Date; domains: Evaluation['domains'] }[];
    return rows.reverse().map((row) => ({
      evaluatedAt: new Date(row.evaluated_at).toISOString(),
      domainScores: Object.fromEntries(row.domains.map((domain) => [domain.id, domain.score])),
    }));
  }

  /**
   * Reads and locks an initiative's row — or the right to create it, so two
   * first events about one initiative cannot both start from empty inputs.
   * Plain SQL, as this and `store` run for every event.
   */
  private async lockSubject(manager: EntityManager, initiativeId: string): Promise<ScoringSubjectEntity | null> {
    // The model first: a transaction holding an initiative must never wait for a model's activation (`ACTIVE_MODEL_LOCK`).
    await this.activeModel.current(manager);
    const row = await lockProjectionRow<SubjectRow>(
      manager,
      `SELECT inputs, posture, evaluation_id, applied_versions, gates_held_since, gates_held_under, review_at, recent_scores, archived_at, version, updated_at
       FROM scoring.subjects WHERE initiative_id = $1 FOR UPDATE`,
      [initiativeId],
      `scoring.subjects:${initiativeId}`,
    );
    return row ? subjectOf(initiativeId, row) : null;
  }

  /** Stores an evaluation and makes it the initiative's current one, in one round trip. */
  private async store(manager: EntityManager, evaluation: Omit<EvaluationEntity, 'id'> & { id: string }, state: Omit<ScoringSubjectEntity, 'initiativeId' | 'updatedAt' | 'archivedAt'>): Promise<void> {
    await manager.query(
      `WITH evaluation AS (
         INSERT INTO scoring.evaluations (id, initiative_id, posture, result, inputs, model_version, input_hash, evaluated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       )
       INSERT INTO scoring.subjects (initiative_id, inputs, posture, evaluation_id, applied_versions, gates_held_since, gates_held_under, review_at, recent_scores, version, updated_at)
       VALUES ($2, $5, $3, $1, $9, $10, $14, $11, $12, $13, now())
       ON CONFLICT (initiative_id) DO UPDATE SET inputs = EXCLUDED.inputs, posture = EXCLUDED.posture, evaluation_id = EXCLUDED.evaluation_id,
         applied_versions = EXCLUDED.applied_versions, gates_held_since = EXCLUDED.gates_held_since, gates_held_under = EXCLUDED.gates_held_under, review_at = EXCLUDED.review_at,
         recent_scores = EXCLUDED.recent_scores, version = EXCLUDED.version, updated_at = now()`,
      [
        evaluation.id,
        evaluation.initiativeId,
        evaluation.posture,
        JSON.stringify(evaluation.result),
        JSON.stringify(evaluation.inputs),
        evaluation.modelVersion,
        evaluation.inputHash,
        evaluation.evaluatedAt,
        JSON.stringify(state.appliedVersions),
        state.gatesHeldSince,
        state.reviewAt,
        JSON.stringify(state.recentScores),
        state.version,
        state.gatesHeldUnder,
      ],
    );
  }

  async get(initiativeId: string): Promise<PostureView> {
    const subject = await this.dataSource.manager.findOneBy(ScoringSubjectEntity, { initiativeId });
    if (!subject?.evaluationId) throw RpcError.notFound(`Posture of initiative ${initiativeId}`);
    const evaluation = await this.dataSource.manager.findOneByOrFail(EvaluationEntity, { id: subject.evaluationId });
    return toView(evaluation.result);
  }

  /** The posture as it stood at `asOf`: the last evaluation made by then, with the inputs known then. */
  async asOf(initiativeId: string, asOf: Date): Promise<HistoricalPosture> {
    const evaluation = await this.dataSource.manager
      .createQueryBuilder(EvaluationEntity, 'e')
      .where('e.initiative_id = :initiativeId AND e.evaluated_at <= :asOf', { initiativeId, asOf })
      .orderBy('e.evaluated_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .getOne();
    if (!evaluation) throw RpcError.notFound(`A posture of initiative ${initiativeId} as of ${asOf.toISOString()}`);
    return { ...toView(evaluation.result), inputs: evaluation.inputs };
  }

  async portfolio(): Promise<PortfolioReadiness> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(EvaluationEntity, 'e')
      .innerJoin(ScoringSubjectEntity, 's', 's.evaluation_id = e.id AND s.archived_at IS NULL')
      // Not the inputs each evaluation keeps (telemetry, spend, rivals): tens of megabytes for a large portfolio.
      .select(['e.id', 'e.result'])
      .getMany();
    const counts: Record<Posture, number> = { pause: 0, controlled_investment: 0, authorize_deployment: 0 };
    const conditions = new Map<string, number>();
    for (const { result } of rows) {
      counts[result.posture]++;
      // What holds initiatives back: an authorized one's conditions say what keeps it, not what it waits for.
      if (result.posture === 'authorize_deployment') continue;
      for (const condition of new Set(result.conditions.map(conditionKind))) conditions.set(condition, (conditions.get(condition) ?? 0) + 1);
    }
    return {
      counts,
      heatmap: rows.map(({ result }) => ({ initiativeId: result.initiativeId, posture: result.posture, domainScores: toSummary(result).domainScores })),
      topConditions: [...conditions]
        .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
        .slice(0, 10)
        .map(([condition, initiatives]) => ({ condition, initiatives })),
      ...(await this.capitalAheadOfReadiness(rows.map((row) => row.result))),
      modelVersion: (await this.activeModel.get(this.dataSource.manager)).version,
    };
  }

  /**
   * Each of the last `weeks` weeks as it stood at its end: the latest
   * evaluation of every initiative evaluated by then, counted by posture and by
   * signal. Two aggregate queries; the rows never leave Postgres. Each
   * initiative's latest evaluation of a week is one probe of its index, so the
   * cost grows with initiatives and weeks, not with the evaluations kept.
   */
  async trends(weeks: number): Promise<PortfolioTrends> {
    const lastEnd = mondayAfter(new Date()).getTime();
    const ends = Array.from({ length: weeks }, (_, n) => new Date(lastEnd - (weeks - 1 - n) * 7 * 86_400_000).toISOString().slice(0, 10));
    const latestPerWeek = `
      WITH ends AS (SELECT week, (week || 'T00:00:00Z')::timestamptz AS week_end FROM unnest($1::text[]) AS week),
      latest AS (
        SELECT ends.week, e.posture, e.result
          FROM ends CROSS JOIN scoring.subjects s
          CROSS JOIN LATERAL (
            SELECT posture, result FROM scoring.evaluations ev
             WHERE ev.initiative_id = s.initiative_id AND ev.evaluated_at < ends.week_end
             ORDER BY ev.evaluated_at DESC LIMIT 1
          ) e
          -- An initiative archived by the week's end no longer counts in it.
          WHERE s.archived_at IS NULL OR s.archived_at >= ends.week_end
      )`;
    const postures = (await this.dataSource.query(`${latestPerWeek} SELECT week, posture, count(*)::int AS n FROM latest GROUP BY 1, 2`, [ends])) as {
      week: string;
      posture: Posture;
      n: number;
    }[];
    const signals = (await this.dataSource.query(
      `${latestPerWeek} SELECT week, signal, count(*)::int AS n FROM latest CROSS JOIN LATERAL jsonb_array_elements_text(latest.result->'signals') AS signal GROUP BY 1, 2`,
      [ends],
    )) as { week: string; signal: string; n: number }[];
    const byWeek = new Map(ends.map((week) => [week, { weekEnding: week, counts: { pause: 0, controlled_investment: 0, authorize_deployment: 0 }, signals: [] as { signal: string; initiatives: number }[] }]));
    for (const row of postures) {
      const week = byWeek.get(row.week);
      if (week) week.counts[row.posture] = row.n;
    }
    for (const row of signals) byWeek.get(row.week)?.signals.push({ signal: row.signal, initiatives: row.n });
    for (const week of byWeek.values()) week.signals.sort((a, b) => b.initiatives - a.initiatives || (a.signal < b.signal ? -1 : 1));
    return { weeks: [...byWeek.values()] };
  }

  /** Keeps the capital committed to an initiative, per currency; an older figure never replaces a newer one. */
  async recordCommitment(manager: EntityManager, initiativeId: string, version: number, committed: { currency: string; amount: string }[]): Promise<void> {
    // Replicas apply two versions at once: without the lock, the older could delete the newer's rows after reading.
    await holdKey(manager, `scoring.commitments:${initiativeId}`);
    const [latest] = (await manager.query(`SELECT max(version)::text AS version FROM scoring.commitments WHERE initiative_id = $1`, [initiativeId])) as { version: string | null }[];
    if (latest?.version && Number(latest.version) >= version) return;
    await manager.query(`DELETE FROM scoring.commitments WHERE initiative_id = $1`, [initiativeId]);
    for (const { currency, amount } of committed) {
      await manager.query(`INSERT INTO scoring.commitments (initiative_id, currency, amount, version) VALUES ($1, $2, $3, $4)`, [initiativeId, currency, amount, version]);
    }
  }

  /**
   * Keeps each month's latest rate into the reporting currency (a later day of the month replaces an earlier one;
   * rates never change, so deliveries in any order end alike), then re-scores the initiatives whose scope envelope
   * caps monthly spend in one of the currencies and whose rates changed. A batch's events are taken together, so
   * each initiative is locked once, in initiative order, as batches of other events lock them.
   */
  async recordMonthRates(manager: EntityManager, batch: MonthRates[], cause: Cause): Promise<void> {
    const rates = batch
      .flatMap(({ reportingCurrency, rates }) => rates.map((rate) => ({ ...rate, reportingCurrency })))
      .sort((a, b) => (a.currency + a.reportingCurrency + a.month < b.currency + b.reportingCurrency + b.month ? -1 : 1));
    await manager.query(
      `INSERT INTO scoring.month_rates (currency, reporting_currency, month, rate_date, rate)
       SELECT DISTINCT ON (r.currency, r."reportingCurrency", r.month) r.currency, r."reportingCurrency", r.month, r.date::date, r.rate::numeric
         FROM jsonb_to_recordset($1::jsonb) AS r(currency text, "reportingCurrency" text, month text, date text, rate text)
        ORDER BY r.currency, r."reportingCurrency", r.month, r.date DESC
       ON CONFLICT ON CONSTRAINT month_rates_pkey DO UPDATE SET rate_date = EXCLUDED.rate_date, rate = EXCLUDED.rate
        WHERE EXCLUDED.rate_date > month_rates.rate_date`,
      [JSON.stringify(rates)],
    );
    const capped = (await manager.query(
      `SELECT initiative_id FROM scoring.subjects
        WHERE archived_at IS NULL AND inputs #>> '{decision,decision}' = 'controlled_investment'
          AND inputs #>> '{decision,scopeEnvelope,monthlySpendCap}' IS NOT NULL AND inputs #>> '{decision,scopeEnvelope,currency}' = ANY($1::text[])
        ORDER BY initiative_id`,
      [[...new Set(rates.map((rate) => rate.currency))]],
    )) as { initiative_id: string }[];
    for (const { initiative_id } of capped) {
      const subject = await this.lockSubject(manager, initiative_id);
      if (!subject) continue;
      const withRates = await this.withCapRates(manager, subject.inputs);
      // Rates for months its spend does not reach change nothing: no new evaluation.
      if (JSON.stringify(withRates.capRates ?? []) !== JSON.stringify(subject.inputs.capRates ?? [])) await this.rescore(manager, withRates, subject, cause);
    }
  }

  /**
   * The inputs with the rates their scope envelope's cap needs (`capRates`): for a cap in a currency other than the
   * reporting currency, its latest rate in each month with spend, or the month before's. Read at every scoring, as
   * the rates arrive apart from the initiative's own events.
   */
  private async withCapRates(manager: EntityManager, inputs: ScoringInputs): Promise<ScoringInputs> {
    const { capRates: held, ...rest } = inputs;
    const envelope = inputs.decision?.decision === 'controlled_investment' ? inputs.decision.scopeEnvelope : null;
    const months = inputs.recentReportingSpend ?? [];
    const reporting = months[0]?.currency;
    if (!envelope?.monthlySpendCap || !envelope.currency || !reporting || envelope.currency === reporting) return held ? rest : inputs;
    const periods = months.map((month) => month.period).sort();
    const rows = (await manager.query(
      `SELECT month, rate_date::text AS date, rate::text AS rate FROM scoring.month_rates
        WHERE currency = $1 AND reporting_currency = $2 AND month BETWEEN $3 AND $4 ORDER BY month`,
      [envelope.currency, reporting, monthBefore(periods[0]), periods[periods.length - 1]],
    )) as { month: string; date: string; rate: string }[];
    const capRates: CapRateInput[] = [];
    for (const period of periods) {
      // The month's latest rate, or the month before's early in a month: an older one would say little of the month.
      const latest = rows.filter((row) => row.month <= period && row.month >= monthBefore(period)).pop();
      if (latest) capRates.push({ period, date: latest.date, rate: new Decimal(latest.rate).toFixed() });
    }
    return capRates.length ? { ...rest, capRates } : rest;
  }

  /** Committed capital of initiatives not authorized for deployment, and the conditions holding back the most of it. */
  private async capitalAheadOfReadiness(results: { initiativeId: string; posture: Posture; conditions: string[] }[]) {
    const commitments = (await this.dataSource.query(`SELECT initiative_id, currency, amount::text AS amount FROM scoring.commitments`)) as {
      initiative_id: string;
      currency: string;
      amount: string;
    }[];
    const byInitiative = new Map<string, { currency: string; amount: string }[]>();
    for (const c of commitments) byInitiative.set(c.initiative_id, [...(byInitiative.get(c.initiative_id) ?? []), { currency: c.currency.trim(), amount: c.amount }]);
    const ahead = new Map<string, { amount: Decimal; initiatives: number }>();
    const byCondition = new Map<string, { condition: string; currency: string; amount: Decimal; initiatives: number }>();
    for (const result of results) {
      if (result.posture === 'authorize_deployment') continue;
      for (const { currency, amount } of byInitiative.get(result.initiativeId) ?? []) {
        const total = ahead.get(currency) ?? { amount: new Exact(0), initiatives: 0 };
        ahead.set(currency, { amount: total.amount.plus(amount), initiatives: total.initiatives + 1 });
        for (const condition of new Set(result.conditions.map(conditionKind))) {
          const key = `${condition}\u0000${currency}`;
          const entry = byCondition.get(key) ?? { condition, currency, amount: new Exact(0), initiatives: 0 };
          byCondition.set(key, { ...entry, amount: entry.amount.plus(amount), initiatives: entry.initiatives + 1 });
        }
      }
    }
    return {
      capitalAheadOfReadiness: [...ahead]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([currency, { amount, initiatives }]) => ({ currency, amount: amount.toFixed(), initiatives })),
      conditionsByCapital: [...byCondition.values()]
        .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : b.amount.comparedTo(a.amount) || (a.condition < b.condition ? -1 : 1)))
        .filter((entry, index, all) => all.slice(0, index).filter((e) => e.currency === entry.currency).length < 10)
        .map((entry) => ({ ...entry, amount: entry.amount.toFixed() })),
    };
  }

  /** What a model would change if activated now: every tracked initiative evaluated with it, nothing stored. */
  async dryRun(model: ScoringModel): Promise<DryRun> {
    const subjects = await this.dataSource.manager.find(ScoringSubjectEntity, { where: { archivedAt: IsNull() } });
    const now = new Date();
    const changes: DryRun['changes'] = [];
    for (const subject of subjects) {
      if (!subject.posture) continue;
      const result = evaluate(subject.inputs, model, now, priorOf(subject), { activatedAt: now.toISOString() });
      if (result.posture !== subject.posture) {
        changes.push({ initiativeId: subject.initiativeId, from: subject.posture, to: result.posture, conditions: result.conditions });
      }
    }
    changes.sort((a, b) => (a.initiativeId < b.initiativeId ? -1 : 1));
    return { modelVersion: model.version, evaluated: subjects.length, changes };
  }

  async many(initiativeIds: string[]): Promise<{ items: PostureSummary[] }> {
    if (!initiativeIds.length) return { items: [] };
    const rows = await this.dataSource.manager
      .createQueryBuilder(EvaluationEntity, 'e')
      .innerJoin(ScoringSubjectEntity, 's', 's.evaluation_id = e.id')
      .select(['e.id', 'e.result'])
      .where({ initiativeId: In(initiativeIds) })
      .getMany();
    return { items: rows.map((row) => toSummary(row.result)) };
  }

  private async rescore(
    manager: EntityManager,
    inputs: ScoringInputs,
    subject: ScoringSubjectEntity | null,
    cause: Cause,
    appliedVersions: Record<string, number> = subject?.appliedVersions ?? {},
  ): Promise<void> {
    inputs = await this.withCapRates(manager, inputs);
    const { model, activatedAt } = await this.activeModel.current(manager);
    // A hold begun under another model restarts from this one's activation.
    // The database's clock, read once the subject is held: one clock for every replica, so an initiative's
    // evaluations are timed in the order they were made, the order intake and sequencing keep postures by.
    const [{ now }] = (await manager.query(`SELECT clock_timestamp() AS now`)) as { now: Date }[];
    const evaluated = evaluate(inputs, model, new Date(now), priorOf(subject), { activatedAt });
    const { result, recent } = await this.withTrends(manager, evaluated, subject);
    const evaluationId = randomUUID();
    const previous = subject?.posture ?? null;
    await this.store(
      manager,
      {
        id: evaluationId,
        initiativeId: inputs.initiativeId,
        posture: result.posture,
        result,
        inputs,
        modelVersion: result.modelVersion,
        inputHash: result.inputHash,
        evaluatedAt: new Date(result.evaluatedAt),
      },
      {
        inputs,
        posture: result.posture,
        evaluationId,
        appliedVersions,
        gatesHeldSince: result.gatesHeldSince ? new Date(result.gatesHeldSince) : null,
        gatesHeldUnder: result.gatesHeldUnder,
        reviewAt: result.reviewAt ? new Date(result.reviewAt) : null,
        recentScores: recent,
        version: (subject?.version ?? 0) + 1,
      },
    );
    const meta = { correlationId: cause.correlationId };
    if (previous !== result.posture) {
      await this.outbox.enqueue(
        manager,
        PostureEvents.changed,
        { initiativeId: inputs.initiativeId, previous, posture: result.posture, modelVersion: result.modelVersion, evaluatedAt: result.evaluatedAt },
        meta,
      );
    } else {
      await this.outbox.enqueue(
        manager,
        PostureEvents.scoreUpdated,
        { initiativeId: inputs.initiativeId, posture: result.posture, evaluatedAt: result.evaluatedAt },
        meta,
      );
    }
  }
}

type HistoricalPosture = PostureView & { inputs: ScoringInputs | null };

/** Evaluations read back for a row scored before its recent scores were kept (momentsForTrends keeps what the weeks need). */
const HISTORY_READ = 200;

/** Conditions name dates and shares; grouping by their kind counts alike ones together. */
/** Sums of committed capital need more than Decimal's default 20 significant digits. */
const Exact = Decimal.clone({ precision: 60 });

/** The month (YYYY-MM) before the one given. */
function monthBefore(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}


interface SubjectRow {
  inputs: ScoringInputs;
  posture: Posture | null;
  evaluation_id: string | null;
  applied_versions: Record<string, number>;
  gates_held_since: Date | null;
  gates_held_under: string | null;
  review_at: Date | null;
  recent_scores: ScoredMoment[] | null;
  archived_at: Date | null;
  version: number;
  updated_at: Date;
}

function subjectOf(initiativeId: string, row: SubjectRow): ScoringSubjectEntity {
  return {
    initiativeId,
    inputs: row.inputs,
    posture: row.posture,
    evaluationId: row.evaluation_id,
    appliedVersions: row.applied_versions,
    gatesHeldSince: row.gates_held_since,
    gatesHeldUnder: row.gates_held_under,
    reviewAt: row.review_at,
    recentScores: row.recent_scores,
    archivedAt: row.archived_at,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** What caused an evaluation: an event (its correlation id travels on) or the passing of time. */
type Cause = Pick<EventEnvelope, 'correlationId'>;
type MonthRates = z.output<(typeof FxEvents)['monthRatesRecorded']['payload']>;

/** What the last evaluation carries forward: the hold, the model it counts under, and whether it authorized deployment. */
function priorOf(subject: ScoringSubjectEntity | null): PriorState {
  return {
    gatesHeldSince: subject?.gatesHeldSince?.toISOString() ?? null,
    gatesHeldUnder: subject?.gatesHeldUnder ?? null,
    authorized: subject?.posture === 'authorize_deployment',
  };
}

function toSummary(result: Evaluation): PostureSummary {
  return {
    initiativeId: result.initiativeId,
    posture: result.posture,
    domainScores: Object.fromEntries(result.domains.map((domain) => [domain.id, domain.score])),
    signals: result.signals,
    conditions: result.conditions,
    modelVersion: result.modelVersion,
    evaluatedAt: result.evaluatedAt,
  };
}

function toView(result: Evaluation): PostureView {
  return {
    initiativeId: result.initiativeId,
    posture: result.posture,
    domains: result.domains.map((domain) => ({
      id: domain.id,
      score: domain.score,
      criteria: domain.criteria.map(({ id, state, source, basis, expiredAt }) => ({ id, state, source, ...(basis ? { basis } : {}), ...(expiredAt ? { expiredAt } : {}) })),
    })),
    signals: result.signals,
    conditions: result.conditions,
    patterns: result.patterns,
    trends: result.trends ?? {},
    scopeEnvelope: result.scopeEnvelope ?? null,
    ...(result.hold !== undefined ? { hold: result.hold } : {}),
    modelVersion: result.modelVersion,
    evaluatedAt: result.evaluatedAt,
  };
}

/** The Monday after `day`'s week (UTC): the end of the week `day` is in. */
function mondayAfter(day: Date): Date {
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return new Date(midnight + (7 - ((day.getUTCDay() + 6) % 7)) * 86_400_000);
}
