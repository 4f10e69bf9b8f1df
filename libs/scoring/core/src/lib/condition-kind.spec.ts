import { conditionKind } from './condition-kind';

describe(conditionKind.name, () => {
  it('should count conditions that differ only in the figures and dates they report as one', () => {
    const same = (conditions: string[]) => expect(new Set(conditions.map(conditionKind)).size).toBe(1);
    same(['record actual costs for 2026-10 (latest recorded: 2026-08)', 'record actual costs for 2026-10 (latest recorded: none)', 'record actual costs for 2026-11 (latest recorded: 2026-09)']);
    same(['raise economics readiness to 70: now 50', 'raise economics readiness to 70: now 33']);
    same(['attribute at least 80 % of spend from reliable sources (now 62 %)', 'attribute at least 80 % of spend from reliable sources (now 79.6 %)']);
    same(['lose no capacity contest in the rollout plan (now 2 of 3 lost, 1 week(s) later, in rollout plan v3)', 'lose no capacity contest in the rollout plan (now 1 of 1 lost, 6 week(s) later, in rollout plan v9)']);
    same([
      'keep every deployment gate holding until 2026-12-01T00:00:00.000Z (held since 2026-11-17T00:00:00.000Z)',
      'keep every deployment gate holding until 2026-12-03T10:00:00.000Z (held since 2026-11-19T10:00:00.000Z)',
    ]);
    same([
      'keep spend within budget: compute spend in 2026-10 at 120 % of its budget weighs on cost visibility until 2027-01-01',
      'keep spend within budget: compute spend in 2026-09 at 100.4 % of its budget weighs on cost visibility until 2026-12-01',
    ]);
  });

  it('should keep conditions that ask for different things apart', () => {
    const kinds = new Set(['assign a risk_owner', 'assign an accountable_owner', 'raise economics readiness to 70: now 50', 'raise ownership readiness to 70: now 50', 'attribute at least 50 % of spend from reliable sources (now 40 %)', 'attribute at least 80 % of spend from reliable sources (now 62 %)'].map(conditionKind));
    expect(kinds.size).toBe(6);
  });
});
