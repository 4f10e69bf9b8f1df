import { Injectable, type OnModuleInit } from '@nestjs/common';
import { IntakeRpc, PostureEvents } from '@capstan/contracts';
import { EventConsumers, RpcServer } from '@capstan/messaging';
import { DataSource } from 'typeorm';
import { readAuditLog } from '../audit/audit-trail';
import { initiativesToCsv } from '../imports/initiative-csv';
import { InitiativesService } from './initiatives.service';

/** Request/reply entry points of the registry; each delegates to the service. */
@Injectable()
export class InitiativesHandler implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly consumers: EventConsumers,
    private readonly initiatives: InitiativesService,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(IntakeRpc.register, ({ initiative, actor, requestId }, context) => this.initiatives.register(initiative, actor, context, requestId));
    this.rpc.handle(IntakeRpc.get, ({ id }) => this.initiatives.get(id));
    this.rpc.handle(IntakeRpc.list, (query) => this.initiatives.list(query));
    this.rpc.handle(IntakeRpc.update, ({ id, changes, actor, ifMatch }, context) =>
      this.initiatives.update(id, changes, actor, ifMatch, context),
    );
    this.rpc.handle(IntakeRpc.exportPage, async (query) => {
      const { items, nextCursor } = await this.initiatives.list(query);
      return { csv: initiativesToCsv(items, !query.cursor), nextCursor };
    });
    this.rpc.handle(IntakeRpc.audit, ({ id }) => this.initiatives.audit(id));
    this.rpc.handle(IntakeRpc.auditLog, (query) => readAuditLog(this.dataSource.manager, query));
    this.rpc.handle(IntakeRpc.archive, ({ id, actor, ifMatch }, context) => this.initiatives.archive(id, actor, ifMatch, context));
    this.consumers.on(PostureEvents.changed, (event, manager) =>
      this.initiatives.projectPosture(manager, event.payload.initiativeId, event.payload.posture, event.payload.evaluatedAt),
    );
  }
}
