import type { TelemetryPeriodFigures } from '@capstan/contracts';
import { mergeTelemetry } from './telemetry-merge';

const period = { kind: 'week' as const, start: '2026-11-23' };
const unreported: TelemetryPeriodFigures = {
  period,
  supportTicketsOpened: null,
  supportTicketsClosed: null,
  supportBacklog: null,
  incidents: null,
  crossTeamEscalations: null,
  rollbacks: null,
  approvalCycleTimeDays: null,
  scopeExpansions: null,
};

describe('mergeTelemetry', () => {
  it('should leave the figures a first report does not give unreported, not zero', () => {
    expect(mergeTelemetry(null, { period, incidents: 1 })).toEqual({ ...unreported, incidents: 1 });
  });

  it("should keep the figures another system reported for the period and take this report's, zeros and nulls included", () => {
    const held = { ...unreported, incidents: 1, rollbacks: 2, supportBacklog: 9 };
    expect(mergeTelemetry(held, { period, supportBacklog: 0, crossTeamEscalations: 3, rollbacks: null })).toEqual({
      ...unreported,
      incidents: 1,
      supportBacklog: 0,
      crossTeamEscalations: 3,
    });
  });
});
