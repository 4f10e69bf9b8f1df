import { createHash } from 'node:crypto';
import Decimal from 'decimal.js';
import {
  CRITERION_IDS,
  DOMAIN_IDS,
  RESPONSIBILITIES,
  domainOf,
  type CriterionId,
  type DomainId,
  type EvidenceStatus,
  type Posture,
  type Responsibility,
} from '@capstan/domain';
import { nextEnvelopeChange } from './envelope-breaches';
import type { ScopeEnvelopeInput, ScoringInputs } from './inputs';
import { percentAgainst } from './percent';
import { STATE_ORDER, measuredCriteria, nextOverrunChange, nextTelemetryChange, ownerCondition, seriesOf, type Measurement } from './measured';
import type { ScoringModel } from './model';
import { detectPatterns, type DetectedPattern } from './patterns';
import type { Trend } from './trends';

export type CriterionSource = 'attested' | 'measured' | 'missing';

export interface CriterionResult {
  id: CriterionId;
  state: EvidenceStatus;
  source: CriterionSource;
  contribution: number;
  /** Set when attested evidence existed but had lapsed at evaluation time. */
  expiredAt?: string;
  /** The measured figures, when telemetry measured this criterion. */
  basis?: string;
}

export interface DomainResult {
  id: DomainId;
  score: number;
  criteria: CriterionResult[];
}

/** What an evaluation carries forward to the next one. */
export interface PriorState {
  /** Since when every gate of `authorize_deployment` has held, without a break; null when one fails. */
  gatesHeldSince: string | null;
  /** The model version the hold counts under (absent on holds noted before versions were: taken as the current model's). */
  gatesHeldUnder?: string | null;
  /** Whether the last evaluation authorized deployment: authorization earned stays while the gates hold, whatever model is active. */
  authorized?: boolean;
}

/** About the model an evaluation uses, beyond its definition. */
export interface ActiveModelState {
  /** When the model became active: a hold begun under another model restarts from then (from the evaluation, when unknown). */
  activatedAt?: string | null;
}

/** The hold towards `authorize_deployment`, for auditors: under which model it counts, since when, and what it replaced. */
export interface HoldState {
  since: string;
  modelVersion: string;
  endsAt: string;
  /** Set when the hold restarted because another model became active: the hold it replaced. */
  restartedFrom?: { modelVersion: string; since: string };
  /**
   * Set when another model became active after deployment was authorized and its gates hold: the
   * authorization stays (only a failing gate takes it away), `endsAt` being this model's hold counted from `since`.
   */
  keptFrom?: { modelVersion: string; since: string };
}

export interface Evaluation {
  initiativeId: string;
  posture: Posture;
  gatesHeldSince: string | null;
  /** The model version the hold counts under; null with no hold. */
  gatesHeldUnder: string | null;
  /** The hold as auditors read it; null when a gate fails. Absent on evaluations stored before it was kept. */
  hold?: HoldState | null;
  /** When time alone could change the posture (a hold period ends, evidence lapses): re-evaluate then. */
  reviewAt: string | null;
  domains: DomainResult[];
  signals: string[];
  conditions: string[];
  patterns: DetectedPattern[];
  /** For `controlled_investment`: the scope rollout may not exceed — the committee's, or the one recommended. */
  scopeEnvelope?: (ScopeEnvelopeInput & { basis: string }) | null;
  /** Each domain's direction over recent evaluations; set by the service, which keeps the history. */
  trends?: Partial<Record<DomainId, Trend>>;
  modelVersion: string;
  inputHash: string;
  evaluatedAt: string;
}

/**
 * Scores one initiative against a model at a moment. Pure and deterministic:
 * the same inputs, model and `asOf` always give the same result.
 */
export function evaluate(
  inputs: ScoringInputs,
  model: ScoringModel,
  asOf: Date,
  prior: PriorState = { gatesHeldSince: null },
  active: ActiveModelState = {},
): Evaluation {
  const measured = measuredCriteria(inputs, asOf, model.minAttributedSpendShare);
  const criteria = new Map(CRITERION_IDS.map((id) => [id, criterionState(inputs, id, model, asOf, measured[id])]));
  const domains = DOMAIN_IDS.map((id) => domainResult(id, criteria));
  const gates = gateFindings(inputs, criteria, measured, model, asOf);
  const allHeld = gates.pause.length === 0 && gates.authorize.length === 0 && domains.every((d) => d.score >= model.domainThreshold);
  // Hysteresis: up only after the gates held for the whole hold period, down at once.
  const hold = allHeld ? holdUnder(model, asOf, prior, active) : null;
  const gatesHeldSince = hold?.since ?? null;
  const holdEndsAt = hold ? new Date(hold.endsAt) : null;
  // Down only when a gate fails: an initiative already authorized keeps it under a new model whose gates it meets.
  const held = holdEndsAt !== null && (holdEndsAt.getTime() <= asOf.getTime() || prior.authorized === true);
  const posture: Posture = gates.pause.length ? 'pause' : held ? 'authorize_deployment' : 'controlled_investment';
  const holding: Finding[] =
    holdEndsAt && !held
      ? [
          {
            signal: 'deployment controls stabilizing',
            condition: `keep every deployment gate holding until ${holdEndsAt.toISOString()} (held since ${gatesHeldSince})`,
          },
        ]
      : [];

  const findings = posture === 'pause' ? gates.pause : [...gates.authorize, ...holding];
  const belowThreshold = domains.filter((d) => d.score < model.domainThreshold);
  // Lapsed evidence anywhere lowers a score: name it, so it is not taken for evidence never given.
  const expired = [...criteria.values()].flatMap((c) => (c.expiredAt ? [expiredCondition(c.id, c.expiredAt)] : []));
  const conditions = unique([
    ...findings.map((f) => f.condition),
    ...(posture === 'pause' ? [] : [...belowThreshold.map((d) => `raise ${d.id} readiness to ${model.domainThreshold}: now ${d.score}`), ...expired]),
    ...(posture === 'authorize_deployment' ? keepingConditions(model, asOf) : []),
  ]);
  const patterns = detectPatterns(inputs, model.patterns, posture, asOf);
  const signals = unique([
    ...findings.map((f) => f.signal),
    ...(hold?.restartedFrom ? ['hold restarted under a newly active scoring model'] : []),
    ...(hold?.keptFrom ? ['authorization kept under a newly active scoring model: its gates hold'] : []),
    ...(posture === 'controlled_investment' ? ['rollout sequencing forming'] : []),
    ...patterns.map((pattern) => pattern.title),
    // The friction chain's "complexity expands": scope grown in any of the last three periods.
    ...(seriesOf(inputs.telemetry, asOf, (p) => (p.scopeExpansions === undefined ? 0 : p.scopeExpansions)).slice(-3).some((p) => (p.scopeExpansions ?? 0) > 0) ? ['complexity expanding'] : []),
    ...(inputs.decision && inputs.decision.decision !== posture
      ? [`committee decision (${inputs.decision.decision}) diverges from the recommendation (${posture})`]
      : []),
  ]);

  return {
    initiativeId: inputs.initiativeId,
    posture,
    gatesHeldSince,
    gatesHeldUnder: hold?.modelVersion ?? null,
    hold,
    reviewAt: earliest([
      held ? null : holdEndsAt,
      nextExpiry(inputs, asOf),
      model.requireLatestClosedMonthCosts && allHeld ? nextClosedMonthChange(asOf, model.closedMonthGraceDays) : null,
      model.requireLatestClosedMonthCosts ? nextMonthClosingSpend(inputs, asOf, model.closedMonthGraceDays) : null,
      nextOverrunChange(inputs.budgetOverruns, asOf),
      nextTelemetryChange(inputs.telemetry, asOf),
      nextEnvelopeChange(inputs, asOf),
    ]),
    domains,
    signals,
    conditions,
    patterns,
    scopeEnvelope: posture === 'controlled_investment' ? scopeEnvelopeOf(inputs) : null,
    modelVersion: model.version,
    inputHash: hashInputs(inputs),
    evaluatedAt: asOf.toISOString(),
  };
}

/**
 * The hold under this model. A hold that began under another model says
 * nothing about this model's gates: it restarts from this model's activation
 * (never before the old hold began), and the evaluation keeps what it replaced.
 */
function holdUnder(model: ScoringModel, asOf: Date, prior: PriorState, active: ActiveModelState): HoldState {
  const holdFrom = (since: string): HoldState => ({ since, modelVersion: model.version, endsAt: new Date(Date.parse(since) + model.holdPeriodSeconds * 1000).toISOString() });
  const { gatesHeldSince: previous, gatesHeldUnder: under } = prior;
  if (!previous) return holdFrom(asOf.toISOString());
  if (!under || under === model.version) return holdFrom(previous);
  // Authorization already earned is not re-earned: it stays while this model's gates hold, and goes when one fails.
  if (prior.authorized) return { ...holdFrom(previous), keptFrom: { modelVersion: under, since: previous } };
  const activatedAt = active.activatedAt && Date.parse(active.activatedAt) <= asOf.getTime() ? Date.parse(active.activatedAt) : asOf.getTime();
  return { ...holdFrom(new Date(Math.max(activatedAt, Date.parse(previous))).toISOString()), restartedFrom: { modelVersion: under, since: previous } };
}

/**
 * The committee's envelope when it recorded one with a controlled-investment
 * decision; otherwise the recommendation: the business unit that ran the
 * pilot, at most the users requested, until deployment is authorized.
 */
function scopeEnvelopeOf(inputs: ScoringInputs): (ScopeEnvelopeInput & { basis: string }) | null {
  const decided = inputs.decision;
  if (decided?.decision === 'controlled_investment' && decided.scopeEnvelope) {
    return { ...decided.scopeEnvelope, basis: `the committee's decision of ${decided.decidedAt.slice(0, 10)}` };
  }
  if (!inputs.scope) return null;
  return {
    businessUnits: [inputs.scope.businessUnit],
    users: inputs.scope.requestedUsers,
    monthlySpendCap: null,
    currency: null,
    basis: 'recommended: the business unit that ran the pilot, at most the users requested, until authorize_deployment',
  };
}

const PAUSE_SIGNALS: Record<Responsibility, string> = {
  approval_authority: 'approval authority unclear',
  accountable_owner: 'operational ownership unsettled',
  production_support: 'support structures incomplete',
  escalation_owner: 'support structures incomplete',
  budget_owner: 'cost visibility weak',
  risk_owner: 'operational ownership unsettled',
};

/** "assign an accountable_owner", "assign a production_support owner". */

interface Finding {
  signal: string;
  condition: string;
}

function gateFindings(
  inputs: ScoringInputs,
  criteria: Map<CriterionId, CriterionResult>,
  measured: Partial<Record<CriterionId, Measurement>>,
  model: ScoringModel,
  asOf: Date,
): { pause: Finding[]; authorize: Finding[] } {
  const pause: Finding[] = [];
  const established = (id: CriterionId) => criteria.get(id)?.state === 'established';
  /**
   * What would bring a criterion to `target`: where data measures it, the
   * figures to move (attesting cannot help, the measurement outranks it);
   * lapsed evidence named as such; otherwise the attestation wanted.
   */
  const evidenceConditions = (id: CriterionId, verb: string, target: 'partial' | 'established'): string[] => {
    const criterion = criteria.get(id);
    const levers = criterion?.source === 'measured' ? measured[id]?.levers[target] : undefined;
    // A ceiling lifted leaves the attestation to decide: when it falls short too, both are wanted, or the posture
    // would not move once the figures did.
    const attested = attestedState(inputs, id, model, asOf);
    const attestedShort = STATE_ORDER.indexOf(attested.state) < STATE_ORDER.indexOf(target);
    if (levers?.length && measured[id]?.ceiling && attestedShort) {
      return [...levers, attested.expiredAt ? expiredCondition(id, attested.expiredAt) : `${verb} (${id}): attest it as established`];
    }
    if (levers?.length) return levers;
    if (criterion?.source === 'measured') return [`${verb} (${id}): measured as ${criterion.basis ?? criterion.state}`];
    if (criterion?.expiredAt) return [expiredCondition(id, criterion.expiredAt)];
    return [`${verb} (${id}): attest it as established`];
  };
  const findings = (signal: string, conditions: string[]): Finding[] => conditions.map((condition) => ({ signal, condition }));

  for (const responsibility of model.pauseUnlessOwned) {
    if (!inputs.owners[responsibility]) pause.push({ signal: PAUSE_SIGNALS[responsibility], condition: ownerCondition(responsibility) });
  }
  if (!established('governance.approval_pathways')) {
    pause.push(...findings('approval authority unclear', evidenceConditions('governance.approval_pathways', 'formalize approval pathways', 'established')));
  }
  if (criteria.get('economics.cost_visibility')?.state === 'absent') {
    pause.push(...findings('cost visibility weak', evidenceConditions('economics.cost_visibility', 'establish cost visibility', 'partial')));
  }
  const share = inputs.attributedSpendShare;
  // Shares are exact decimals: compared as such, never as floats.
  if (share !== undefined && new Decimal(share).lessThan(model.minAttributedSpendShare)) {
    pause.push({
      signal: 'cost visibility weak',
      condition: `attribute at least ${percentAgainst(model.minAttributedSpendShare)} % of spend from reliable sources (now ${percentAgainst(share, model.minAttributedSpendShare)} %)`,
    });
  }

  const authorize: Finding[] = [];
  for (const responsibility of RESPONSIBILITIES) {
    if (!inputs.owners[responsibility]) {
      authorize.push({ signal: 'operational ownership unsettled', condition: ownerCondition(responsibility) });
    }
  }
  const required: CriterionId[] = [
    'ownership.long_term_accountability',
    'ownership.production_support',
    'ownership.escalation_paths',
    'governance.approval_pathways',
    'resilience.rollback',
    'sequencing.pacing',
    'economics.cost_visibility',
  ];
  for (const id of required) {
    if (!established(id)) {
      authorize.push(...findings('governance partly formalized', evidenceConditions(id, 'establish it', 'established')));
    }
  }
  const closedMonth = latestClosedMonth(asOf, model.closedMonthGraceDays);
  if (model.requireLatestClosedMonthCosts && !closedMonthCostsRecorded(inputs, closedMonth, latestClosedMonth(asOf))) {
    authorize.push({
      signal: 'production economics unproven',
      condition: `record actual costs for ${closedMonth} (latest recorded: ${inputs.latestCostPeriod ?? 'none'})`,
    });
  }
  return { pause, authorize };
}

/**
 * Whether actual costs are recorded for a closed month: spend in `closedMonth` or a later closed one (up to
 * `lastClosed`, the month before `asOf`'s). Spend in this month or one ahead proves nothing of a month that has
 * closed.
 */
function closedMonthCostsRecorded(inputs: ScoringInputs, closedMonth: string, lastClosed: string): boolean {
  // None named beside a month with spend: an event from before they were (cost tracking names them whenever there is one).
  if (!inputs.recentSpend?.length) return Boolean(inputs.latestCostPeriod && inputs.latestCostPeriod >= closedMonth);
  return inputs.recentSpend.some((month) => month.period >= closedMonth && month.period <= lastClosed && !new Decimal(month.amount).isZero());
}

/**
 * When this month's spend starts to count for the closed-month gate that fails now for want of it: the first of
 * next month, when this month closes. Without a review then, the gate would hold from that day unseen until the
 * next event about the initiative.
 */
function nextMonthClosingSpend(inputs: ScoringInputs, asOf: Date, graceDays: number): Date | null {
  const lastClosed = latestClosedMonth(asOf);
  if (closedMonthCostsRecorded(inputs, latestClosedMonth(asOf, graceDays), lastClosed)) return null;
  // Spend from this month on (the months after the last closed one), read as the gate reads it.
  const later = closedMonthCostsRecorded(inputs, asOf.toISOString().slice(0, 7), '9999-12');
  return later ? new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() + 1, 1)) : null;
}

/** What keeps an authorization (the brief: reliable production accountability and operational discipline), the next due date first. */
function keepingConditions(model: ScoringModel, asOf: Date): string[] {
  const due = nextClosedMonthChange(asOf, model.closedMonthGraceDays);
  const next = latestClosedMonth(due, model.closedMonthGraceDays);
  return [
    ...(model.requireLatestClosedMonthCosts ? [`keep it: record actual costs for ${next} before ${due.toISOString().slice(0, 10)}`] : []),
    'keep it: production accountability and operational discipline — every gate holding (one failing drops the posture at once)',
  ];
}

function expiredCondition(id: CriterionId, expiredAt: string): string {
  return `${id} evidence expired on ${expiredAt.slice(0, 10)} — renew it`;
}

/**
 * The month whose costs should be recorded by `asOf`, as YYYY-MM (UTC): the
 * month before `asOf`'s, or during the first `graceDays` of a month, the one
 * before that (its bill may not have arrived yet).
 */
export function latestClosedMonth(asOf: Date, graceDays = 0): string {
  const back = asOf.getUTCDate() <= graceDays ? 2 : 1;
  const month = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - back, 1));
  return month.toISOString().slice(0, 7);
}

/** When the month whose costs are due moves on (the first day after the grace days): a gate that holds now may not then. */
function nextClosedMonthChange(asOf: Date, graceDays: number): Date {
  const thisMonths = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), graceDays + 1));
  return thisMonths.getTime() > asOf.getTime() ? thisMonths : new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() + 1, graceDays + 1));
}

/** The soonest moment an attested criterion lapses after `asOf`. */
function nextExpiry(inputs: ScoringInputs, asOf: Date): Date | null {
  const upcoming = Object.values(inputs.evidence)
    .map((evidence) => (evidence?.expiresAt ? new Date(evidence.expiresAt) : null))
    .filter((date): date is Date => date !== null && date.getTime() > asOf.getTime());
  return earliest(upcoming) ? new Date(earliest(upcoming) as string) : null;
}

function earliest(dates: (Date | null)[]): string | null {
  const times = dates.filter((date): date is Date => date !== null).map((date) => date.getTime());
  return times.length ? new Date(Math.min(...times)).toISOString() : null;
}

/**
 * A criterion's state: where data measures it (telemetry, the cost ledger),
 * the measurement decides — figures outrank an attestation either way, but
 * for figures that can only tell bad news (a ceiling), which lower the
 * attested state and never raise it; elsewhere the attested evidence does.
 * So adding evidence can never lower a score, and the source always says
 * which kind of input counted.
 */
function criterionState(inputs: ScoringInputs, id: CriterionId, model: ScoringModel, asOf: Date, measurement?: Measurement): CriterionResult {
  if (!measurement) return attestedState(inputs, id, model, asOf);
  if (measurement.ceiling) {
    const attested = attestedState(inputs, id, model, asOf);
    if (STATE_ORDER.indexOf(attested.state) < STATE_ORDER.indexOf(measurement.state)) return attested;
  }
  return { id, state: measurement.state, source: 'measured', contribution: model.points[measurement.state], basis: measurement.basis };
}

function attestedState(inputs: ScoringInputs, id: CriterionId, model: ScoringModel, asOf: Date): CriterionResult {
  const evidence = inputs.evidence[id];
  if (!evidence) return { id, state: 'absent', source: 'missing', contribution: model.points.absent };
  if (evidence.expiresAt && Date.parse(evidence.expiresAt) <= asOf.getTime()) {
    return { id, state: 'absent', source: 'missing', contribution: model.points.absent, expiredAt: evidence.expiresAt };
  }
  return { id, state: evidence.status, source: 'attested', contribution: model.points[evidence.status] };
}

function domainResult(id: DomainId, criteria: Map<CriterionId, CriterionResult>): DomainResult {
  const own = [...criteria.values()].filter((c) => domainOf(c.id) === id);
  const score = Math.round(own.reduce((sum, c) => sum + c.contribution, 0) / own.length);
  return { id, score, criteria: own };
}

/** A stable hash of the inputs: keys sorted, so property order never changes it. */
export function hashInputs(inputs: ScoringInputs): string {
  return createHash('sha256').update(canonicalJson(inputs)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}


function unique(values: string[]): string[] {
  return [...new Set(values)];
}
