import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RegistryRpc } from '@capstan/contracts';
import { RpcServer } from '@capstan/messaging';
import { RegistryService } from './registry.service';

@Injectable()
export class RegistryHandler implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly registry: RegistryService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(RegistryRpc.addDependency, (r, context) => this.registry.addDependency(r.initiativeId, r.dependency, r.actor, context));
    this.rpc.handle(RegistryRpc.removeDependency, (r, context) => this.registry.removeDependency(r.initiativeId, r.dependsOn, r.actor, context));
    this.rpc.handle(RegistryRpc.recordDecision, (r, context) => this.registry.recordDecision(r.initiativeId, r.decision, r.actor, context, r.requestId));
    this.rpc.handle(RegistryRpc.recordTelemetry, (r, context) => this.registry.recordTelemetry(r.initiativeId, r.telemetry, r.actor, context));
    this.rpc.handle(RegistryRpc.listTelemetry, (r) => this.registry.listTelemetry(r.initiativeId, r.query));
  }
}
