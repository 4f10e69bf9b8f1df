import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  InitiativeEvents,
  type AuditEntry,
  type Initiative,
  type InitiativeDetail,
  type InitiativeListQuery,
  type RegisterInitiative,
  type UpdateInitiative,
} from '@capstan/contracts';
import { RESPONSIBILITIES, formatInitiativeKey, type Posture } from '@capstan/domain';
import { Outbox, RpcError, type RpcContext } from '@capstan/messaging';
import { appendAudit, diff, readAudit } from '../audit/audit-trail';
import { EvidenceEntity } from '../readiness/evidence.entity';
import { OwnerEntity } from '../readiness/owner.entity';
import { decisionsOf, dependenciesOf } from '../registry/registry.queries';
import { InitiativeEntity } from './initiative.entity';
import { listInitiatives } from './initiative-list';
import { nextVersion } from './initiative-version';

@Injectable()
export class InitiativesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Registers an initiative. With a request id (from the caller's
   * Idempotency-Key), a request seen before answers with the initiative it
   * registered then: a retry after a crash anywhere on the way registers once.
   */
  async register(input: RegisterInitiative, actor: string, context: RpcContext, requestId?: string): Promise<Initiative> {
    return this.outbox.transaction(async (manager) => {
      if (requestId) {
        const [seen] = (await manager.query(`SELECT initiative_id FROM intake.processed_requests WHERE request_id = $1`, [requestId])) as { initiative_id: string }[];
        if (seen) return toInitiative(await manager.findOneByOrFail(InitiativeEntity, { id: seen.initiative_id }));
      }
      const registered = await this.registerIn(manager, input, actor, context);
      if (requestId) await manager.query(`INSERT INTO intake.processed_requests (request_id, initiative_id) VALUES ($1, $2)`, [requestId, registered.id]);
      return registered;
    });
  }

  /** Registers within the caller's transaction (imports write many at once); the caller wakes the outbox. */
  async registerIn(
    manager: EntityManager,
    input: RegisterInitiative,
    actor: string,
    context: RpcContext,
    sourceImportId: string | null = null,
  ): Promise<Initiative> {
    const [{ next }] = (await manager.query(`SELECT nextval('intake.initiative_key_seq')::text AS next`)) as { next: string }[];
    const entity = manager.create(InitiativeEntity, {
      ...input,
      id: randomUUID(),
      key: formatInitiativeKey(Number(next)),
      createdBy: actor,
      sourceImportId,
      version: 1,
    });
    // An insert, not a save: the id is new, and `save` would first look it up to choose between insert and update.
    await manager.insert(InitiativeEntity, entity);
    const saved = toInitiative(entity);
    await appendAudit(manager, { initiativeId: saved.id, actor, action: 'initiative.registered', changes: diff({}, editable(saved)) });
    await this.outbox.enqueue(manager, InitiativeEvents.registered, { initiative: saved, actor }, context);
    return saved;
  }

  async update(id: string, changes: UpdateInitiative, actor: string, ifMatch: number, context: RpcContext): Promise<InitiativeDetail> {
    await this.outbox.transaction(async (manager) => {
      await nextVersion(manager, id, ifMatch);
      const entity = await manager.findOneByOrFail(InitiativeEntity, { id });
      const before = editable(toInitiative(entity));
      const { requestedScope, targetDates, ...replaced } = changes;
      manager.merge(InitiativeEntity, entity, replaced);
      if (requestedScope) entity.requestedScope = { ...entity.requestedScope, ...requestedScope };
      if (targetDates) entity.targetDates = withoutCleared({ ...entity.targetDates, ...targetDates });
      const saved = toInitiative(await manager.save(entity));
      const fieldChanges = diff(before, editable(saved));
      await appendAudit(manager, { initiativeId: id, actor, action: 'initiative.updated', changes: fieldChanges });
      await this.outbox.enqueue(
        manager,
        InitiativeEvents.updated,
        { initiative: saved, changedFields: fieldChanges.map((change) => change.field), actor },
        context,
      );
    });
    return this.get(id);
  }

  async get(id: string): Promise<InitiativeDetail> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) => this.detail(manager, id));
  }

  async list(query: InitiativeListQuery): Promise<{ items: Initiative[]; nextCursor: string | null }> {
    const { entities, nextCursor } = await listInitiatives(this.dataSource.manager, query);
    return { items: entities.map(toInitiative), nextCursor };
  }

  /** Archiving hides an initiative from lists; nothing is deleted. Archiving twice changes nothing. */
  async archive(id: string, actor: string, ifMatch: number | undefined, context: RpcContext): Promise<Initiative> {
    return this.outbox.transaction(async (manager) => {
      // Read under the row's lock: of two archivals at once, the second waits and finds it archived.
      const [locked] = (await manager.query(`SELECT archived_at FROM intake.initiatives WHERE id = $1 FOR UPDATE`, [id])) as { archived_at: Date | null }[];
      if (!locked) throw RpcError.notFound(`Initiative ${id}`);
      if (locked.archived_at) return toInitiative(await manager.findOneByOrFail(InitiativeEntity, { id }));
      await nextVersion(manager, id, ifMatch);
      await manager.update(InitiativeEntity, { id }, { archivedAt: new Date() });
      const archived = toInitiative(await manager.findOneByOrFail(InitiativeEntity, { id }));
      await appendAudit(manager, { initiativeId: id, actor, action: 'initiative.archived', changes: [{ field: 'archivedAt', from: null, to: archived.archivedAt }] });
      await this.outbox.enqueue(manager, InitiativeEvents.archived, { initiative: archived, actor }, context);
      return archived;
    });
  }

  /** Keeps the posture projection current; an older evaluation never overwrites a newer one. */
  async projectPosture(manager: EntityManager, initiativeId: string, posture: Posture, evaluatedAt: string): Promise<void> {
    await manager.query(
      `UPDATE intake.initiatives SET posture = $2, posture_evaluated_at = $3
       WHERE id = $1 AND (posture_evaluated_at IS NULL OR posture_evaluated_at < $3)`,
      [initiativeId, posture, evaluatedAt],
    );
  }

  async audit(id: string): Promise<{ items: AuditEntry[] }> {
    if (!(await this.dataSource.manager.existsBy(InitiativeEntity, { id }))) throw RpcError.notFound(`Initiative ${id}`);
    return { items: await readAudit(this.dataSource.manager, id) };
  }

  private async detail(manager: EntityManager, id: string): Promise<InitiativeDetail> {
    const entity = await manager.findOneBy(InitiativeEntity, { id });
    if (!entity) throw RpcError.notFound(`Initiative ${id}`);
    const owners = await manager.find(OwnerEntity, { where: { initiativeId: id } });
    const evidence = await manager.find(EvidenceEntity, { where: { initiativeId: id }, order: { criterionId: 'ASC' } });
    return {
      ...toInitiative(entity),
      owners: Object.fromEntries(
        owners.map((owner) => [
          owner.responsibility,
          { person: owner.person, team: owner.team, assignedBy: owner.assignedBy, assignedAt: owner.assignedAt.toISOString() },
        ]),
      ),
      evidence: evidence.map((row) => ({
        criterionId: row.criterionId,
        status: row.status,
        evidence: row.evidence,
        attestedBy: row.attestedBy,
        attestedAt: row.attestedAt.toISOString(),
        expiresAt: row.expiresAt?.toISOString() ?? null,
        recordedBy: row.recordedBy,
      })),
      dependencies: await dependenciesOf(manager, id),
      decisions: await decisionsOf(manager, id),
      ownershipCoverage: owners.length / RESPONSIBILITIES.length,
    };
  }
}

/** The fields a person edits; what the audit trail compares. */
function editable(initiative: Initiative): Record<string, unknown> {
  const { id: _id, key: _key, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, archivedAt: _archivedAt, ...fields } =
    initiative;
  return fields;
}

function toInitiative(entity: InitiativeEntity): Initiative {
  return {
    id: entity.id,
    key: entity.key,
    name: entity.name,
    summary: entity.summary,
    businessUnit: entity.businessUnit,
    sponsor: entity.sponsor,
    useCaseCategory: entity.useCaseCategory,
    stage: entity.stage,
    riskTier: entity.riskTier,
    tags: entity.tags,
    operatorRole: entity.operatorRole,
    dataSensitivity: entity.dataSensitivity,
    requestedScope: entity.requestedScope,
    pilotResults: entity.pilotResults,
    targetDates: entity.targetDates,
    customFields: entity.customFields,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    archivedAt: entity.archivedAt?.toISOString() ?? null,
  };
}

/** The target dates kept: a date sent as null is cleared. */
function withoutCleared(dates: Record<string, string | null | undefined>): Initiative['targetDates'] {
  return Object.fromEntries(Object.entries(dates).filter(([, date]) => date !== null && date !== undefined));
}
