import type { RolloutView } from '@capstan/contracts';
import { newWave, toDraft, toInput } from './rollout-draft';

const described = {
  initiativeId: '00000000-0000-4000-8000-000000000001',
  value: '900000.00',
  version: 3,
  updatedAt: '2026-12-02T10:00:00Z',
  updatedBy: 'pat',
  progress: [],
  waves: [
    {
      key: 'w1',
      name: 'Pilot teams',
      businessUnit: 'Retail',
      durationWeeks: 4,
      earliestStart: null,
      deadline: '2027-06-28',
      costPerWeek: '1200.00',
      demand: { platform: 2, data: 1 },
      withinControlledScope: true,
      after: [{ initiativeId: null, wave: 'w0', lagWeeks: 1 }],
    },
  ],
} as RolloutView;

describe('rollout draft', () => {
  it('should give back the rollout it was made from, unedited fields kept', () => {
    const draft = toDraft(described);
    expect(draft.waves[0].demand).toBe('platform: 2, data: 1');
    expect(toInput(draft)).toEqual({ input: { value: '900000.00', waves: [{ ...described.waves[0] }] } });
  });

  it('should read demand as "pool: units" pairs and empty dates as none, and say what it cannot read', () => {
    const draft = { value: '', waves: [{ ...newWave(1), name: 'First', demand: 'platform:3,  ml-ops : 1', earliestStart: '2027-01-04' }] };
    expect(toInput(draft)).toEqual({
      input: { value: '0', waves: [{ key: 'w1', name: 'First', durationWeeks: 4, demand: { platform: 3, 'ml-ops': 1 }, earliestStart: '2027-01-04', deadline: null, withinControlledScope: false, costPerWeek: '0', after: [] }] },
    });
    expect(toInput({ value: '1', waves: [{ ...newWave(2), demand: 'platform two', durationWeeks: 0 }] })).toEqual({
      errors: ['Wave 1 (w2): demand "platform two" is not "pool: units", such as "platform: 2"', 'Wave 1 (w2): weeks must be a whole number, at least 1'],
    });
  });

  it('should start a rollout not described yet with one wave to fill in', () => {
    expect(toDraft(null).waves.map((w) => w.key)).toEqual(['w1']);
  });
});
