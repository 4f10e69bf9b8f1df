import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CostRpc, InitiativeEvents, UnitEconomicsRpc } from '@capstan/contracts';
import { EventConsumers, RpcServer } from '@capstan/messaging';
import { BudgetsService } from '../budgets/budgets.service';
import { LedgerService } from './ledger.service';
import { UnitEconomicsService } from './unit-economics.service';

@Injectable()
export class LedgerHandler implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly consumers: EventConsumers,
    private readonly ledger: LedgerService,
    private readonly budgets: BudgetsService,
    private readonly unitEconomics: UnitEconomicsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(CostRpc.record, ({ entry, actor, requestId }, context) => this.ledger.record(entry, actor, context, requestId));
    this.rpc.handle(CostRpc.reverse, ({ id, reason, actor }, context) => this.ledger.reverse(id, reason, actor, context));
    this.rpc.handle(CostRpc.summary, (query) => this.ledger.summary(query));
    this.rpc.handle(CostRpc.list, (query) => this.ledger.list(query));
    this.rpc.handle(CostRpc.setBudget, ({ budget, actor }, context) => this.budgets.set(budget, actor, context));
    this.rpc.handle(CostRpc.budgets, (filter) => this.budgets.list(filter));
    this.rpc.handle(UnitEconomicsRpc.recordVolume, ({ volume, actor }, context) => this.unitEconomics.recordVolume(volume, actor, context));
    this.rpc.handle(UnitEconomicsRpc.forecast, ({ initiativeId, months, metric, productionVolume }) => this.unitEconomics.forecast(initiativeId, months, metric, productionVolume));
    this.rpc.handle(UnitEconomicsRpc.get, ({ initiativeId, metric, currency }) => this.unitEconomics.get(initiativeId, { metric, currency }));
    this.consumers.on(InitiativeEvents.registered, (event, manager) => this.ledger.trackInitiative(manager, event.payload.initiative));
  }
}
