import { measuredCriteria, TELEMETRY_RECENCY_DAYS } from './measured';
import type { RolloutContention, TelemetryInput } from './inputs';

function week(periodStart: string, figures: Partial<TelemetryInput> = {}): TelemetryInput {
  return { periodKind: 'week', periodStart, supportBacklog: 10, incidents: 0, crossTeamEscalations: 0, rollbacks: 0, ...figures };
}

function month(periodStart: string, figures: Partial<TelemetryInput> = {}): TelemetryInput {
  return { ...week(periodStart, figures), periodKind: 'month' };
}

const asOf = new Date('2026-11-15T00:00:00Z');
const stateOf = (measurements: ReturnType<typeof measuredCriteria>, id: keyof typeof measurements) => measurements[id]?.state;

describe(measuredCriteria.name, () => {
  it('should grade capacity contests lost: none established, up to four weeks later partial, more absent', () => {
    const rollout = (contestsLost: number, weeksLost: number): RolloutContention => ({ planVersion: 3, contests: 2, contestsLost, weeksLost, rivals: ['AI-0002'] });
    expect(stateOf(measuredCriteria({ rollout: rollout(0, 0) }, asOf), 'portfolio.conflicts')).toBe('established');
    expect(stateOf(measuredCriteria({ rollout: rollout(1, 4) }, asOf), 'portfolio.conflicts')).toBe('partial');
    expect(stateOf(measuredCriteria({ rollout: rollout(1, 5) }, asOf), 'portfolio.conflicts')).toBe('absent');
  });

  it('should grade cost visibility by the share attributed: from 80 % established, from 50 % partial', () => {
    const visibility = (share: string) => stateOf(measuredCriteria({ attributedSpendShare: share }, asOf), 'economics.cost_visibility');
    expect(['0.8', '0.7999', '0.5', '0.4999'].map(visibility)).toEqual(['established', 'partial', 'partial', 'absent']);
    // The model's minimum share is where visibility stops being absent.
    const atMinimum = (share: string, minimum: string) => stateOf(measuredCriteria({ attributedSpendShare: share }, asOf, minimum), 'economics.cost_visibility');
    expect([atMinimum('0.29', '0.3'), atMinimum('0.3', '0.3'), atMinimum('0.85', '0.9'), atMinimum('0.9', '0.9')]).toEqual(['absent', 'partial', 'absent', 'established']);
  });

  it('should take cost visibility down for an overrun in the last three months: from 150 % of budget to absent', () => {
    const overrun = (period: string, burn: string) => measuredCriteria({ attributedSpendShare: '1', budgetOverruns: [{ period, category: 'inference', currency: 'EUR', burn }] }, asOf);
    expect(stateOf(overrun('2026-11', '1.5'), 'economics.cost_visibility')).toBe('absent');
    expect(stateOf(overrun('2026-11', '1.4999'), 'economics.cost_visibility')).toBe('partial');
    // Spending the budget exactly keeps to it; a hair past it does not.
    expect(stateOf(overrun('2026-11', '1.0001'), 'economics.cost_visibility')).toBe('partial');
    expect(stateOf(overrun('2026-11', '1'), 'economics.cost_visibility')).toBe('established');
    expect(stateOf(overrun('2026-09', '2'), 'economics.cost_visibility')).toBe('absent');
    expect(stateOf(overrun('2026-08', '2'), 'economics.cost_visibility')).toBe('established');
    // A budget period still ahead has not run past anything yet.
    expect(stateOf(overrun('2026-12', '2'), 'economics.cost_visibility')).toBe('established');
  });

  it('should grade escalations in the last period and incidents with rollbacks over the last three: none, up to two, more', () => {
    const escalations = (n: number) => stateOf(measuredCriteria({ telemetry: [week('2026-10-26', { crossTeamEscalations: n })] }, asOf), 'resilience.support_escalation');
    expect([0, 2, 3].map(escalations)).toEqual(['established', 'partial', 'absent']);
    const instability = (incidents: number, rollbacks: number) =>
      stateOf(
        measuredCriteria({ telemetry: [week('2026-10-05', { incidents: 9 }), week('2026-10-12'), week('2026-10-19', { incidents }), week('2026-10-26', { rollbacks })] }, asOf),
        'resilience.instability',
      );
    expect(instability(0, 0)).toBe('established');
    expect(instability(1, 1)).toBe('partial');
    expect(instability(2, 1)).toBe('absent');
  });

  it('should measure each criterion only from the periods that report its figures, leaving it to attestation when none does', () => {
    const unreported = { supportBacklog: null, incidents: null, crossTeamEscalations: null, rollbacks: null, approvalCycleTimeDays: null, scopeExpansions: null };
    // Only incidents known: no escalation, stability or backlog figure is made up as zero.
    const incidentsOnly = measuredCriteria({ telemetry: [week('2026-11-09', { ...unreported, incidents: 0 })] }, asOf);
    expect(incidentsOnly['resilience.support_escalation']).toBeUndefined();
    expect(incidentsOnly['resilience.instability']).toBeUndefined();
    expect(incidentsOnly['economics.support_burden']).toBeUndefined();
    // The latest period reporting escalations counts, not a later one that does not report them.
    const telemetry = [
      week('2026-10-26', { crossTeamEscalations: 4, supportBacklog: 8 }),
      week('2026-11-02', { ...unreported, supportBacklog: 12 }),
      week('2026-11-09', { ...unreported, incidents: 1, rollbacks: 0 }),
    ];
    const measured = measuredCriteria({ telemetry }, asOf);
    expect(measured['resilience.support_escalation']).toMatchObject({ state: 'absent', basis: '4 cross-team escalation(s) in the period from 2026-10-26' });
    expect(measured['resilience.instability']).toMatchObject({ state: 'partial', basis: '1 incident(s) and rollback(s) over the last 2 period(s)' });
    expect(measured['economics.support_burden']).toMatchObject({ state: 'partial', basis: 'support backlog 8 → 12' });
    // Incidents reported without rollbacks are a floor: five are absent all the same.
    const floor = measuredCriteria({ telemetry: [week('2026-11-09', { ...unreported, incidents: 5 })] }, asOf);
    expect(floor['resilience.instability']).toMatchObject({ state: 'absent', basis: 'at least 5 incident(s) and rollback(s) over the last 1 period(s) (some not reported)' });
    // A weekly system reporting approvals only does not hide the monthly figures of another.
    const mixed = measuredCriteria({ telemetry: [month('2026-10-01', { supportBacklog: 3 }), week('2026-11-09', { ...unreported, approvalCycleTimeDays: 4 })] }, asOf);
    expect(mixed['economics.support_burden']).toMatchObject({ basis: 'support backlog 3' });
    expect(mixed['governance.coordination']).toMatchObject({ basis: 'approval cycle time 4 day(s)' });
    // Nor does a weekly backlog hide monthly approvals.
    const approvalsMonthly = measuredCriteria({ telemetry: [month('2026-10-01', { ...unreported, approvalCycleTimeDays: 6 }), week('2026-11-09', { ...unreported, supportBacklog: 2 })] }, asOf);
    expect(approvalsMonthly['governance.coordination']).toMatchObject({ basis: 'approval cycle time 6 day(s)' });
    // A latest week reporting no incident and no rollback figure leaves the clean weeks before it to decide.
    const clean = measuredCriteria({ telemetry: [week('2026-10-26'), week('2026-11-02'), week('2026-11-09', { ...unreported, incidents: 0 })] }, asOf);
    expect(clean['resilience.instability']).toMatchObject({ state: 'established', basis: '0 incident(s) and rollback(s) over the last 2 period(s)' });
  });

  it('should grade governance coordination by the approval cycle time over the recent periods that report it: steady, growing at times, growing throughout', () => {
    const coordination = (...days: (number | null)[]) =>
      measuredCriteria({ telemetry: days.map((d, i) => week(['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02'][i], { approvalCycleTimeDays: d })) }, asOf)[
        'governance.coordination'
      ];
    expect(coordination(null, null)).toBeUndefined();
    // Periods stored before the figure was kept: unknown, not unreported — attestation decides until they age out.
    expect(measuredCriteria({ telemetry: [week('2026-10-26'), week('2026-11-02', { approvalCycleTimeDays: 15 })] }, asOf)['governance.coordination']).toBeUndefined();
    expect(coordination(30, 12, 12, 9)).toMatchObject({ state: 'established', basis: 'approval cycle time 12 → 12 → 9 day(s)' });
    expect(coordination(1, 8, 5, 9)?.state).toBe('partial');
    // A period that does not report it is left out, not taken as zero: the last three that report it count.
    expect(coordination(4, 6, null, 9)).toMatchObject({ state: 'absent', basis: 'approval cycle time 4 → 6 → 9 day(s)' });
    expect(coordination(9, 6, null, 9)).toMatchObject({ state: 'partial', basis: 'approval cycle time 9 → 6 → 9 day(s)' });
    const fragmenting = coordination(1, 4.5, 6, 9);
    expect(fragmenting).toEqual({
      state: 'absent',
      basis: 'approval cycle time 4.5 → 6 → 9 day(s)',
      levers: {
        partial: ['stop the approval cycle time growing in every period (now 4.5 → 6 → 9 days)'],
        established: ['keep the approval cycle time from growing in any period (now 4.5 → 6 → 9 days)'],
      },
    });
  });

  it('should measure from the series whose latest period is the most recent, the weekly one on a tie', () => {
    const escalationsOf = (telemetry: TelemetryInput[]) => measuredCriteria({ telemetry }, asOf)['resilience.support_escalation'];
    // The weekly series is newer: it decides.
    expect(escalationsOf([week('2026-11-09'), month('2026-11-01', { crossTeamEscalations: 7 })])?.state).toBe('established');
    expect(escalationsOf([month('2026-11-01', { crossTeamEscalations: 7 })])?.state).toBe('absent');
    // Weekly figures stopped in August; the monthly ones go on to November: the monthly decide.
    expect(escalationsOf([week('2026-08-31'), month('2026-10-01'), month('2026-11-01', { crossTeamEscalations: 7 })])).toEqual({
      state: 'absent',
      basis: '7 cross-team escalation(s) in the period from 2026-11-01',
      levers: {
        partial: ['keep cross-team escalations to at most 2 a period (now 7 in the period from 2026-11-01)'],
        established: ['bring cross-team escalations to none in a period (now 7 in the period from 2026-11-01)'],
      },
    });
  });

  it('should use only periods that have started by the moment of evaluation', () => {
    const telemetry = [week('2026-11-02'), week('2026-11-09'), week('2026-11-16', { crossTeamEscalations: 9, incidents: 5 })];
    const measured = measuredCriteria({ telemetry }, asOf);
    expect(measured['resilience.support_escalation']?.basis).toBe('0 cross-team escalation(s) in the period from 2026-11-09');
    expect(measured['resilience.instability']?.state).toBe('established');
    expect(stateOf(measuredCriteria({ telemetry }, new Date('2026-11-16T00:00:00Z')), 'resilience.support_escalation')).toBe('absent');
    // Only future periods: nothing is measured yet.
    expect(measuredCriteria({ telemetry: [week('2026-11-23', { crossTeamEscalations: 9 })] }, asOf)['resilience.support_escalation']).toBeUndefined();
  });

  it(`should leave out telemetry that started more than ${TELEMETRY_RECENCY_DAYS} days ago, so attestation decides again`, () => {
    const stale = [week('2026-08-03', { crossTeamEscalations: 9 }), week('2026-08-10', { crossTeamEscalations: 9 })];
    expect(measuredCriteria({ telemetry: stale }, asOf)['resilience.support_escalation']).toBeUndefined();
    expect(measuredCriteria({ telemetry: stale }, new Date('2026-11-07T00:00:00Z'))['resilience.support_escalation']?.state).toBe('absent');
    // In a series, only the recent periods count.
    const mixed = [week('2026-08-10', { incidents: 9 }), week('2026-11-02'), week('2026-11-09')];
    expect(measuredCriteria({ telemetry: mixed }, asOf)['resilience.instability']).toMatchObject({ state: 'established', basis: '0 incident(s) and rollback(s) over the last 2 period(s)' });
  });
});
