import Decimal from 'decimal.js';
import type { CriterionId, EvidenceStatus } from '@capstan/domain';
import type { BudgetOverrunInput, RolloutContention, TelemetryInput } from './inputs';

/** Months back (counting the current one) in which a budget overrun still weighs on cost visibility. */
export const OVERRUN_MONTHS = 3;
const STATE_ORDER: EvidenceStatus[] = ['absent', 'partial', 'established'];

export interface Measurement {
  state: EvidenceStatus;
  /** The figures behind it, in words. */
  basis: string;
}

/**
 * Criteria that operational telemetry measures. Uses the weekly series when
 * there is one, the monthly otherwise; needs at least one period.
 */
export function measuredCriteria(
  telemetry: TelemetryInput[] | undefined,
  attributedSpendShare?: string,
  rollout?: RolloutContention,
  budget?: { overruns: BudgetOverrunInput[]; asOf: Date },
): Partial<Record<CriterionId, Measurement>> {
  const costs: Partial<Record<CriterionId, Measurement>> = {};
  if (rollout) {
    // Conflicts are reduced when the initiative loses no contest; a short delay is partial.
    costs['portfolio.conflicts'] = {
      state: rollout.contestsLost === 0 ? 'established' : rollout.weeksLost <= 4 ? 'partial' : 'absent',
      basis: `${rollout.contestsLost} of ${rollout.contests} capacity contest(s) lost, ${rollout.weeksLost} week(s) later, in rollout plan v${rollout.planVersion}`,
    };
  }
  if (attributedSpendShare !== undefined) {
    const share = new Decimal(attributedSpendShare);
    costs['economics.cost_visibility'] = {
      state: share.greaterThanOrEqualTo(0.8) ? 'established' : share.greaterThanOrEqualTo(0.5) ? 'partial' : 'absent',
      basis: `${percentOf(share)} % of recorded spend attributed from reliable sources`,
    };
  }
  const overrun = recentOverrun(budget);
  if (overrun) {
    // Spend past its budget was not foreseen: what is known of costs is not yet reliable.
    const burn = new Decimal(overrun.burn);
    const state: EvidenceStatus = burn.greaterThanOrEqualTo(1.5) ? 'absent' : 'partial';
    const known = costs['economics.cost_visibility'];
    const basis = `${overrun.category} spend in ${overrun.period} at ${percentOf(burn)} % of its budget`;
    costs['economics.cost_visibility'] =
      known && STATE_ORDER.indexOf(known.state) <= STATE_ORDER.indexOf(state) ? { ...known, basis: `${known.basis}; ${basis}` } : { state, basis: known ? `${basis}; ${known.basis}` : basis };
  }
  const series = seriesOf(telemetry);
  if (!series.length) return costs;
  const recent = series.slice(-3);
  const last = series[series.length - 1];
  const escalations = last.crossTeamEscalations;
  const instability = recent.reduce((sum, p) => sum + p.incidents + p.rollbacks, 0);
  const growth = backlogGrowth(recent);
  return {
    ...costs,
    'resilience.support_escalation': {
      state: escalations === 0 ? 'established' : escalations <= 2 ? 'partial' : 'absent',
      basis: `${escalations} cross-team escalation(s) in the period from ${last.periodStart}`,
    },
    'resilience.instability': {
      state: instability === 0 ? 'established' : instability <= 2 ? 'partial' : 'absent',
      basis: `${instability} incident(s) and rollback(s) over the last ${recent.length} period(s)`,
    },
    'economics.support_burden': {
      state: growth.periodsGrowing === 0 ? 'established' : growth.periodsGrowing < recent.length - 1 || recent.length < 3 ? 'partial' : 'absent',
      basis: `support backlog ${recent.map((p) => p.supportBacklog).join(' → ')}`,
    },
  };
}

export function seriesOf(telemetry: TelemetryInput[] | undefined): TelemetryInput[] {
  const all = telemetry ?? [];
  const weekly = all.filter((p) => p.periodKind === 'week');
  return weekly.length ? weekly : all.filter((p) => p.periodKind === 'month');
}

export function backlogGrowth(periods: TelemetryInput[]): { periodsGrowing: number } {
  let periodsGrowing = 0;
  for (let i = 1; i < periods.length; i++) if (periods[i].supportBacklog > periods[i - 1].supportBacklog) periodsGrowing++;
  return { periodsGrowing };
}

/** A ratio as a whole percentage, for the basis text. */
function percentOf(ratio: Decimal): string {
  return ratio.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed();
}

/** The worst overrun in the last `OVERRUN_MONTHS` months up to `asOf`'s, if any. */
function recentOverrun(budget: { overruns: BudgetOverrunInput[]; asOf: Date } | undefined): BudgetOverrunInput | undefined {
  if (!budget?.overruns.length) return undefined;
  const now = budget.asOf.getUTCFullYear() * 12 + budget.asOf.getUTCMonth();
  const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
  // Burn is an exact ratio ("0.9999999999999999999" is not 1): compared as a decimal, never a float.
  return budget.overruns
    .filter((overrun) => new Decimal(overrun.burn).greaterThanOrEqualTo(1) && now - monthIndex(overrun.period) < OVERRUN_MONTHS && monthIndex(overrun.period) <= now)
    .sort((a, b) => new Decimal(b.burn).comparedTo(a.burn) || (a.period < b.period ? 1 : -1))[0];
}
