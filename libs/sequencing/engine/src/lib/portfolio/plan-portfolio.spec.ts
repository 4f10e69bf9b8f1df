import { violationsOf } from '../feasibility';
import { buildProblem, dependencyCycles, minorUnits } from './build-problem';
import { diffPlans } from './diff-plans';
import { planPortfolio, type PortfolioPlan } from './plan-portfolio';
import { applyScenario, hypotheticalChanges } from './scenario';
import type { PortfolioSnapshot, SnapshotInitiative, SnapshotWave } from './snapshot';

const START = '2027-01-04';

function wave(key: string, overrides: Partial<SnapshotWave> = {}): SnapshotWave {
  return {
    key,
    name: key,
    businessUnit: 'Retail',
    durationWeeks: 2,
    earliestStart: null,
    deadline: null,
    costPerWeek: '0',
    demand: { deploy: 1 },
    withinControlledScope: true,
    after: [],
    ...overrides,
  };
}

function initiative(key: string, overrides: Partial<SnapshotInitiative> = {}): SnapshotInitiative {
  return { id: `id-${key}`, key, name: key, businessUnit: 'Retail', posture: 'authorize_deployment', value: '100', waves: [wave('w1')], ...overrides };
}

function snapshot(overrides: Partial<PortfolioSnapshot> = {}): PortfolioSnapshot {
  return {
    startDate: START,
    horizonWeeks: 52,
    initiatives: [],
    pools: [{ id: 'deploy', name: 'Deployment', capacityPerWeek: 1, adjustments: [] }],
    freezeWindows: [],
    budgetLimits: [],
    dependencies: [],
    overrides: [],
    ...overrides,
  };
}

const startOf = (plan: PortfolioPlan, key: string, w = 'w1') => plan.waves.find((x) => x.initiativeKey === key && x.wave === w)?.start;

describe(planPortfolio.name, () => {
  it('should schedule by posture: pause and unscored held, controlled only within scope, successors of held waves held', () => {
    const plan = planPortfolio(
      snapshot({
        initiatives: [
          initiative('A', { posture: 'pause' }),
          initiative('B', { posture: null }),
          initiative('C', { posture: 'controlled_investment', waves: [wave('w1'), wave('w2', { withinControlledScope: false }), wave('w3', { after: [{ initiativeId: null, wave: 'w2', lagWeeks: 0 }] })] }),
        ],
      }),
    );
    expect(plan.waves.map((w) => `${w.initiativeKey} ${w.wave}`)).toEqual(['C w1']);
    expect(plan.held).toEqual([
      expect.objectContaining({ initiativeKey: 'A', waves: [{ wave: 'w1', reason: 'posture is pause' }] }),
      expect.objectContaining({ initiativeKey: 'B', waves: [{ wave: 'w1', reason: 'not yet scored' }] }),
      expect.objectContaining({
        initiativeKey: 'C',
        waves: [
          { wave: 'w2', reason: 'outside the controlled-investment scope; needs authorize_deployment' },
          { wave: 'w3', reason: 'waits for C w2, which is not scheduled' },
        ],
      }),
    ]);
  });

  it('should take the committee scope envelope, when recorded, as the controlled-investment scope', () => {
    const plan = planPortfolio(
      snapshot({
        initiatives: [
          initiative('C', {
            posture: 'controlled_investment',
            scopeUnits: ['Retail'],
            waves: [wave('w1', { withinControlledScope: false }), wave('w2', { businessUnit: 'Claims', withinControlledScope: true })],
          }),
        ],
      }),
    );
    expect(plan.waves.map((w) => w.wave)).toEqual(['w1']);
    expect(plan.held[0].waves).toEqual([{ wave: 'w2', reason: 'Claims is outside the scope envelope (Retail); needs authorize_deployment' }]);
  });

  it('should give a contested pool to the higher priority and explain the delay and the contest', () => {
    const plan = planPortfolio(
      snapshot({
        initiatives: [initiative('HIGH', { value: '1000' }), initiative('LOW', { value: '10', businessUnit: 'Claims', waves: [wave('w1', { businessUnit: 'Claims' })] })],
      }),
    );
    expect(startOf(plan, 'HIGH')).toBe(START);
    expect(startOf(plan, 'LOW')).toBe('2027-01-18');
    const low = plan.waves.find((w) => w.initiativeKey === 'LOW')!;
    expect(low.delayWeeks).toBe(2);
    expect(low.reasons).toEqual([expect.objectContaining({ kind: 'capacity', pool: 'deploy', weeks: [{ from: START, to: '2027-01-17' }] })]);
    expect(low.reasons[0].text).toBe('deploy is fully used 2027-01-04–2027-01-17 by HIGH w1 (Retail, priority 100)');
    expect(plan.contests).toHaveLength(1);
    expect(plan.contests[0].competitors.map((c) => [c.initiativeKey, c.outcome])).toEqual([
      ['HIGH', 'won'],
      ['LOW', 'lost'],
    ]);
    expect(plan.fairness.map((f) => [f.businessUnit, f.demandShare, f.capacityShare])).toEqual([
      ['Claims', 0.5, 0],
      ['Retail', 0.5, 1],
    ]);
  });

  it('should report fairness by calendar quarter, as budgets have them, from a plan starting mid-quarter', () => {
    // From Monday 2027-03-22: two contested weeks in March (Q1), then the contest goes on into April (Q2).
    const plan = planPortfolio(
      snapshot({
        startDate: '2027-03-22',
        initiatives: [
          initiative('HIGH', { value: '1000', waves: [wave('w1', { durationWeeks: 4 })] }),
          initiative('LOW', { value: '10', businessUnit: 'Claims', waves: [wave('w1', { businessUnit: 'Claims', durationWeeks: 4 })] }),
        ],
      }),
    );
    expect(plan.fairness.find((f) => f.businessUnit === 'Claims')?.byQuarter.map((q) => q.quarter)).toEqual(['2027-Q1', '2027-Q2']);
  });

  it('should keep a wave out of its business unit freeze and say so', () => {
    const plan = planPortfolio(
      snapshot({
        initiatives: [initiative('A')],
        freezeWindows: [{ businessUnit: 'Retail', from: '2027-01-06', to: '2027-01-20', reason: 'year-end close' }],
      }),
    );
    const a = plan.waves[0];
    expect(a.start).toBe('2027-01-25');
    expect(a.reasons).toEqual([expect.objectContaining({ kind: 'freeze', text: 'change freeze 2027-01-04–2027-01-24' })]);
  });

  it("should leave a wave alone during another business unit's freeze", () => {
    const plan = planPortfolio(snapshot({ initiatives: [initiative('A')], freezeWindows: [{ businessUnit: 'Claims', from: '2027-01-04', to: '2027-01-20', reason: 'claims migration' }] }));
    expect(startOf(plan, 'A')).toBe(START);
  });

  it('should warn of freeze windows ahead whose business unit no wave is in, naming the unit a case apart', () => {
    const freezeWindows = [
      { businessUnit: 'retail', from: '2027-01-04', to: '2027-01-20', reason: 'year-end close' },
      { businessUnit: 'Claims', from: '2027-02-01', to: '2027-02-07', reason: '' },
      { businessUnit: 'Legal', from: '2026-12-01', to: '2026-12-20', reason: 'gone by' },
      { businessUnit: 'Retail', from: '2027-03-01', to: '2027-03-07', reason: 'matched' },
    ];
    const plan = planPortfolio(snapshot({ initiatives: [initiative('A')], freezeWindows }));
    // Exact units: "retail" freezes nothing of Retail's.
    expect(startOf(plan, 'A')).toBe(START);
    expect(plan.warnings).toEqual([
      'The freeze windows of business unit "retail" (2027-01-04–2027-01-20 year-end close) apply to no wave: no rollout wave is in "retail"; units are matched exactly — the waves\' unit is "Retail"',
      'The freeze windows of business unit "Claims" (2027-02-01–2027-02-07) apply to no wave: no rollout wave is in "Claims"',
    ]);
  });

  it('should lower a pool for every week of an adjustment, its last week included', () => {
    const pools = [{ id: 'deploy', name: 'Deployment', capacityPerWeek: 1, adjustments: [{ from: '2027-01-04', to: '2027-01-11', capacity: 0, reason: 'team offsite' }] }];
    expect(startOf(planPortfolio(snapshot({ initiatives: [initiative('A')], pools })), 'A')).toBe('2027-01-18');
  });

  it('should respect the quarterly rollout budget and name who took it', () => {
    const costly = (key: string, value: string) => initiative(key, { value, waves: [wave('w1', { costPerWeek: '600.00', demand: {} })] });
    const plan = planPortfolio(snapshot({ initiatives: [costly('A', '100'), costly('B', '50')], budgetLimits: [{ quarter: '2027-Q1', amount: '2000.00' }] }));
    const { problem } = buildProblem(snapshot({ initiatives: [costly('A', '100'), costly('B', '50')], budgetLimits: [{ quarter: '2027-Q1', amount: '2000.00' }] }));
    expect(violationsOf(problem, plan.waves.map((w) => w.startWeek))).toEqual([]);
    const b = plan.waves.find((w) => w.initiativeKey === 'B')!;
    expect(b.startWeek).toBeGreaterThanOrEqual(12);
    expect(b.reasons[0]).toMatchObject({ kind: 'budget', text: expect.stringContaining('2027-Q1 is taken by A w1') });
  });

  it('should honour PMO overrides: a priority, a pin and a fixed order', () => {
    const base = snapshot({ initiatives: [initiative('A', { value: '1000' }), initiative('B', { value: '10' })] });
    expect(startOf(planPortfolio(base), 'A')).toBe(START);
    const prioritised = planPortfolio({ ...base, overrides: [{ id: 'o1', kind: 'priority', initiativeId: 'id-A', priority: 1, reason: 'vendor not ready' }] });
    expect(startOf(prioritised, 'B')).toBe(START);
    expect(prioritised.waves.find((w) => w.initiativeKey === 'A')).toMatchObject({ priority: 1, prioritySource: 'override' });
    const pinned = planPortfolio({ ...base, overrides: [{ id: 'o2', kind: 'pin', initiativeId: 'id-A', wave: 'w1', start: '2027-02-01', reason: 'launch event' }] });
    expect(startOf(pinned, 'A')).toBe('2027-02-01');
    expect(pinned.warnings).toEqual([]);
    const ordered = planPortfolio({ ...base, overrides: [{ id: 'o3', kind: 'order', first: 'id-B', then: 'id-A', reason: 'shared vendor' }] });
    expect(startOf(ordered, 'B')).toBe(START);
  });

  it('should name a pinned holder as pinned, not by the priority it outranks', () => {
    // B (value 1000) would go first; A (value 10, another unit) is pinned to the first week.
    const plan = planPortfolio(
      snapshot({
        initiatives: [initiative('A', { value: '10', businessUnit: 'Claims', waves: [wave('w1', { businessUnit: 'Claims' })] }), initiative('B', { value: '1000' })],
        overrides: [{ id: 'o1', kind: 'pin', initiativeId: 'id-A', wave: 'w1', start: START, reason: 'launch event' }],
      }),
    );
    const b = plan.waves.find((w) => w.initiativeKey === 'B');
    expect(b?.reasons[0].text).toMatch(/by A w1 \(Claims, pinned to its week; priority \d+\)$/);
    expect(b?.reasons[0].heldBy?.[0]).toMatchObject({ initiativeKey: 'A', pinned: true });
    const [contest] = plan.contests;
    const verdicts = Object.fromEntries(contest.competitors.map((c) => [c.initiativeKey, c.why]));
    expect(verdicts['A']).toMatch(/^pinned to its week by PMO/);
    expect(verdicts['B']).toBe('delayed 2 week(s): deploy is held by A w1, pinned to its week by PMO');
  });

  it('should warn of a wave that runs past the horizon, where capacity changes and budgets no longer hold', () => {
    const plan = planPortfolio(snapshot({ horizonWeeks: 3, initiatives: [initiative('A', { value: '1000' }), initiative('B')] }));
    expect(plan.warnings).toEqual([
      "B w1 runs past the plan's horizon (2027-01-24), where capacity changes and rollout budgets are not applied: lengthen the horizon to plan it fully",
    ]);
  });

  it('should go on with waves the published plan started, from week 0 with the weeks left, and leave finished ones out', () => {
    const plan = planPortfolio(
      snapshot({
        initiatives: [
          // Started two weeks before this plan, four weeks long: two left, and it keeps the pool before B.
          initiative('A', { value: '10', waves: [wave('w1', { durationWeeks: 4 })] }),
          initiative('B', { value: '1000', businessUnit: 'Claims', waves: [wave('w1', { businessUnit: 'Claims' })] }),
          // w1 ran two weeks from five weeks back: finished; w2, which follows it, is free to start.
          initiative('C', { waves: [wave('w1', { demand: {} }), wave('w2', { demand: {}, after: [{ initiativeId: null, wave: 'w1', lagWeeks: 0 }] })] }),
        ],
        underway: [
          { initiativeId: 'id-A', wave: 'w1', startedOn: '2026-12-21' },
          { initiativeId: 'id-C', wave: 'w1', startedOn: '2026-11-30' },
        ],
      }),
    );
    const a = plan.waves.find((w) => w.initiativeKey === 'A')!;
    expect([a.start, a.end, a.underwaySince, a.delayWeeks]).toEqual([START, '2027-01-17', '2026-12-21', 0]);
    expect(startOf(plan, 'B')).toBe('2027-01-18');
    expect(plan.waves.find((w) => w.initiativeKey === 'B')?.reasons[0].text).toMatch(/^deploy is fully used 2027-01-04–2027-01-17 by A w1 \(Retail, under way; priority \d+\)$/);
    expect(plan.waves.find((w) => w.initiativeKey === 'B')?.reasons[0]).toMatchObject({ heldBy: [expect.objectContaining({ initiativeKey: 'A', underway: true })] });
    expect(startOf(plan, 'C', 'w2')).toBe(START);
    expect(plan.held).toEqual([expect.objectContaining({ initiativeKey: 'C', waves: [{ wave: 'w1', reason: 'finished 2026-12-13, as the published plan had it', finished: true, startedOn: '2026-11-30', finishedOn: '2026-12-13' }] })]);
    expect(plan.contests[0]?.competitors.find((c) => c.initiativeKey === 'A')?.why).toBe('under way since 2026-12-21');
    // B lost to a wave already running, not to a higher priority: its priority is not the lever.
    expect(plan.contests[0]?.competitors.find((c) => c.initiativeKey === 'B')?.why).toBe('delayed 2 week(s): deploy is held by A w1, under way since 2026-12-21');
  });

  it('should take the progress PMO recorded over the published plan: a late start, an early finish, a wave running past its duration', () => {
    const plan = planPortfolio(
      snapshot({
        pools: [{ id: 'deploy', name: 'Deployment', capacityPerWeek: 5, adjustments: [] }],
        initiatives: [
          initiative('A', { waves: [wave('w1', { durationWeeks: 4 })] }),
          initiative('B', { waves: [wave('w1', { durationWeeks: 6 })] }),
          initiative('C', { waves: [wave('w1', { durationWeeks: 2 })] }),
          initiative('D', { waves: [wave('w1', { durationWeeks: 3 })] }),
        ],
        underway: [
          // Published to start 2026-12-07, begun on Wednesday 2026-12-23: two of its four weeks left (weeks count from Mondays).
          { initiativeId: 'id-A', wave: 'w1', startedOn: '2026-12-23', recorded: true },
          // Six weeks from 2026-12-14, done after three.
          { initiativeId: 'id-B', wave: 'w1', startedOn: '2026-12-14', finishedOn: '2026-12-31', recorded: true },
          // Two weeks from 2026-11-30 and not recorded as finished: still running, given this week.
          { initiativeId: 'id-C', wave: 'w1', startedOn: '2026-11-30', recorded: true },
          // The published plan alone: three weeks from 2026-12-28, one left.
          { initiativeId: 'id-D', wave: 'w1', startedOn: '2026-12-28' },
        ],
      }),
    );
    const dates = (key: string) => plan.waves.filter((w) => w.initiativeKey === key).map((w) => [w.start, w.end, w.underwaySince]);
    expect(dates('A')).toEqual([[START, '2027-01-17', '2026-12-23']]);
    expect(dates('B')).toEqual([]);
    expect(plan.held).toEqual([expect.objectContaining({ initiativeKey: 'B', waves: [{ wave: 'w1', reason: 'finished 2026-12-31, as recorded', finished: true, startedOn: '2026-12-14', finishedOn: '2026-12-31' }] })]);
    expect(dates('C')).toEqual([[START, '2027-01-10', '2026-11-30']]);
    expect(plan.warnings).toContain('C w1 was to take 2 week(s) from 2026-11-30 and is not recorded as finished: it is planned to finish by 2027-01-10');
    expect(dates('D')).toEqual([[START, '2027-01-17', '2026-12-28']]);
  });

  it('should keep a wave recorded as under way running when its initiative is held since, and say that it runs past its gate', () => {
    const plan = planPortfolio(
      snapshot({
        initiatives: [
          initiative('A', { posture: 'pause', waves: [wave('w1', { durationWeeks: 4 })] }),
          initiative('B', { value: '1000', waves: [wave('w1', { durationWeeks: 2 })] }),
          initiative('C', { posture: 'pause', waves: [wave('w1', { durationWeeks: 4 })] }),
        ],
        underway: [
          // Recorded by PMO: it runs, paused or not, and keeps the pool before B.
          { initiativeId: 'id-A', wave: 'w1', startedOn: '2026-12-23', recorded: true },
          // Only the published plan had it begun: held, and said so.
          { initiativeId: 'id-C', wave: 'w1', startedOn: '2026-12-21' },
        ],
      }),
    );
    expect(plan.waves.filter((w) => w.initiativeKey === 'A').map((w) => [w.start, w.underwaySince])).toEqual([[START, '2026-12-23']]);
    expect(startOf(plan, 'B')).toBe('2027-01-18');
    expect(plan.held).toEqual([expect.objectContaining({ initiativeKey: 'C', waves: [{ wave: 'w1', reason: 'posture is pause' }] })]);
    expect(plan.warnings).toEqual([
      'A w1 is under way since 2026-12-23 although posture is pause: the plan keeps the capacity it uses; stop it, or have the committee decide',
      'C w1 was to be under way since 2026-12-21 in the published plan, but is held: posture is pause; record its progress if it runs',
    ]);
  });

  it("should keep a held initiative's second wave running after its finished first, and say when a running wave cannot be planned", () => {
    const plan = planPortfolio(
      snapshot({
        pools: [{ id: 'deploy', name: 'Deployment', capacityPerWeek: 1, adjustments: [] }],
        initiatives: [
          initiative('A', { posture: 'pause', waves: [wave('w1', { durationWeeks: 1 }), wave('w2', { durationWeeks: 4, after: [{ initiativeId: null, wave: 'w1', lagWeeks: 0 }] })] }),
          initiative('B', { waves: [wave('w1', { durationWeeks: 2, demand: { gpu: 1 } })] }),
        ],
        underway: [
          { initiativeId: 'id-A', wave: 'w1', startedOn: '2026-12-07', finishedOn: '2026-12-13', recorded: true },
          { initiativeId: 'id-A', wave: 'w2', startedOn: '2026-12-23', recorded: true },
          { initiativeId: 'id-B', wave: 'w1', startedOn: '2026-12-28', recorded: true },
        ],
      }),
    );
    expect(plan.waves.map((w) => [w.initiativeKey, w.wave, w.underwaySince])).toEqual([['A', 'w2', '2026-12-23']]);
    expect(plan.held).toEqual([
      expect.objectContaining({ initiativeKey: 'A', waves: [expect.objectContaining({ wave: 'w1', finished: true })] }),
      expect.objectContaining({ initiativeKey: 'B', waves: [{ wave: 'w1', reason: 'needs pool "gpu", which is not defined' }] }),
    ]);
    expect(plan.warnings).toEqual([
      'A w2 is under way since 2026-12-23 although posture is pause: the plan keeps the capacity it uses; stop it, or have the committee decide',
      'B w1 is recorded as under way since 2026-12-28 but cannot be planned: it needs pool "gpu", which is not defined',
    ]);
  });

  it('should never move a wave under way: not for a pin on its pool, nor for a later quarter it overspends', () => {
    // U has 6 of its 8 weeks left, using 3 of the pool's 4; P is pinned to this week and needs 3 too.
    const pinned = planPortfolio(
      snapshot({
        pools: [{ id: 'deploy', name: 'Deployment', capacityPerWeek: 4, adjustments: [] }],
        initiatives: [initiative('U', { waves: [wave('w1', { durationWeeks: 8, demand: { deploy: 3 } })] }), initiative('P', { waves: [wave('w1', { demand: { deploy: 3 } })] })],
        underway: [{ initiativeId: 'id-U', wave: 'w1', startedOn: '2026-12-21', recorded: true }],
        overrides: [{ id: 'o1', kind: 'pin', initiativeId: 'id-P', wave: 'w1', start: START, reason: 'launch event' }],
      }),
    );
    expect([startOf(pinned, 'U'), startOf(pinned, 'P')]).toEqual([START, '2027-02-15']);
    expect(pinned.warnings).toEqual([`P w1 is pinned to ${START} but can only start 2027-02-15`]);

    // W has 16 weeks left at 10,000.00 a week: 3 of them in the second quarter, whose budget is 20,000.00.
    const overspent = planPortfolio(
      snapshot({
        initiatives: [initiative('W', { waves: [wave('w1', { durationWeeks: 20, costPerWeek: '10000.00' })] })],
        underway: [{ initiativeId: 'id-W', wave: 'w1', startedOn: '2026-12-07', recorded: true }],
        budgetLimits: [{ quarter: '2027-Q2', amount: '20000.00' }],
      }),
    );
    expect(overspent.waves.map((w) => [w.initiativeKey, w.start, w.end])).toEqual([['W', START, '2027-04-25']]);
    expect(overspent.warnings).toEqual(['The rollout budget of 2027-Q2 (20000.00) is overspent: 30000.00 for the waves under way; nothing else is planned in it']);
  });

  it('should explain a contest lost after waiting for a dependency by the contest, saying the wait first', () => {
    const plan = planPortfolio(
      snapshot({
        pools: [
          { id: 'deploy', name: 'Deployment', capacityPerWeek: 1, adjustments: [] },
          { id: 'platform', name: 'Platform', capacityPerWeek: 4, adjustments: [] },
        ],
        initiatives: [
          // Q is pinned on deployment, so P (and L after it) are a week late.
          initiative('Q', { value: '900', businessUnit: 'Ops', waves: [wave('w1', { durationWeeks: 1, businessUnit: 'Ops' })] }),
          initiative('P', { value: '10', businessUnit: 'Ops', waves: [wave('w1', { durationWeeks: 1, businessUnit: 'Ops' })] }),
          initiative('L', { value: '20', waves: [wave('w1', { demand: { platform: 3 } })] }),
          initiative('W', { value: '800', businessUnit: 'Claims', waves: [wave('w1', { businessUnit: 'Claims', earliestStart: '2027-01-18', demand: { platform: 3 } })] }),
        ],
        dependencies: [{ initiativeId: 'id-L', dependsOn: 'id-P' }],
        overrides: [{ id: 'o1', kind: 'pin', initiativeId: 'id-Q', wave: 'w1', start: START, reason: 'vendor window' }],
      }),
    );
    expect(['Q', 'P', 'W', 'L'].map((key) => startOf(plan, key))).toEqual([START, '2027-01-11', '2027-01-18', '2027-02-01']);
    const contest = plan.contests.find((c) => c.pool === 'platform');
    const loser = contest?.competitors.find((c) => c.initiativeKey === 'L');
    expect(loser).toMatchObject({ outcome: 'lost', delayWeeks: 3 });
    expect(loser?.why).toMatch(/^delayed 3 week\(s\) \(waits for P w1, ready 2027-01-18\): lower priority \(\d+\) than the waves holding platform \(up to \d+\)$/);
  });

  it('should not blame its priority for a contest a wave of higher priority lost to a much shorter one', () => {
    const plan = planPortfolio(
      snapshot({
        initiatives: [
          initiative('A', { value: '900', waves: [wave('w1', { durationWeeks: 10 })] }),
          initiative('B', { value: '500', businessUnit: 'Claims', waves: [wave('w1', { durationWeeks: 1, businessUnit: 'Claims' })] }),
        ],
      }),
    );
    expect(['B', 'A'].map((key) => startOf(plan, key))).toEqual([START, '2027-01-11']);
    const competitors = plan.contests.find((c) => c.pool === 'deploy')?.competitors ?? [];
    const [a, b] = ['A', 'B'].map((key) => competitors.find((c) => c.initiativeKey === key));
    expect(a!.priority).toBeGreaterThan(b!.priority);
    expect(a).toMatchObject({ outcome: 'lost', delayWeeks: 1 });
    expect(a?.why).toBe(`delayed 1 week(s): higher priority (${a!.priority}) than the waves holding deploy (up to ${b!.priority}), but they are shorter or protect a deadline or dependent waves; the plan delivers more weighted value this way`);
  });

  it('should keep a pool held by a wave under way for all its weeks, however far past the horizon they reach', () => {
    const plan = planPortfolio(
      snapshot({
        horizonWeeks: 13,
        initiatives: [initiative('W', { waves: [wave('w1', { durationWeeks: 104 })] }), initiative('X', { value: '900', businessUnit: 'Claims', waves: [wave('w1', { businessUnit: 'Claims' })] })],
        underway: [{ initiativeId: 'id-W', wave: 'w1', startedOn: '2026-12-07', recorded: true }],
      }),
    );
    const [w, x] = ['W', 'X'].map((key) => plan.waves.find((wave) => wave.initiativeKey === key));
    expect(w?.end).toBe('2028-12-03');
    expect(x?.start).toBe('2028-12-04');
  });

  it('should plan a wave needing more than a pool has now once a lasting raise gives it that, and hold it against a raise that ends', () => {
    const raised = (to: string) =>
      planPortfolio(
        snapshot({
          pools: [{ id: 'deploy', name: 'Deployment', capacityPerWeek: 2, adjustments: [{ from: '2027-04-05', to, capacity: 6, reason: 'new hires' }] }],
          initiatives: [initiative('A', { waves: [wave('w1', { demand: { deploy: 4 } })] })],
        }),
      );
    expect(startOf(raised('2030-12-31'), 'A')).toBe('2027-04-05');
    expect(raised('2027-06-27').held).toEqual([expect.objectContaining({ initiativeKey: 'A', waves: [{ wave: 'w1', reason: 'needs 4 units/week of deploy, more than its capacity of 2' }] })]);
  });

  it('should say a pin in a week gone by is overdue when its wave has not started, and not when it has', () => {
    const pinned = (underway: PortfolioSnapshot['underway']) =>
      planPortfolio(
        snapshot({
          initiatives: [initiative('A')],
          overrides: [{ id: 'o1', kind: 'pin', initiativeId: 'id-A', wave: 'w1', start: '2026-12-14', reason: 'launch event' }],
          underway,
        }),
      );
    const overdue = pinned([]);
    expect(startOf(overdue, 'A')).toBe(START);
    expect(overdue.warnings).toEqual([`The pin of A w1 to 2026-12-14 is in a week gone by and the wave has not started: it is planned from ${START} at the earliest`]);
    expect(pinned([{ initiativeId: 'id-A', wave: 'w1', startedOn: '2026-12-28', recorded: true }]).warnings).toEqual([]);
  });

  it('should blame a contest nobody could win on the pool cut, not on priorities', () => {
    const plan = planPortfolio(
      snapshot({
        pools: [{ id: 'deploy', name: 'Deployment', capacityPerWeek: 4, adjustments: [{ from: '2027-01-11', to: '2027-01-17', capacity: 0, reason: 'migration' }] }],
        initiatives: [initiative('A', { waves: [wave('w1', { durationWeeks: 3 })] }), initiative('B', { businessUnit: 'Claims', waves: [wave('w1', { durationWeeks: 3, businessUnit: 'Claims' })] })],
      }),
    );
    expect([startOf(plan, 'A'), startOf(plan, 'B')]).toEqual(['2027-01-18', '2027-01-18']);
    const [contest] = plan.contests;
    expect(contest).toMatchObject({ pool: 'deploy', from: '2027-01-11', to: '2027-01-17', capacity: 0 });
    for (const competitor of contest?.competitors ?? []) {
      expect(competitor).toMatchObject({ outcome: 'lost', delayWeeks: 2 });
      expect(competitor.why).not.toMatch(/priority/);
      expect(competitor.why).toMatch(/^delayed 2 week\(s\): deploy is .*0.*, less than the 1 this wave needs$/);
    }
  });

  it('should start what follows a finished wave after the week it finished in and the lag', () => {
    const following = (finishedOn: string, lagWeeks: number) =>
      planPortfolio(
        snapshot({
          initiatives: [initiative('A', { waves: [wave('w1'), wave('w2', { after: [{ initiativeId: null, wave: 'w1', lagWeeks }] })] })],
          underway: [{ initiativeId: 'id-A', wave: 'w1', startedOn: '2026-12-21', finishedOn, recorded: true }],
        }),
      );
    // Finished on the Wednesday of the plan's first week: the week after.
    expect(startOf(following('2027-01-06', 0), 'A', 'w2')).toBe('2027-01-11');
    // Finished the week before, with two weeks between: the third week.
    expect(startOf(following('2026-12-31', 2), 'A', 'w2')).toBe('2027-01-18');
    expect(startOf(following('2026-12-31', 0), 'A', 'w2')).toBe(START);
  });

  it('should plan waves under way that a later dependency puts in a cycle, rather than fail the plan', () => {
    const plan = planPortfolio(
      snapshot({
        pools: [{ id: 'deploy', name: 'Deployment', capacityPerWeek: 5, adjustments: [] }],
        initiatives: [initiative('A'), initiative('B')],
        dependencies: [
          { initiativeId: 'id-A', dependsOn: 'id-B' },
          { initiativeId: 'id-B', dependsOn: 'id-A' },
        ],
        underway: [
          { initiativeId: 'id-A', wave: 'w1', startedOn: '2026-12-23', recorded: true },
          { initiativeId: 'id-B', wave: 'w1', startedOn: '2026-12-23', recorded: true },
        ],
      }),
    );
    expect(plan.waves.map((w) => [w.initiativeKey, w.start, w.underwaySince])).toEqual([
      ['A', START, '2026-12-23'],
      ['B', START, '2026-12-23'],
    ]);
    expect(plan.warnings.filter((w) => w.startsWith('Dependency cycle'))).toEqual([expect.stringMatching(/its waves are all under way; remove one of its links/)]);
  });

  it('should not report a wave under way as moved, nor a finished one as removed, when the plan moves on', () => {
    const inputs = snapshot({
      startDate: '2026-12-21',
      pools: [{ id: 'deploy', name: 'Deployment', capacityPerWeek: 5, adjustments: [] }],
      initiatives: [initiative('A', { waves: [wave('w1', { durationWeeks: 4 })] }), initiative('C')],
    });
    const published = planPortfolio(inputs);
    // Two weeks on, as the service takes it up: what the published plan started by then.
    const underway = published.waves.filter((w) => w.start < START).map((w) => ({ initiativeId: w.initiativeId, wave: w.wave, startedOn: w.underwaySince ?? w.start }));
    const next = planPortfolio({ ...inputs, startDate: START, underway });
    expect(next.waves.map((w) => [w.initiativeKey, w.underwaySince])).toEqual([['A', '2026-12-21']]);
    expect(diffPlans(published, next)).toMatchObject({ moved: [], removed: [], added: [] });
  });

  it('should keep a wave finished through later published plans, and not plan it again', () => {
    const inputs = snapshot({
      startDate: '2026-12-21',
      pools: [{ id: 'deploy', name: 'Deployment', capacityPerWeek: 5, adjustments: [] }],
      initiatives: [initiative('A', { waves: [wave('w1', { durationWeeks: 2, costPerWeek: '100.00' })] })],
    });
    // What the service reads of a published plan: the waves it started, and those it lists as finished.
    const underwayOf = (plan: PortfolioPlan, before: string) => [
      ...plan.waves.filter((w) => w.start < before).map((w) => ({ initiativeId: w.initiativeId, wave: w.wave, startedOn: w.underwaySince ?? w.start })),
      ...plan.held.flatMap((h) => h.waves.filter((w) => w.finished && w.startedOn).map((w) => ({ initiativeId: h.initiativeId, wave: w.wave, startedOn: w.startedOn! }))),
    ];
    const first = planPortfolio(inputs);
    const second = planPortfolio({ ...inputs, startDate: START, underway: underwayOf(first, START) });
    expect(second.held[0]?.waves).toEqual([{ wave: 'w1', reason: 'finished 2027-01-03, as the published plan had it', finished: true, startedOn: '2026-12-21', finishedOn: '2027-01-03' }]);
    // Published in turn, the second plan still says the wave ran: a third neither plans it again nor forgets what it spent.
    const third = { ...inputs, startDate: '2027-01-18', budgetLimits: [{ quarter: '2027-Q1', amount: '1000.00' }], underway: underwayOf(second, '2027-01-18') };
    expect(planPortfolio(third).waves).toEqual([]);
    expect(buildProblem(third).spentBeforeStart).toBe(0);
    expect(buildProblem({ ...third, underway: [{ initiativeId: 'id-A', wave: 'w1', startedOn: '2027-01-04' }] }).spentBeforeStart).toBe(20_000);
  });

  it('should follow intake dependencies: the dependent starts after the other rollout first wave', () => {
    const plan = planPortfolio(
      snapshot({
        pools: [{ id: 'deploy', name: 'Deployment', capacityPerWeek: 5, adjustments: [] }],
        initiatives: [initiative('A'), initiative('B', { value: '1000' })],
        dependencies: [{ initiativeId: 'id-B', dependsOn: 'id-A' }],
      }),
    );
    // Its earliest possible start already counts the dependency: not a delay.
    expect(plan.waves.find((w) => w.initiativeKey === 'B')).toMatchObject({ start: '2027-01-18', earliestWeek: 2, delayWeeks: 0 });
    // When the other rollout is itself late, the dependency is the reason.
    const late = planPortfolio(
      snapshot({
        initiatives: [initiative('A', { value: '1' }), initiative('B', { waves: [wave('w1', { demand: {} })] }), initiative('C', { value: '500' })],
        dependencies: [{ initiativeId: 'id-B', dependsOn: 'id-A' }],
        overrides: [{ id: 'o1', kind: 'priority', initiativeId: 'id-B', priority: 1, reason: 'can wait' }],
      }),
    );
    expect(late.waves.find((w) => w.initiativeKey === 'B')?.reasons).toEqual([expect.objectContaining({ kind: 'dependency', text: 'waits for A w1, ready 2027-02-01' })]);
  });

  it('should describe a scenario by a diff that turns the base plan into the scenario plan', () => {
    const base = snapshot({
      initiatives: [initiative('A', { value: '1000' }), initiative('B', { value: '500', posture: 'pause' }), initiative('C', { value: '10', waves: [wave('w1', { durationWeeks: 3 })] })],
    });
    const before = planPortfolio(base);
    const changed = applyScenario(base, [
      { kind: 'authorize', initiativeId: 'id-B' },
      { kind: 'capacity', pool: 'deploy', capacityPerWeek: 2, from: '2027-01-18', to: '2027-03-01' },
    ]);
    const after = planPortfolio(changed);
    const diff = diffPlans(before, after);
    const applied = new Map(before.waves.map((w) => [`${w.initiativeKey} ${w.wave}`, w.start]));
    diff.moved.forEach((m) => applied.set(`${m.initiativeKey} ${m.wave}`, m.to));
    diff.added.forEach((m) => applied.set(`${m.initiativeKey} ${m.wave}`, m.start));
    diff.removed.forEach((m) => applied.delete(`${m.initiativeKey} ${m.wave}`));
    expect(applied).toEqual(new Map(after.waves.map((w) => [`${w.initiativeKey} ${w.wave}`, w.start])));
    expect(diff.added.map((w) => w.initiativeKey)).toEqual(['B']);
    expect(base.initiatives[1].posture).toBe('pause');
  });

  it('should refuse a scenario naming what is not there, and money with more than cents', () => {
    expect(() => applyScenario(snapshot(), [{ kind: 'pause', initiativeId: 'nope' }])).toThrow('no initiative nope');
    const invented = { id: 'id-X', key: 'X', name: 'X', businessUnit: 'Retail', value: '1', waves: [wave('w1', { demand: { nope: 1 } })] };
    expect(() => applyScenario(snapshot(), [{ kind: 'add', initiative: invented }])).toThrow('change 1: X w1 demands pool nope, which does not exist');
    expect(() => minorUnits('1.234')).toThrow(RangeError);
    expect(minorUnits('12500.50')).toBe(1_250_050);
  });
  describe('inputs it cannot honour as given', () => {
    const after = (initiativeId: string | null, w = 'w1') => [{ initiativeId, wave: w, lagWeeks: 0 }];

    it('should hold the waves of a dependency cycle with a warning, and plan the rest', () => {
      const plan = planPortfolio(
        snapshot({
          pools: [{ id: 'deploy', name: 'Deployment', capacityPerWeek: 5, adjustments: [] }],
          initiatives: [initiative('A', { waves: [wave('w1'), wave('w2', { after: after(null) })] }), initiative('B'), initiative('C')],
          dependencies: [
            { initiativeId: 'id-A', dependsOn: 'id-B' },
            { initiativeId: 'id-B', dependsOn: 'id-A' },
          ],
        }),
      );
      expect(plan.waves.map((w) => `${w.initiativeKey} ${w.wave}`)).toEqual(['C w1']);
      expect(plan.held.map((h) => h.waves)).toEqual([
        [
          { wave: 'w1', reason: 'in a dependency cycle: A w1 → B w1 → A w1' },
          { wave: 'w2', reason: 'waits for A w1, which is not scheduled' },
        ],
        [{ wave: 'w1', reason: 'in a dependency cycle: A w1 → B w1 → A w1' }],
      ]);
      expect(plan.warnings).toEqual(['Dependency cycle A w1 → B w1 → A w1: its waves are held until one of its links, dependencies or orders is removed']);
    });

    it('should name the cycles of wave links and orders by initiative and wave, whatever the postures', () => {
      const cyclic = snapshot({
        initiatives: [initiative('A', { posture: 'pause', waves: [wave('w1', { after: after('id-B') })] }), initiative('B'), initiative('C')],
        overrides: [
          { id: 'o1', kind: 'order', first: 'id-A', then: 'id-B', reason: 'x' },
          { id: 'o2', kind: 'order', first: 'id-C', then: 'id-C', reason: 'x' },
        ],
      });
      expect(dependencyCycles(cyclic)).toEqual([
        { waves: ['id-B/w1', 'id-A/w1'], text: 'B w1 → A w1 → B w1' },
        { waves: ['id-C/w1'], text: 'C w1 → C w1' },
      ]);
      expect(dependencyCycles(snapshot({ initiatives: [initiative('A', { waves: [wave('w1', { after: after('id-B') })] }), initiative('B')] }))).toEqual([]);
    });

    it('should warn about pins and intake dependencies it drops', () => {
      const plan = planPortfolio(
        snapshot({
          initiatives: [initiative('A'), initiative('P', { posture: 'pause' })],
          dependencies: [{ initiativeId: 'id-A', dependsOn: 'id-unplanned' }],
          overrides: [
            { id: 'o1', kind: 'pin', initiativeId: 'id-A', wave: 'w9', start: '2027-02-01', reason: 'launch' },
            { id: 'o2', kind: 'pin', initiativeId: 'id-P', wave: 'w1', start: '2027-02-01', reason: 'launch' },
          ],
        }),
      );
      expect(startOf(plan, 'A')).toBe(START);
      expect(plan.warnings).toEqual([
        'A depends on initiative id-unplanned, which has no rollout waves in this plan; the dependency is ignored',
        'The pin of A w9 to 2027-02-01 is ignored: A has no rollout wave w9',
        'The pin of P w1 to 2027-02-01 is ignored: the wave is not scheduled (posture is pause)',
      ]);
    });

    it('should start a wave no earlier than its earliest start or pin on a weekday: the Monday after', () => {
      const plan = planPortfolio(
        snapshot({
          pools: [{ id: 'deploy', name: 'Deployment', capacityPerWeek: 5, adjustments: [] }],
          initiatives: [initiative('A', { waves: [wave('w1', { earliestStart: '2027-01-13' })] }), initiative('B')],
          overrides: [{ id: 'o1', kind: 'pin', initiativeId: 'id-B', wave: 'w1', start: '2027-02-03', reason: 'launch' }],
        }),
      );
      expect(startOf(plan, 'A')).toBe('2027-01-18');
      expect(startOf(plan, 'B')).toBe('2027-02-08');
      expect(plan.warnings).toEqual([]);
    });

    it('should say what holds a wave no other wave holds: a lowered pool, or its own cost over the quarter budget', () => {
      const pools = [{ id: 'deploy', name: 'Deployment', capacityPerWeek: 1, adjustments: [{ from: '2027-01-04', to: '2027-01-11', capacity: 0, reason: 'team offsite' }] }];
      const lowered = planPortfolio(snapshot({ initiatives: [initiative('A')], pools }));
      expect(lowered.waves[0].reasons).toEqual([
        expect.objectContaining({ kind: 'capacity', heldBy: [], text: 'deploy is reduced to 0 units/week 2027-01-04–2027-01-17 (team offsite), less than the 1 this wave needs' }),
      ]);
      const costly = initiative('A', { waves: [wave('w1', { costPerWeek: '600.00', demand: {} })] });
      const overBudget = planPortfolio(snapshot({ initiatives: [costly], budgetLimits: [{ quarter: '2027-Q1', amount: '500.00' }] }));
      expect(overBudget.waves[0]).toMatchObject({ start: '2027-04-05' });
      expect(overBudget.waves[0].reasons).toEqual([
        expect.objectContaining({ kind: 'budget', text: 'its own cost (600.00 a week) is more than the rollout budget of 2027-Q1 (500.00)' }),
      ]);
    });

    it('should hold each calendar quarter to its own budget, whatever Monday the plan starts on', () => {
      // The plan starts on the last Monday of Q1: a two-week wave would spend in Q2, whose budget is nothing.
      const costly = initiative('A', { waves: [wave('w1', { durationWeeks: 2, costPerWeek: '1000.00', demand: {} })] });
      const budgetLimits = [{ quarter: '2027-Q2', amount: '0.00' }];
      const plan = planPortfolio(snapshot({ startDate: '2027-03-29', initiatives: [costly], budgetLimits }));
      expect(startOf(plan, 'A')).toBe('2027-07-05');
      expect(plan.waves[0].reasons).toEqual([expect.objectContaining({ kind: 'budget', text: 'its own cost (1000.00 a week) is more than the rollout budget of 2027-Q2 (0.00)' })]);
      const { problem } = buildProblem(snapshot({ startDate: '2027-03-29', horizonWeeks: 20, initiatives: [costly], budgetLimits }));
      // One week of Q1, Q2's thirteen Mondays, then Q3's to the horizon.
      expect(problem.budget?.periodBounds).toEqual([0, 1, 14, 20]);
    });

    it('should take what waves begun in the published plan spent of the quarter before the plan starts from its budget', () => {
      const costly = (key: string, costPerWeek: string, durationWeeks: number, value = '100') =>
        initiative(key, { value, waves: [wave('w1', { durationWeeks, costPerWeek, demand: {} })] });
      // Q1 2027's budget is 2000.00. A ran three weeks from its first Monday (1500.00) and is finished; C began the week
      // before this plan (100.00 spent, two weeks and 200.00 to go). 400.00 are left, then 200.00 once C is done.
      const underway = [
        { initiativeId: 'id-A', wave: 'w1', startedOn: '2027-01-04' },
        { initiativeId: 'id-C', wave: 'w1', startedOn: '2027-01-25' },
      ];
      const budgetLimits = [{ quarter: '2027-Q1', amount: '2000.00' }];
      const inputs = snapshot({ startDate: '2027-02-01', budgetLimits, underway, initiatives: [costly('A', '500.00', 3), costly('B', '150.00', 2, '1000'), costly('C', '100.00', 3)] });
      const plan = planPortfolio(inputs);
      const { problem, spentBeforeStart } = buildProblem(inputs);
      expect([spentBeforeStart, problem.budget?.limits[0]]).toEqual([160_000, 40_000]);
      expect(violationsOf(problem, plan.waves.map((w) => w.startWeek))).toEqual([]);
      // B's 300.00 would fit the whole budget, but only one of its weeks fits what C leaves: it starts in Q1's last week.
      expect(startOf(plan, 'B')).toBe('2027-03-29');
      expect(plan.waves.find((w) => w.initiativeKey === 'B')?.reasons[0].text).toMatch(
        /^the rollout budget of 2027-Q1 is taken by C w1 \(Retail, .+\); 1600\.00 of 2027-Q1's was spent before 2027-02-01 by waves begun in the published plan$/,
      );

      // Alone, a wave dearer than what is left says so.
      const alone = planPortfolio({ ...inputs, underway: underway.slice(0, 1), initiatives: [costly('A', '500.00', 3), costly('B', '600.00', 2)] });
      expect(alone.waves.find((w) => w.initiativeKey === 'B')?.reasons[0].text).toBe(
        'its own cost (600.00 a week) is more than the rollout budget of 2027-Q1 (500.00 left, 1500.00 spent before 2027-02-01 by waves begun in the published plan)',
      );
      // Recorded progress counts as it happened: A finished after two weeks (1000.00), C still running (300.00 so far).
      const recorded = [
        { initiativeId: 'id-A', wave: 'w1', startedOn: '2027-01-04', finishedOn: '2027-01-15', recorded: true },
        { initiativeId: 'id-C', wave: 'w1', startedOn: '2027-01-11', recorded: true },
      ];
      expect(buildProblem({ ...inputs, underway: recorded }).spentBeforeStart).toBe(130_000);
      // Spend outside the quarter, or in no quarter with a budget, takes nothing.
      expect(buildProblem({ ...inputs, startDate: '2027-04-05' }).problem.budget?.limits[0]).toBe(Number.MAX_SAFE_INTEGER);
    });

    it('should let a wave under way go on though what is left of the budget cannot pay for it, and say the quarter is overspent', () => {
      const costly = (key: string, costPerWeek: string, durationWeeks: number) => initiative(key, { waves: [wave('w1', { durationWeeks, costPerWeek, demand: {} })] });
      // 1800.00 of Q1's 2000.00 spent before the plan; C, under way, needs 600.00 more.
      const inputs = snapshot({
        startDate: '2027-02-01',
        budgetLimits: [{ quarter: '2027-Q1', amount: '2000.00' }],
        initiatives: [costly('A', '600.00', 3), costly('C', '300.00', 3), costly('B', '10.00', 1)],
        underway: [
          { initiativeId: 'id-A', wave: 'w1', startedOn: '2027-01-04' },
          { initiativeId: 'id-C', wave: 'w1', startedOn: '2027-01-25' },
        ],
      });
      const plan = planPortfolio(inputs);
      expect(plan.waves.find((w) => w.initiativeKey === 'C')).toMatchObject({ start: '2027-02-01', underwaySince: '2027-01-25' });
      expect(startOf(plan, 'B')).toBe('2027-04-05');
      expect(plan.warnings).toContain('The rollout budget of 2027-Q1 (2000.00) is overspent: 2100.00 before 2027-02-01 and 600.00 for the waves under way; nothing else is planned in it');
      const { problem } = buildProblem(inputs);
      expect(violationsOf(problem, plan.waves.map((w) => w.startWeek))).toEqual([]);
    });

    it('should expect a recorded wave to finish on time when the plan starts after its duration, and charge only its weeks', () => {
      const inputs = snapshot({
        startDate: '2027-03-01',
        today: '2027-01-13',
        budgetLimits: [{ quarter: '2027-Q1', amount: '5000.00' }],
        initiatives: [initiative('A', { waves: [wave('w1', { durationWeeks: 4, costPerWeek: '100.00' })] })],
        underway: [{ initiativeId: 'id-A', wave: 'w1', startedOn: '2027-01-04', recorded: true }],
      });
      const plan = planPortfolio(inputs);
      expect(plan.waves).toEqual([]);
      expect(plan.held[0]?.waves).toEqual([
        { wave: 'w1', reason: 'expected to finish 2027-01-31, before this plan starts', finished: true, startedOn: '2027-01-04', finishedOn: '2027-01-31' },
      ]);
      expect(plan.warnings).toEqual([]);
      expect(buildProblem(inputs).spentBeforeStart).toBe(40_000);
      // Seen on 2027-02-10, past its four weeks and not recorded as finished: it is overdue, and given the plan's first week.
      const overdue = planPortfolio({ ...inputs, today: '2027-02-10' });
      expect(overdue.waves.map((w) => [w.start, w.end, w.underwaySince])).toEqual([['2027-03-01', '2027-03-07', '2027-01-04']]);
      expect(overdue.warnings[0]).toBe('A w1 was to take 4 week(s) from 2027-01-04 and is not recorded as finished: it is planned to finish by 2027-03-07');
    });

    it('should name the lowered capacity too when other waves hold what is left', () => {
      const pools = [{ id: 'deploy', name: 'Deployment', capacityPerWeek: 2, adjustments: [{ from: '2027-01-04', to: '2027-01-10', capacity: 1, reason: 'holiday' }] }];
      const plan = planPortfolio(snapshot({ pools, initiatives: [initiative('A', { value: '1000' }), initiative('B', { value: '10' })] }));
      expect(plan.waves.find((w) => w.initiativeKey === 'B')?.reasons[0].text).toBe(
        'deploy is fully used 2027-01-04–2027-01-10 by A w1 (Retail, priority 100); it is reduced to 1 units/week 2027-01-04–2027-01-10 (holiday)',
      );
    });

    it('should ignore an order whose first initiative is held, not hold the second', () => {
      const plan = planPortfolio(
        snapshot({
          initiatives: [initiative('A', { posture: 'pause' }), initiative('B')],
          overrides: [{ id: 'o1', kind: 'order', first: 'id-A', then: 'id-B', reason: 'shared vendor' }],
        }),
      );
      expect(startOf(plan, 'B')).toBe(START);
      expect(plan.warnings).toEqual(['The order A before B is ignored while A w1 is not scheduled']);
    });

    it('should tell hypothetical scenario changes from those PMO can make', () => {
      const base = snapshot({ initiatives: [initiative('A')] });
      expect(
        hypotheticalChanges(base, [
          { kind: 'authorize', initiativeId: 'id-A' },
          { kind: 'pause', initiativeId: 'id-A' },
          { kind: 'add', initiative: { id: 'id-N', key: 'NEW', name: 'New', businessUnit: 'Retail', value: '1', waves: [wave('w1')] } },
          { kind: 'priority', initiativeId: 'id-A', priority: 5 },
          { kind: 'capacity', pool: 'deploy', capacityPerWeek: 3 },
          { kind: 'deadline', initiativeId: 'id-A', wave: 'w1', deadline: null },
        ]),
      ).toEqual(['authorizes A', 'pauses A', 'adds initiative NEW']);
    });
  });
});
