import { violationsOf } from '../feasibility';
import { buildProblem, minorUnits } from './build-problem';
import { diffPlans } from './diff-plans';
import { planPortfolio, type PortfolioPlan } from './plan-portfolio';
import { applyScenario } from './scenario';
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
    expect(() => minorUnits('1.234')).toThrow(RangeError);
    expect(minorUnits('12500.50')).toBe(1_250_050);
  });
});
