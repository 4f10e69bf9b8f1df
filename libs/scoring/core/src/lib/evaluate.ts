import { createHash } from 'node:crypto';
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
import type { ScopeEnvelopeInput, ScoringInputs } from './inputs';
import { measuredCriteria, type Measurement } from './measured';
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
}

export interface Evaluation {
  initiativeId: string;
  posture: Posture;
  gatesHeldSince: string | null;
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
export function evaluate(inputs: ScoringInputs, model: ScoringModel, asOf: Date, prior: PriorState = { gatesHeldSince: null }): Evaluation {
  const measured = measuredCriteria(inputs.telemetry, inputs.attributedSpendShare, inputs.rollout, inputs.budgetOverruns ? { overruns: inputs.budgetOverruns, asOf } : undefined);
  const criteria = new Map(CRITERION_IDS.map((id) => [id, criterionState(inputs, id, model, asOf, measured[id])]));
  const domains = DOMAIN_IDS.map((id) => domainResult(id, criteria));
  const gates = gateFindings(inputs, criteria, model, asOf);
  const allHeld = gates.pause.length === 0 && gates.authorize.length === 0 && domains.every((d) => d.score >= model.domainThreshold);
  // Hysteresis: up only after the gates held for the whole hold period, down at once.
  const gatesHeldSince = allHeld ? (prior.gatesHeldSince ?? asOf.toISOString()) : null;
  const holdEndsAt = gatesHeldSince ? new Date(Date.parse(gatesHeldSince) + model.holdPeriodSeconds * 1000) : null;
  const held = holdEndsAt !== null && holdEndsAt.getTime() <= asOf.getTime();
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
  const conditions = unique([
    ...findings.map((f) => f.condition),
    ...(posture === 'pause' ? [] : belowThreshold.map((d) => `raise ${d.id} readiness to ${model.domainThreshold}: now ${d.score}`)),
  ]);
  const patterns = detectPatterns(inputs, model.patterns, posture, asOf);
  const signals = unique([
    ...findings.map((f) => f.signal),
    ...(posture === 'controlled_investment' ? ['rollout sequencing forming'] : []),
    ...patterns.map((pattern) => pattern.title),
    ...(inputs.decision && inputs.decision.decision !== posture
      ? [`committee decision (${inputs.decision.decision}) diverges from the recommendation (${posture})`]
      : []),
  ]);

  return {
    initiativeId: inputs.initiativeId,
    posture,
    gatesHeldSince,
    reviewAt: earliest([held ? null : holdEndsAt, nextExpiry(inputs, asOf), model.requireLatestClosedMonthCosts && allHeld ? nextMonthStart(asOf) : null]),
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
function ownerCondition(responsibility: Responsibility): string {
  const article = /^[aeiou]/.test(responsibility) ? 'an' : 'a';
  return `assign ${article} ${responsibility}${responsibility.endsWith('_owner') ? '' : ' owner'}`;
}

interface Finding {
  signal: string;
  condition: string;
}

function gateFindings(
  inputs: ScoringInputs,
  criteria: Map<CriterionId, CriterionResult>,
  model: ScoringModel,
  asOf: Date,
): { pause: Finding[]; authorize: Finding[] } {
  const pause: Finding[] = [];
  const established = (id: CriterionId) => criteria.get(id)?.state === 'established';
  const evidenceCondition = (id: CriterionId, verb: string) => {
    const expiredAt = criteria.get(id)?.expiredAt;
    return expiredAt
      ? `${id} evidence expired on ${expiredAt.slice(0, 10)} — renew it`
      : `${verb} (${id}): attest it as established`;
  };

  for (const responsibility of model.pauseUnlessOwned) {
    if (!inputs.owners[responsibility]) pause.push({ signal: PAUSE_SIGNALS[responsibility], condition: ownerCondition(responsibility) });
  }
  if (!established('governance.approval_pathways')) {
    pause.push({
      signal: 'approval authority unclear',
      condition: evidenceCondition('governance.approval_pathways', 'formalize approval pathways'),
    });
  }
  if (criteria.get('economics.cost_visibility')?.state === 'absent') {
    pause.push({
      signal: 'cost visibility weak',
      condition: evidenceCondition('economics.cost_visibility', 'establish cost visibility'),
    });
  }
  const share = inputs.attributedSpendShare;
  if (share !== undefined && Number(share) < Number(model.minAttributedSpendShare)) {
    pause.push({
      signal: 'cost visibility weak',
      condition: `attribute at least ${percent(model.minAttributedSpendShare)} of spend: ${percent(share)} attributed`,
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
      authorize.push({ signal: 'governance partly formalized', condition: evidenceCondition(id, 'establish it') });
    }
  }
  const closedMonth = latestClosedMonth(asOf);
  if (model.requireLatestClosedMonthCosts && !(inputs.latestCostPeriod && inputs.latestCostPeriod >= closedMonth)) {
    authorize.push({
      signal: 'production economics unproven',
      condition: `record actual costs for ${closedMonth} (latest recorded: ${inputs.latestCostPeriod ?? 'none'})`,
    });
  }
  return { pause, authorize };
}

/** The month before `asOf`'s, as YYYY-MM (UTC). */
export function latestClosedMonth(asOf: Date): string {
  const month = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
}

/** When this month closes, the latest closed month moves on: a gate that holds now may not then. */
function nextMonthStart(asOf: Date): Date {
  return new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() + 1, 1));
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
 * the measurement decides — figures outrank an attestation either way;
 * elsewhere the attested evidence does. So adding evidence can never lower a
 * score, and the source always says which kind of input counted.
 */
function criterionState(inputs: ScoringInputs, id: CriterionId, model: ScoringModel, asOf: Date, measurement?: Measurement): CriterionResult {
  if (!measurement) return attestedState(inputs, id, model, asOf);
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

function percent(share: string): string {
  return `${Math.round(Number(share) * 100)} %`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
