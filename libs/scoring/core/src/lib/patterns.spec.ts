import { evaluate } from './evaluate';
import { emptyInputs, withTelemetry, type ScoringInputs, type TelemetryInput } from './inputs';
import { DEFAULT_MODEL } from './model';
import { detectPatterns, DEFAULT_PATTERN_PARAMETERS } from './patterns';
import { TREND_DAYS, domainTrends, momentsForTrends, type ScoredMoment } from './trends';

const asOf = new Date('2026-11-20T00:00:00Z');

function week(start: string, figures: Partial<TelemetryInput> = {}): TelemetryInput {
  return { periodKind: 'week', periodStart: start, supportBacklog: 10, incidents: 0, crossTeamEscalations: 0, rollbacks: 0, ...figures };
}

describe(detectPatterns.name, () => {
  it('should see fragmented ownership: many teams, no accountable owner', () => {
    const inputs = emptyInputs('7d9f3c1e-0000-4000-8000-000000000011');
    inputs.owners = { production_support: { person: 'A', team: 'Ops' }, risk_owner: { person: 'B', team: 'Risk' }, budget_owner: { person: 'C', team: 'Finance' } };
    expect(detectPatterns(inputs, DEFAULT_PATTERN_PARAMETERS, 'pause', asOf).map((p) => [p.id, p.detail])).toEqual([
      ['ownership_fragmented', 'owners span 3 teams and no long-term accountable owner is named'],
    ]);
    inputs.owners.accountable_owner = { person: 'D', team: 'Business' };
    expect(detectPatterns(inputs, DEFAULT_PATTERN_PARAMETERS, 'pause', asOf)).toEqual([]);
  });

  it('should see prioritization unclear when initiatives past pilot contest the same rollout capacity, and measure the conflicts', () => {
    const inputs: ScoringInputs = {
      ...emptyInputs('7d9f3c1e-0000-4000-8000-000000000013'),
      rollout: { planVersion: 3, contests: 2, contestsLost: 1, weeksLost: 6, rivals: ['AI-0002', 'AI-0009'] },
    };
    expect(detectPatterns(inputs, DEFAULT_PATTERN_PARAMETERS, 'controlled_investment', asOf)).toEqual([
      {
        id: 'prioritization_unclear',
        title: 'prioritization unclear',
        detail: 'contests rollout capacity with 2 other initiative(s) past pilot (AI-0002, AI-0009) in plan v3: lost 1 of 2 contest(s), 6 week(s) later',
      },
    ]);
    const conflicts = evaluate(inputs, DEFAULT_MODEL, asOf).domains.find((d) => d.id === 'portfolio')?.criteria.find((c) => c.id === 'portfolio.conflicts');
    expect(conflicts).toMatchObject({ state: 'absent', source: 'measured', basis: '1 of 2 capacity contest(s) lost, 6 week(s) later, in rollout plan v3' });
    const uncontested = { ...inputs, rollout: { planVersion: 4, contests: 0, contestsLost: 0, weeksLost: 0, rivals: [] } };
    expect(detectPatterns(uncontested, DEFAULT_PATTERN_PARAMETERS, 'controlled_investment', asOf)).toEqual([]);
    expect(evaluate(uncontested, DEFAULT_MODEL, asOf).domains.find((d) => d.id === 'portfolio')?.criteria.find((c) => c.id === 'portfolio.conflicts')?.state).toBe('established');
  });

  it('should see pilot economics diverge from production: unit cost multiplied, production categories without data', () => {
    const inputs: ScoringInputs = {
      ...emptyInputs('7d9f3c1e-0000-4000-8000-000000000014'),
      unitEconomics: {
        items: [{ metric: 'claims', currency: 'EUR', pilotUnitCost: '0.2', productionUnitCost: '0.35', productionToPilot: '1.75' }],
        hasProductionCosts: true,
        categoriesWithoutData: ['monitoring', 'operating_controls'],
      },
    };
    expect(detectPatterns(inputs, DEFAULT_PATTERN_PARAMETERS, 'controlled_investment', asOf)).toEqual([
      {
        id: 'pilot_economics_diverge',
        title: 'pilot economics ≠ production economics',
        detail:
          'production costs 0.35 EUR per claims against 0.2 in the pilot (×1.75); no production cost recorded for monitoring, operating_controls: production economics unknown there',
      },
    ]);
    const steady = { ...inputs, unitEconomics: { items: [{ ...inputs.unitEconomics!.items[0], productionUnitCost: '0.25', productionToPilot: '1.25' }], hasProductionCosts: true, categoriesWithoutData: [] } };
    expect(detectPatterns(steady, DEFAULT_PATTERN_PARAMETERS, 'controlled_investment', asOf)).toEqual([]);
    const unknownDenominator = { ...inputs, unitEconomics: { items: [{ ...inputs.unitEconomics!.items[0], pilotUnitCost: null, productionToPilot: null }], hasProductionCosts: false, categoriesWithoutData: ['monitoring'] } };
    expect(detectPatterns(unknownDenominator, DEFAULT_PATTERN_PARAMETERS, 'controlled_investment', asOf)).toEqual([]);
  });

  it('should see governance lagging a deployment whose approval evidence lapsed', () => {
    const inputs: ScoringInputs = {
      ...emptyInputs('7d9f3c1e-0000-4000-8000-000000000012'),
      stage: 'production',
      evidence: { 'governance.approval_pathways': { status: 'established', attestedAt: '2025-11-01T00:00:00Z', expiresAt: '2026-11-01T00:00:00Z' } },
    };
    const pattern = detectPatterns(inputs, DEFAULT_PATTERN_PARAMETERS, 'pause', asOf).find((p) => p.id === 'governance_lags_deployment');
    expect(pattern).toEqual({ id: 'governance_lags_deployment', title: 'governance lags deployment', detail: 'the initiative is in production while approval evidence is expired (2026-11-01)' });
    expect(detectPatterns({ ...inputs, stage: 'pilot' }, DEFAULT_PATTERN_PARAMETERS, 'pause', asOf)).toEqual([]);
  });

  it('should see production economics unknown for a deployed initiative with no production cost on record', () => {
    const approved = { 'governance.approval_pathways': { status: 'established' as const, attestedAt: '2026-10-01T00:00:00Z', expiresAt: null } };
    const inputs: ScoringInputs = { ...emptyInputs('7d9f3c1e-0000-4000-8000-000000000019'), stage: 'production', evidence: approved };
    expect(detectPatterns(inputs, DEFAULT_PATTERN_PARAMETERS, 'controlled_investment', asOf)).toEqual([
      { id: 'pilot_economics_diverge', title: 'pilot economics ≠ production economics', detail: 'in production with no production cost recorded: production economics unknown' },
    ]);
    const pilotCostsOnly = { ...inputs, unitEconomics: { items: [], hasProductionCosts: false, categoriesWithoutData: ['monitoring', 'support_staffing', 'operating_controls'] } };
    expect(detectPatterns(pilotCostsOnly, DEFAULT_PATTERN_PARAMETERS, 'controlled_investment', asOf).map((p) => p.id)).toEqual(['pilot_economics_diverge']);
    expect(detectPatterns({ ...inputs, stage: 'pilot' }, DEFAULT_PATTERN_PARAMETERS, 'controlled_investment', asOf)).toEqual([]);
  });

  it('should see a rollout beyond the scope envelope the committee set: users asked for, months past the spend cap', () => {
    const envelope = { businessUnits: ['Payments'], users: 250, monthlySpendCap: '12000.50', currency: 'EUR' };
    const decision = { decision: 'controlled_investment' as const, decidedAt: '2026-09-15T10:00:00Z', scopeEnvelope: envelope };
    const inputs: ScoringInputs = {
      ...emptyInputs('7d9f3c1e-0000-4000-8000-000000000017'),
      scope: { businessUnit: 'Payments', requestedUsers: 400 },
      decision,
      recentSpend: [
        { period: '2026-09', currency: 'EUR', amount: '12000.51' },
        { period: '2026-10', currency: 'EUR', amount: '12000.50' },
        { period: '2026-11', currency: 'EUR', amount: '9000' },
        // Other currencies are not compared with the cap.
        { period: '2026-11', currency: 'USD', amount: '50000' },
      ],
    };
    const lags = (what: ScoringInputs, at = asOf) => detectPatterns(what, DEFAULT_PATTERN_PARAMETERS, 'controlled_investment', at).filter((p) => p.id === 'governance_lags_deployment');
    expect(lags(inputs)).toEqual([
      {
        id: 'governance_lags_deployment',
        title: 'governance lags deployment',
        detail:
          'the rollout goes beyond its authorized scope envelope: it asks for 400 users, beyond the 250 the committee authorized on 2026-09-15; ' +
          'it spent 12000.51 EUR in 2026-09, beyond the monthly cap of 12000.50 EUR the committee set on 2026-09-15',
      },
    ]);
    // At the cap is within it; users at the envelope's are within it.
    expect(lags({ ...inputs, scope: { businessUnit: 'Payments', requestedUsers: 250 }, recentSpend: inputs.recentSpend?.slice(1) })).toEqual([]);
    // Spend before the decision was not under the envelope.
    expect(lags({ ...inputs, scope: undefined, decision: { ...decision, decidedAt: '2026-10-01T00:00:00Z' } })).toEqual([]);
    // A breach is named for three months, this one included; the evaluation asks to be looked at again when it ages out.
    expect(lags({ ...inputs, scope: undefined }, new Date('2026-12-01T00:00:00Z'))).toEqual([]);
    expect(evaluate({ ...inputs, scope: undefined }, DEFAULT_MODEL, asOf).reviewAt).toBe('2026-12-01T00:00:00.000Z');
    // Authorized deployment has no envelope; nor has a pause.
    const authorized = lags({ ...inputs, decision: { decision: 'authorize_deployment', decidedAt: '2026-09-15T10:00:00Z' } });
    expect(authorized.map((p) => p.detail)).toEqual(['the committee authorized deployment on 2026-09-15 but the gates give controlled_investment']);
  });

  it('should see a rollout asking for business units beyond the envelope, told apart regardless of case', () => {
    const envelope = { businessUnits: ['Payments', 'Cards'], users: 250, monthlySpendCap: '12000.50', currency: 'EUR' };
    const decision = { decision: 'controlled_investment' as const, decidedAt: '2026-09-15T10:00:00Z', scopeEnvelope: envelope };
    const asking = (requestedBusinessUnits?: string[]): ScoringInputs => ({
      ...emptyInputs('7d9f3c1e-0000-4000-8000-000000000019'),
      scope: { businessUnit: 'Payments', requestedUsers: 100, ...(requestedBusinessUnits ? { requestedBusinessUnits } : {}) },
      decision,
    });
    const lags = (what: ScoringInputs) => detectPatterns(what, DEFAULT_PATTERN_PARAMETERS, 'controlled_investment', asOf).filter((p) => p.id === 'governance_lags_deployment').map((p) => p.detail);
    expect(lags(asking(['payments ', 'Wholesale', 'Logistics', 'Wholesale']))).toEqual([
      'the rollout goes beyond its authorized scope envelope: it asks for "Wholesale", "Logistics", beyond the business units the committee authorized on 2026-09-15 ("Payments", "Cards")',
    ]);
    expect(lags(asking(['Payments', 'CARDS']))).toEqual([]);
    // Inputs stored before the business units asked for were kept: nothing to compare.
    expect(lags(asking())).toEqual([]);
  });

  /** What "governance lags deployment" says of the inputs, under controlled investment. */
  const details = (what: ScoringInputs) =>
    detectPatterns(what, DEFAULT_PATTERN_PARAMETERS, 'controlled_investment', asOf)
      .filter((p) => p.id === 'governance_lags_deployment')
      .map((p) => p.detail);

  it("should hold a cap in the reporting currency against all of a month's spend, converted at each day's rate", () => {
    const envelope = { businessUnits: ['Payments'], users: null, monthlySpendCap: '10000', currency: 'EUR' };
    const inputs: ScoringInputs = {
      ...emptyInputs('7d9f3c1e-0000-4000-8000-000000000018'),
      decision: { decision: 'controlled_investment', decidedAt: '2026-09-15T10:00:00Z', scopeEnvelope: envelope },
      recentSpend: [
        { period: '2026-10', currency: 'EUR', amount: '4000' },
        { period: '2026-10', currency: 'USD', amount: '7000' },
        { period: '2026-11', currency: 'USD', amount: '12000' },
      ],
      recentReportingSpend: [
        { period: '2026-10', currency: 'EUR', amount: '10440.5', complete: true },
        { period: '2026-11', currency: 'EUR', amount: '6000', complete: false },
      ],
    };
    // October passed the cap only with its dollars counted; November's known part (half its dollars converted) did not.
    expect(details(inputs)).toEqual([
      "the rollout goes beyond its authorized scope envelope: it spent 10440.5 EUR (4000 EUR + 7000 USD, at each day's rate) in 2026-10, beyond the monthly cap of 10000 EUR the committee set on 2026-09-15",
    ]);
    const moreKnown = { ...inputs, recentReportingSpend: [{ period: '2026-11', currency: 'EUR', amount: '10000.01', complete: false }] };
    expect(details(moreKnown)).toEqual([
      'the rollout goes beyond its authorized scope envelope: it spent at least 10000.01 EUR (12000 USD, so far: some entries wait for their rate) in 2026-11, beyond the monthly cap of 10000 EUR the committee set on 2026-09-15',
    ]);
    // A cap in another currency than the reporting one is held against that currency's spend alone.
    const inDollars = { ...inputs, decision: { ...inputs.decision!, scopeEnvelope: { ...envelope, currency: 'USD', monthlySpendCap: '11000' } } };
    expect(details(inDollars)).toEqual([
      'the rollout goes beyond its authorized scope envelope: it spent 12000 USD in 2026-11, beyond the monthly cap of 11000 USD the committee set on 2026-09-15',
    ]);
  });

  it("should hold a cap in another currency against its own currency's spend as it is and the rest brought into it at the month's rate", () => {
    const envelope = { businessUnits: ['Payments'], users: null, monthlySpendCap: '11000', currency: 'USD' };
    const inputs: ScoringInputs = {
      ...emptyInputs('7d9f3c1e-0000-4000-8000-000000000019'),
      decision: { decision: 'controlled_investment', decidedAt: '2026-09-15T10:00:00Z', scopeEnvelope: envelope },
      recentSpend: [
        { period: '2026-10', currency: 'EUR', amount: '4000' },
        { period: '2026-10', currency: 'USD', amount: '7000' },
        { period: '2026-11', currency: 'EUR', amount: '9000' },
        { period: '2026-11', currency: 'USD', amount: '1000' },
      ],
      recentReportingSpend: [
        { period: '2026-10', currency: 'EUR', amount: '10440.5', complete: true },
        { period: '2026-11', currency: 'EUR', amount: '9925', complete: true },
      ],
      recentReportingSpendByCurrency: [
        { period: '2026-10', currency: 'EUR', reportingAmount: '4000', complete: true },
        { period: '2026-10', currency: 'USD', reportingAmount: '6440.5', complete: true },
        { period: '2026-11', currency: 'EUR', reportingAmount: '9000', complete: true },
        { period: '2026-11', currency: 'USD', reportingAmount: '925', complete: true },
      ],
    };
    // Without a dollar rate, only the dollars are held against the cap: 7000 and 1000 USD are within it.
    expect(details(inputs)).toEqual([]);
    // October: 7000 USD and 4000 EUR at 0.92 make 11347.83 USD, past the cap; November: 1000 USD and 9000 EUR at 0.925, 10729.73.
    const withRates = { ...inputs, capRates: [{ period: '2026-10', date: '2026-10-30', rate: '0.92' }, { period: '2026-11', date: '2026-11-20', rate: '0.925' }] };
    expect(details(withRates)).toEqual([
      "the rollout goes beyond its authorized scope envelope: it spent 11347.83 USD (7000 USD + 4000 EUR, the rest at each day's rate and the USD rate of 2026-10-30) in 2026-10, beyond the monthly cap of 11000 USD the committee set on 2026-09-15",
    ]);
    // The dollars count as spent, not at another day's rate: at 1 the month is exactly at the cap, a hair below 1 past it.
    expect(details({ ...withRates, capRates: [{ period: '2026-10', date: '2026-10-30', rate: '1' }] })).toEqual([]);
    expect(details({ ...withRates, capRates: [{ period: '2026-10', date: '2026-10-30', rate: '0.999999999999' }] })).toEqual([
      "the rollout goes beyond its authorized scope envelope: it spent 11000 USD (7000 USD + 4000 EUR, the rest at each day's rate and the USD rate of 2026-10-30) in 2026-10, beyond the monthly cap of 11000 USD the committee set on 2026-09-15",
    ]);
    // Dollars still waiting for their own day's rate are counted all the same; euros waiting make it "at least".
    const october = <T extends { period: string }>(months: T[] | undefined) => (months ?? []).filter((m) => m.period === '2026-10');
    const dollarsWaiting = {
      ...withRates,
      recentSpend: [...october(inputs.recentSpend), { period: '2026-11', currency: 'EUR', amount: '10' }, { period: '2026-11', currency: 'USD', amount: '12000' }, { period: '2026-11', currency: 'SEK', amount: '50' }],
      recentReportingSpend: [...october(inputs.recentReportingSpend), { period: '2026-11', currency: 'EUR', amount: '10', complete: false }],
      recentReportingSpendByCurrency: [
        ...october(inputs.recentReportingSpendByCurrency),
        { period: '2026-11', currency: 'EUR', reportingAmount: '10', complete: true },
        { period: '2026-11', currency: 'SEK', reportingAmount: '0', complete: false },
        { period: '2026-11', currency: 'USD', reportingAmount: '0', complete: false },
      ],
    };
    expect(details(dollarsWaiting)[0]).toContain(
      'it spent at least 12010.81 USD (12000 USD + 10 EUR + 50 SEK, so far: some entries wait for their rate; the rest at the USD rate of 2026-11-20) in 2026-11',
    );
  });

  it('should see production exposing weakness in growing backlog, escalations and rollbacks', () => {
    let telemetry: TelemetryInput[] = [];
    for (const [start, backlog] of [['2026-10-19', 10], ['2026-10-26', 14], ['2026-11-02', 19], ['2026-11-09', 25]] as const) {
      telemetry = withTelemetry(telemetry, week(start, { supportBacklog: backlog }));
    }
    telemetry = withTelemetry(telemetry, week('2026-11-09', { supportBacklog: 25, crossTeamEscalations: 4, rollbacks: 1 }));
    const inputs = { ...emptyInputs('7d9f3c1e-0000-4000-8000-000000000013'), telemetry };
    const [pattern] = detectPatterns(inputs, DEFAULT_PATTERN_PARAMETERS, 'pause', asOf);
    expect(pattern.id).toBe('production_exposes_weakness');
    expect(pattern.detail).toBe(
      'support backlog grew 3 periods running (10 → 14 → 19 → 25); 4 escalations crossed team lines in the period from 2026-11-09; 1 rollback(s) in the last 3 period(s)',
    );
    const result = evaluate(inputs, DEFAULT_MODEL, asOf);
    const support = result.domains.flatMap((d) => d.criteria).find((c) => c.id === 'economics.support_burden');
    expect(support).toMatchObject({ state: 'absent', source: 'measured', basis: 'support backlog 14 → 19 → 25' });
    expect(result.signals).toContain('production exposes weakness');
  });

  it('should see a backlog growing month after month, though four months reach past the recency window', () => {
    const month = (start: string, supportBacklog: number): TelemetryInput => ({ ...week(start, { supportBacklog }), periodKind: 'month' });
    const monthly = [month('2026-08-01', 10), month('2026-09-01', 14), month('2026-10-01', 19), month('2026-11-01', 25)];
    const detail = (telemetry: TelemetryInput[], at = asOf) =>
      detectPatterns({ ...emptyInputs('7d9f3c1e-0000-4000-8000-000000000019'), telemetry }, DEFAULT_PATTERN_PARAMETERS, 'pause', at)[0]?.detail;
    expect(detail(monthly)).toBe('support backlog grew 3 periods running (10 → 14 → 19 → 25)');
    // Three months are two of growth; and the run is not seen once its latest month is no longer recent.
    expect(detail(monthly.slice(0, 3))).toBeUndefined();
    expect(detail(monthly, new Date('2027-03-01T00:00:00Z'))).toBeUndefined();
  });

  it('should signal complexity expanding while the scope grew in one of the last three periods', () => {
    const signals = (telemetry: TelemetryInput[]) => evaluate({ ...emptyInputs('7d9f3c1e-0000-4000-8000-000000000018'), telemetry }, DEFAULT_MODEL, asOf).signals;
    expect(signals([week('2026-10-26', { scopeExpansions: 2 }), week('2026-11-02'), week('2026-11-09')])).toContain('complexity expanding');
    expect(signals([week('2026-10-19', { scopeExpansions: 2 }), week('2026-10-26'), week('2026-11-02'), week('2026-11-09')])).not.toContain('complexity expanding');
    // Telemetry stored before the field was kept has none.
    expect(signals([week('2026-11-09')])).not.toContain('complexity expanding');
  });

  it('should see each pattern at its threshold and not short of it', () => {
    const base = emptyInputs('7d9f3c1e-0000-4000-8000-000000000015');
    const ids = (inputs: ScoringInputs) => detectPatterns(inputs, DEFAULT_PATTERN_PARAMETERS, 'controlled_investment', asOf).map((p) => p.id);
    const economics = (productionToPilot: string): ScoringInputs => ({
      ...base,
      unitEconomics: { items: [{ metric: 'claims', currency: 'EUR', pilotUnitCost: '0.2', productionUnitCost: '0.3', productionToPilot }], hasProductionCosts: true, categoriesWithoutData: [] },
    });
    expect(ids(economics('1.5'))).toEqual(['pilot_economics_diverge']);
    expect(ids(economics('1.49'))).toEqual([]);

    const approved = { status: 'established' as const, attestedAt: '2025-11-01T00:00:00Z' };
    // Deployed, with its production costs on record (without them, pilot_economics_diverge: below).
    const costed = { ...base, stage: 'scaling' as const, unitEconomics: { items: [], hasProductionCosts: true, categoriesWithoutData: [] } };
    expect(ids(costed)).toEqual(['governance_lags_deployment']);
    expect(ids({ ...costed, evidence: { 'governance.approval_pathways': { ...approved, expiresAt: asOf.toISOString() } } })).toEqual(['governance_lags_deployment']);
    expect(ids({ ...costed, evidence: { 'governance.approval_pathways': { ...approved, expiresAt: '2026-11-20T00:00:01Z' } } })).toEqual([]);

    expect(ids({ ...base, telemetry: [week('2026-11-09', { crossTeamEscalations: 3 })] })).toEqual(['production_exposes_weakness']);
    expect(ids({ ...base, telemetry: [week('2026-11-09', { crossTeamEscalations: 2 })] })).toEqual([]);
    // A rollback four periods back is history.
    const rolledBack = [week('2026-10-19', { rollbacks: 1 }), week('2026-10-26'), week('2026-11-02'), week('2026-11-09')];
    expect(ids({ ...base, telemetry: rolledBack })).toEqual([]);
    expect(ids({ ...base, telemetry: rolledBack.slice(1).concat(week('2026-11-16', { rollbacks: 1 })) })).toEqual(['production_exposes_weakness']);
  });

  it('should name five rivals and count the rest', () => {
    const rivals = ['AI-0001', 'AI-0002', 'AI-0003', 'AI-0004', 'AI-0005', 'AI-0006', 'AI-0007'];
    const inputs: ScoringInputs = { ...emptyInputs('7d9f3c1e-0000-4000-8000-000000000016'), rollout: { planVersion: 2, contests: 1, contestsLost: 0, weeksLost: 0, rivals } };
    expect(detectPatterns(inputs, DEFAULT_PATTERN_PARAMETERS, 'controlled_investment', asOf)[0].detail).toBe(
      'contests rollout capacity with 7 other initiative(s) past pilot (AI-0001, AI-0002, AI-0003, AI-0004, AI-0005 and 2 more) in plan v2: lost 0 of 1 contest(s), 0 week(s) later',
    );
  });

  it('should let measured figures decide a criterion they measure, whatever was attested', () => {
    const inputs: ScoringInputs = {
      ...emptyInputs('7d9f3c1e-0000-4000-8000-000000000014'),
      evidence: { 'resilience.instability': { status: 'established', attestedAt: '2026-10-01T00:00:00Z', expiresAt: null } },
      telemetry: [week('2026-11-09', { incidents: 3 })],
    };
    const criterion = (i: ScoringInputs) => evaluate(i, DEFAULT_MODEL, asOf).domains.flatMap((d) => d.criteria).find((c) => c.id === 'resilience.instability');
    expect(criterion(inputs)).toMatchObject({ state: 'absent', source: 'measured' });
    inputs.telemetry = [week('2026-11-09')];
    inputs.evidence['resilience.instability'] = { status: 'partial', attestedAt: '2026-10-01T00:00:00Z', expiresAt: null };
    expect(criterion(inputs)).toMatchObject({ state: 'established', source: 'measured' });
    delete inputs.telemetry;
    expect(criterion(inputs)).toMatchObject({ state: 'partial', source: 'attested' });
  });
});

describe(domainTrends.name, () => {
  it('should measure against the days before, so a drop today stays one however often it is re-scored', () => {
    const at = (evaluatedAt: string, ownership: number): ScoredMoment => ({ evaluatedAt, domainScores: { ownership } });
    // Ownership held at 100 for weeks; this morning it fell to 67; two cost entries re-scored it this afternoon.
    let kept = [at('2026-10-20T09:00:00Z', 100), at('2026-11-10T09:00:00Z', 100)];
    for (const moment of [at('2026-11-24T08:00:00Z', 67), at('2026-11-24T14:00:00Z', 67), at('2026-11-24T15:00:00Z', 67)]) {
      kept = momentsForTrends(kept, moment);
      expect(domainTrends(kept).trends).toEqual({ ownership: 'deteriorating' });
    }
    // Kept: what held before the window, the days within it, and the latest of today.
    expect(kept.map((m) => m.evaluatedAt)).toEqual(['2026-10-20T09:00:00Z', '2026-11-10T09:00:00Z', '2026-11-24T15:00:00Z']);
    // Weeks later, the old value has aged out of the window: 67 is the norm now.
    expect(domainTrends(momentsForTrends(kept, at('2026-12-24T09:00:00Z', 67))).trends).toEqual({ ownership: 'stable' });
  });

  it('should keep at most a moment a day across the window, whatever the number of evaluations', () => {
    let kept: ScoredMoment[] = [];
    for (let hour = 0; hour < 24 * 60; hour += 3) {
      kept = momentsForTrends(kept, { evaluatedAt: new Date(Date.UTC(2026, 9, 1) + hour * 3_600_000).toISOString(), domainScores: { ownership: 50 } });
    }
    expect(kept.length).toBeLessThanOrEqual(TREND_DAYS + 2);
  });

  it('should name each direction and warn when two domains slide together', () => {
    const moments = [
      { evaluatedAt: '2026-11-01T00:00:00Z', domainScores: { ownership: 80, governance: 70, economics: 50 } },
      { evaluatedAt: '2026-11-08T00:00:00Z', domainScores: { ownership: 80, governance: 70, economics: 52 } },
      { evaluatedAt: '2026-11-15T00:00:00Z', domainScores: { ownership: 60, governance: 50, economics: 70 } },
    ];
    expect(domainTrends(moments)).toEqual({
      trends: { ownership: 'deteriorating', governance: 'deteriorating', economics: 'improving' },
      earlyWarning: 'friction building: ownership, governance deteriorating together',
    });
    expect(domainTrends(moments.slice(0, 1))).toEqual({ trends: {}, earlyWarning: null });
  });

  it('should count a move of five points from the average of the earlier scores as a trend, and one domain sliding alone as no warning', () => {
    const moments = [
      // Earlier averages: ownership 75, governance 75, economics 60, resilience 60.
      { evaluatedAt: '2026-11-01T00:00:00Z', domainScores: { ownership: 70, governance: 80, economics: 60, resilience: 50 } },
      { evaluatedAt: '2026-11-08T00:00:00Z', domainScores: { ownership: 80, governance: 70, economics: 60, resilience: 70 } },
      { evaluatedAt: '2026-11-15T00:00:00Z', domainScores: { ownership: 80, governance: 71, economics: 55, resilience: 64 } },
    ];
    expect(domainTrends(moments)).toEqual({
      trends: { ownership: 'improving', governance: 'stable', economics: 'deteriorating', resilience: 'stable' },
      earlyWarning: null,
    });
  });
});
