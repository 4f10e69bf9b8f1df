import { violationsOf } from './feasibility';
import type { Activity, Problem } from './problem';
import { InvalidProblemError, solve } from './solve';

const activity = (id: string, duration: number, demand: number[] = [], extra: Partial<Activity> = {}): Activity => ({
  id,
  duration,
  demand,
  release: 0,
  weight: 1,
  ...extra,
});

const problem = (parts: Partial<Problem> & Pick<Problem, 'activities'>): Problem => ({
  horizon: 20,
  resources: [],
  precedences: [],
  objective: 'makespan',
  ...parts,
});

function solved(p: Problem, maxSchedules = 500): number[] {
  const solution = solve(p, { maxSchedules });
  expect(violationsOf(p, solution.starts)).toEqual([]);
  return solution.starts;
}

describe('solve', () => {
  it('keeps each period within capacity', () => {
    const p = problem({ resources: [{ id: 'r', capacity: [3] }], activities: [activity('a', 2, [2]), activity('b', 3, [2]), activity('c', 1, [1])] });
    const solution = solve(p, { maxSchedules: 200 });
    expect(violationsOf(p, solution.starts)).toEqual([]);
    expect(solution.makespan).toBe(5);
  });

  it('honours releases and lags, including negative (start-to-start) lags', () => {
    const p = problem({
      activities: [activity('a', 4, [], { release: 2 }), activity('b', 1), activity('c', 2)],
      precedences: [
        { before: 0, after: 1, lag: 3 },
        { before: 0, after: 2, lag: -4 },
      ],
    });
    expect(solved(p)).toEqual([2, 9, 2]);
  });

  it('keeps activities out of their blackout windows', () => {
    const p = problem({ activities: [activity('a', 3, [], { blackouts: [[2, 4], [5, 6]] })] });
    expect(solved(p)).toEqual([6]);
  });

  it('keeps spending within each budget period, and spends freely past the last limit', () => {
    const costly = (id: string) => activity(id, 2, [], { costPerPeriod: 10 });
    const p = problem({ activities: [costly('a'), costly('b'), costly('c')], budget: { periodLength: 4, limits: [40, 0] } });
    const starts = solved(p);
    // Budget period 0 affords two of the three, period 1 none; period 2 has no limit.
    expect(Math.max(...starts)).toBe(8);
  });

  it('follows time-varying capacity, the last entry holding from there on', () => {
    const p = problem({
      resources: [{ id: 'r', capacity: [0, 0, 2, 2, 1] }],
      activities: [activity('a', 4, [1]), activity('b', 4, [1])],
    });
    const solution = solve(p, { maxSchedules: 200 });
    expect(violationsOf(p, solution.starts)).toEqual([]);
    // Both start at 2 only while capacity is 2; from period 4 on one unit remains, so one waits.
    expect(solution.makespan).toBe(10);
  });

  it('schedules milestones (zero duration) at their earliest time, blackouts notwithstanding', () => {
    const p = problem({ activities: [activity('start', 0), activity('work', 3), activity('end', 0, [], { blackouts: [[0, 10]] })], precedences: [{ before: 0, after: 1 }, { before: 1, after: 2 }] });
    expect(solved(p)).toEqual([0, 0, 3]);
  });

  it('puts the heavier activity first under the weighted objective and meets deadlines', () => {
    const p = problem({
      objective: 'weighted',
      tardinessPenalty: 100,
      resources: [{ id: 'r', capacity: [1] }],
      activities: [activity('light', 2, [1], { weight: 1 }), activity('heavy', 2, [1], { weight: 5 }), activity('due', 3, [1], { weight: 1, deadline: 3 })],
    });
    const solution = solve(p, { maxSchedules: 300 });
    expect(violationsOf(p, solution.starts)).toEqual([]);
    expect(solution.starts).toEqual([5, 3, 0]);
    expect(solution.objective).toBe(1 * 7 + 5 * 5 + 1 * 3);
  });

  it('is deterministic for a seed and schedule budget', () => {
    const activities = Array.from({ length: 25 }, (_, i) => activity(`a${i}`, 1 + ((i * 7) % 5), [(i * 3) % 4, (i * 5) % 3]));
    const p = problem({
      resources: [
        { id: 'r1', capacity: [4, 3, 5] },
        { id: 'r2', capacity: [3] },
      ],
      activities,
      precedences: activities.slice(1).map((_, i) => ({ before: (i * 13) % (i + 1), after: i + 1 })),
    });
    const first = solve(p, { seed: 7, maxSchedules: 800 });
    const again = solve(p, { seed: 7, maxSchedules: 800 });
    expect(again.starts).toEqual(first.starts);
    expect(again.stats.schedules).toBe(first.stats.schedules);
    expect(violationsOf(p, first.starts)).toEqual([]);
  });

  it('stops at a proven lower bound', () => {
    const p = problem({ activities: [activity('a', 3), activity('b', 2)], precedences: [{ before: 0, after: 1 }] });
    const solution = solve(p, { maxSchedules: 10_000 });
    expect(solution.makespan).toBe(5);
    expect(solution.stats).toMatchObject({ stoppedBy: 'lower-bound', lowerBound: 5 });
    expect(solution.stats.schedules).toBeLessThan(10);
  });

  it('spends 5000 schedules when given no limit, and reports each improvement', () => {
    const activities = Array.from({ length: 12 }, (_, i) => activity(`a${i}`, 2 + (i % 3), [1 + (i % 2)]));
    const p = problem({ resources: [{ id: 'r', capacity: [2] }], activities, precedences: [{ before: 0, after: 5, lag: 3 }] });
    const seen: number[] = [];
    const solution = solve(p, { onProgress: ({ objective }) => seen.push(objective) });
    expect(solution.stats.schedules).toBeLessThanOrEqual(5000);
    expect(['schedules', 'lower-bound']).toContain(solution.stats.stoppedBy);
    expect(seen.at(-1)).toBe(solution.objective);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('stops at the time limit', () => {
    // One at a time, so the plan can never reach the bound of everything finishing at once.
    const activities = Array.from({ length: 300 }, (_, i) => activity(`a${i}`, 1 + (i % 7), [1], { weight: 1 + (i % 5) }));
    const p = problem({ objective: 'weighted', resources: [{ id: 'r', capacity: [1] }], activities });
    const solution = solve(p, { timeLimitMs: 100 });
    expect(solution.stats.stoppedBy).toBe('time');
    expect(solution.stats.elapsedMs).toBeLessThan(2000);
    expect(violationsOf(p, solution.starts)).toEqual([]);
  });

  it('rejects malformed problems with every issue', () => {
    const p = problem({
      resources: [{ id: 'r', capacity: [5, 2] }],
      activities: [activity('a', -1), activity('b', 2, [1.5]), activity('c', 2, [3]), activity('d', 1), activity('e', 1, [], { costPerPeriod: 2.5 })],
      budget: { periodLength: 4, limits: [10, -1] },
      precedences: [
        { before: 0, after: 9 },
        { before: 3, after: 4 },
        { before: 4, after: 3 },
      ],
    });
    let error: unknown;
    try {
      solve(p);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidProblemError);
    const issues = (error as InvalidProblemError).issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringContaining('activity a: duration'),
        expect.stringContaining('activity b: demand'),
        expect.stringContaining('activity c needs 3 of r'),
        expect.stringContaining('unknown activity'),
        expect.stringContaining('activity e: costPerPeriod'),
        expect.stringContaining('budget limit of period 1'),
      ]),
    );
  });

  it('plans an empty problem', () => {
    expect(solve(problem({ activities: [] }))).toMatchObject({ starts: [], objective: 0, makespan: 0, stats: { stoppedBy: 'lower-bound' } });
  });

  it('names the activities of a precedence cycle', () => {
    const p = problem({
      activities: [activity('a', 1), activity('b', 1), activity('c', 1)],
      precedences: [
        { before: 0, after: 1 },
        { before: 1, after: 2 },
        { before: 2, after: 1 },
      ],
    });
    expect(() => solve(p)).toThrow(/precedence cycle: (b → c → b|c → b → c)/);
  });
});

describe('violationsOf (the referee)', () => {
  it('names each constraint a schedule breaks, right at its edge', () => {
    const p = problem({
      resources: [{ id: 'r', capacity: [2] }],
      activities: [activity('a', 2, [2], { release: 3 }), activity('b', 1, [1], { blackouts: [[3, 4]] }), activity('c', 1, [], { costPerPeriod: 5 })],
      precedences: [{ before: 0, after: 2, lag: 1 }],
      budget: { periodLength: 10, limits: [4] },
    });
    // a one period before its release; b in its blackout, and beside a past capacity; c one period before a's end plus its lag.
    expect(violationsOf(p, [2, 3, 4])).toEqual([
      { kind: 'release', activity: 'a', start: 2, release: 3 },
      { kind: 'blackout', activity: 'b', period: 3 },
      { kind: 'precedence', before: 'a', after: 'c', earliest: 5, start: 4 },
      { kind: 'capacity', resource: 'r', period: 3, used: 3, capacity: 2 },
      { kind: 'budget', budgetPeriod: 0, spent: 5, limit: 4 },
    ]);
    expect(violationsOf(p, [3, 5, 6])).toEqual([{ kind: 'budget', budgetPeriod: 0, spent: 5, limit: 4 }]);
  });
});
