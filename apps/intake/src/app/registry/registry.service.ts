import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  RegistryEvents,
  TELEMETRY_FIGURES,
  type AddDependency,
  type Decision,
  type Dependency,
  type RecordDecision,
  type Telemetry,
  type TelemetryQuery,
  type TelemetryRecord,
} from '@capstan/contracts';
import { cycleIfAdded } from '@capstan/domain';
import { Outbox, RpcError, type RpcContext } from '@capstan/messaging';
import { appendAudit, diff } from '../audit/audit-trail';
import { nextVersion } from '../initiatives/initiative-version';
import { dependencyOf, toDecision, toDependency, type DecisionRow, type DependencyRow } from './registry.queries';
import { mergeTelemetry } from './telemetry-merge';
import { futurePeriodError } from './telemetry-period';

/** Dependencies, the committee's decisions and operational telemetry. */
@Injectable()
export class RegistryService {
  constructor(
    private readonly outbox: Outbox,
    private readonly dataSource: DataSource,
  ) {}

  async addDependency(initiativeId: string, input: AddDependency, actor: string, context: RpcContext): Promise<Dependency> {
    return this.outbox.transaction(async (manager) => {
      const initiativeVersion = await nextVersion(manager, initiativeId);
      // One writer of the graph at a time, so two concurrent additions cannot close a cycle together.
      await manager.query(`LOCK TABLE intake.dependencies IN SHARE ROW EXCLUSIVE MODE`);
      const keys = await this.keysOf(manager, [initiativeId, input.dependsOn]);
      if (!keys.has(input.dependsOn)) {
        throw new RpcError('unprocessable', `The initiative it depends on (${input.dependsOn}) does not exist`, [
          { field: 'dependsOn', message: 'Unknown initiative' },
        ]);
      }
      // An archived initiative will not roll out: waiting for it would hold nothing (sequencing plans without it).
      const [archived] = (await manager.query(`SELECT key FROM intake.initiatives WHERE id = $1 AND archived_at IS NOT NULL`, [input.dependsOn])) as { key: string }[];
      if (archived) {
        throw new RpcError('unprocessable', `${archived.key} is archived: nothing can depend on it`, [{ field: 'dependsOn', message: 'Archived initiative' }]);
      }
      const edges: [string, string][] = (
        (await manager.query(`SELECT initiative_id, depends_on FROM intake.dependencies`)) as { initiative_id: string; depends_on: string }[]
      ).map((row) => [row.initiative_id, row.depends_on]);
      if (edges.some(([from, to]) => from === initiativeId && to === input.dependsOn)) {
        throw new RpcError('conflict', 'This dependency exists already');
      }
      const cycle = cycleIfAdded(edges, initiativeId, input.dependsOn);
      if (cycle) {
        const named = await this.keysOf(manager, cycle);
        throw new RpcError('unprocessable', `The dependency would close a cycle: ${cycle.map((id) => named.get(id) ?? id).join(' → ')}`, [
          { field: 'dependsOn', message: 'Creates a dependency cycle' },
        ]);
      }
      const [row] = (await manager.query(
        `INSERT INTO intake.dependencies (initiative_id, depends_on, kind, note, added_by) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [initiativeId, input.dependsOn, input.kind, input.note, actor],
      )) as Omit<DependencyRow, 'depends_on_key'>[];
      const added = toDependency({ ...row, depends_on_key: keys.get(input.dependsOn) ?? input.dependsOn });
      await appendAudit(manager, {
        initiativeId,
        actor,
        action: 'dependency.added',
        changes: diff({}, { kind: added.kind, note: added.note }, `dependencies.${added.dependsOnKey}.`),
      });
      await this.outbox.enqueue(manager, RegistryEvents.dependencyAdded, { dependency: added, initiativeVersion }, context);
      return added;
    });
  }

  /** Takes a dependency away (a mistaken link, or one the rollout no longer needs); the trail keeps what it was. */
  async removeDependency(initiativeId: string, dependsOn: string, actor: string, context: RpcContext): Promise<Dependency> {
    return this.outbox.transaction(async (manager) => {
      const initiativeVersion = await nextVersion(manager, initiativeId);
      await manager.query(`LOCK TABLE intake.dependencies IN SHARE ROW EXCLUSIVE MODE`);
      const removed = await dependencyOf(manager, initiativeId, dependsOn);
      if (!removed) throw RpcError.notFound(`A dependency of ${initiativeId} on ${dependsOn}`);
      await manager.query(`DELETE FROM intake.dependencies WHERE initiative_id = $1 AND depends_on = $2`, [initiativeId, dependsOn]);
      await appendAudit(manager, {
        initiativeId,
        actor,
        action: 'dependency.removed',
        changes: diff({ kind: removed.kind, note: removed.note }, {}, `dependencies.${removed.dependsOnKey}.`),
      });
      await this.outbox.enqueue(manager, RegistryEvents.dependencyRemoved, { dependency: removed, removedBy: actor, initiativeVersion }, context);
      return removed;
    });
  }

  /**
   * Records the committee's decision. With a request id (from the caller's Idempotency-Key) a request seen before
   * answers with the decision it recorded: checked under the initiative's lock, so a repeat arriving while the first
   * is still being written waits for it and finds it.
   */
  async recordDecision(initiativeId: string, input: RecordDecision, actor: string, context: RpcContext, requestId?: string): Promise<Decision> {
    return this.outbox.transaction(async (manager) => {
      if (requestId) {
        await manager.query(`SELECT 1 FROM intake.initiatives WHERE id = $1 FOR UPDATE`, [initiativeId]);
        const [seen] = (await manager.query(`SELECT * FROM intake.decisions WHERE request_id = $1 AND initiative_id = $2`, [requestId, initiativeId])) as DecisionRow[];
        if (seen) return toDecision(seen);
      }
      const initiativeVersion = await nextVersion(manager, initiativeId);
      const scope = input.scopeEnvelope;
      // Timed once the initiative's row is held (clock_timestamp, not the transaction's start): two decisions taken
      // at once are listed in the order they were applied, the order scoring and sequencing take them in.
      const [row] = (await manager.query(
        `INSERT INTO intake.decisions (id, initiative_id, decision, rationale, scope_business_units, scope_users,
           scope_monthly_spend_cap, scope_currency, decided_by, request_id, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, clock_timestamp()) RETURNING *`,
        [
          randomUUID(),
          initiativeId,
          input.decision,
          input.rationale,
          scope?.businessUnits ?? null,
          scope?.users ?? null,
          scope?.monthlySpendCap ?? null,
          scope?.currency ?? null,
          actor,
          requestId ?? null,
        ],
      )) as DecisionRow[];
      const recorded = toDecision(row);
      await appendAudit(manager, {
        initiativeId,
        actor,
        action: 'decision.recorded',
        changes: diff({}, { decision: recorded.decision, rationale: recorded.rationale, scopeEnvelope: recorded.scopeEnvelope }, 'decision.'),
      });
      await this.outbox.enqueue(manager, RegistryEvents.decisionRecorded, { decision: recorded, initiativeVersion }, context);
      return recorded;
    });
  }

  async recordTelemetry(initiativeId: string, telemetry: Telemetry, actor: string, context: RpcContext) {
    const recordedAt = new Date();
    const future = futurePeriodError(telemetry.period, recordedAt);
    if (future) throw new RpcError('validation_failed', future.message, [future]);
    return this.outbox.transaction((manager) => this.recordTelemetryIn(manager, initiativeId, telemetry, actor, context, recordedAt));
  }

  async listTelemetry(initiativeId: string, query: TelemetryQuery): Promise<{ items: TelemetryRecord[] }> {
    const known = (await this.dataSource.query(`SELECT 1 FROM intake.initiatives WHERE id = $1`, [initiativeId])) as unknown[];
    if (!known.length) throw RpcError.notFound(`Initiative ${initiativeId}`);
    const rows = (await this.dataSource.query(
      `SELECT ${TELEMETRY_COLUMNS}
         FROM intake.telemetry WHERE initiative_id = $1 AND ($2::text IS NULL OR period_kind = $2)
        ORDER BY 3 DESC, period_kind LIMIT $3`,
      [initiativeId, query.periodKind ?? null, query.limit],
    )) as TelemetryRow[];
    return { items: rows.reverse().map(toTelemetryRecord) };
  }

  /**
   * Within the caller's transaction (imports write many); the caller wakes the outbox. The figures reported join
   * those the period holds: several systems may each report their own.
   */
  async recordTelemetryIn(
    manager: EntityManager,
    initiativeId: string,
    telemetry: Telemetry,
    actor: string,
    context: RpcContext,
    recordedAt = new Date(),
  ): Promise<TelemetryRecord> {
    // Locks the initiative: reports of one period are merged one after the other.
    const initiativeVersion = await nextVersion(manager, initiativeId);
    const [held] = (await manager.query(
      `SELECT ${TELEMETRY_COLUMNS} FROM intake.telemetry WHERE initiative_id = $1 AND period_kind = $2 AND period_start = $3`,
      [initiativeId, telemetry.period.kind, telemetry.period.start],
    )) as TelemetryRow[];
    // A stored period read as a report of every figure is its figures.
    const before = held ? mergeTelemetry(null, toTelemetryRecord(held)) : null;
    const figures = mergeTelemetry(before, telemetry);
    await manager.query(
      `INSERT INTO intake.telemetry (initiative_id, period_kind, period_start, support_tickets_opened, support_tickets_closed,
         support_backlog, incidents, cross_team_escalations, rollbacks, approval_cycle_time_days, scope_expansions, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (initiative_id, period_kind, period_start) DO UPDATE SET
         support_tickets_opened = EXCLUDED.support_tickets_opened, support_tickets_closed = EXCLUDED.support_tickets_closed,
         support_backlog = EXCLUDED.support_backlog, incidents = EXCLUDED.incidents,
         cross_team_escalations = EXCLUDED.cross_team_escalations, rollbacks = EXCLUDED.rollbacks,
         approval_cycle_time_days = EXCLUDED.approval_cycle_time_days, scope_expansions = EXCLUDED.scope_expansions,
         recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
      [
        initiativeId,
        figures.period.kind,
        figures.period.start,
        figures.supportTicketsOpened,
        figures.supportTicketsClosed,
        figures.supportBacklog,
        figures.incidents,
        figures.crossTeamEscalations,
        figures.rollbacks,
        figures.approvalCycleTimeDays,
        figures.scopeExpansions,
        actor,
        recordedAt,
      ],
    );
    await appendAudit(manager, {
      initiativeId,
      actor,
      action: 'telemetry.recorded',
      // Each figure this report gave, so the trail says which system reported what (the period's row keeps the last).
      changes: TELEMETRY_FIGURES.filter((figure) => telemetry[figure] !== undefined).map((figure) => ({
        field: `telemetry.${telemetry.period.kind}.${telemetry.period.start}.${figure}`,
        from: before?.[figure] ?? null,
        to: figures[figure],
      })),
    });
    await this.outbox.enqueue(manager, RegistryEvents.telemetryRecorded, { initiativeId, telemetry: figures, actor, initiativeVersion }, context);
    return { ...figures, initiativeId, recordedBy: actor, recordedAt: recordedAt.toISOString() };
  }

  private async keysOf(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const rows = (await manager.query(`SELECT id, key FROM intake.initiatives WHERE id = ANY($1::uuid[])`, [ids])) as {
      id: string;
      key: string;
    }[];
    return new Map(rows.map((row) => [row.id, row.key]));
  }
}

interface TelemetryRow {
  initiative_id: string;
  period_kind: 'week' | 'month';
  period_start: string;
  support_tickets_opened: number | null;
  support_tickets_closed: number | null;
  support_backlog: number | null;
  incidents: number | null;
  cross_team_escalations: number | null;
  rollbacks: number | null;
  approval_cycle_time_days: string | number | null;
  scope_expansions: number | null;
  recorded_by: string;
  recorded_at: Date;
}

const TELEMETRY_COLUMNS = `initiative_id, period_kind, period_start::text AS period_start, support_tickets_opened, support_tickets_closed, support_backlog,
  incidents, cross_team_escalations, rollbacks, approval_cycle_time_days, scope_expansions, recorded_by, recorded_at`;

function toTelemetryRecord(row: TelemetryRow): TelemetryRecord {
  return {
    initiativeId: row.initiative_id,
    period: { kind: row.period_kind, start: row.period_start },
    supportTicketsOpened: row.support_tickets_opened,
    supportTicketsClosed: row.support_tickets_closed,
    supportBacklog: row.support_backlog,
    incidents: row.incidents,
    crossTeamEscalations: row.cross_team_escalations,
    rollbacks: row.rollbacks,
    approvalCycleTimeDays: row.approval_cycle_time_days === null ? null : Number(row.approval_cycle_time_days),
    scopeExpansions: row.scope_expansions,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}
