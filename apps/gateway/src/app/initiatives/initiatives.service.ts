import { Injectable } from '@nestjs/common';
import { IntakeRpc, ScoringRpc, type Initiative, type InitiativeListQuery, type PostureView, type RegisterInitiative } from '@capstan/contracts';
import { RpcClient, RpcError } from '@capstan/messaging';
import type { InitiativeWithPosture } from './initiative.dto';

/** Composes intake's registry with scoring's postures; each service answers for its own data. */
@Injectable()
export class InitiativesService {
  constructor(private readonly rpc: RpcClient) {}

  async register(initiative: RegisterInitiative, actor: string, correlationId?: string): Promise<InitiativeWithPosture> {
    const registered = await this.rpc.call(IntakeRpc.register, { initiative, actor }, { correlationId });
    // Scoring records the first posture from the event a moment later.
    return { ...registered, posture: null };
  }

  async get(id: string, correlationId?: string): Promise<InitiativeWithPosture> {
    const initiative = await this.rpc.call(IntakeRpc.get, { id }, { correlationId });
    const posture = await this.rpc.call(ScoringRpc.get, { initiativeId: id }, { correlationId }).catch(notFoundAsNull);
    return { ...initiative, posture };
  }

  async list(query: InitiativeListQuery, correlationId?: string): Promise<{ items: InitiativeWithPosture[] }> {
    const { items } = await this.rpc.call(IntakeRpc.list, query, { correlationId });
    return { items: await this.withPostures(items, correlationId) };
  }

  private async withPostures(items: Initiative[], correlationId?: string): Promise<InitiativeWithPosture[]> {
    const postures = new Map<string, PostureView>();
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
