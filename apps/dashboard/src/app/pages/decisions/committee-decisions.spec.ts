import type { AuditEntry } from '@capstan/contracts';
import { decisionOf, endOfLocalDay, latestDecisions } from './committee-decisions';

function recorded(id: string, initiativeId: string, decision: string, at: string): AuditEntry {
  return {
    id,
    initiativeId,
    actor: 'chair',
    action: 'decision.recorded',
    at,
    changes: [
      { field: 'decision.decision', from: null, to: decision },
      { field: 'decision.rationale', from: null, to: `why ${id}` },
    ],
  };
}

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe(latestDecisions.name, () => {
  const decisions = [
    recorded('1', A, 'pause', '2026-09-01T10:00:00.000Z'),
    recorded('2', A, 'controlled_investment', '2026-10-15T10:00:00.000Z'),
    recorded('3', B, 'authorize_deployment', '2026-10-20T08:00:00.000Z'),
  ].flatMap((entry) => decisionOf(entry) ?? []);

  it('should keep each initiative’s latest decision, newest first', () => {
    expect(latestDecisions(decisions).map((d) => [d.auditId, d.decision])).toEqual([
      ['3', 'authorize_deployment'],
      ['2', 'controlled_investment'],
    ]);
  });

  it('should see only what had been decided by the end of the as-of day', () => {
    expect(latestDecisions(decisions, '2026-10-15').map((d) => d.auditId)).toEqual(['2']);
    expect(latestDecisions(decisions, '2026-10-14').map((d) => d.auditId)).toEqual(['1']);
    expect(latestDecisions(decisions, '2026-08-31')).toEqual([]);
  });

  it('should read the decision and rationale from the audit record, and ignore other records', () => {
    expect(decisionOf(recorded('9', A, 'pause', '2026-09-01T00:00:00Z'))).toMatchObject({ decision: 'pause', rationale: 'why 9', decidedBy: 'chair' });
    expect(decisionOf({ ...recorded('9', A, 'pause', '2026-09-01T00:00:00Z'), changes: [] })).toBeNull();
  });
});

describe(endOfLocalDay.name, () => {
  it("should end the user's day at their midnight, not UTC's", () => {
    const end = new Date(endOfLocalDay('2026-09-30'));
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([2026, 8, 30, 23, 59]);
    expect(new Date(end.getTime() + 1).getDate()).toBe(1);
  });
});
