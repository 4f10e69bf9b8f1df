import type { Posture } from '@capstan/domain';
import type { ScoringInputs } from './inputs';
import { envelopeBreaches } from './envelope-breaches';
import { backlogGrowth, latestReporting, latestRun, seriesOf } from './measured';

/** A scaling-risk pattern from the brief, with the data that triggered it. */
export interface DetectedPattern {
  id: 'ownership_fragmented' | 'prioritization_unclear' | 'pilot_economics_diverge' | 'governance_lags_deployment' | 'production_exposes_weakness';
  title: string;
  detail: string;
}

export interface PatternParameters {
  /** Owners spread over at least this many teams, with no accountable owner, is fragmentation. */
  fragmentedTeams: number;
  /** Backlog growing in each of this many consecutive periods is a weakness exposed. */
  backlogGrowthPeriods: number;
  /** Cross-team escalations in one period at or above this are a weakness exposed. */
  escalationsPerPeriod: number;
  /** Production cost per unit at or above this multiple of the pilot's is pilot economics diverging (a decimal string). */
  unitCostRatio: string;
}

export const DEFAULT_PATTERN_PARAMETERS: PatternParameters = { fragmentedTeams: 3, backlogGrowthPeriods: 3, escalationsPerPeriod: 3, unitCostRatio: '1.5' };

/** The brief's five scaling-risk patterns, each with the data that triggered it. */
export function detectPatterns(inputs: ScoringInputs, parameters: PatternParameters, posture: Posture, asOf: Date): DetectedPattern[] {
  const patterns: DetectedPattern[] = [];

  const teams = new Set(Object.values(inputs.owners).map((owner) => owner?.team.trim().toLowerCase()));
  if (!inputs.owners.accountable_owner && teams.size >= parameters.fragmentedTeams) {
    patterns.push({
      id: 'ownership_fragmented',
      title: 'ownership fragmented',
      detail: `owners span ${teams.size} teams and no long-term accountable owner is named`,
    });
  }

  const rollout = inputs.rollout;
  if (rollout && rollout.rivals.length > 0 && rollout.contests > 0) {
    const shown = rollout.rivals.slice(0, 5).join(', ') + (rollout.rivals.length > 5 ? ` and ${rollout.rivals.length - 5} more` : '');
    patterns.push({
      id: 'prioritization_unclear',
      title: 'prioritization unclear',
      detail:
        `contests rollout capacity with ${rollout.rivals.length} other initiative(s) past pilot (${shown}) in plan v${rollout.planVersion}: ` +
        `lost ${rollout.contestsLost} of ${rollout.contests} contest(s), ${rollout.weeksLost} week(s) later`,
    });
  }

  const economics = inputs.unitEconomics;
  const deployed = inputs.stage === 'scaling' || inputs.stage === 'production';
  const economicsDetails: string[] = [];
  if (economics) {
    const diverging = economics.items.filter((item) => item.productionToPilot !== null && Number(item.productionToPilot) >= Number(parameters.unitCostRatio));
    economicsDetails.push(
      ...diverging.map((item) => `production costs ${item.productionUnitCost} ${item.currency} per ${item.metric} against ${item.pilotUnitCost} in the pilot (×${item.productionToPilot})`),
    );
    if (economics.hasProductionCosts && economics.categoriesWithoutData.length) {
      economicsDetails.push(`no production cost recorded for ${economics.categoriesWithoutData.join(', ')}: production economics unknown there`);
    }
  }
  // In production with none of its costs on record: every category is unknown, the pilot's the only figures there are.
  if (deployed && !economics?.hasProductionCosts) economicsDetails.push(`in ${inputs.stage} with no production cost recorded: production economics unknown`);
  if (economicsDetails.length) patterns.push({ id: 'pilot_economics_diverge', title: 'pilot economics ≠ production economics', detail: economicsDetails.join('; ') });

  const approval = inputs.evidence['governance.approval_pathways'];
  const approvalLapsed = approval?.expiresAt ? Date.parse(approval.expiresAt) <= asOf.getTime() : false;
  if (deployed && (!approval || approval.status !== 'established' || approvalLapsed)) {
    patterns.push({
      id: 'governance_lags_deployment',
      title: 'governance lags deployment',
      detail: `the initiative is in ${inputs.stage} while approval evidence is ${approvalLapsed ? `expired (${approval?.expiresAt?.slice(0, 10)})` : approval ? approval.status : 'missing'}`,
    });
  }
  if (inputs.decision?.decision === 'authorize_deployment' && posture !== 'authorize_deployment') {
    patterns.push({
      id: 'governance_lags_deployment',
      title: 'governance lags deployment',
      detail: `the committee authorized deployment on ${inputs.decision.decidedAt.slice(0, 10)} but the gates give ${posture}`,
    });
  }

  const breaches = envelopeBreaches(inputs, asOf);
  if (breaches.length) {
    patterns.push({
      id: 'governance_lags_deployment',
      title: 'governance lags deployment',
      detail: `the rollout goes beyond its authorized scope envelope: ${breaches.join('; ')}`,
    });
  }

  // From the periods that report each figure: one no system reported shows nothing.
  const window = latestRun(inputs.telemetry, asOf, (p) => p.supportBacklog, parameters.backlogGrowthPeriods + 1);
  const weaknesses: string[] = [];
  if (window.length === parameters.backlogGrowthPeriods + 1 && backlogGrowth(window).periodsGrowing === parameters.backlogGrowthPeriods) {
    weaknesses.push(`support backlog grew ${parameters.backlogGrowthPeriods} periods running (${window.map((p) => p.supportBacklog).join(' → ')})`);
  }
  const escalated = latestReporting(seriesOf(inputs.telemetry, asOf, (p) => p.crossTeamEscalations).slice(-3), (p) => p.crossTeamEscalations);
  if (escalated && escalated.figure >= parameters.escalationsPerPeriod) {
    weaknesses.push(`${escalated.figure} escalations crossed team lines in the period from ${escalated.period.periodStart}`);
  }
  const rolledBack = seriesOf(inputs.telemetry, asOf, (p) => p.rollbacks).slice(-3);
  const rollbacks = rolledBack.reduce((sum, p) => sum + (p.rollbacks ?? 0), 0);
  if (rollbacks > 0) weaknesses.push(`${rollbacks} rollback(s) in the last ${rolledBack.length} period(s)`);
  if (weaknesses.length) {
    patterns.push({ id: 'production_exposes_weakness', title: 'production exposes weakness', detail: weaknesses.join('; ') });
  }
  return patterns;
}
