import { Injectable } from '@nestjs/common';
import {
  IntakeRpc,
  ReadinessRpc,
  RegistryRpc,
  type AddDependency,
  type RecordDecision,
  type Telemetry,
  type TelemetryQuery,
  ScoringRpc,
  type EvidenceInput,
  type Initiative,
  type InitiativeListQuery,
  type Owner,
  type PostureSummary,
  type RegisterInitiative,
  type UpdateInitiative,
} from '@capstan/contracts';
import type { CriterionId, Responsibility } from '@capstan/domain';
import { RpcClient, RpcError } from '@capstan/messaging';
import type { InitiativeDetailWithPosture, InitiativeWithPosture } from './initiative.dto';

interface Caller {
  actor: string;
  correlationId?: string;
}

/** Composes intake's registry with scoring's postures; each service answers for its own data. */
@Injectable()
export class InitiativesService {
  constructor(private readonly rpc: RpcClient) {}

  async register(initiative: RegisterInitiative, { actor, correlationId }: Caller, requestId?: string): Promise<InitiativeWithPosture> {
    const registered = await this.rpc.call(IntakeRpc.register, { initiative, actor, requestId }, { correlationId });
    // Scoring records the first posture from the event a moment later.
    return { ...registered, posture: null };
  }

  async get(id: string, correlationId?: string): Promise<InitiativeDetailWithPosture> {
    const [initiative, posture] = await Promise.all([
      this.rpc.call(IntakeRpc.get, { id }, { correlationId }),
      this.rpc.call(ScoringRpc.get, { initiativeId: id }, { correlationId }).catch(notFoundAsNull),
    ]);
    return { ...initiative, posture };
  }

  async update(id: string, changes: UpdateInitiative, ifMatch: number, { actor, correlationId }: Caller): Promise<InitiativeDetailWithPosture> {
    await this.rpc.call(IntakeRpc.update, { id, changes, actor, ifMatch }, { correlationId });
    return this.get(id, correlationId);
  }

  assignOwner(initiativeId: string, responsibility: Responsibility, owner: Owner, ifMatch: number | undefined, caller: Caller) {
    return this.rpc.call(
      ReadinessRpc.assignOwner,
      { initiativeId, responsibility, owner, actor: caller.actor, ifMatch },
      { correlationId: caller.correlationId },
    );
  }

  removeOwner(initiativeId: string, responsibility: Responsibility, ifMatch: number | undefined, caller: Caller) {
    return this.rpc.call(ReadinessRpc.removeOwner, { initiativeId, responsibility, actor: caller.actor, ifMatch }, { correlationId: caller.correlationId });
  }

  recordEvidence(initiativeId: string, criterionId: CriterionId, evidence: EvidenceInput, ifMatch: number | undefined, caller: Caller) {
    return this.rpc.call(
      ReadinessRpc.recordEvidence,
      { initiativeId, criterionId, evidence, actor: caller.actor, ifMatch },
      { correlationId: caller.correlationId },
    );
  }

  addDependency(initiativeId: string, dependency: AddDependency, caller: Caller) {
    return this.rpc.call(RegistryRpc.addDependency, { initiativeId, dependency, actor: caller.actor }, { correlationId: caller.correlationId });
  }

  removeDependency(initiativeId: string, dependsOn: string, caller: Caller) {
    return this.rpc.call(RegistryRpc.removeDependency, { initiativeId, dependsOn, actor: caller.actor }, { correlationId: caller.correlationId });
  }

  recordDecision(initiativeId: string, decision: RecordDecision, caller: Caller, requestId?: string) {
    return this.rpc.call(RegistryRpc.recordDecision, { initiativeId, decision, actor: caller.actor, requestId }, { correlationId: caller.correlationId });
  }

  recordTelemetry(initiativeId: string, telemetry: Telemetry, caller: Caller) {
    return this.rpc.call(RegistryRpc.recordTelemetry, { initiativeId, telemetry, actor: caller.actor }, { correlationId: caller.correlationId });
  }

  telemetry(initiativeId: string, query: TelemetryQuery, correlationId?: string) {
    return this.rpc.call(RegistryRpc.listTelemetry, { initiativeId, query }, { correlationId });
  }

  audit(id: string, correlationId?: string) {
    return this.rpc.call(IntakeRpc.audit, { id }, { correlationId });
  }

  async list(query: InitiativeListQuery, correlationId?: string): Promise<{ items: InitiativeWithPosture[]; nextCursor: string | null }> {
    const { items, nextCursor } = await this.rpc.call(IntakeRpc.list, query, { correlationId });
    return { items: await this.withPostures(items, correlationId), nextCursor };
  }

  exportPage(query: InitiativeListQuery, correlationId?: string) {
    return this.rpc.call(IntakeRpc.exportPage, query, { correlationId });
  }

  archive(id: string, ifMatch: number | undefined, caller: Caller) {
    return this.rpc.call(IntakeRpc.archive, { id, actor: caller.actor, ifMatch }, { correlationId: caller.correlationId });
  }

  private async withPostures(items: Initiative[], correlationId?: string): Promise<InitiativeWithPosture[]> {
    const postures = new Map<string, PostureSummary>();
    for (let start = 0; start < items.length; start += 500) {
      const initiativeIds = items.slice(start, start + 500).map((item) => item.id);
      const { items: found } = await this.rpc.call(ScoringRpc.many, { initiativeIds }, { correlationId });
      for (const posture of found) postures.set(posture.initiativeId, posture);
    }
    return items.map((item) => ({ ...item, posture: postures.get(item.id) ?? null }));
  }
}

function notFoundAsNull(error: unknown): null {
  if (error instanceof RpcError && error.code === 'not_found') return null;
  throw error;
}
