import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InitiativeEvents, ReadinessEvents, ScoringRpc } from '@capstan/contracts';
import type { CriterionId } from '@capstan/domain';
import { EventConsumers, RpcServer } from '@capstan/messaging';
import { PosturesService } from './postures.service';

@Injectable()
export class PosturesHandler implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly consumers: EventConsumers,
    private readonly postures: PosturesService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(ScoringRpc.get, ({ initiativeId }) => this.postures.get(initiativeId));
    this.rpc.handle(ScoringRpc.many, ({ initiativeIds }) => this.postures.many(initiativeIds));
    this.rpc.handle(ScoringRpc.asOf, ({ initiativeId, asOf }) => this.postures.asOf(initiativeId, new Date(asOf)));
    this.rpc.handle(ScoringRpc.portfolio, () => this.postures.portfolio());
    this.consumers.on(InitiativeEvents.registered, (event, manager) =>
      this.postures.track(manager, event.payload.initiative.id, event),
    );
    this.consumers.on(ReadinessEvents.ownerAssigned, (event, manager) => {
      const { initiativeId, responsibility, owner, initiativeVersion } = event.payload;
      return this.postures.applyInput(
        manager,
        initiativeId,
        { key: `owner:${responsibility}`, initiativeVersion, apply: (inputs) => void (inputs.owners[responsibility] = owner) },
        event,
      );
    });
    this.consumers.on(ReadinessEvents.evidenceExpired, (event, manager) =>
      this.postures.reevaluate(manager, event.payload.initiativeId, event),
    );
    this.consumers.on(ReadinessEvents.evidenceRecorded, (event, manager) => {
      const { initiativeId, criterionId, status, attestedAt, expiresAt, initiativeVersion } = event.payload;
      return this.postures.applyInput(
        manager,
        initiativeId,
        {
          key: `criterion:${criterionId}`,
          initiativeVersion,
          apply: (inputs) => void (inputs.evidence[criterionId as CriterionId] = { status, attestedAt, expiresAt }),
        },
        event,
      );
    });
  }
}
