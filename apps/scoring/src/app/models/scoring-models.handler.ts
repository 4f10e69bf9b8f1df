import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ScoringModelRpc, ScoringRpc } from '@capstan/contracts';
import { RpcServer } from '@capstan/messaging';
import { ScoringModelsService } from './scoring-models.service';

@Injectable()
export class ScoringModelsHandler implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly models: ScoringModelsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(ScoringModelRpc.create, ({ definition, actor }) => this.models.create(definition, actor));
    this.rpc.handle(ScoringModelRpc.activate, ({ version, actor }) => this.models.activate(version, actor));
    this.rpc.handle(ScoringModelRpc.list, () => this.models.list());
    this.rpc.handle(ScoringRpc.dryRun, ({ version }) => this.models.dryRun(version));
  }
}
