import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InitiativeEvents, PostureEvents, RegistryEvents, SequencingRpc } from '@capstan/contracts';
import { EventConsumers, RpcServer } from '@capstan/messaging';
import { PlanningInputsService } from './planning-inputs.service';
import { PlansService } from './plans.service';
import { ScenariosService } from './scenarios.service';

@Injectable()
export class PlanningHandler implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly consumers: EventConsumers,
    private readonly inputs: PlanningInputsService,
    private readonly plans: PlansService,
    private readonly scenarios: ScenariosService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(SequencingRpc.putPool, ({ id, pool, actor, ifMatch }) => this.inputs.putPool(id, pool, actor, ifMatch));
    this.rpc.handle(SequencingRpc.pools, () => this.inputs.pools());
    this.rpc.handle(SequencingRpc.putRollout, ({ initiativeId, rollout, actor, ifMatch }) => this.inputs.putRollout(initiativeId, rollout, actor, ifMatch));
    this.rpc.handle(SequencingRpc.rollout, ({ initiativeId }) => this.inputs.rollout(initiativeId));
    this.rpc.handle(SequencingRpc.putWaveProgress, ({ initiativeId, wave, progress, actor }) => this.inputs.putWaveProgress(initiativeId, wave, progress, actor));
    this.rpc.handle(SequencingRpc.putFreezeWindows, ({ businessUnit, windows, actor, ifMatch }) => this.inputs.putFreezeWindows(businessUnit, windows, actor, ifMatch));
    this.rpc.handle(SequencingRpc.freezeWindows, () => this.inputs.freezeWindows());
    this.rpc.handle(SequencingRpc.putBudget, ({ quarter, amount, actor, ifMatch }) => this.inputs.putBudget(quarter, amount, actor, ifMatch));
    this.rpc.handle(SequencingRpc.budgets, () => this.inputs.budgets());
    this.rpc.handle(SequencingRpc.addOverride, ({ override, actor }) => this.inputs.addOverride(override, actor));
    this.rpc.handle(SequencingRpc.revokeOverride, ({ id, reason, actor }) => this.inputs.revokeOverride(id, reason, actor));
    this.rpc.handle(SequencingRpc.overrides, () => this.inputs.overrides());

    this.rpc.handle(SequencingRpc.compute, ({ options, actor, requestId }) => this.plans.compute(options, actor, requestId));
    this.rpc.handle(SequencingRpc.plan, ({ id }) => this.plans.get(id));
    this.rpc.handle(SequencingRpc.current, () => this.plans.current());
    this.rpc.handle(SequencingRpc.plans, (query) => this.plans.list(query));
    this.rpc.handle(SequencingRpc.contests, ({ id }) => this.plans.contests(id));
    this.rpc.handle(SequencingRpc.compare, ({ id, against }) => this.plans.compare(id, against));
    this.rpc.handle(SequencingRpc.publish, ({ id, actor }) => this.plans.publish(id, actor));

    this.rpc.handle(SequencingRpc.createScenario, ({ scenario, actor, requestId }) => this.scenarios.create(scenario, actor, requestId));
    this.rpc.handle(SequencingRpc.scenario, ({ id }) => this.scenarios.get(id));
    this.rpc.handle(SequencingRpc.scenarioDiff, ({ id }) => this.scenarios.diff(id));
    this.rpc.handle(SequencingRpc.promoteScenario, ({ id, actor }) => this.scenarios.promote(id, actor));

    // Keys order each batch by initiative, so batches of different consumers lock the initiatives' rows in one order.
    const byInitiative = (payload: { initiative?: { id: string } }) => payload.initiative?.id;
    this.consumers.on(InitiativeEvents.registered, (event, manager) => this.inputs.trackInitiative(manager, event.payload.initiative), byInitiative);
    this.consumers.on(InitiativeEvents.updated, (event, manager) => this.inputs.trackInitiative(manager, event.payload.initiative), byInitiative);
    this.consumers.on(InitiativeEvents.archived, (event, manager) => this.inputs.trackInitiative(manager, event.payload.initiative), byInitiative);
    this.consumers.on(
      PostureEvents.changed,
      (event, manager) => this.inputs.recordPosture(manager, event.payload.initiativeId, event.payload.posture, event.payload.evaluatedAt),
      (payload) => payload.initiativeId,
    );
    this.consumers.on(RegistryEvents.decisionRecorded, (event, manager) => {
      const { initiativeId, decision, scopeEnvelope } = event.payload.decision;
      // A pause or an authorization lifts the envelope; the posture from scoring gates the rest.
      const units = decision === 'controlled_investment' ? (scopeEnvelope?.businessUnits ?? null) : null;
      return this.inputs.recordScopeEnvelope(manager, initiativeId, units, event.payload.initiativeVersion);
    }, (payload) => payload.decision.initiativeId);
    // Both take the link's row: ordered by the link, an addition's batch and a removal's lock them in one order.
    const byLink = (payload: { dependency: { initiativeId: string; dependsOn: string } }) => `${payload.dependency.initiativeId}:${payload.dependency.dependsOn}`;
    this.consumers.on(RegistryEvents.dependencyAdded, (event, manager) => {
      const { initiativeId, dependsOn, kind } = event.payload.dependency;
      return this.inputs.recordDependency(manager, initiativeId, dependsOn, { kind, version: event.payload.initiativeVersion ?? 0, removed: false });
    }, byLink);
    this.consumers.on(RegistryEvents.dependencyRemoved, (event, manager) => {
      const { initiativeId, dependsOn, kind } = event.payload.dependency;
      return this.inputs.recordDependency(manager, initiativeId, dependsOn, { kind, version: event.payload.initiativeVersion, removed: true });
    }, byLink);
  }
}
