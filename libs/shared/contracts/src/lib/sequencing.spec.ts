import { computePlanSchema, freezeWindowsSchema, planOverrideInputSchema, planOverrideViewSchema, rolloutSchema, rolloutViewSchema, scenarioChangeSchema } from './sequencing';

const wave = (dates: Record<string, string>) => ({ key: 'w1', name: 'First', durationWeeks: 2, ...dates });
const initiativeId = '7f1c2a58-3c4e-4f55-9a0c-2d9b8f6d1e01';

describe('sequencing input dates', () => {
  it('should refuse dates a plan would have to work through week by week, centuries away', () => {
    expect(rolloutSchema.safeParse({ waves: [wave({ earliestStart: '9999-12-27' })] }).success).toBe(false);
    expect(rolloutSchema.safeParse({ waves: [wave({ deadline: '1066-10-14' })] }).success).toBe(false);
    expect(planOverrideInputSchema.safeParse({ kind: 'pin', initiativeId, wave: 'w1', start: '9999-12-27', reason: 'launch' }).success).toBe(false);
    expect(computePlanSchema.safeParse({ startDate: '1900-01-01' }).success).toBe(false);
    expect(freezeWindowsSchema.safeParse({ windows: [{ from: '2027-01-04', to: '9999-12-31' }] }).success).toBe(false);
    expect(scenarioChangeSchema.safeParse({ kind: 'capacity', pool: 'deploy', capacityPerWeek: 1, to: '9999-12-31' }).success).toBe(false);
  });

  it('should accept dates within the planning range, and read back any date stored before it was bounded', () => {
    expect(rolloutSchema.safeParse({ waves: [wave({ earliestStart: '2099-12-28', deadline: '2000-01-03' })] }).success).toBe(true);
    expect(planOverrideInputSchema.safeParse({ kind: 'pin', initiativeId, wave: 'w1', start: '2027-02-01', reason: 'launch' }).success).toBe(true);
    const stored = { initiativeId, version: 1, updatedAt: '2026-11-30T00:00:00.000Z', updatedBy: 'pmo', value: '0', waves: [wave({ earliestStart: '9999-12-27' })] };
    expect(rolloutViewSchema.safeParse(stored).success).toBe(true);
    const pin = { kind: 'pin', initiativeId, wave: 'w1', start: '9999-12-27', reason: 'launch' };
    expect(planOverrideViewSchema.safeParse({ id: initiativeId, override: pin, createdBy: 'pmo', createdAt: 'x', revokedBy: null, revokedAt: null, revokeReason: null }).success).toBe(true);
  });
});

describe('scenarioChangeSchema', () => {
  it('should refuse a capacity change whose weeks run backwards, which would change no week', () => {
    const change = (from: string, to: string) => scenarioChangeSchema.safeParse({ kind: 'capacity', pool: 'platform', capacityPerWeek: 0, from, to });
    const backwards = change('2027-06-01', '2027-01-01');
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues[0]).toMatchObject({ path: ['to'], message: 'from must not be after to' });
    expect(change('2027-01-01', '2027-01-01').success).toBe(true);
    expect(scenarioChangeSchema.safeParse({ kind: 'capacity', pool: 'platform', capacityPerWeek: 0, to: '2027-01-01' }).success).toBe(true);
  });
});
