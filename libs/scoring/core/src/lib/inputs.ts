import type { CriterionId, EvidenceStatus, InitiativeStage, Posture, Responsibility } from '@capstan/domain';

export interface OwnerInput {
  person: string;
  team: string;
}

export interface EvidenceInput {
  status: EvidenceStatus;
  attestedAt: string;
  /** ISO timestamp; evidence past it counts as absent. */
  expiresAt: string | null;
}

/** A month and category whose spend reached its budget (burn = actual ÷ budget, "1.3" is 130 %), from cost tracking's alerts. */
export interface BudgetOverrunInput {
  period: string;
  category: string;
  currency: string;
  burn: string;
}

/** An initiative's net spend in one month and currency ("12000.50"), from cost tracking. */
export interface MonthlySpendInput {
  period: string;
  currency: string;
  amount: string;
}

export interface ReportingSpendInput extends MonthlySpendInput {
  complete: boolean;
}

/** One period of operational telemetry from intake. */
export interface TelemetryInput {
  periodKind: 'week' | 'month';
  periodStart: string;
  /** Each figure null where no system reported it for the period (periods stored before that was known hold 0). */
  supportBacklog: number | null;
  incidents: number | null;
  crossTeamEscalations: number | null;
  rollbacks: number | null;
  /** Days from asking to approval in the period; absent or null where intake was not told. */
  approvalCycleTimeDays?: number | null;
  /** Times the rollout's scope grew in the period (absent or null where intake was not told). */
  scopeExpansions?: number | null;
}

/** The bounds a controlled investment may not exceed. */
export interface ScopeEnvelopeInput {
  businessUnits: string[];
  users: number | null;
  monthlySpendCap: string | null;
  currency: string | null;
}

/** A month's rate for bringing a cap into the reporting currency: units of it for one unit of the cap's currency. */
export interface CapRateInput {
  period: string;
  /** The day the rate holds for. */
  date: string;
  rate: string;
}

/** Pilot and production cost per unit (decimal strings; null without a denominator). */
export interface UnitEconomicsInput {
  items: { metric: string; currency: string; pilotUnitCost: string | null; productionUnitCost: string | null; productionToPilot: string | null }[];
  hasProductionCosts: boolean;
  /** Production-only categories (monitoring, support staffing, operating controls) with no production cost. */
  categoriesWithoutData: string[];
}

/** How an initiative fares in the published plan's contests for shared capacity. */
export interface RolloutContention {
  planVersion: number;
  contests: number;
  contestsLost: number;
  weeksLost: number;
  /** Other initiatives (keys) contesting the same capacity; all cleared pilot, or the plan would hold them. */
  rivals: string[];
}

/** Everything scoring knows about one initiative at a moment. */
export interface ScoringInputs {
  initiativeId: string;
  owners: Partial<Record<Responsibility, OwnerInput>>;
  evidence: Partial<Record<CriterionId, EvidenceInput>>;
  /** Measured by cost-tracking: share of recorded spend attributed from reliable sources, "0".."1". */
  attributedSpendShare?: string;
  /** Measured by cost-tracking: the latest month (YYYY-MM) with cost recorded. */
  latestCostPeriod?: string | null;
  /** Measured by cost-tracking: net spend by currency in the latest months with spend. */
  recentSpend?: MonthlySpendInput[];
  /**
   * The same months' spend in every currency together, converted to cost
   * tracking's reporting currency at each entry's day rate; `complete` false
   * while some of a month's entries wait for their rate.
   */
  recentReportingSpend?: ReportingSpendInput[];
  /**
   * The same months in the reporting currency by the entries' own currency:
   * a cap in another currency holds its own currency's spend as it is and
   * the rest brought into it.
   */
  recentReportingSpendByCurrency?: { period: string; currency: string; reportingAmount: string; complete: boolean }[];
  /**
   * For a scope envelope's monthly cap in a currency other than the reporting
   * currency: the cap currency's rate into the reporting currency for each of
   * `recentReportingSpend`'s months that has one, the latest recorded in the
   * month or, failing that, the month before.
   */
  capRates?: CapRateInput[];
  /** From cost-tracking's budget alerts: months and categories whose spend reached the budget. */
  budgetOverruns?: BudgetOverrunInput[];
  stage?: InitiativeStage;
  /** Recent periods, oldest first. */
  telemetry?: TelemetryInput[];
  /** Measured by cost-tracking: cost per unit of business volume, pilot against production. */
  unitEconomics?: UnitEconomicsInput;
  /** Measured by sequencing in the published rollout plan: the contests this initiative is in. */
  rollout?: RolloutContention;
  /** What the initiative asks to roll out to (intake's profile). */
  scope?: {
    businessUnit: string;
    requestedUsers: number | null;
    /** The business units the rollout asks for (absent in inputs stored before they were kept). */
    requestedBusinessUnits?: string[];
  };
  /** The authorization committee's latest decision, with its scope envelope for controlled investment. */
  decision?: { decision: Posture; decidedAt: string; scopeEnvelope?: ScopeEnvelopeInput | null };
}

/** How many periods of telemetry scoring keeps per initiative: a backlog growing the longest a model may ask (12 periods) takes 13. */
export const TELEMETRY_PERIODS_KEPT = 13;

/** Adds (or replaces) one period and keeps the most recent ones, oldest first. */
export function withTelemetry(series: TelemetryInput[] | undefined, period: TelemetryInput): TelemetryInput[] {
  const others = (series ?? []).filter((p) => !(p.periodKind === period.periodKind && p.periodStart === period.periodStart));
  return [...others, period]
    .sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0))
    .slice(-TELEMETRY_PERIODS_KEPT);
}

export function emptyInputs(initiativeId: string): ScoringInputs {
  return { initiativeId, owners: {}, evidence: {} };
}
