import { Injectable } from '@nestjs/common';
import { ReadinessEvents, type EvidenceInput, type Owner } from '@capstan/contracts';
import type { CriterionId, Responsibility } from '@capstan/domain';
import { Outbox, RpcError, type RpcContext } from '@capstan/messaging';
import { appendAudit, diff } from '../audit/audit-trail';
import { nextVersion } from '../initiatives/initiative-version';
import { EvidenceEntity } from './evidence.entity';
import { OwnerEntity } from './owner.entity';

/** Owners per responsibility and evidence per criterion: what scoring reads readiness from. */
@Injectable()
export class ReadinessService {
  constructor(private readonly outbox: Outbox) {}

  async assignOwner(
    initiativeId: string,
    responsibility: Responsibility,
    owner: Owner,
    actor: string,
    ifMatch: number | undefined,
    context: RpcContext,
  ): Promise<{ version: number }> {
    const version = await this.outbox.transaction(async (manager) => {
      const initiativeVersion = await nextVersion(manager, initiativeId, ifMatch);
      const previous = await manager.findOneBy(OwnerEntity, { initiativeId, responsibility });
      await manager.upsert(
        OwnerEntity,
        { initiativeId, responsibility, ...owner, assignedBy: actor, assignedAt: new Date() },
        ['initiativeId', 'responsibility'],
      );
      const before = previous ? { person: previous.person, team: previous.team } : {};
      await appendAudit(manager, {
        initiativeId,
        actor,
        action: 'owner.assigned',
        changes: diff(before, owner, `owners.${responsibility}.`),
      });
      await this.outbox.enqueue(
        manager,
        ReadinessEvents.ownerAssigned,
        { initiativeId, responsibility, owner, previous: previous ? before as Owner : null, initiativeVersion, actor },
        context,
      );
      return initiativeVersion;
    });
    return { version };
  }

  /** Leaves a responsibility unowned; there must be an owner to remove (404 otherwise, nothing changed). */
  async removeOwner(initiativeId: string, responsibility: Responsibility, actor: string, ifMatch: number | undefined, context: RpcContext): Promise<{ version: number }> {
    const version = await this.outbox.transaction(async (manager) => {
      const initiativeVersion = await nextVersion(manager, initiativeId, ifMatch);
      const previous = await manager.findOneBy(OwnerEntity, { initiativeId, responsibility });
      if (!previous) throw RpcError.notFound(`An owner for ${responsibility} on initiative ${initiativeId}`);
      await manager.delete(OwnerEntity, { initiativeId, responsibility });
      const before = { person: previous.person, team: previous.team };
      await appendAudit(manager, { initiativeId, actor, action: 'owner.removed', changes: diff(before, {}, `owners.${responsibility}.`) });
      await this.outbox.enqueue(manager, ReadinessEvents.ownerRemoved, { initiativeId, responsibility, previous: before, initiativeVersion, actor }, context);
      return initiativeVersion;
    });
    return { version };
  }

  async recordEvidence(
    initiativeId: string,
    criterionId: CriterionId,
    input: EvidenceInput,
    actor: string,
    ifMatch: number | undefined,
    context: RpcContext,
  ): Promise<{ version: number }> {
    const version = await this.outbox.transaction(async (manager) => {
      const initiativeVersion = await nextVersion(manager, initiativeId, ifMatch);
      const previous = await manager.findOneBy(EvidenceEntity, { initiativeId, criterionId });
      const attestedAt = input.attestedAt ? new Date(input.attestedAt) : new Date();
      const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
      await manager.upsert(
        EvidenceEntity,
        {
          initiativeId,
          criterionId,
          status: input.status,
          evidence: input.evidence,
          attestedBy: input.attestedBy,
          attestedAt,
          expiresAt,
          recordedBy: actor,
          recordedAt: new Date(),
          expiryAnnouncedAt: null,
        },
        ['initiativeId', 'criterionId'],
      );
      await appendAudit(manager, {
        initiativeId,
        actor,
        action: 'evidence.recorded',
        changes: diff(
          previous ? evidenceFields(previous) : {},
          evidenceFields({ ...input, attestedAt, expiresAt }),
          `criteria.${criterionId}.`,
        ),
      });
      await this.outbox.enqueue(
        manager,
        ReadinessEvents.evidenceRecorded,
        {
          initiativeId,
          criterionId,
          status: input.status,
          attestedAt: attestedAt.toISOString(),
          expiresAt: expiresAt?.toISOString() ?? null,
          initiativeVersion,
          actor,
        },
        context,
      );
      return initiativeVersion;
    });
    return { version };
  }
}

function evidenceFields(evidence: { status: string; evidence: string; attestedBy: string; attestedAt: Date; expiresAt: Date | null }) {
  return {
    status: evidence.status,
    evidence: evidence.evidence,
    attestedBy: evidence.attestedBy,
    attestedAt: evidence.attestedAt.toISOString(),
    expiresAt: evidence.expiresAt?.toISOString() ?? null,
  };
}
