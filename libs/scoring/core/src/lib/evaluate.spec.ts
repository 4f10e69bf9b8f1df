import { CRITERION_IDS, RESPONSIBILITIES, type CriterionId } from '@capstan/domain';
import { evaluate } from './evaluate';
import { emptyInputs, type ScoringInputs } from './inputs';
import { DEFAULT_MODEL, type ScoringModel } from './model';

/** The default gates without the hold period, for tests of the gates alone. */
/** The shipped model with the closed month moving on the 1st, so month boundaries and holds can be told apart. */
const NO_GRACE: ScoringModel = { ...DEFAULT_MODEL, closedMonthGraceDays: 0 };
const NO_HOLD: ScoringModel = { ...NO_GRACE, version: 'test-no-hold', holdPeriodSeconds: 0 };

const asOf = new Date('2026-11-01T00:00:00Z');

function fullyReady(): ScoringInputs {
  const inputs = emptyInputs('7d9f3c1e-0000-4000-8000-000000000001');
  for (const responsibility of RESPONSIBILITIES) inputs.owners[responsibility] = { person: 'Ana', team: 'Platform' };
  for (const id of CRITERION_IDS) {
    inputs.evidence[id] = { status: 'established', attestedAt: '2026-10-01T00:00:00Z', expiresAt: null };
  }
  inputs.latestCostPeriod = '2026-10';
  return inputs;
}

describe(evaluate.name, () => {
  it('should pause a new initiative with no owners, naming what is missing', () => {
    const result = evaluate(emptyInputs('7d9f3c1e-0000-4000-8000-000000000002'), DEFAULT_MODEL, asOf);
    expect(result.posture).toBe('pause');
    expect(result.signals).toEqual(
      expect.arrayContaining(['approval authority unclear', 'operational ownership unsettled', 'cost visibility weak']),
    );
    expect(result.conditions).toContain('assign a production_support owner');
    expect(result.domains.every((d) => d.score === 0)).toBe(true);
    // Ownership is measured from the owners named (none), the rest waits for evidence.
    const ownership = result.domains.find((d) => d.id === 'ownership')?.criteria ?? [];
    expect(ownership.map((c) => [c.id, c.source, c.basis])).toEqual([
      ['ownership.long_term_accountability', 'measured', 'no accountable_owner named'],
      ['ownership.production_support', 'measured', 'no production_support named'],
      ['ownership.escalation_paths', 'measured', 'no escalation_owner named'],
    ]);
    expect(result.domains.filter((d) => d.id !== 'ownership').every((d) => d.criteria.every((c) => c.source === 'missing'))).toBe(true);
  });

  it('should not count an ownership criterion attested as established once its owner is removed', () => {
    const inputs = fullyReady();
    delete inputs.owners.accountable_owner;
    const result = evaluate(inputs, NO_HOLD, asOf);
    const ownership = result.domains.find((d) => d.id === 'ownership');
    expect(ownership?.criteria.map((c) => [c.id, c.state, c.source])).toEqual([
      ['ownership.long_term_accountability', 'absent', 'measured'],
      ['ownership.production_support', 'established', 'attested'],
      ['ownership.escalation_paths', 'established', 'attested'],
    ]);
    expect(ownership?.score).toBeLessThan(100);
    expect(result.posture).toBe('pause');
    expect(result.conditions).toContain('assign an accountable_owner');
  });

  it('should ask for the attestation too where naming the owner alone would leave the criterion short', () => {
    const inputs = fullyReady();
    delete inputs.owners.escalation_owner;
    delete inputs.evidence['ownership.escalation_paths'];
    const result = evaluate(inputs, NO_HOLD, asOf);
    expect(result.conditions).toEqual(expect.arrayContaining(['assign an escalation_owner', 'establish it (ownership.escalation_paths): attest it as established']));
    // With the owner named, that attestation is what is left, as the conditions said.
    inputs.owners.escalation_owner = { person: 'Ana', team: 'Platform' };
    const named = evaluate(inputs, NO_HOLD, asOf);
    expect(named.conditions).toContain('establish it (ownership.escalation_paths): attest it as established');
    expect(named.conditions).not.toContain('assign an escalation_owner');
    // Attested already, the owner is all it takes.
    const attested = fullyReady();
    delete attested.owners.escalation_owner;
    expect(evaluate(attested, NO_HOLD, asOf).conditions).not.toContain('establish it (ownership.escalation_paths): attest it as established');
  });

  it('should authorize deployment when every gate holds', () => {
    const result = evaluate(fullyReady(), NO_HOLD, asOf);
    expect(result.posture).toBe('authorize_deployment');
    // What keeps it: the next month's costs by the day they are due, and every gate holding.
    expect(result.conditions).toEqual([
      'keep it: record actual costs for 2026-11 before 2026-12-01',
      'keep it: production accountability and operational discipline — every gate holding (one failing drops the posture at once)',
    ]);
  });

  it('should give a controlled investment its scope envelope: the committee\'s, else the one recommended', () => {
    // The full default hold period: the gates hold but the posture stays controlled.
    const inputs: ScoringInputs = { ...fullyReady(), scope: { businessUnit: 'Claims', requestedUsers: 1200 } };
    const recommended = evaluate(inputs, DEFAULT_MODEL, asOf);
    expect(recommended.posture).toBe('controlled_investment');
    expect(recommended.scopeEnvelope).toEqual({
      businessUnits: ['Claims'],
      users: 1200,
      monthlySpendCap: null,
      currency: null,
      basis: 'recommended: the business unit that ran the pilot, at most the users requested, until authorize_deployment',
    });
    const decided = evaluate(
      {
        ...inputs,
        decision: {
          decision: 'controlled_investment',
          decidedAt: '2026-10-20T09:00:00Z',
          scopeEnvelope: { businessUnits: ['Claims', 'Motor'], users: 300, monthlySpendCap: '15000.00', currency: 'EUR' },
        },
      },
      DEFAULT_MODEL,
      asOf,
    );
    expect(decided.scopeEnvelope).toEqual({ businessUnits: ['Claims', 'Motor'], users: 300, monthlySpendCap: '15000.00', currency: 'EUR', basis: "the committee's decision of 2026-10-20" });
    expect(evaluate(inputs, NO_HOLD, asOf).scopeEnvelope).toBeNull();
  });

  describe('hysteresis', () => {
    const day = 24 * 60 * 60 * 1000;

    it('should hold in controlled investment until the gates have held for the hold period', () => {
      const first = evaluate(fullyReady(), NO_GRACE, asOf);
      expect(first.posture).toBe('controlled_investment');
      expect(first.gatesHeldSince).toBe(asOf.toISOString());
      expect(first.reviewAt).toBe(new Date(asOf.getTime() + 14 * day).toISOString());
      expect(first.signals).toContain('deployment controls stabilizing');
      expect(first.conditions).toEqual([
        `keep every deployment gate holding until 2026-11-15T00:00:00.000Z (held since ${asOf.toISOString()})`,
      ]);

      const beforeEnd = evaluate(fullyReady(), NO_GRACE, new Date(asOf.getTime() + 13 * day), first);
      expect(beforeEnd.posture).toBe('controlled_investment');
      const atEnd = evaluate(fullyReady(), NO_GRACE, new Date(asOf.getTime() + 14 * day), first);
      expect(atEnd.posture).toBe('authorize_deployment');
      expect(atEnd.gatesHeldSince).toBe(asOf.toISOString());
      // Next review when October is no longer the latest closed month.
      expect(atEnd.reviewAt).toBe('2026-12-01T00:00:00.000Z');
    });

    it('should move down at once when a gate fails, and restart the hold from scratch', () => {
      const authorized = { gatesHeldSince: new Date(asOf.getTime() - 30 * day).toISOString() };
      const inputs = fullyReady();
      delete inputs.owners.risk_owner;
      const dropped = evaluate(inputs, NO_GRACE, asOf, authorized);
      expect(dropped.posture).toBe('controlled_investment');
      expect(dropped.gatesHeldSince).toBeNull();
      const back = evaluate(fullyReady(), NO_GRACE, new Date(asOf.getTime() + day), dropped);
      expect(back.posture).toBe('controlled_investment');
      expect(back.gatesHeldSince).toBe(new Date(asOf.getTime() + day).toISOString());
    });

    it('should ask to be reviewed when evidence is about to lapse', () => {
      const inputs = fullyReady();
      inputs.evidence['resilience.rollback'] = { status: 'established', attestedAt: '2026-10-01T00:00:00Z', expiresAt: '2026-11-03T00:00:00Z' };
      expect(evaluate(inputs, NO_HOLD, asOf).reviewAt).toBe('2026-11-03T00:00:00.000Z');
    });
  });

  it('should hold an initiative in controlled investment while one required criterion is partial', () => {
    const inputs = fullyReady();
    inputs.evidence['resilience.rollback'] = { status: 'partial', attestedAt: '2026-10-01T00:00:00Z', expiresAt: null };
    const result = evaluate(inputs, NO_HOLD, asOf);
    expect(result.posture).toBe('controlled_investment');
    expect(result.conditions).toContain('establish it (resilience.rollback): attest it as established');
  });

  it('should treat expired approval evidence as absent and say when it expired', () => {
    const inputs = fullyReady();
    const id: CriterionId = 'governance.approval_pathways';
    inputs.evidence[id] = { status: 'established', attestedAt: '2026-01-01T00:00:00Z', expiresAt: '2026-10-01T00:00:00Z' };
    const result = evaluate(inputs, DEFAULT_MODEL, asOf);
    expect(result.posture).toBe('pause');
    expect(result.conditions).toContain('governance.approval_pathways evidence expired on 2026-10-01 — renew it');
  });

  it('should count evidence expiring at the moment of evaluation as expired', () => {
    const inputs = fullyReady();
    inputs.evidence['resilience.rollback'] = { status: 'established', attestedAt: '2026-01-01T00:00:00Z', expiresAt: asOf.toISOString() };
    const result = evaluate(inputs, NO_HOLD, asOf);
    expect(result.posture).toBe('controlled_investment');
    expect(result.conditions).toContain('resilience.rollback evidence expired on 2026-11-01 — renew it');
  });

  it('should round a domain to the nearest point and count a domain at the threshold as ready', () => {
    // Portfolio readiness has no gate of its own: 100, 50 and 50 points make 66.67, shown as 67.
    const inputs = fullyReady();
    for (const id of ['portfolio.priorities', 'portfolio.dependencies'] as const) {
      inputs.evidence[id] = { status: 'partial', attestedAt: '2026-10-01T00:00:00Z', expiresAt: null };
    }
    const atThreshold = evaluate(inputs, { ...NO_HOLD, domainThreshold: 67 }, asOf);
    expect(atThreshold.domains.find((domain) => domain.id === 'portfolio')?.score).toBe(67);
    expect(atThreshold.posture).toBe('authorize_deployment');
    expect(atThreshold.conditions.filter((condition) => !condition.startsWith('keep it:'))).toEqual([]);
    const below = evaluate(inputs, { ...NO_HOLD, domainThreshold: 68 }, asOf);
    expect(below.posture).toBe('controlled_investment');
    expect(below.conditions).toEqual(['raise portfolio readiness to 68: now 67']);
  });

  it('should authorize only with actual costs recorded for the latest closed month', () => {
    const inputs = { ...fullyReady(), latestCostPeriod: '2026-09' };
    const result = evaluate(inputs, NO_HOLD, asOf);
    expect(result.posture).toBe('controlled_investment');
    expect(result.conditions).toEqual(['record actual costs for 2026-10 (latest recorded: 2026-09)']);
    expect(evaluate({ ...inputs, latestCostPeriod: undefined }, NO_HOLD, asOf).conditions).toEqual([
      'record actual costs for 2026-10 (latest recorded: none)',
    ]);
    expect(evaluate(inputs, { ...NO_HOLD, requireLatestClosedMonthCosts: false }, asOf).posture).toBe('authorize_deployment');
    // Spend this month or dated ahead says nothing of the month that closed; spend in it does, in any currency.
    const spend = (...periods: string[]) => periods.map((period) => ({ period, currency: 'EUR', amount: '10' }));
    const ahead = { ...inputs, latestCostPeriod: '2027-01', recentSpend: spend('2026-09', '2026-11', '2027-01') };
    expect(evaluate(ahead, NO_HOLD, asOf).conditions).toEqual(['record actual costs for 2026-10 (latest recorded: 2027-01)']);
    const closed = { ...ahead, recentSpend: [...spend('2026-09', '2026-11'), { period: '2026-10', currency: 'USD', amount: '-3' }] };
    expect(evaluate(closed, NO_HOLD, asOf).posture).toBe('authorize_deployment');
  });

  it('should ask to be reviewed when this month closes, if its spend would then prove the closed month', () => {
    const graceful = { ...NO_HOLD, closedMonthGraceDays: 10 };
    // The first spend was recorded late in March: nothing proves February, but March will count from 1 April.
    const firstSpend = { ...fullyReady(), latestCostPeriod: '2026-03', recentSpend: [{ period: '2026-03', currency: 'EUR', amount: '120.50' }] };
    const march = evaluate(firstSpend, graceful, new Date('2026-03-28T09:00:00Z'));
    expect(march.conditions).toEqual(['record actual costs for 2026-02 (latest recorded: 2026-03)']);
    expect(march.reviewAt).toBe('2026-04-01T00:00:00.000Z');
    expect(evaluate(firstSpend, graceful, new Date('2026-04-01T00:00:00Z')).posture).toBe('authorize_deployment');
    // Nothing spent this month: the month closing changes nothing, so no review is asked for.
    expect(evaluate({ ...firstSpend, latestCostPeriod: null, recentSpend: [] }, graceful, new Date('2026-03-28T09:00:00Z')).reviewAt).toBeNull();
  });

  it('should give a month\'s bill the model\'s grace days to arrive before the month counts as the latest closed one', () => {
    const graceful = { ...NO_HOLD, closedMonthGraceDays: 10 };
    const september = { ...fullyReady(), latestCostPeriod: '2026-09' };
    // On 1 to 10 November, September's costs are enough: October's bill may not be in yet.
    const early = evaluate(september, graceful, new Date('2026-11-10T23:59:59Z'));
    expect(early.posture).toBe('authorize_deployment');
    expect(early.reviewAt).toBe('2026-11-11T00:00:00.000Z');
    const due = evaluate(september, graceful, new Date('2026-11-11T00:00:00Z'));
    expect(due.conditions).toEqual(['record actual costs for 2026-10 (latest recorded: 2026-09)']);
    const october = evaluate({ ...september, latestCostPeriod: '2026-10' }, graceful, new Date('2026-11-11T00:00:00Z'));
    expect(october.posture).toBe('authorize_deployment');
    expect(october.reviewAt).toBe('2026-12-11T00:00:00.000Z');
  });

  it('should pause for every responsibility the model requires and nobody owns', () => {
    const inputs = fullyReady();
    delete inputs.owners.risk_owner;
    expect(evaluate(inputs, NO_HOLD, asOf).posture).toBe('controlled_investment');
    const strict = { ...NO_HOLD, pauseUnlessOwned: [...NO_HOLD.pauseUnlessOwned, 'risk_owner' as const] };
    const result = evaluate(inputs, strict, asOf);
    expect(result.posture).toBe('pause');
    expect(result.conditions).toEqual(['assign a risk_owner']);
  });

  it('should pause when under half of spend is attributed', () => {
    const inputs = { ...fullyReady(), attributedSpendShare: '0.31' };
    const result = evaluate(inputs, DEFAULT_MODEL, asOf);
    expect(result.posture).toBe('pause');
    expect(result.conditions).toContain('attribute at least 50 % of spend from reliable sources (now 31 %)');
  });

  it('should take cost visibility down while spend recently ran past its budget, worst overrun first, and forget old ones', () => {
    const visibility = (inputs: ScoringInputs, at = asOf) =>
      evaluate(inputs, DEFAULT_MODEL, at).domains.flatMap((domain) => domain.criteria).find((criterion) => criterion.id === 'economics.cost_visibility');
    const attributed = { ...fullyReady(), attributedSpendShare: '0.95' };
    expect(visibility(attributed)).toMatchObject({ state: 'established', source: 'measured' });
    const over = (period: string, burn: string) => ({ period, category: 'inference', currency: 'EUR', burn });
    expect(visibility({ ...attributed, budgetOverruns: [over('2026-10', '1.3')] })).toMatchObject({
      state: 'partial',
      source: 'measured',
      basis: 'inference spend in 2026-10 at 130 % of its budget; 95 % of recorded spend attributed from reliable sources',
    });
    expect(visibility({ ...attributed, budgetOverruns: [over('2026-10', '1.3'), over('2026-09', '1.6')] })?.state).toBe('absent');
    // Three months on, the overrun no longer weighs.
    expect(visibility({ ...attributed, budgetOverruns: [over('2026-08', '1.6')] })?.state).toBe('established');
    // Already worse from attribution: stays so, both reasons given.
    expect(visibility({ ...attributed, attributedSpendShare: '0.2', budgetOverruns: [over('2026-11', '1.1')] })).toMatchObject({
      state: 'absent',
      basis: '20 % of recorded spend attributed from reliable sources; inference spend in 2026-11 at 110 % of its budget',
    });
  });

  it('should let an overrun with no share of spend measured lower attested cost visibility, never raise it', () => {
    const over = { period: '2026-11', category: 'inference', currency: 'EUR', burn: '1.2' };
    const visibility = (inputs: ScoringInputs) => evaluate(inputs, DEFAULT_MODEL, asOf).domains.flatMap((d) => d.criteria).find((c) => c.id === 'economics.cost_visibility');
    const otherEvidence = { ...fullyReady().evidence };
    delete otherEvidence['economics.cost_visibility'];
    // No evidence at all: still absent, and the initiative still paused for it.
    const unattested = { ...fullyReady(), evidence: otherEvidence, budgetOverruns: [over] };
    expect(visibility(unattested)).toMatchObject({ state: 'absent', source: 'missing' });
    const paused = evaluate(unattested, DEFAULT_MODEL, asOf);
    expect(paused.posture).toBe('pause');
    expect(paused.signals).toContain('cost visibility weak');
    // Lapsed evidence is named as such, not hidden behind the overrun.
    const lapsed = { ...fullyReady(), evidence: { ...otherEvidence, 'economics.cost_visibility': { status: 'established' as const, attestedAt: '2026-10-01T00:00:00Z', expiresAt: '2026-11-01T00:00:00Z' } } };
    expect(visibility({ ...lapsed, budgetOverruns: [over] })).toMatchObject({ state: 'absent', expiredAt: '2026-11-01T00:00:00Z' });
    // Established evidence: the overrun takes it down to partial, as before.
    expect(visibility({ ...fullyReady(), budgetOverruns: [over] })).toMatchObject({ state: 'partial', source: 'measured', basis: 'inference spend in 2026-11 at 120 % of its budget' });
  });

  describe('a new active model', () => {
    const day = 24 * 60 * 60 * 1000;
    const heldLongAgo = { gatesHeldSince: new Date(asOf.getTime() - 30 * day).toISOString(), gatesHeldUnder: 'default-1' };
    const activatedAt = new Date(asOf.getTime() - 60_000).toISOString();

    it('should restart the hold from the activation of a model other than the one it began under, and say so', () => {
      const restarted = evaluate(fullyReady(), NO_GRACE, asOf, heldLongAgo, { activatedAt });
      expect(restarted.posture).toBe('controlled_investment');
      expect(restarted.gatesHeldSince).toBe(activatedAt);
      expect(restarted.gatesHeldUnder).toBe('default-3');
      const endsAt = new Date(Date.parse(activatedAt) + 14 * day).toISOString();
      expect(restarted.hold).toEqual({ since: activatedAt, modelVersion: 'default-3', endsAt, restartedFrom: { modelVersion: 'default-1', since: heldLongAgo.gatesHeldSince } });
      expect(restarted.signals).toContain('hold restarted under a newly active scoring model');
      expect(restarted.reviewAt).toBe(endsAt);

      // Under the model it began with, the hold goes on counting; after the restart, it counts from the activation.
      expect(evaluate(fullyReady(), NO_GRACE, asOf, { ...heldLongAgo, gatesHeldUnder: 'default-3' }, { activatedAt }).posture).toBe('authorize_deployment');
      const later = evaluate(fullyReady(), NO_GRACE, new Date(endsAt), restarted, { activatedAt });
      expect(later.posture).toBe('authorize_deployment');
      expect(later.hold).toEqual({ since: activatedAt, modelVersion: 'default-3', endsAt });
    });

    it('should keep an authorization earned under another model while the new model\'s gates hold, and take it when one fails', () => {
      const authorizedYesterday = { gatesHeldSince: new Date(asOf.getTime() - day).toISOString(), gatesHeldUnder: 'short-hold', authorized: true };
      const kept = evaluate(fullyReady(), DEFAULT_MODEL, asOf, authorizedYesterday, { activatedAt });
      expect(kept.posture).toBe('authorize_deployment');
      expect(kept.hold?.keptFrom).toEqual({ modelVersion: 'short-hold', since: authorizedYesterday.gatesHeldSince });
      expect(kept.signals).toContain('authorization kept under a newly active scoring model: its gates hold');
      expect(evaluate(fullyReady(), DEFAULT_MODEL, asOf, { ...kept, authorized: true }, { activatedAt }).posture).toBe('authorize_deployment');
      // Not yet authorized, the same hold restarts under the new model.
      expect(evaluate(fullyReady(), DEFAULT_MODEL, asOf, { ...authorizedYesterday, authorized: false }, { activatedAt }).posture).toBe('controlled_investment');
      // A gate that fails takes the authorization away at once.
      expect(evaluate({ ...fullyReady(), owners: {} }, DEFAULT_MODEL, asOf, authorizedYesterday, { activatedAt }).posture).toBe('pause');
    });

    it('should restart a hold from the evaluation itself when the activation time is unknown, never before the old hold began', () => {
      expect(evaluate(fullyReady(), DEFAULT_MODEL, asOf, heldLongAgo).gatesHeldSince).toBe(asOf.toISOString());
      const recent = { gatesHeldSince: asOf.toISOString(), gatesHeldUnder: 'default-1' };
      expect(evaluate(fullyReady(), DEFAULT_MODEL, asOf, recent, { activatedAt: new Date(asOf.getTime() - day).toISOString() }).gatesHeldSince).toBe(asOf.toISOString());
    });
  });

  it('should ask to be reviewed when a budget overrun stops weighing on cost visibility, or starts to', () => {
    const over = (period: string, burn: string) => ({ period, category: 'inference', currency: 'EUR', burn });
    const at = new Date('2026-11-10T00:00:00Z');
    const paused = evaluate({ ...fullyReady(), attributedSpendShare: '0.95', budgetOverruns: [over('2026-09', '1.6')] }, NO_HOLD, at);
    expect(paused.posture).toBe('pause');
    expect(paused.reviewAt).toBe('2026-12-01T00:00:00.000Z');
    expect(evaluate({ ...fullyReady(), attributedSpendShare: '0.95', budgetOverruns: [over('2026-10', '1.6')] }, NO_HOLD, at).reviewAt).toBe('2027-01-01T00:00:00.000Z');
    // A budget month still ahead weighs from its first day.
    const ahead = evaluate({ ...fullyReady(), attributedSpendShare: '0.95', budgetOverruns: [over('2026-10', '1.6'), over('2026-11', '1.6')] }, NO_HOLD, new Date('2026-10-20T00:00:00Z'));
    expect(ahead.reviewAt).toBe('2026-11-01T00:00:00.000Z');
  });

  it('should ask to be reviewed when a telemetry period leaves the recency window or starts', () => {
    const week = (periodStart: string, crossTeamEscalations = 0) => ({ periodKind: 'week' as const, periodStart, supportBacklog: 1, incidents: 0, crossTeamEscalations, rollbacks: 0 });
    const stale = evaluate({ ...fullyReady(), telemetry: [week('2026-08-10', 9)] }, DEFAULT_MODEL, asOf);
    expect(stale.posture).toBe('controlled_investment');
    expect(stale.reviewAt).toBe('2026-11-08T00:00:00.000Z');
    // Once it has left, attestation decides again.
    const later = evaluate({ ...fullyReady(), telemetry: [week('2026-08-10', 9)] }, DEFAULT_MODEL, new Date('2026-11-08T00:00:00Z'));
    expect(later.domains.flatMap((d) => d.criteria).find((c) => c.id === 'resilience.support_escalation')).toMatchObject({ state: 'established', source: 'attested' });
    expect(evaluate({ ...fullyReady(), telemetry: [week('2026-10-26'), week('2026-11-02', 9)] }, DEFAULT_MODEL, asOf).reviewAt).toBe('2026-11-02T00:00:00.000Z');
  });

  it('should name expired evidence in the conditions to progress, wherever it counts', () => {
    const inputs = fullyReady();
    inputs.evidence['portfolio.priorities'] = { status: 'established', attestedAt: '2026-01-01T00:00:00Z', expiresAt: '2026-10-15T00:00:00Z' };
    inputs.evidence['portfolio.dependencies'] = { status: 'partial', attestedAt: '2026-01-01T00:00:00Z', expiresAt: null };
    const result = evaluate(inputs, NO_HOLD, asOf);
    expect(result.posture).toBe('controlled_investment');
    expect(result.conditions).toEqual(['raise portfolio readiness to 70: now 50', 'portfolio.priorities evidence expired on 2026-10-15 — renew it']);
    const criterion = result.domains.flatMap((domain) => domain.criteria).find((c) => c.id === 'portfolio.priorities');
    expect(criterion).toEqual({ id: 'portfolio.priorities', state: 'absent', source: 'missing', contribution: 0, expiredAt: '2026-10-15T00:00:00Z' });
  });

  describe('measured criteria in the conditions to progress', () => {
    const over = (period: string, burn: string) => ({ period, category: 'inference', currency: 'EUR', burn });

    it('should give the measured basis and the lever, never ask to attest what data decides', () => {
      const partial = evaluate({ ...fullyReady(), attributedSpendShare: '0.6' }, NO_HOLD, asOf);
      expect(partial.posture).toBe('controlled_investment');
      expect(partial.conditions).toEqual(['attribute at least 80 % of spend from reliable sources (now 60 %)']);

      const overrun = evaluate({ ...fullyReady(), attributedSpendShare: '0.95', budgetOverruns: [over('2026-10', '1.3')] }, NO_HOLD, asOf);
      expect(overrun.conditions).toEqual(['keep spend within budget: inference spend in 2026-10 at 130 % of its budget weighs on cost visibility until 2027-01-01']);

      const paused = evaluate({ ...fullyReady(), attributedSpendShare: '0.4', budgetOverruns: [over('2026-10', '1.6')] }, NO_HOLD, asOf);
      expect(paused.posture).toBe('pause');
      expect(paused.conditions).toEqual([
        'attribute at least 50 % of spend from reliable sources (now 40 %)',
        'keep spend within budget: inference spend in 2026-10 at 160 % of its budget weighs on cost visibility until 2027-01-01',
      ]);
      for (const result of [partial, overrun, paused]) expect(result.conditions.join('\n')).not.toMatch(/attest it/);
    });
  });

  it('should give the same hash whatever the order of the inputs', () => {
    const a = fullyReady();
    const b: ScoringInputs = { latestCostPeriod: a.latestCostPeriod, evidence: a.evidence, owners: a.owners, initiativeId: a.initiativeId };
    expect(evaluate(a, DEFAULT_MODEL, asOf).inputHash).toBe(evaluate(b, DEFAULT_MODEL, asOf).inputHash);
  });
});
