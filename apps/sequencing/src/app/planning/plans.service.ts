import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MAX_PLAN_TIME_LIMIT_MS, ScoringRpc, SequencingEvents, type ComputePlan, type PlanListQuery, type PlanView } from '@capstan/contracts';
import { firstResultSet, Outbox, RpcClient, RpcError } from '@capstan/messaging';
import { holdKey } from '@capstan/persistence';
import {
  contentionByInitiative,
  diffPlans,
  HYPOTHETICAL_CHANGE_KINDS,
  hypotheticalChanges,
  InvalidProblemError,
  isMonday,
  type PlanDiff,
  type PortfolioPlan,
  type PortfolioSnapshot,
  type ScenarioChange,
} from '@capstan/sequencing-engine';
import { markStale, PlanningInputsService } from './planning-inputs.service';
import { SolverThread, type Search } from './solver-thread';
import { mondayOfThisWeek } from './this-week';

export type PlanKind = PlanView['kind'];
type PlanOptions = Omit<ComputePlan, 'startDate'> & { startDate: string };

/** A plan as stored: the engine's result, plus the held initiatives' conditions from scoring. */
type StoredResult = Omit<PortfolioPlan, 'held'> & {
  held: (PortfolioPlan['held'][number] & { conditions: string[] })[];
  /** Set on a draft promoted from a what-if with hypothetical changes: why it cannot be published. */
  unpublishable?: string;
};

export interface PlanRow {
  id: string;
  kind: PlanKind;
  version: number | null;
  trigger: string;
  previous_plan_id: string | null;
  options: PlanOptions;
  inputs: PortfolioSnapshot;
  result: StoredResult;
  changes: PlanDiff | null;
  created_by: string;
  created_at: Date;
  published_by: string | null;
  published_at: Date | null;
}

/**
 * SQL: plan `plan` was promoted from a what-if with a hypothetical change (a kind in the text-array parameter
 * `kinds`, `HYPOTHETICAL_CHANGE_KINDS`): it plans no actual inputs.
 */
export const PROMOTED_FROM_HYPOTHETICAL = (plan: string, kinds: string) =>
  `EXISTS (SELECT 1 FROM sequencing.scenarios o WHERE o.promoted_plan_id = ${plan}.id
             AND EXISTS (SELECT 1 FROM jsonb_array_elements(o.changes) c WHERE c->>'kind' = ANY(${kinds}::text[])))`;

/**
 * Plans: drafts computed on request or re-computed when inputs change,
 * published versions (changed only by an explicit publish) and scenario plans.
 * Each keeps the snapshot it was computed from.
 */
@Injectable()
export class PlansService {
  private readonly logger = new Logger(PlansService.name);
  private readonly solver = new SolverThread();

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly rpc: RpcClient,
    private readonly inputs: PlanningInputsService,
  ) {}

  /** Computes a draft on request; with a request id (from an Idempotency-Key) a repeat answers with the draft the first made. */
  async compute(request: ComputePlan, actor: string, requestId?: string): Promise<PlanView> {
    if (requestId) {
      const [made] = (await this.dataSource.query(`SELECT * FROM sequencing.plans WHERE request_id = $1`, [requestId])) as PlanRow[];
      if (made) return this.view(made);
    }
    const options = withStartDate(request);
    // The changes seen before the snapshot are in this draft: the refresher need not recompute for them.
    const [{ seen }] = (await this.dataSource.query(`SELECT coalesce(array_agg(seq), '{}') AS seen FROM sequencing.draft_changes`)) as { seen: string[] }[];
    const newestBefore = await this.newestPlanId(this.dataSource.manager);
    const snapshot = await this.inputs.snapshot(options.startDate, options.horizonWeeks);
    const [previous] = await this.latest(this.dataSource.manager, ['draft']);
    // Solved before any transaction opens: the search may take its whole time limit, with nothing held meanwhile.
    const plan = await this.solve(snapshot, options);
    const row = await this.outbox.transaction(async (manager) => {
      // A repeat arriving while the first is computing waits here, then answers with what the first made.
      const made = requestId ? await madeFor(manager, 'plans', requestId) : undefined;
      if (made) return made as PlanRow;
      // Stored one at a time with the refresher's drafts. A plan stored since the snapshot was read may plan changes
      // this one lacks, whose marks it took: this draft, stored after it, would be the newest without them.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('sequencing.draft-refresh'))`);
      const newestNow = await this.newestPlanId(manager);
      const stored = await this.storeResult(manager, 'draft', 'requested', snapshot, options, plan, actor, previous, requestId);
      await manager.query(`DELETE FROM sequencing.draft_changes WHERE seq = ANY($1::bigint[])`, [seen]);
      if (newestNow && newestNow !== newestBefore) await markStale(manager, `inputs changed while draft ${stored.id} was computed`);
      // Whoever else has the latest draft open reads it again: publishing the one they see would be refused.
      await this.outbox.enqueue(manager, SequencingEvents.draftRecomputed, { planId: stored.id, previousPlanId: stored.previous_plan_id, trigger: stored.trigger });
      return stored;
    });
    return this.view(row);
  }

  /** Stores a plan computed already (a what-if's, promoted as it is), with the snapshot and options it was computed from. */
  async storeResult(
    manager: EntityManager,
    kind: PlanKind,
    trigger: string,
    snapshot: PortfolioSnapshot,
    options: PlanOptions,
    plan: StoredResult,
    actor: string,
    previous?: PlanRow,
    requestId?: string,
  ): Promise<PlanRow> {
    const changes = previous ? diffPlans(previous.result, plan) : null;
    const [row] = (await manager.query(
      `INSERT INTO sequencing.plans (id, kind, trigger, previous_plan_id, options, inputs, result, changes, created_by, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [
        randomUUID(),
        kind,
        trigger,
        previous?.id ?? null,
        JSON.stringify(options),
        JSON.stringify(snapshot),
        JSON.stringify(plan),
        changes && JSON.stringify(changes),
        actor,
        requestId ?? null,
      ],
    )) as PlanRow[];
    return row;
  }

  async get(id: string): Promise<PlanView> {
    return this.view(await this.row(id));
  }

  async current(): Promise<PlanView> {
    const [row] = await this.latest(this.dataSource.manager, ['published']);
    if (!row) throw RpcError.notFound('A published plan');
    return this.view(row);
  }

  /** A page of plans: published ones newest version first, as `current` takes them; the rest newest first. */
  async list({ kind, limit, cursor }: PlanListQuery) {
    const byVersion = kind === 'published';
    const after = cursorOf(cursor, byVersion);
    // The cursor holds the last row's creation time in whole microseconds (Postgres's own precision), so no row
    // created in the same millisecond is skipped or shown twice.
    const rows = (await this.dataSource.query(
      byVersion
        ? `SELECT ${SUMMARY_COLUMNS}, NULL AS created_micros FROM sequencing.plans
            WHERE kind = 'published' AND ($2::int IS NULL OR version < $2) ORDER BY version DESC LIMIT $1`
        : `SELECT ${SUMMARY_COLUMNS}, (extract(epoch FROM created_at) * 1000000)::bigint::text AS created_micros FROM sequencing.plans
            WHERE ($2::text IS NULL OR kind = $2)
              AND ($3::bigint IS NULL OR (extract(epoch FROM created_at) * 1000000)::bigint < $3 OR ((extract(epoch FROM created_at) * 1000000)::bigint = $3 AND id > $4))
            ORDER BY created_at DESC, id LIMIT $1`,
      byVersion ? [limit + 1, after?.version ?? null] : [limit + 1, kind ?? null, after?.micros ?? null, after?.id ?? null],
    )) as (SummaryRow & { created_micros: string | null })[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last ? (byVersion ? `v${last.version}` : `t${last.created_micros}.${last.id}`) : null;
    return { items: page.map((row) => summary(row)), nextCursor };
  }

  async contests(id: string) {
    const row = await this.row(id);
    return { planId: row.id, contests: row.result.contests, fairness: row.result.fairness };
  }

  /** What changes from plan `against` to plan `id`: any two plans, e.g. two published versions. */
  async compare(id: string, against: string) {
    const [plan, base] = [await this.row(id), await this.row(against)];
    return { planId: plan.id, againstPlanId: base.id, diff: diffPlans(base.result, plan.result) };
  }

  async publish(id: string, actor: string): Promise<PlanView> {
    const row = await this.outbox.transaction(async (manager) => {
      const [plan] = (await manager.query(`SELECT * FROM sequencing.plans WHERE id = $1 FOR UPDATE`, [id])) as PlanRow[];
      if (!plan) throw RpcError.notFound(`Plan ${id}`);
      if (plan.kind !== 'draft') throw new RpcError('conflict', `Plan ${id} is ${plan.kind === 'published' ? `published already (version ${plan.version})` : 'a scenario plan; promote the scenario to a draft first'}`);
      refuseWeeksGoneBy(plan);
      // Versions are numbered under a lock so two publishes cannot take the same number.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('sequencing.plan-version'))`);
      // Under the lock, so a publish committed just before is seen.
      await this.refuseUnpublishable(manager, plan);
      const [previous] = await this.latest(manager, ['published']);
      const [published] = firstResultSet<PlanRow>(
        await manager.query(
          `UPDATE sequencing.plans SET kind = 'published', published_by = $2, published_at = now(),
                  version = (SELECT coalesce(max(version), 0) + 1 FROM sequencing.plans)
            WHERE id = $1 RETURNING *`,
          [id, actor],
        ),
      );
      await this.outbox.enqueue(manager, SequencingEvents.planPublished, {
        planId: id,
        version: published.version!,
        publishedBy: actor,
        waves: published.result.waves.length,
        held: published.result.held.length,
        contests: published.result.contests.length,
      });
      // Initiatives held by their posture are not in a published plan, and a plan holding them no contests.
      const contention = contentionByInitiative(published.result);
      // One the previous version measured and this one leaves out is measured again, at zero: else scoring keeps the old figures.
      const gone = previous ? contentionByInitiative(previous.result).filter((before) => !contention.some((now) => now.initiativeId === before.initiativeId)) : [];
      const zeros = gone.map(({ initiativeId, initiativeKey }) => ({ initiativeId, initiativeKey, contests: 0, contestsLost: 0, weeksLost: 0, rivals: [] }));
      for (const { initiativeKey: _key, rivals, ...figures } of [...contention, ...zeros]) {
        await this.outbox.enqueue(manager, SequencingEvents.contentionMeasured, { ...figures, rivals: rivals.slice(0, 50), planId: id, planVersion: published.version! });
      }
      return published;
    });
    return this.view(row);
  }

  /**
   * A draft is published only if it plans the actual inputs and nothing newer
   * exists: not a promoted what-if that changes a posture or adds an
   * initiative, nor a draft older than the newest publishable draft or than the
   * published plan (`plans/current` never goes back to older content).
   */
  private async refuseUnpublishable(manager: EntityManager, plan: PlanRow): Promise<void> {
    const rows = (await manager.query(
      `SELECT p.id, p.kind, p.version, p.created_at, s.name AS scenario, s.changes
         FROM sequencing.plans p LEFT JOIN sequencing.scenarios s ON s.promoted_plan_id = p.id
        WHERE p.id = $1 OR (p.kind IN ('draft', 'published') AND p.created_at > (SELECT created_at FROM sequencing.plans WHERE id = $1))
        ORDER BY p.created_at DESC, p.id`,
      [plan.id],
    )) as { id: string; kind: PlanKind; version: number | null; created_at: Date; scenario: string | null; changes: ScenarioChange[] | null }[];
    const hypothetical = (row: (typeof rows)[number] | undefined) => (row?.changes ? hypotheticalChanges(plan.inputs, row.changes) : []);
    const own = rows.find((row) => row.id === plan.id);
    const ownChanges = hypothetical(own);
    if (ownChanges.length) {
      throw new RpcError('conflict', `Draft ${plan.id} cannot be published: ${unpublishableReason(own?.scenario ?? '', ownChanges)}. Compute a draft from the actual inputs (POST /api/v1/plans) to publish.`);
    }
    if (own?.scenario) await this.refuseStaleScenario(manager, plan.id, own.scenario);
    const published = rows.find((row) => row.kind === 'published');
    if (published) throw new RpcError('conflict', `Draft ${plan.id} is older than published version ${published.version} (plan ${published.id}); publishing it would put older content back`);
    const newer = rows.find((row) => row.kind === 'draft' && row.id !== plan.id && !hypothetical(row).length);
    if (newer) {
      throw new RpcError('conflict', `Draft ${plan.id} is not the newest draft: draft ${newer.id}, computed ${new Date(newer.created_at).toISOString()}, is newer; publish that one`);
    }
  }

  /**
   * A promoted scenario plans its base plan's inputs: once the inputs moved on (a plan computed from them since,
   * or changes still waiting for the next draft), publishing it would bring back what was changed since — a
   * revoked pin, an initiative since paused.
   */
  private async refuseStaleScenario(manager: EntityManager, planId: string, scenario: string): Promise<void> {
    const base = await this.outdatedBaseOf(manager, planId);
    if (base) {
      throw new RpcError(
        'conflict',
        `Draft ${planId} cannot be published: it was promoted from scenario "${scenario}", based on plan ${base}, and the inputs have changed since. ` +
          'Create the scenario again on the current plan, or publish the current draft.',
      );
    }
  }

  /** The base plan of the what-if plan `planId` was promoted from, when the inputs have moved on from it since; else null. */
  private async outdatedBaseOf(manager: EntityManager, planId: string): Promise<string | null> {
    const [scenario] = (await manager.query(`SELECT base_plan_id FROM sequencing.scenarios WHERE promoted_plan_id = $1`, [planId])) as { base_plan_id: string }[];
    return scenario && (await this.inputsMovedOnSince(manager, scenario.base_plan_id, planId)) ? scenario.base_plan_id : null;
  }

  /**
   * Whether the inputs moved on since plan `basePlanId`, for plan `planId` (promoted from a what-if on it): a plan
   * computed since — one promoted from a posture or invented-initiative what-if plans no actual inputs and does not
   * count; one from PMO's own changes does, as they are the inputs now — or changes still waiting for the next
   * draft, other than those `planId` plans already.
   */
  private async inputsMovedOnSince(manager: EntityManager, basePlanId: string, planId: string): Promise<boolean> {
    const [{ moved }] = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM sequencing.draft_changes WHERE planned_by IS DISTINCT FROM $2)
           OR EXISTS (SELECT 1 FROM sequencing.plans p
                       WHERE p.kind IN ('draft', 'published') AND p.id <> $2 AND p.created_at > (SELECT created_at FROM sequencing.plans WHERE id = $1)
                         AND NOT ${PROMOTED_FROM_HYPOTHETICAL('p', '$3')})
         AS moved`,
      [basePlanId, planId, HYPOTHETICAL_CHANGE_KINDS],
    )) as { moved: boolean }[];
    return moved;
  }

  /**
   * Re-computes the draft when inputs changed since the last one, with the
   * options of the newest plan. One replica at a time (an advisory lock);
   * `done_seq` records which changes the new draft includes.
   */
  async refreshDraft(): Promise<boolean> {
    // The common case, every tick: nothing changed; no transaction, no relay wake-up.
    const [{ stale }] = (await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM sequencing.draft_changes) AS stale`)) as { stale: boolean }[];
    if (!stale) return false;
    // A search slot first, before the lock and the transaction: waiting for one inside them would hold up a requested
    // draft's store (it takes the same lock) for as long as other searches run.
    return this.solver.withSlot((search) => this.outbox.transaction(async (manager) => {
      const [{ locked }] = (await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext('sequencing.draft-refresh')) AS locked`)) as { locked: boolean }[];
      if (!locked) return false;
      // The draft is solved inside this transaction (its snapshot must hold the changes taken below), for up to the
      // plan's time limit with no statement running: the session's idle-in-transaction limit would end it first.
      await manager.query(`SET LOCAL idle_in_transaction_session_timeout = ${MAX_PLAN_TIME_LIMIT_MS + 120_000}`);
      // Taken first, so the snapshot below sees every change they mark; a change committed later stays for the next tick.
      const taken = firstResultSet<{ seq: string; reason: string; planned_by: string | null }>(
        await manager.query(`DELETE FROM sequencing.draft_changes RETURNING seq, reason, planned_by`),
      );
      if (!taken.length) return false;
      const [latest] = await this.latest(manager, ['draft', 'published']);
      // Changes a promoted what-if made, while its draft (which plans them) is still the newest and planned the inputs
      // as they are: nothing to recompute. Promoted on a base the inputs have moved on from, it needs a successor.
      if (latest && taken.every((change) => change.planned_by === latest.id) && !(await this.outdatedBaseOf(manager, latest.id))) return true;
      if (latest) {
        const [previousDraft] = await this.latest(manager, ['draft']);
        // Weeks gone by are not planned again: a draft recomputed later starts this week at the earliest.
        // The search repeats at every change, holding the refresh lock and this transaction: no longer than a default
        // search, whatever time a requested draft was given.
        const options = {
          ...latest.options,
          startDate: [latest.options.startDate, mondayOfThisWeek()].sort()[1],
          timeLimitMs: Math.min(latest.options.timeLimitMs ?? REFRESH_TIME_LIMIT_MS, REFRESH_TIME_LIMIT_MS),
        };
        const snapshot = await this.inputs.snapshot(options.startDate, options.horizonWeeks, manager);
        const plan = await this.solve(snapshot, options, search);
        const row = await this.storeResult(manager, 'draft', changeSummary(taken), snapshot, options, plan, 'sequencing', previousDraft ?? latest);
        await this.outbox.enqueue(manager, SequencingEvents.draftRecomputed, { planId: row.id, previousPlanId: row.previous_plan_id, trigger: row.trigger });
        this.logger.log(`Draft ${row.id} recomputed: ${row.trigger}`);
      }
      return true;
    }));
  }

  /** The id of the newest draft or published plan, read without its inputs and result. */
  private async newestPlanId(manager: EntityManager): Promise<string | null> {
    const [row] = (await manager.query(`SELECT id FROM sequencing.plans WHERE kind IN ('draft', 'published') ORDER BY created_at DESC, id LIMIT 1`)) as { id: string }[];
    return row?.id ?? null;
  }

  async row(id: string, manager: EntityManager = this.dataSource.manager): Promise<PlanRow> {
    const [row] = (await manager.query(`SELECT * FROM sequencing.plans WHERE id = $1`, [id])) as PlanRow[];
    if (!row) throw RpcError.notFound(`Plan ${id}`);
    return row;
  }

  async latest(manager: EntityManager, kinds: PlanKind[]): Promise<PlanRow[]> {
    const order = kinds.includes('published') && kinds.length === 1 ? 'version DESC' : 'created_at DESC, id';
    return (await manager.query(`SELECT * FROM sequencing.plans WHERE kind = ANY($1::text[]) ORDER BY ${order} LIMIT 1`, [kinds])) as PlanRow[];
  }

  view(row: PlanRow): PlanView {
    const { result } = row;
    return {
      ...summary(row),
      previousPlanId: row.previous_plan_id,
      publishedBy: row.published_by,
      seed: row.options.seed,
      horizonWeeks: result.horizonWeeks,
      waves: [...result.waves],
      held: result.held.map((h) => ({ ...h, waves: [...h.waves], conditions: h.conditions })),
      warnings: [...result.warnings],
      changes: row.changes,
      stats: result.stats,
      unpublishable: result.unpublishable ?? null,
    };
  }

  /** `search`: a slot already held (`SolverThread.withSlot`); else the search waits for one. */
  async solve(snapshot: PortfolioSnapshot, options: PlanOptions, search?: Search): Promise<StoredResult> {
    let plan: PortfolioPlan;
    const limits = { seed: options.seed, maxSchedules: options.maxSchedules, timeLimitMs: options.timeLimitMs };
    try {
      plan = await (search ? search(snapshot, limits) : this.solver.plan(snapshot, limits));
    } catch (error) {
      if (error instanceof InvalidProblemError) {
        throw new RpcError('unprocessable', `The rollout inputs cannot be planned: ${error.issues.join('; ')}`);
      }
      throw error;
    }
    const conditions = await this.conditionsOf(plan.held.map((h) => h.initiativeId));
    const warnings = [...plan.warnings];
    if (!conditions) warnings.push(SCORING_SILENT);
    return { ...plan, warnings, held: plan.held.map((h) => ({ ...h, conditions: conditions?.get(h.initiativeId) ?? [] })) };
  }

  /** A stored plan with its held initiatives' conditions as scoring has them now; as they were when it does not answer. */
  async withFreshConditions(result: StoredResult): Promise<StoredResult> {
    const conditions = await this.conditionsOf(result.held.map((h) => h.initiativeId));
    if (!conditions) return result;
    return {
      ...result,
      warnings: result.warnings.filter((warning) => warning !== SCORING_SILENT),
      held: result.held.map((h) => ({ ...h, conditions: conditions.get(h.initiativeId) ?? [] })),
    };
  }

  /** The conditions to progress of held initiatives, from scoring; undefined when it does not answer. */
  private async conditionsOf(initiativeIds: string[]): Promise<Map<string, string[]> | undefined> {
    const conditions = new Map<string, string[]>();
    try {
      for (let k = 0; k < initiativeIds.length; k += 500) {
        const { items } = await this.rpc.call(ScoringRpc.many, { initiativeIds: initiativeIds.slice(k, k + 500) });
        for (const item of items) conditions.set(item.initiativeId, item.conditions);
      }
      return conditions;
    } catch (error) {
      this.logger.warn(`Conditions of held initiatives unavailable: ${String(error)}`);
      return undefined;
    }
  }
}

const SCORING_SILENT = 'Scoring did not answer: the conditions of held initiatives are not shown';

function withStartDate(request: ComputePlan): PlanOptions {
  const startDate = request.startDate ?? mondayOfThisWeek();
  if (!isMonday(startDate)) {
    throw new RpcError('validation_failed', 'The plan must start on a Monday', [{ field: 'startDate', message: `${startDate} is not a Monday` }]);
  }
  // Weeks gone by are not planned again: what ran in them is recorded progress or the published plan's, not a choice.
  const thisWeek = mondayOfThisWeek();
  if (startDate < thisWeek) {
    throw new RpcError('unprocessable', `The plan cannot start in a week gone by: ${startDate} is before this week, which began on Monday ${thisWeek}`, [
      { field: 'startDate', message: `Not before ${thisWeek}, the Monday of this week` },
    ]);
  }
  return { ...request, startDate };
}

/**
 * A plan starting before this week is not published: the drafts after it would take what it put in the weeks gone
 * by as having run (or as finished), whether it ran or not.
 */
function refuseWeeksGoneBy(plan: PlanRow): void {
  const thisWeek = mondayOfThisWeek();
  if (plan.result.startDate < thisWeek) {
    throw new RpcError(
      'conflict',
      `Draft ${plan.id} starts ${plan.result.startDate}, before this week (Monday ${thisWeek}): published, the waves it put in the weeks gone by would be taken as run. ` +
        'Compute a draft from this week (POST /api/v1/plans) and publish that.',
    );
  }
}

/** The longest search of a draft recomputed after a change (the default of a requested one). */
export const REFRESH_TIME_LIMIT_MS = 5_000;

/**
 * What a list of plans reads of each: a plan's inputs and result can run to megabytes, and a page of a hundred would
 * read and parse them all for three figures.
 */
const SUMMARY_COLUMNS = `id, kind, version, trigger, created_at, created_by, published_at,
  result->>'startDate' AS start_date, result->'objective' AS objective, jsonb_array_length(result->'contests') AS contest_count`;

type SummaryRow = Pick<PlanRow, 'id' | 'kind' | 'version' | 'trigger' | 'created_at' | 'created_by' | 'published_at'> & {
  start_date: string;
  objective: PortfolioPlan['objective'];
  contest_count: number;
};

function summary(row: PlanRow | SummaryRow) {
  const figures =
    'result' in row
      ? { startDate: row.result.startDate, objective: row.result.objective, contestCount: row.result.contests.length }
      : { startDate: row.start_date, objective: row.objective, contestCount: row.contest_count };
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    trigger: row.trigger,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    ...figures,
  };
}

/** What a recomputed draft says changed: each reason once, in the order they happened, within 2,000 characters. */
function changeSummary(changes: { seq: string; reason: string }[]): string {
  const reasons = [...new Set([...changes].sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1)).map((change) => change.reason))];
  return reasons.join('; ').slice(0, 2000);
}

/**
 * What an earlier request with this id made (a plan or a what-if), read under a lock on the id held to the end of
 * the caller's transaction: of two requests with one id, the second waits for the first to commit and finds it.
 */
export async function madeFor(manager: EntityManager, table: 'plans' | 'scenarios', requestId: string): Promise<unknown> {
  await holdKey(manager, `sequencing.request:${requestId}`);
  const [made] = (await manager.query(`SELECT * FROM sequencing.${table} WHERE request_id = $1`, [requestId])) as unknown[];
  return made;
}

/** Why a draft promoted from what-if `scenario` cannot be published, given its hypothetical changes (`hypotheticalChanges`). */
export function unpublishableReason(scenario: string, changes: readonly string[]): string {
  return `it was promoted from what-if "${scenario}", which ${changes.join(', ')} — hypothetical changes, not the actual inputs`;
}

/** The position a plans cursor names: a version (published plans) or a creation time and id (the others). */
function cursorOf(cursor: string | undefined, byVersion: boolean): { version?: number; micros?: string; id?: string } | undefined {
  if (!cursor) return undefined;
  if (cursor.startsWith('v') === byVersion) {
    if (byVersion) return { version: Number(cursor.slice(1)) };
    const [micros, id] = cursor.slice(1).split('.');
    return { micros, id };
  }
  throw new RpcError('validation_failed', 'The cursor is from a list of another kind of plan', [{ field: 'cursor', message: 'a cursor from a previous page of the same kind' }]);
}
