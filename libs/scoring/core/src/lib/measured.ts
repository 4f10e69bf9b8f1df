import Decimal from 'decimal.js';
import type { CriterionId, EvidenceStatus, Responsibility } from '@capstan/domain';
import type { BudgetOverrunInput, ScoringInputs, TelemetryInput } from './inputs';
import { monthIndex, monthOf, monthStart } from './months';
import { percentAgainst } from './percent';

/** Months back (counting the current one) in which a budget overrun still weighs on cost visibility. */
export const OVERRUN_MONTHS = 3;
/** Telemetry periods that started longer ago than this no longer measure anything: attestation decides again. */
export const TELEMETRY_RECENCY_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
export const STATE_ORDER: readonly EvidenceStatus[] = ['absent', 'partial', 'established'];

/** What it would take to reach a better state: one condition per lever, none where the state is reached already. */
export type Levers = { [state in 'partial' | 'established']?: string[] };

export interface Measurement {
  state: EvidenceStatus;
  /** The figures behind it, in words. */
  basis: string;
  /** What would move the figures to `partial` or `established`: a measured criterion cannot be attested up. */
  levers: Levers;
  /**
   * At most this state: the figures can only tell bad news (a budget overrun with no share of spend measured), so
   * attested evidence below it still decides. Without this an overrun lifted absent cost visibility to partial.
   */
  ceiling?: true;
}

export type MeasuredInputs = Pick<ScoringInputs, 'telemetry' | 'attributedSpendShare' | 'rollout' | 'budgetOverruns'> & Partial<Pick<ScoringInputs, 'owners'>>;

/** The responsibility whose named owner an ownership criterion rests on. */
const OWNERSHIP_RESTS_ON = {
  'ownership.long_term_accountability': 'accountable_owner',
  'ownership.production_support': 'production_support',
  'ownership.escalation_paths': 'escalation_owner',
} as const satisfies Partial<Record<CriterionId, Responsibility>>;

/** The condition that names an owner for a responsibility. */
export function ownerCondition(responsibility: Responsibility): string {
  const article = /^[aeiou]/.test(responsibility) ? 'an' : 'a';
  return `assign ${article} ${responsibility}${responsibility.endsWith('_owner') ? '' : ' owner'}`;
}

/**
 * Ownership coverage from intake: an ownership criterion whose responsibility has no named owner is measured absent,
 * whatever was attested for it (an attestation of an owner who has since been removed describes no one). With the
 * owner named, the attested evidence decides how far the criterion stands.
 */
function ownershipGaps(owners: MeasuredInputs['owners']): Partial<Record<CriterionId, Measurement>> {
  if (!owners) return {};
  const gaps: Partial<Record<CriterionId, Measurement>> = {};
  for (const [id, responsibility] of Object.entries(OWNERSHIP_RESTS_ON) as [CriterionId, Responsibility][]) {
    if (owners[responsibility]) continue;
    const condition = ownerCondition(responsibility);
    // A ceiling: naming the owner lifts it, and the attestation decides from there.
    gaps[id] = { state: 'absent', basis: `no ${responsibility} named`, levers: { partial: [condition], established: [condition] }, ceiling: true };
  }
  return gaps;
}

/**
 * Criteria that data measures at `asOf`. Telemetry counts from the series
 * (weekly or monthly) whose latest period is the most recent, weekly on a tie,
 * using only periods that have started by `asOf` and started within the last
 * `TELEMETRY_RECENCY_DAYS`; with none, the criteria it measures are left to
 * attestation.
 */
export function measuredCriteria(inputs: MeasuredInputs, asOf: Date, minAttributedSpendShare = '0.5'): Partial<Record<CriterionId, Measurement>> {
  const costs: Partial<Record<CriterionId, Measurement>> = {};
  const { rollout, attributedSpendShare } = inputs;
  if (rollout) {
    // Conflicts are reduced when the initiative loses no contest; a short delay is partial.
    const now = `now ${rollout.contestsLost} of ${rollout.contests} lost, ${rollout.weeksLost} week(s) later, in rollout plan v${rollout.planVersion}`;
    costs['portfolio.conflicts'] = {
      state: rollout.contestsLost === 0 ? 'established' : rollout.weeksLost <= 4 ? 'partial' : 'absent',
      basis: `${rollout.contestsLost} of ${rollout.contests} capacity contest(s) lost, ${rollout.weeksLost} week(s) later, in rollout plan v${rollout.planVersion}`,
      levers: {
        partial: [`lose at most 4 weeks to capacity contests (${now})`],
        established: [`lose no capacity contest in the rollout plan (${now})`],
      },
    };
  }
  const parts: Measurement[] = [];
  if (attributedSpendShare !== undefined) {
    const share = new Decimal(attributedSpendShare);
    // Partial from the model's minimum share, established from 80 % (or the minimum, when the model asks for more).
    const partial = new Decimal(minAttributedSpendShare);
    const established = Decimal.max(partial, '0.8');
    const shown = percentAgainst(share, partial, established);
    const lever = (target: Decimal) => `attribute at least ${percentAgainst(target)} % of spend from reliable sources (now ${shown} %)`;
    parts.push({
      state: share.greaterThanOrEqualTo(established) ? 'established' : share.greaterThanOrEqualTo(partial) ? 'partial' : 'absent',
      basis: `${shown} % of recorded spend attributed from reliable sources`,
      levers: { partial: [lever(partial)], established: [lever(established)] },
    });
  }
  const overrun = overrunMeasurement(inputs.budgetOverruns, asOf);
  if (overrun) parts.push(overrun);
  if (parts.length) costs['economics.cost_visibility'] = { ...combined(parts), ...(attributedSpendShare === undefined ? { ceiling: true as const } : {}) };

  // Each criterion from the latest periods that report its figures (a figure no system reported measures nothing),
  // in the series — weekly or monthly — whose latest such period is the most recent.
  // Periods stored before the approval cycle time was kept (undefined) count here: they make attestation decide.
  const approvals = approvalCycleMeasurement(seriesOf(inputs.telemetry, asOf, (p) => (p.approvalCycleTimeDays === undefined ? 0 : p.approvalCycleTimeDays)).slice(-3));
  const measured: Partial<Record<CriterionId, Measurement>> = { ...costs, ...ownershipGaps(inputs.owners), ...(approvals ? { 'governance.coordination': approvals } : {}) };
  const escalated = latestReporting(seriesOf(inputs.telemetry, asOf, (p) => p.crossTeamEscalations).slice(-3), (p) => p.crossTeamEscalations);
  if (escalated) {
    const { period, figure: escalations } = escalated;
    const escalationsNow = `now ${escalations} in the period from ${period.periodStart}`;
    measured['resilience.support_escalation'] = {
      state: escalations === 0 ? 'established' : escalations <= 2 ? 'partial' : 'absent',
      basis: `${escalations} cross-team escalation(s) in the period from ${period.periodStart}`,
      levers: {
        partial: [`keep cross-team escalations to at most 2 a period (${escalationsNow})`],
        established: [`bring cross-team escalations to none in a period (${escalationsNow})`],
      },
    };
  }
  const instability = instabilityMeasurement(seriesOf(inputs.telemetry, asOf, (p) => p.incidents ?? p.rollbacks).slice(-3));
  if (instability) measured['resilience.instability'] = instability;
  const backlogs = seriesOf(inputs.telemetry, asOf, (p) => p.supportBacklog).slice(-3);
  if (backlogs.length) {
    const growth = backlogGrowth(backlogs);
    const backlog = backlogs.map((p) => p.supportBacklog).join(' → ');
    measured['economics.support_burden'] = {
      state: growth.periodsGrowing === 0 ? 'established' : growth.periodsGrowing < backlogs.length - 1 || backlogs.length < 3 ? 'partial' : 'absent',
      basis: `support backlog ${backlog}`,
      levers: {
        partial: [`stop the support backlog growing in every period (now ${backlog})`],
        established: [`keep the support backlog from growing in any period (now ${backlog})`],
      },
    };
  }
  return measured;
}

/**
 * Incidents and rollbacks over the recent periods reporting either. Where one
 * of the two is not reported, what is reported is a floor: three or more is
 * absent all the same, one or two at best partial, none measures nothing.
 */
function instabilityMeasurement(recent: TelemetryInput[]): Measurement | undefined {
  if (!recent.length) return undefined;
  const total = recent.reduce((sum, p) => sum + (p.incidents ?? 0) + (p.rollbacks ?? 0), 0);
  const unreported = recent.some((p) => p.incidents === null || p.rollbacks === null);
  // A floor of none says nothing: the periods reporting both figures decide, if any.
  if (unreported && total === 0) {
    const both = recent.filter((p) => p.incidents !== null && p.rollbacks !== null);
    return both.length ? instabilityMeasurement(both) : undefined;
  }
  const now = `now ${unreported ? 'at least ' : ''}${total} over the last ${recent.length} period(s)`;
  return {
    state: total === 0 ? 'established' : total <= 2 ? 'partial' : 'absent',
    basis: `${unreported ? 'at least ' : ''}${total} incident(s) and rollback(s) over the last ${recent.length} period(s)${unreported ? ' (some not reported)' : ''}`,
    levers: {
      partial: [`keep incidents and rollbacks to at most 2 over 3 periods (${now})`],
      established: [`run 3 periods without an incident or rollback (${now})`],
    },
  };
}

/** The latest of the periods reporting a figure, with it; undefined when none does. */
export function latestReporting(periods: TelemetryInput[], figureOf: (period: TelemetryInput) => number | null | undefined): { period: TelemetryInput; figure: number } | undefined {
  for (let i = periods.length - 1; i >= 0; i--) {
    const figure = figureOf(periods[i]);
    if (figure !== null && figure !== undefined) return { period: periods[i], figure };
  }
  return undefined;
}

/** The worse of several measurements of one criterion, every reason given; the levers of each part still short of a state. */
function combined(parts: Measurement[]): Measurement {
  const rank = (m: Measurement) => STATE_ORDER.indexOf(m.state);
  const worst = parts.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  const levers: Levers = {};
  for (const target of ['partial', 'established'] as const) {
    const short = parts.filter((part) => rank(part) < STATE_ORDER.indexOf(target)).flatMap((part) => part.levers[target] ?? []);
    if (short.length) levers[target] = short;
  }
  return { state: worst.state, basis: [worst, ...parts.filter((part) => part !== worst)].map((part) => part.basis).join('; '), levers };
}

/**
 * The series scoring measures from at `asOf`: periods started by then and
 * within the recency window (and, given `figure`, reporting it), of the kind
 * whose latest such period is the most recent (weekly on a tie, being the
 * finer), oldest first.
 */
export function seriesOf(telemetry: TelemetryInput[] | undefined, asOf: Date, figure?: (period: TelemetryInput) => number | null | undefined): TelemetryInput[] {
  const usable = (telemetry ?? []).filter((p) => {
    const start = periodStart(p);
    const reported = !figure || (figure(p) !== null && figure(p) !== undefined);
    return reported && start <= asOf.getTime() && start > asOf.getTime() - TELEMETRY_RECENCY_DAYS * DAY_MS;
  });
  const weekly = usable.filter((p) => p.periodKind === 'week');
  const monthly = usable.filter((p) => p.periodKind === 'month');
  const latest = (series: TelemetryInput[]) => (series.length ? Math.max(...series.map(periodStart)) : -Infinity);
  const chosen = latest(weekly) >= latest(monthly) ? weekly : monthly;
  return [...chosen].sort((a, b) => periodStart(a) - periodStart(b));
}

/**
 * The latest `count` periods reporting `figure`, of the series `seriesOf` chooses, reaching back past the recency
 * window as far as periods are kept: four months running never fit in the window. None while that series has
 * nothing recent.
 */
export function latestRun(telemetry: TelemetryInput[] | undefined, asOf: Date, figure: (period: TelemetryInput) => number | null | undefined, count: number): TelemetryInput[] {
  const recent = seriesOf(telemetry, asOf, figure);
  if (!recent.length) return [];
  const kind = recent[0].periodKind;
  return (telemetry ?? [])
    .filter((p) => p.periodKind === kind && periodStart(p) <= asOf.getTime() && figure(p) !== null && figure(p) !== undefined)
    .sort((a, b) => periodStart(a) - periodStart(b))
    .slice(-count);
}

/** When telemetry alone could change a measurement: a stored period starts, or one leaves the recency window. */
export function nextTelemetryChange(telemetry: TelemetryInput[] | undefined, asOf: Date): Date | null {
  const moments = (telemetry ?? []).flatMap((p) => [periodStart(p), periodStart(p) + TELEMETRY_RECENCY_DAYS * DAY_MS]).filter((t) => t > asOf.getTime());
  return moments.length ? new Date(Math.min(...moments)) : null;
}

/**
 * Approval discipline fragmenting shows as approvals taking longer period after
 * period: governance coordination is stabilized while the approval cycle time
 * stops growing. Measured from the recent periods that report it (null: not
 * reported); none, none.
 */
function approvalCycleMeasurement(recent: TelemetryInput[]): Measurement | undefined {
  // A period stored before scoring kept the figure may have had one: with part of the history unknown, attestation decides.
  if (recent.some((p) => p.approvalCycleTimeDays === undefined)) return undefined;
  const days = recent.map((p) => p.approvalCycleTimeDays).filter((d): d is number => d !== null && d !== undefined);
  if (!days.length) return undefined;
  const growing = days.filter((d, i) => i > 0 && d > days[i - 1]).length;
  const cycle = `approval cycle time ${days.join(' → ')} day(s)`;
  return {
    state: growing === 0 ? 'established' : days.length >= 3 && growing === days.length - 1 ? 'absent' : 'partial',
    basis: cycle,
    levers: {
      partial: [`stop the approval cycle time growing in every period (now ${days.join(' → ')} days)`],
      established: [`keep the approval cycle time from growing in any period (now ${days.join(' → ')} days)`],
    },
  };
}

/** How many times the support backlog grew from one period reporting it to the next. */
export function backlogGrowth(periods: TelemetryInput[]): { periodsGrowing: number } {
  const backlogs = periods.map((p) => p.supportBacklog).filter((backlog): backlog is number => backlog !== null);
  let periodsGrowing = 0;
  for (let i = 1; i < backlogs.length; i++) if (backlogs[i] > backlogs[i - 1]) periodsGrowing++;
  return { periodsGrowing };
}

function periodStart(period: TelemetryInput): number {
  return Date.parse(`${period.periodStart}T00:00:00Z`);
}

/** A ratio as a whole percentage, for the basis text. */
/** A burn in words, held against what it is measured by: past its budget, and 150 % of it. */
const burnPercent = (burn: Decimal.Value) => percentAgainst(burn, 1, 1.5);

// Burn is an exact ratio ("0.9999999999999999999" is not 1): compared as a decimal, never a float. Spend equal to
// its budget kept to it; only spend past it was not foreseen.
const overran = (overrun: BudgetOverrunInput) => new Decimal(overrun.burn).greaterThan(1);

/** The first day an overrun no longer weighs on cost visibility. */
function overrunWeighsUntil(overrun: BudgetOverrunInput): Date {
  return monthStart(monthIndex(overrun.period) + OVERRUN_MONTHS);
}

/** Overruns in the last `OVERRUN_MONTHS` months up to `asOf`'s, worst first: a budget period still ahead has not run past anything yet. */
function recentOverruns(overruns: BudgetOverrunInput[] | undefined, asOf: Date): BudgetOverrunInput[] {
  const now = monthOf(asOf);
  return (overruns ?? [])
    .filter((overrun) => overran(overrun) && now - monthIndex(overrun.period) < OVERRUN_MONTHS && monthIndex(overrun.period) <= now)
    .sort((a, b) => new Decimal(b.burn).comparedTo(a.burn) || (a.period < b.period ? 1 : -1));
}

/** Spend past its budget was not foreseen: what is known of costs is not yet reliable. From 150 % of budget, not at all. */
function overrunMeasurement(overruns: BudgetOverrunInput[] | undefined, asOf: Date): Measurement | undefined {
  const recent = recentOverruns(overruns, asOf);
  if (!recent.length) return undefined;
  const worst = recent[0];
  const burn = new Decimal(worst.burn);
  const severe = (overrun: BudgetOverrunInput) => new Decimal(overrun.burn).greaterThanOrEqualTo(1.5);
  const lever = (overrun: BudgetOverrunInput) =>
    `keep spend within budget: ${overrun.category} spend in ${overrun.period} at ${burnPercent(overrun.burn)} % of its budget weighs on cost visibility until ${overrunWeighsUntil(overrun).toISOString().slice(0, 10)}`;
  return {
    state: severe(worst) ? 'absent' : 'partial',
    basis: `${worst.category} spend in ${worst.period} at ${burnPercent(burn)} % of its budget`,
    levers: { partial: recent.filter(severe).map(lever), established: recent.map(lever) },
  };
}

/** When budget overruns alone could change cost visibility: an overrun's month begins, or its window ends. */
export function nextOverrunChange(overruns: BudgetOverrunInput[] | undefined, asOf: Date): Date | null {
  const moments = (overruns ?? [])
    .filter(overran)
    .flatMap((overrun) => [monthStart(monthIndex(overrun.period)), overrunWeighsUntil(overrun)])
    .map((date) => date.getTime())
    .filter((t) => t > asOf.getTime());
  return moments.length ? new Date(Math.min(...moments)) : null;
}
