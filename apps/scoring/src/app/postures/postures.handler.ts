import { Injectable, type OnModuleInit } from '@nestjs/common';
import Decimal from 'decimal.js';
import { CostEvents, FxEvents, InitiativeEvents, type Initiative, type ScopeEnvelope, ReadinessEvents, RegistryEvents, ScoringRpc, SequencingEvents, UnitEconomicsEvents } from '@capstan/contracts';
import { withTelemetry, type BudgetOverrunInput } from '@capstan/scoring-core';
import type { CriterionId } from '@capstan/domain';
import { EventConsumers, RpcServer } from '@capstan/messaging';
import { PosturesService } from './postures.service';

/** The profile fields the recommended scope envelope comes from. */
const scopeOf = (initiative: Initiative) => ({
  businessUnit: initiative.businessUnit,
  requestedUsers: initiative.requestedScope.users,
  requestedBusinessUnits: initiative.requestedScope.businessUnits,
});

const envelopeOf = (envelope: ScopeEnvelope | null) =>
  envelope ? { businessUnits: envelope.businessUnits, users: envelope.users, monthlySpendCap: envelope.monthlySpendCap, currency: envelope.currency } : null;

/** Events about one initiative are scored one after another; different initiatives side by side. */
const byInitiative = (payload: { initiativeId?: string }) => payload.initiativeId;

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
    this.rpc.handle(ScoringRpc.trends, ({ weeks }) => this.postures.trends(weeks));
    this.consumers.on(
      InitiativeEvents.registered,
      (event, manager) => {
        const { initiative } = event.payload;
        return this.postures.track(manager, initiative.id, initiative.stage, scopeOf(initiative), event);
      },
      (payload) => payload.initiative?.id,
    );
    this.consumers.on(InitiativeEvents.updated, (event, manager) => {
      const { initiative } = event.payload;
      return this.postures.applyInput(
        manager,
        initiative.id,
        {
          key: 'stage',
          initiativeVersion: initiative.version,
          apply: (inputs) => {
            inputs.stage = initiative.stage;
            inputs.scope = scopeOf(initiative);
          },
        },
        event,
      );
    }, (payload) => payload.initiative?.id);
    this.consumers.on(
      InitiativeEvents.archived,
      (event, manager) => this.postures.archive(manager, event.payload.initiative.id, event.occurredAt),
      (payload) => payload.initiative?.id,
    );
    this.consumers.on(RegistryEvents.telemetryRecorded, (event, manager) => {
      const { initiativeId, telemetry, initiativeVersion } = event.payload;
      const period = {
        periodKind: telemetry.period.kind,
        periodStart: telemetry.period.start,
        supportBacklog: telemetry.supportBacklog,
        incidents: telemetry.incidents,
        crossTeamEscalations: telemetry.crossTeamEscalations,
        rollbacks: telemetry.rollbacks,
        approvalCycleTimeDays: telemetry.approvalCycleTimeDays,
        scopeExpansions: telemetry.scopeExpansions,
      };
      return this.postures.applyInput(
        manager,
        initiativeId,
        {
          key: `telemetry:${period.periodKind}:${period.periodStart}`,
          initiativeVersion,
          apply: (inputs) => void (inputs.telemetry = withTelemetry(inputs.telemetry, period)),
        },
        event,
      );
    }, byInitiative);
    this.consumers.on(CostEvents.visibilityChanged, (event, manager) => {
      const { initiativeId, attributedShare, version, entries, latestCostPeriod, recentSpend, recentReportingSpend, recentReportingSpendByCurrency } = event.payload;
      return this.postures.applyInput(
        manager,
        initiativeId,
        {
          key: 'costVisibility',
          // Version 1 of the event numbered its figures by entry count; version 2's numbers start past every count.
          initiativeVersion: version ?? entries,
          apply: (inputs) => {
            // Entries that net to nothing measure nothing: the criterion goes back to its evidence.
            if (attributedShare === null) delete inputs.attributedSpendShare;
            else inputs.attributedSpendShare = attributedShare;
            inputs.latestCostPeriod = latestCostPeriod;
            inputs.recentSpend = recentSpend;
            inputs.recentReportingSpend = recentReportingSpend;
            if (recentReportingSpendByCurrency) inputs.recentReportingSpendByCurrency = recentReportingSpendByCurrency;
            else delete inputs.recentReportingSpendByCurrency;
          },
        },
        event,
      );
    }, byInitiative);
    // Spend past its budget weighs on cost visibility; every change to a budget's burn is told, so a correction takes it back.
    this.consumers.on(
      CostEvents.budgetBurnChanged,
      async (event, manager) => {
        const { status, version } = event.payload;
        const overrun: BudgetOverrunInput = { period: status.period, category: status.category, currency: status.currency, burn: status.burn };
        const same = (o: BudgetOverrunInput) => o.period === overrun.period && o.category === overrun.category && o.currency === overrun.currency;
        // A budget replaced by one in another currency weighs no more: its successor's burn is told on its own.
        const past = !status.replacedBy && new Decimal(status.burn).gt(1);
        await this.postures.applyInput(
          manager,
          status.initiativeId,
          {
            key: `budgetBurn:${overrun.period}:${overrun.category}:${overrun.currency}`,
            initiativeVersion: version,
            apply: (inputs) => {
              const others = (inputs.budgetOverruns ?? []).filter((o) => !same(o));
              inputs.budgetOverruns = past ? [...others, overrun].slice(-24) : others;
            },
          },
          event,
        );
      },
      (payload) => payload.status.initiativeId,
    );
    this.consumers.on(CostEvents.commitmentChanged, (event, manager) => {
      const { initiativeId, version, committed } = event.payload;
      return this.postures.recordCommitment(manager, initiativeId, version, committed);
    }, byInitiative);
    this.consumers.onBatch(FxEvents.monthRatesRecorded, (events, manager) => this.postures.recordMonthRates(manager, events.map((event) => event.payload), events[0] ?? {}));
    this.consumers.on(UnitEconomicsEvents.changed, (event, manager) => {
      const { initiativeId, version, items, hasProductionCosts, categoriesWithoutData } = event.payload;
      const unitEconomics = {
        items: items.map((i) => ({ metric: i.metric, currency: i.currency, pilotUnitCost: i.pilot.unitCost, productionUnitCost: i.production.unitCost, productionToPilot: i.productionToPilot })),
        hasProductionCosts,
        categoriesWithoutData,
      };
      return this.postures.applyInput(manager, initiativeId, { key: 'unitEconomics', initiativeVersion: version, apply: (inputs) => void (inputs.unitEconomics = unitEconomics) }, event);
    }, byInitiative);
    this.consumers.on(SequencingEvents.contentionMeasured, (event, manager) => {
      const { initiativeId, planVersion, contests, contestsLost, weeksLost, rivals } = event.payload;
      return this.postures.applyInput(
        manager,
        initiativeId,
        { key: 'rollout', initiativeVersion: planVersion, apply: (inputs) => void (inputs.rollout = { planVersion, contests, contestsLost, weeksLost, rivals }) },
        event,
      );
    }, byInitiative);
    this.consumers.on(RegistryEvents.decisionRecorded, (event, manager) => {
      const { decision, initiativeVersion } = event.payload;
      return this.postures.applyInput(
        manager,
        decision.initiativeId,
        { key: 'decision', initiativeVersion, apply: (inputs) => void (inputs.decision = { decision: decision.decision, decidedAt: decision.decidedAt, scopeEnvelope: envelopeOf(decision.scopeEnvelope) }) },
        event,
      );
    }, (payload) => payload.decision?.initiativeId);
    this.consumers.on(ReadinessEvents.ownerAssigned, (event, manager) => {
      const { initiativeId, responsibility, owner, initiativeVersion } = event.payload;
      return this.postures.applyInput(
        manager,
        initiativeId,
        { key: `owner:${responsibility}`, initiativeVersion, apply: (inputs) => void (inputs.owners[responsibility] = owner) },
        event,
      );
    }, byInitiative);
    // Same key as an assignment: whichever of the two is newer (by initiative version) holds.
    this.consumers.on(ReadinessEvents.ownerRemoved, (event, manager) => {
      const { initiativeId, responsibility, initiativeVersion } = event.payload;
      return this.postures.applyInput(
        manager,
        initiativeId,
        { key: `owner:${responsibility}`, initiativeVersion, apply: (inputs) => void delete inputs.owners[responsibility] },
        event,
      );
    }, byInitiative);
    this.consumers.on(
      ReadinessEvents.evidenceExpired,
      (event, manager) => this.postures.reevaluate(manager, event.payload.initiativeId, event),
      byInitiative,
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
    }, byInitiative);
  }
}
