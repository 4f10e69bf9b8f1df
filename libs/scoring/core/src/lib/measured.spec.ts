import { measuredCriteria } from './measured';
import type { RolloutContention, TelemetryInput } from './inputs';

function week(periodStart: string, figures: Partial<TelemetryInput> = {}): TelemetryInput {
  return { periodKind: 'week', periodStart, supportBacklog: 10, incidents: 0, crossTeamEscalations: 0, rollbacks: 0, ...figures };
}

const stateOf = (measurements: ReturnType<typeof measuredCriteria>, id: keyof typeof measurements) => measurements[id]?.state;

describe(measuredCriteria.name, () => {
  it('should grade capacity contests lost: none established, up to four weeks later partial, more absent', () => {
    const rollout = (contestsLost: number, weeksLost: number): RolloutContention => ({ planVersion: 3, contests: 2, contestsLost, weeksLost, rivals: ['AI-0002'] });
    expect(stateOf(measuredCriteria(undefined, undefined, rollout(0, 0)), 'portfolio.conflicts')).toBe('established');
    expect(stateOf(measuredCriteria(undefined, undefined, rollout(1, 4)), 'portfolio.conflicts')).toBe('partial');
    expect(stateOf(measuredCriteria(undefined, undefined, rollout(1, 5)), 'portfolio.conflicts')).toBe('absent');
  });

  it('should grade cost visibility by the share attributed: from 80 % established, from 50 % partial', () => {
    const visibility = (share: string) => stateOf(measuredCriteria(undefined, share), 'economics.cost_visibility');
    expect(['0.8', '0.7999', '0.5', '0.4999'].map(visibility)).toEqual(['established', 'partial', 'partial', 'absent']);
  });

  it('should take cost visibility down for an overrun in the last three months: from 150 % of budget to absent', () => {
    const asOf = new Date('2026-11-15T00:00:00Z');
    const overrun = (period: string, burn: string) => measuredCriteria(undefined, '1', undefined, { overruns: [{ period, category: 'inference', currency: 'EUR', burn }], asOf });
    expect(stateOf(overrun('2026-11', '1.5'), 'economics.cost_visibility')).toBe('absent');
    expect(stateOf(overrun('2026-11', '1.4999'), 'economics.cost_visibility')).toBe('partial');
    // Reaching the budget exactly counts; a hair below it does not.
    expect(stateOf(overrun('2026-11', '1'), 'economics.cost_visibility')).toBe('partial');
    expect(stateOf(overrun('2026-11', '0.9999999999999999999'), 'economics.cost_visibility')).toBe('established');
    expect(stateOf(overrun('2026-09', '2'), 'economics.cost_visibility')).toBe('absent');
    expect(stateOf(overrun('2026-08', '2'), 'economics.cost_visibility')).toBe('established');
    // A budget period still ahead has not run past anything yet.
    expect(stateOf(overrun('2026-12', '2'), 'economics.cost_visibility')).toBe('established');
  });

  it('should grade escalations in the last period and incidents with rollbacks over the last three: none, up to two, more', () => {
    const escalations = (n: number) => stateOf(measuredCriteria([week('2026-10-26', { crossTeamEscalations: n })]), 'resilience.support_escalation');
    expect([0, 2, 3].map(escalations)).toEqual(['established', 'partial', 'absent']);
    const instability = (incidents: number, rollbacks: number) =>
      stateOf(measuredCriteria([week('2026-10-05', { incidents: 9 }), week('2026-10-12'), week('2026-10-19', { incidents }), week('2026-10-26', { rollbacks })]), 'resilience.instability');
    expect(instability(0, 0)).toBe('established');
    expect(instability(1, 1)).toBe('partial');
    expect(instability(2, 1)).toBe('absent');
  });

  it('should measure from the weekly series when there is one, the monthly otherwise', () => {
    const month = { periodKind: 'month' as const, periodStart: '2026-11-01', supportBacklog: 10, incidents: 0, crossTeamEscalations: 7, rollbacks: 0 };
    expect(stateOf(measuredCriteria([week('2026-10-26'), month]), 'resilience.support_escalation')).toBe('established');
    expect(stateOf(measuredCriteria([month]), 'resilience.support_escalation')).toBe('absent');
  });
});
