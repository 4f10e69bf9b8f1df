import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InitiativeEvents, ScoringRpc } from '@capstan/contracts';
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
    this.consumers.on(InitiativeEvents.registered, (event, manager) =>
      this.postures.track(manager, event.payload.initiative.id, event),
    );
  }
}
