import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  PLANNING_DATES,
  type CapacityPoolInput,
  type CapacityPoolView,
  type FreezeWindowsView,
  type Initiative,
  type PlanOverrideInput,
  type PlanOverrideView,
  type RolloutBudgetView,
  type RolloutInput,
  type RolloutView,
  type WaveProgressInput,
  type WaveProgressView,
} from '@capstan/contracts';
import { firstResultSet, Outbox, RpcError } from '@capstan/messaging';
import { dependencyCycles, type PortfolioSnapshot, type Posture, type ScenarioChange, type SnapshotWave } from '@capstan/sequencing-engine';

/** The dated capacity changes a pool keeps (as `capacityPoolSchema` allows). */
const MAX_POOL_ADJUSTMENTS = 200;

/**
 * What plans are computed from: the initiatives sequencing has heard of (from
 * intake and scoring events), and what PMO and finance set here — rollouts,
 * pools, freeze windows, budgets, overrides. Every change marks the draft
 * stale in the same transaction, so the refresher recomputes it.
 */
@Injectable()
export class PlanningInputsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  // Projection of other services' events -------------------------------------

  /** The initiative's profile, unless a newer version of it arrived first (registrations, updates and archivals come through separate consumers). */
  async trackInitiative(manager: EntityManager, initiative: Initiative): Promise<void> {
    const applied = firstResultSet(
      await manager.query(
        `INSERT INTO sequencing.initiatives (id, key, name, business_unit, archived_at, initiative_version)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET key = $2, name = $3, business_unit = $4, archived_at = $5, initiative_version = $6, updated_at = now()
         WHERE sequencing.initiatives.initiative_version < $6
         RETURNING id`,
        [initiative.id, initiative.key, initiative.name, initiative.businessUnit, initiative.archivedAt, initiative.version],
      ),
    );
    if (applied.length) await markStaleIfPlanned(manager, [initiative.id], `initiative ${initiative.key} changed`);
  }

  /** The posture of the evaluation at `evaluatedAt`, unless a later evaluation's arrived first. */
  async recordPosture(manager: EntityManager, initiativeId: string, posture: Posture, evaluatedAt: string): Promise<void> {
    await this.recordProjected(manager, initiativeId, { column: 'posture', value: posture }, { column: 'posture_evaluated_at', value: evaluatedAt }, (key) => `posture of ${key} changed to ${posture}`);
  }

  /**
   * The committee's latest controlled-investment decision bounds which business units a rollout may reach: the one
   * recorded at the highest initiative version, whichever arrives last.
   */
  async recordScopeEnvelope(manager: EntityManager, initiativeId: string, businessUnits: string[] | null, initiativeVersion: number): Promise<void> {
    await this.recordProjected(manager, initiativeId, { column: 'scope_units', value: businessUnits }, { column: 'scope_version', value: initiativeVersion }, (key) => `scope envelope of ${key} changed`);
  }

  /**
   * A dependency added or taken away in intake, at the dependent's version then: the newer change wins, whichever
   * arrives last (an addition from before versions were sent counts as version 0).
   */
  async recordDependency(manager: EntityManager, initiativeId: string, dependsOn: string, change: { kind: string; version: number; removed: boolean }): Promise<void> {
    const applied = firstResultSet(
      await manager.query(
        `INSERT INTO sequencing.dependencies (initiative_id, depends_on, kind, version, removed) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (initiative_id, depends_on) DO UPDATE SET kind = EXCLUDED.kind, version = EXCLUDED.version, removed = EXCLUDED.removed
          WHERE EXCLUDED.version > dependencies.version
         RETURNING 1`,
        [initiativeId, dependsOn, change.kind, change.version, change.removed],
      ),
    );
    // The dependent's rollout alone is enough: the draft warns about a dependency on an initiative with none.
    if (applied.length) await markStaleIfPlanned(manager, [initiativeId], change.removed ? 'dependency removed' : 'dependency added');
  }

  /**
   * Sets one projected field of an initiative, unless what is stored was set by a later event (`order`). Events of
   * different streams may arrive out of order: the field can come before the registration, so the row is created
   * with placeholders the registration fills in.
   */
  private async recordProjected(
    manager: EntityManager,
    initiativeId: string,
    field: { column: 'posture' | 'scope_units'; value: unknown },
    order: { column: 'posture_evaluated_at' | 'scope_version'; value: string | number },
    reason: (key: string) => string,
  ): Promise<void> {
    const [row] = firstResultSet<{ key: string }>(
      await manager.query(
        `INSERT INTO sequencing.initiatives (id, key, name, business_unit, ${field.column}, ${order.column}) VALUES ($1, '', '', '', $2, $3)
         ON CONFLICT (id) DO UPDATE SET ${field.column} = $2, ${order.column} = $3, updated_at = now()
         WHERE sequencing.initiatives.${order.column} IS NULL OR sequencing.initiatives.${order.column} < EXCLUDED.${order.column}
         RETURNING key`,
        [initiativeId, field.value, order.value],
      ),
    );
    if (row) await markStaleIfPlanned(manager, [initiativeId], reason(row.key || initiativeId));
  }

  // Inputs set here --------------------------------------------------------------

  async putPool(id: string, pool: CapacityPoolInput, actor: string, ifMatch?: number | '*'): Promise<CapacityPoolView> {
    return this.outbox.transaction(async (manager) => {
      const row = await writeVersioned<PoolRow>(
        manager,
        { table: 'capacity_pools', key: 'id', what: `Capacity pool ${id}`, returning: '*' },
        { id, name: pool.name, capacity_per_week: pool.capacityPerWeek, adjustments: JSON.stringify(pool.adjustments), updated_by: actor },
        ifMatch,
      );
      await markStale(manager, `capacity pool ${id} changed`);
      return poolView(row);
    });
  }

  async pools(): Promise<{ items: CapacityPoolView[] }> {
    const rows = (await this.dataSource.query(`SELECT * FROM sequencing.capacity_pools ORDER BY id`)) as PoolRow[];
    return { items: rows.map(poolView) };
  }

  async putRollout(initiativeId: string, rollout: RolloutInput, actor: string, ifMatch?: number | '*'): Promise<RolloutView> {
    return this.outbox.transaction(async (manager) => {
      const [initiative] = (await manager.query(`SELECT key FROM sequencing.initiatives WHERE id = $1 AND key <> ''`, [initiativeId])) as { key: string }[];
      if (!initiative) throw new RpcError('unprocessable', `No initiative ${initiativeId} is known to sequencing`, [{ field: 'initiativeId', message: 'Unknown initiative' }]);
      // Links are read under their lock: a rollout following a wave and one taking that wave away cannot both pass.
      await lockLinks(manager);
      await this.checkLinks(manager, initiativeId, rollout);
      await this.checkDemand(manager, rollout);
      await this.refuseBrokenLinks(manager, { id: initiativeId, key: initiative.key }, rollout);
      await this.refuseNewCycle(manager, (snapshot) => withRollout(snapshot, { id: initiativeId, key: initiative.key }, rollout), `The rollout of ${initiative.key}`);
      const row = await writeVersioned<RolloutRow>(
        manager,
        { table: 'rollouts', key: 'initiative_id', what: `The rollout of ${initiative.key}`, returning: ROLLOUT_COLUMNS },
        { initiative_id: initiativeId, value: rollout.value, waves: JSON.stringify(rollout.waves), updated_by: actor },
        ifMatch,
      );
      await markStale(manager, `rollout of ${initiative.key} changed`);
      return rolloutView(row, await progressOf(manager, initiativeId));
    });
  }

  async rollout(initiativeId: string): Promise<RolloutView> {
    const [row] = (await this.dataSource.query(
      `SELECT ${ROLLOUT_COLUMNS} FROM sequencing.rollouts WHERE initiative_id = $1`,
      [initiativeId],
    )) as RolloutRow[];
    if (!row) throw RpcError.notFound(`The rollout of initiative ${initiativeId}`);
    return rolloutView(row, await progressOf(this.dataSource.manager, initiativeId));
  }

  /**
   * Records when a wave began and finished, as PMO saw it happen: plans take it over the dates the published plan
   * had (a late start, an early finish, a start the published plan did not have). Progress is recorded once it has
   * happened, so no day that has not begun somewhere (UTC+14) yet: PMO records in its own calendar.
   */
  async putWaveProgress(initiativeId: string, wave: string, progress: WaveProgressInput, actor: string): Promise<WaveProgressView> {
    const latest = new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);
    const ahead = (['startedOn', 'finishedOn'] as const).filter((field) => (progress[field] ?? '') > latest);
    if (ahead.length) {
      throw new RpcError(
        'unprocessable',
        `Progress is recorded once it has happened: ${ahead.map((field) => `${field} ${progress[field]}`).join(' and ')} is after today`,
        ahead.map((field) => ({ field, message: `Not after today (${latest} at the latest)` })),
      );
    }
    return this.outbox.transaction(async (manager) => {
      const [rollout] = (await manager.query(
        // The rollout is locked: a change taking this wave out of it waits, or is seen.
        `SELECT i.key, r.waves FROM sequencing.initiatives i JOIN sequencing.rollouts r ON r.initiative_id = i.id WHERE i.id = $1 AND i.key <> '' FOR UPDATE OF r`,
        [initiativeId],
      )) as { key: string; waves: StoredWave[] }[];
      if (!rollout) throw RpcError.notFound(`The rollout of initiative ${initiativeId}`);
      if (!rollout.waves.some((w) => w.key === wave)) throw RpcError.notFound(`Wave ${wave} of the rollout of ${rollout.key}`);
      const [row] = (await manager.query(
        `INSERT INTO sequencing.wave_progress (initiative_id, wave, started_on, finished_on, recorded_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (initiative_id, wave) DO UPDATE SET started_on = $3, finished_on = $4, recorded_by = $5, recorded_at = now()
         RETURNING ${PROGRESS_COLUMNS}`,
        [initiativeId, wave, progress.startedOn, progress.finishedOn, actor],
      )) as ProgressRow[];
      await markStale(manager, `progress of ${rollout.key} ${wave} recorded`);
      return progressView(row);
    });
  }

  async putFreezeWindows(businessUnit: string, windows: { from: string; to: string; reason: string }[], actor: string, ifMatch?: number | '*'): Promise<FreezeWindowsView> {
    return this.outbox.transaction(async (manager) => {
      const row = await writeVersioned<FreezeRow>(
        manager,
        { table: 'freeze_windows', key: 'business_unit', what: `The freeze windows of ${businessUnit}`, returning: '*' },
        { business_unit: businessUnit, windows: JSON.stringify(windows), updated_by: actor },
        ifMatch,
      );
      await markStale(manager, `freeze windows of ${businessUnit} changed`);
      return freezeView(row);
    });
  }

  /** Every business unit's freeze windows, as last set (a unit whose windows were cleared lists none). */
  async freezeWindows(): Promise<{ items: FreezeWindowsView[] }> {
    const rows = (await this.dataSource.query(`SELECT * FROM sequencing.freeze_windows ORDER BY business_unit`)) as FreezeRow[];
    return { items: rows.map(freezeView) };
  }

  async putBudget(quarter: string, amount: string, actor: string, ifMatch?: number | '*'): Promise<RolloutBudgetView> {
    return this.outbox.transaction(async (manager) => {
      const row = await writeVersioned<BudgetRow>(
        manager,
        { table: 'rollout_budgets', key: 'quarter', what: `The rollout budget of ${quarter}`, returning: BUDGET_COLUMNS },
        { quarter, amount, updated_by: actor },
        ifMatch,
      );
      await markStale(manager, `rollout budget of ${quarter} changed`);
      return budgetView(row);
    });
  }

  async budgets(): Promise<{ items: RolloutBudgetView[] }> {
    const rows = (await this.dataSource.query(`SELECT ${BUDGET_COLUMNS} FROM sequencing.rollout_budgets ORDER BY quarter`)) as BudgetRow[];
    return { items: rows.map(budgetView) };
  }

  async addOverride(override: PlanOverrideInput, actor: string): Promise<PlanOverrideView> {
    return this.outbox.transaction(async (manager) => {
      const ids = override.kind === 'order' ? [override.first, override.then] : [override.initiativeId];
      const known = (await manager.query(`SELECT id FROM sequencing.initiatives WHERE id = ANY($1::uuid[]) AND key <> ''`, [ids])) as { id: string }[];
      const unknown = ids.filter((id) => !known.some((k) => k.id === id));
      if (unknown.length) throw new RpcError('unprocessable', `No initiative ${unknown.join(', ')} is known to sequencing`);
      if (override.kind === 'pin') await this.checkPinnedWave(manager, override.initiativeId, override.wave);
      if (override.kind === 'order') {
        const order = { id: 'new', ...override };
        await this.refuseNewCycle(manager, (snapshot) => ({ ...snapshot, overrides: [...snapshot.overrides, order] }), 'This order');
      }
      const [row] = (await manager.query(`INSERT INTO sequencing.overrides (id, override, created_by) VALUES ($1, $2, $3) RETURNING *`, [
        randomUUID(),
        JSON.stringify(override),
        actor,
      ])) as OverrideRow[];
      await markStale(manager, `${override.kind} override added`);
      return overrideView(row);
    });
  }

  /**
   * Makes a promoted what-if's PMO changes real inputs, in the promotion's
   * transaction: a priority becomes an override with the scenario named as its
   * reason, a capacity the pool's (or a dated adjustment of it), a deadline the
   * wave's. Without this the next draft, computed from the actual inputs, would
   * quietly drop what the promoted draft planned and the published plan showed.
   */
  async adoptScenarioChanges(manager: EntityManager, changes: readonly ScenarioChange[], planStart: string, reason: string, actor: string): Promise<void> {
    // Overrides made together share a creation time, which orders them: only the scenario's last priority per initiative is kept, as in its plan.
    const lastPriority = new Map(changes.flatMap((change, n) => (change.kind === 'priority' ? [[change.initiativeId, n] as const] : [])));
    for (const [n, change] of changes.entries()) {
      switch (change.kind) {
        case 'priority': {
          if (lastPriority.get(change.initiativeId) !== n) break;
          const override: PlanOverrideInput = { kind: 'priority', initiativeId: change.initiativeId, priority: change.priority, reason };
          await manager.query(`INSERT INTO sequencing.overrides (id, override, created_by) VALUES ($1, $2, $3)`, [randomUUID(), JSON.stringify(override), actor]);
          break;
        }
        case 'capacity': {
          const [pool] = (await manager.query(`SELECT * FROM sequencing.capacity_pools WHERE id = $1 FOR UPDATE`, [change.pool])) as PoolRow[];
          if (!pool) throw new RpcError('conflict', `Capacity pool ${change.pool} no longer exists; create the scenario again`);
          const dated = change.from || change.to;
          const adjustment = { from: change.from ?? planStart, to: change.to ?? PLANNING_DATES.last, capacity: change.capacityPerWeek, reason: reason.slice(0, 200) };
          // Ending before the plan's start, it covers no week the plan has: nothing to keep (the plan had none of it).
          const adjustments = dated && adjustment.from <= adjustment.to ? [...pool.adjustments, adjustment] : pool.adjustments;
          if (adjustments.length > MAX_POOL_ADJUSTMENTS) {
            throw new RpcError('conflict', `Capacity pool ${change.pool} has ${pool.adjustments.length} dated changes already, the most it keeps; remove some before adding one`);
          }
          await manager.query(`UPDATE sequencing.capacity_pools SET capacity_per_week = $2, adjustments = $3, updated_by = $4, updated_at = now(), version = version + 1 WHERE id = $1`, [
            change.pool,
            dated ? pool.capacity_per_week : change.capacityPerWeek,
            JSON.stringify(adjustments),
            actor,
          ]);
          break;
        }
        case 'deadline': {
          const [rollout] = (await manager.query(`SELECT waves FROM sequencing.rollouts WHERE initiative_id = $1 FOR UPDATE`, [change.initiativeId])) as Pick<RolloutRow, 'waves'>[];
          if (!rollout?.waves.some((w) => w.key === change.wave)) throw new RpcError('conflict', `Wave ${change.wave} is no longer in that rollout; create the scenario again`);
          const waves = rollout.waves.map((w) => (w.key === change.wave ? { ...w, deadline: change.deadline } : w));
          await manager.query(`UPDATE sequencing.rollouts SET waves = $2, updated_by = $3, updated_at = now(), version = version + 1 WHERE initiative_id = $1`, [
            change.initiativeId,
            JSON.stringify(waves),
            actor,
          ]);
          break;
        }
        default:
          // Postures and added initiatives are not PMO's to make real: such a draft stays a what-if (never published).
          break;
      }
    }
  }

  async revokeOverride(id: string, reason: string, actor: string): Promise<PlanOverrideView> {
    return this.outbox.transaction(async (manager) => {
      const [row] = firstResultSet<OverrideRow>(
        await manager.query(`UPDATE sequencing.overrides SET revoked_by = $2, revoked_at = now(), revoke_reason = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING *`, [
          id,
          actor,
          reason,
        ]),
      );
      if (!row) {
        const [exists] = (await manager.query(`SELECT 1 FROM sequencing.overrides WHERE id = $1`, [id])) as unknown[];
        throw exists ? new RpcError('conflict', `Override ${id} was revoked already`) : RpcError.notFound(`Override ${id}`);
      }
      await markStale(manager, `${row.override.kind} override revoked`);
      return overrideView(row);
    });
  }

  async overrides(): Promise<{ items: PlanOverrideView[] }> {
    const rows = (await this.dataSource.query(`SELECT * FROM sequencing.overrides ORDER BY created_at, id`)) as OverrideRow[];
    return { items: rows.map(overrideView) };
  }

  /** Everything a plan starting `startDate` is computed from, in a stable order. */
  async snapshot(startDate: string, horizonWeeks: number, manager: EntityManager = this.dataSource.manager): Promise<PortfolioSnapshot> {
    const initiatives = (await manager.query(
      `SELECT i.id, i.key, i.name, i.business_unit, i.posture, i.scope_units, r.value::text AS value, r.waves
         FROM sequencing.initiatives i JOIN sequencing.rollouts r ON r.initiative_id = i.id
        WHERE i.archived_at IS NULL AND i.key <> ''
        ORDER BY i.key`,
    )) as { id: string; key: string; name: string; business_unit: string; posture: Posture | null; scope_units: string[] | null; value: string; waves: StoredWave[] }[];
    const pools = (await manager.query(`SELECT * FROM sequencing.capacity_pools ORDER BY id`)) as PoolRow[];
    const freezes = (await manager.query(`SELECT business_unit, windows FROM sequencing.freeze_windows ORDER BY business_unit`)) as {
      business_unit: string;
      windows: { from: string; to: string; reason: string }[];
    }[];
    const dependencies = (await manager.query(
      `SELECT initiative_id, depends_on FROM sequencing.dependencies WHERE kind = 'hard' AND NOT removed ORDER BY initiative_id, depends_on`,
    )) as { initiative_id: string; depends_on: string }[];
    const overrides = (await manager.query(`SELECT * FROM sequencing.overrides WHERE revoked_at IS NULL ORDER BY created_at, id`)) as OverrideRow[];
    // What has started by now, not planned again from scratch: as PMO recorded it, else as the published plan had it.
    const underway = (await manager.query(
      `WITH latest AS (SELECT result FROM sequencing.plans WHERE kind = 'published' ORDER BY version DESC LIMIT 1),
       published AS (
         SELECT w->>'initiativeId' AS initiative_id, w->>'wave' AS wave, coalesce(w->>'underwaySince', w->>'start') AS started_on
           FROM latest p, jsonb_array_elements(p.result->'waves') AS w
         UNION ALL
         -- Waves it listed as finished (plans from before they kept their dates cannot say when they began).
         SELECT h->>'initiativeId', w->>'wave', w->>'startedOn'
           FROM latest p, jsonb_array_elements(p.result->'held') AS h, jsonb_array_elements(h->'waves') AS w
          WHERE (w->>'finished')::boolean AND w->>'startedOn' IS NOT NULL
       ),
       recorded AS (SELECT initiative_id::text, wave, started_on::text, finished_on::text FROM sequencing.wave_progress)
       SELECT initiative_id AS "initiativeId", wave, started_on AS "startedOn", finished_on AS "finishedOn", true AS recorded
         FROM recorded WHERE started_on IS NOT NULL
       UNION ALL
       SELECT initiative_id, wave, started_on, NULL, false
         FROM published WHERE started_on < $1 AND NOT EXISTS (SELECT 1 FROM recorded r WHERE r.initiative_id = published.initiative_id AND r.wave = published.wave)
       ORDER BY 1, 2`,
      [startDate],
    )) as { initiativeId: string; wave: string; startedOn: string; finishedOn: string | null; recorded: boolean }[];
    return {
      startDate,
      horizonWeeks,
      initiatives: initiatives.map((i) => ({
        id: i.id,
        key: i.key,
        name: i.name,
        businessUnit: i.business_unit,
        posture: i.posture,
        scopeUnits: i.scope_units,
        value: i.value,
        waves: i.waves.map((w): SnapshotWave => ({ ...w, businessUnit: w.businessUnit ?? i.business_unit })),
      })),
      pools: pools.map((p) => ({ id: p.id, name: p.name, capacityPerWeek: p.capacity_per_week, adjustments: p.adjustments })),
      freezeWindows: freezes.flatMap((f) => f.windows.map((w) => ({ businessUnit: f.business_unit, ...w }))),
      // Everything through `manager`: inside a transaction on embedded PGlite (one connection) another query would wait forever.
      budgetLimits: (await manager.query(`SELECT quarter, amount::text AS amount FROM sequencing.rollout_budgets ORDER BY quarter`)) as { quarter: string; amount: string }[],
      dependencies: dependencies.map((d) => ({ initiativeId: d.initiative_id, dependsOn: d.depends_on })),
      overrides: overrides.map((o) => ({ id: o.id, ...o.override }) as PortfolioSnapshot['overrides'][number]),
      ...(underway.length
        ? { underway: underway.map(({ recorded, finishedOn, ...wave }) => (recorded ? { ...wave, recorded, ...(finishedOn ? { finishedOn } : {}) } : wave)) }
        : {}),
      today: new Date().toISOString().slice(0, 10),
    };
  }

  /**
   * Refuses a change that would close a dependency cycle (wave links, intake
   * dependencies and orders together): no plan could schedule its waves.
   * Link changes take a lock, so two changes each closing half a cycle cannot
   * both pass. A cycle already there (intake's dependencies arrive as events)
   * does not block unrelated changes; plans hold its waves.
   */
  private async refuseNewCycle(manager: EntityManager, change: (snapshot: PortfolioSnapshot) => PortfolioSnapshot, what: string): Promise<void> {
    await lockLinks(manager);
    // Only the links matter here, not the dates.
    const current = await this.snapshot('2000-01-03', 1, manager);
    const cyclic = new Set(dependencyCycles(current).flatMap((cycle) => cycle.waves));
    const closed = dependencyCycles(change(current)).find((cycle) => cycle.waves.some((wave) => !cyclic.has(wave)));
    if (closed) throw new RpcError('conflict', `${what} would close a dependency cycle, ${closed.text}: no plan could schedule these waves. Remove one of its links or orders first.`);
  }

  /** A pin must name a wave of the initiative's rollout. */
  private async checkPinnedWave(manager: EntityManager, initiativeId: string, wave: string): Promise<void> {
    const [row] = (await manager.query(
      `SELECT i.key, r.waves FROM sequencing.initiatives i LEFT JOIN sequencing.rollouts r ON r.initiative_id = i.id WHERE i.id = $1`,
      [initiativeId],
    )) as { key: string; waves: StoredWave[] | null }[];
    if (!row.waves?.some((w) => w.key === wave)) {
      throw new RpcError('unprocessable', `${row.key} has no rollout wave ${wave} to pin`, [{ field: 'wave', message: `No wave ${wave} in the rollout of ${row.key}` }]);
    }
  }

  /** Wave links must name waves that exist (of this rollout, or of another initiative's). */
  private async checkLinks(manager: EntityManager, initiativeId: string, rollout: RolloutInput): Promise<void> {
    const own = new Set(rollout.waves.map((w) => w.key));
    const errors: { field: string; message: string }[] = [];
    for (const [n, wave] of rollout.waves.entries()) {
      for (const [k, link] of wave.after.entries()) {
        const field = `waves.${n}.after.${k}`;
        if (!link.initiativeId || link.initiativeId === initiativeId) {
          if (!own.has(link.wave)) errors.push({ field, message: `No wave ${link.wave} in this rollout` });
          else if (link.wave === wave.key) errors.push({ field, message: 'A wave cannot follow itself' });
          continue;
        }
        const [other] = (await manager.query(`SELECT waves FROM sequencing.rollouts WHERE initiative_id = $1`, [link.initiativeId])) as { waves: StoredWave[] }[];
        if (!other?.waves.some((w) => w.key === link.wave)) errors.push({ field, message: `Initiative ${link.initiativeId} has no rollout wave ${link.wave}` });
      }
    }
    if (errors.length) throw new RpcError('unprocessable', 'The rollout links to waves that do not exist', errors);
  }

  /**
   * Demand must name pools that exist: a plan would hold the wave, a pool there is none of having no capacity.
   * Pools are never deleted (one is set whole by its id), so a pool that exists now stays.
   */
  private async checkDemand(manager: EntityManager, rollout: RolloutInput): Promise<void> {
    const pools = new Set(((await manager.query(`SELECT id FROM sequencing.capacity_pools`)) as { id: string }[]).map((pool) => pool.id));
    const unknown = rollout.waves.flatMap((wave, n) => Object.keys(wave.demand).flatMap((pool) => (pools.has(pool) ? [] : [{ n, pool }])));
    if (unknown.length) {
      throw new RpcError(
        'unprocessable',
        `The rollout demands capacity pools that do not exist: ${[...new Set(unknown.map((u) => u.pool))].join(', ')}. Set them up first (PUT /api/v1/capacity-pools/{id}).`,
        unknown.map(({ n, pool }) => ({ field: `waves.${n}.demand`, message: `No capacity pool ${pool}` })),
      );
    }
  }

  /**
   * A wave other rollouts follow stays while they do: taken away or renamed, their links would name nothing and
   * plans would start the waves after it as if it were not there. Archived initiatives are in no plan and do not count.
   */
  private async refuseBrokenLinks(manager: EntityManager, initiative: { id: string; key: string }, rollout: RolloutInput): Promise<void> {
    const followers = (await manager.query(
      `SELECT i.key, w->>'key' AS wave, l->>'wave' AS follows
         FROM sequencing.rollouts r JOIN sequencing.initiatives i ON i.id = r.initiative_id,
              jsonb_array_elements(r.waves) w, jsonb_array_elements(w->'after') l
        WHERE r.initiative_id <> $1 AND i.archived_at IS NULL AND l->>'initiativeId' = $1::text AND NOT (l->>'wave' = ANY($2::text[]))
        ORDER BY i.key, wave, follows`,
      [initiative.id, rollout.waves.map((wave) => wave.key)],
    )) as { key: string; wave: string; follows: string }[];
    if (followers.length) {
      const gone = [...new Set(followers.map((f) => f.follows))];
      throw new RpcError(
        'conflict',
        `The rollout of ${initiative.key} would take away wave(s) ${gone.join(', ')}, which other rollouts follow: ${followers.map((f) => `${f.key} ${f.wave} follows ${initiative.key} ${f.follows}`).join('; ')}. ` +
          'Remove those links first.',
      );
    }
  }
}

/** Held to the end of the transaction by every change to wave links or orders, so their checks see each other's. */
async function lockLinks(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('sequencing.links'))`);
}

/** Marks the draft stale only when every initiative named has a rollout: the others are in no plan, so nothing to recompute. */
async function markStaleIfPlanned(manager: EntityManager, initiativeIds: string[], reason: string): Promise<void> {
  const [{ planned }] = (await manager.query(`SELECT count(*)::int AS planned FROM sequencing.rollouts WHERE initiative_id = ANY($1::uuid[])`, [initiativeIds])) as {
    planned: number;
  }[];
  if (planned === new Set(initiativeIds).size) await markStale(manager, reason);
}

/**
 * Marks the draft plan out of date; the refresher recomputes it and says what
 * changed. Each change appends a row (never updating a shared one), so changes
 * to different initiatives never wait for each other. `plannedBy`: the draft
 * that already plans the change (a promoted what-if's), so no new one is
 * needed while it is the newest.
 */
export async function markStale(manager: EntityManager, reason: string, plannedBy: string | null = null): Promise<void> {
  await manager.query(`INSERT INTO sequencing.draft_changes (reason, planned_by) VALUES ($1, $2)`, [reason, plannedBy]);
}

/** The snapshot with an initiative's rollout as it would be saved; an initiative without a rollout yet joins with placeholder details (only its links matter). */
function withRollout(snapshot: PortfolioSnapshot, { id: initiativeId, key }: { id: string; key: string }, rollout: RolloutInput): PortfolioSnapshot {
  const existing = snapshot.initiatives.find((i) => i.id === initiativeId);
  const initiative = existing ?? { id: initiativeId, key, name: key, businessUnit: '', posture: null, value: rollout.value, waves: [] };
  const waves = rollout.waves.map((w): SnapshotWave => ({ ...w, businessUnit: w.businessUnit ?? initiative.businessUnit }));
  const changed = { ...initiative, value: rollout.value, waves };
  return { ...snapshot, initiatives: existing ? snapshot.initiatives.map((i) => (i.id === initiativeId ? changed : i)) : [...snapshot.initiatives, changed] };
}

type StoredWave = Omit<SnapshotWave, 'businessUnit'> & { businessUnit?: string };

/** Who last changed an input set whole, and its version. */
interface ChangedRow {
  version: number;
  updated_by: string;
  updated_at: Date;
}

const changedView = (row: ChangedRow) => ({ version: row.version, updatedAt: new Date(row.updated_at).toISOString(), updatedBy: row.updated_by });

interface PoolRow extends ChangedRow {
  id: string;
  name: string;
  capacity_per_week: number;
  adjustments: { from: string; to: string; capacity: number; reason: string }[];
}

interface FreezeRow extends ChangedRow {
  business_unit: string;
  windows: { from: string; to: string; reason: string }[];
}

const BUDGET_COLUMNS = `quarter, amount::text AS amount, version, updated_by, updated_at`;

interface BudgetRow extends ChangedRow {
  quarter: string;
  amount: string;
}

const ROLLOUT_COLUMNS = `initiative_id, value::text AS value, waves, version, updated_by, updated_at`;

interface RolloutRow extends ChangedRow {
  initiative_id: string;
  value: string;
  waves: RolloutInput['waves'];
}

interface OverrideRow {
  id: string;
  override: PlanOverrideInput;
  created_by: string;
  created_at: Date;
  revoked_by: string | null;
  revoked_at: Date | null;
  revoke_reason: string | null;
}

function poolView(row: PoolRow): CapacityPoolView {
  return { id: row.id, name: row.name, capacityPerWeek: row.capacity_per_week, adjustments: row.adjustments, ...changedView(row) };
}

function freezeView(row: FreezeRow): FreezeWindowsView {
  return { businessUnit: row.business_unit, windows: row.windows, ...changedView(row) };
}

function budgetView(row: BudgetRow): RolloutBudgetView {
  return { quarter: row.quarter, amount: row.amount, ...changedView(row) };
}

/**
 * Writes an input set whole. Without `expected` it replaces whatever is there; with it (If-Match) only the version
 * named (0: none yet), in the statement itself, so of two writers that read one version exactly one succeeds. A
 * write refused so, that finds the row already as it asks, by the same actor, was its own repeat: the row is the
 * answer. The key column's value comes first in `values`; table and column names are this file's own, never input.
 */
async function writeVersioned<Row extends ChangedRow>(
  manager: EntityManager,
  input: { table: 'capacity_pools' | 'rollouts' | 'freeze_windows' | 'rollout_budgets'; key: string; what: string; returning: string },
  values: Record<string, unknown>,
  expected: number | '*' | undefined,
): Promise<Row> {
  const table = `sequencing.${input.table}`;
  const columns = Object.keys(values);
  const params = Object.values(values);
  const insert = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, n) => `$${n + 1}`).join(', ')})`;
  const replaced = `${columns.map((column, n) => `${column} = $${n + 1}`).join(', ')}, version = ${table}.version + 1, updated_at = now()`;
  const sql =
    expected === undefined
      ? `${insert} ON CONFLICT (${input.key}) DO UPDATE SET ${replaced}`
      : expected === 0
        ? `${insert} ON CONFLICT (${input.key}) DO NOTHING`
        : expected === '*'
          ? `UPDATE ${table} SET ${replaced} WHERE ${input.key} = $1`
          : `UPDATE ${table} SET ${replaced} WHERE ${input.key} = $1 AND version = $${columns.length + 1}`;
  const rows = firstResultSet<Row>(await manager.query(`${sql} RETURNING ${input.returning}`, typeof expected === 'number' && expected > 0 ? [...params, expected] : params));
  if (rows.length) return rows[0];
  // The same write sent again (a retry after a 504 whose first try was applied): what is there is what it asks for.
  const [same] = (await manager.query(`SELECT ${input.returning} FROM ${table} WHERE ${columns.map((column, n) => `${column} = $${n + 1}`).join(' AND ')}`, params)) as Row[];
  if (same) return same;
  const [current] = (await manager.query(`SELECT version FROM ${table} WHERE ${input.key} = $1`, [params[0]])) as { version: number }[];
  throw new RpcError(
    'precondition_failed',
    !current
      ? `${input.what} does not exist (any more): there is ${expected === '*' ? 'none' : `no version ${expected}`} to replace. Reload and apply your change again.`
      : expected === 0
        ? `${input.what} exists already, at version ${current.version}: someone set it since you looked. Reload it and apply your change again.`
        : `${input.what} has changed since version ${expected}: it is now at version ${current.version}. Reload it and apply your change again.`,
  );
}

/** The rollout with the progress recorded for its waves (a wave since taken out of it keeps its record, unlisted). */
function rolloutView(row: RolloutRow, progress: ProgressRow[]): RolloutView {
  return {
    initiativeId: row.initiative_id,
    value: row.value,
    waves: row.waves,
    ...changedView(row),
    progress: progress.filter((p) => row.waves.some((w) => w.key === p.wave)).map(progressView),
  };
}

async function progressOf(manager: EntityManager, initiativeId: string): Promise<ProgressRow[]> {
  return (await manager.query(`SELECT ${PROGRESS_COLUMNS} FROM sequencing.wave_progress WHERE initiative_id = $1 ORDER BY wave`, [initiativeId])) as ProgressRow[];
}

const PROGRESS_COLUMNS = `initiative_id, wave, started_on::text AS started_on, finished_on::text AS finished_on, recorded_by, recorded_at`;

interface ProgressRow {
  initiative_id: string;
  wave: string;
  started_on: string | null;
  finished_on: string | null;
  recorded_by: string;
  recorded_at: Date;
}

function progressView(row: ProgressRow): WaveProgressView {
  return {
    initiativeId: row.initiative_id,
    wave: row.wave,
    startedOn: row.started_on,
    finishedOn: row.finished_on,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}

function overrideView(row: OverrideRow): PlanOverrideView {
  return {
    id: row.id,
    override: row.override,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    revokedBy: row.revoked_by,
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
    revokeReason: row.revoke_reason,
  };
}
