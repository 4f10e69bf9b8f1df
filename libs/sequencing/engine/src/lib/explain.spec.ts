import { analyseContests } from './contests';
import { explainDelays } from './explain';
import type { Problem } from './problem';

/**
 * Pool Q (capacity 1): Z holds it weeks 0–2, so A runs 3–4. B follows A and needs pool P (capacity 1), which C,
 * of another business unit, holds weeks 0–3. B starts week 5, the moment A lets it: P was never its problem.
 */
const problem: Problem = {
  horizon: 20,
  objective: 'weighted',
  resources: [
    { id: 'Q', capacity: [1] },
    { id: 'P', capacity: [1] },
  ],
  activities: [
    { id: 'Z', duration: 3, demand: [1, 0], release: 0, weight: 9 },
    { id: 'A', duration: 2, demand: [1, 0], release: 0, weight: 1 },
    { id: 'B', duration: 1, demand: [0, 1], release: 0, weight: 1 },
    { id: 'C', duration: 4, demand: [0, 1], release: 0, weight: 1 },
  ],
  precedences: [{ before: 1, after: 2 }],
};
const starts = [0, 3, 5, 0];
const groups = ['Claims', 'Claims', 'Claims', 'Retail'];

describe('explainDelays', () => {
  it('should blame the dependency alone for the weeks it held a wave, not a pool busy in weeks the wave could never have had', () => {
    const byActivity = new Map(explainDelays(problem, starts).map((delay) => [delay.activity, delay.reasons]));
    expect(byActivity.get(2)).toEqual([{ kind: 'dependency', before: 1, readyAt: 5 }]);
    expect(byActivity.get(1)).toEqual([{ kind: 'capacity', resource: 0, periods: [0, 1, 2], holders: [0] }]);
  });

  it('should still name the pool when it held a wave past its dependency', () => {
    // B now waits until week 6 for P: C holds it 5–5 in this schedule (moved), beyond A's finish.
    const later = [0, 3, 6, 2];
    const reasons = explainDelays(problem, later).find((delay) => delay.activity === 2)?.reasons;
    expect(reasons).toEqual([
      { kind: 'dependency', before: 1, readyAt: 5 },
      { kind: 'capacity', resource: 1, periods: [5], holders: [3] },
    ]);
  });

  it('should not count weeks a freeze ruled out against a pool', () => {
    const frozen: Problem = { ...problem, activities: problem.activities.map((a, i) => (i === 2 ? { ...a, blackouts: [[5, 6]] as const } : a)) };
    const reasons = explainDelays(frozen, [0, 3, 6, 2]).find((delay) => delay.activity === 2)?.reasons;
    expect(reasons).toEqual([
      { kind: 'dependency', before: 1, readyAt: 5 },
      { kind: 'blackout', from: 5, to: 6 },
    ]);
  });
});

describe('analyseContests', () => {
  it('should see no contest for weeks a wave could not have started in', () => {
    // B wants P from week 5 (A's finish), when C has long let it go: no business units contest it.
    expect(analyseContests(problem, starts, groups, (week) => Math.floor(week / 13)).contests).toEqual([]);
  });
});
