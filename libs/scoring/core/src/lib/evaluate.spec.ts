import { CRITERION_IDS, RESPONSIBILITIES, type CriterionId } from '@capstan/domain';
import { evaluate } from './evaluate';
import { emptyInputs, type ScoringInputs } from './inputs';
import { DEFAULT_MODEL } from './model';

const asOf = new Date('2026-11-01T00:00:00Z');

function fullyReady(): ScoringInputs {
  const inputs = emptyInputs('7d9f3c1e-0000-4000-8000-000000000001');
  for (const responsibility of RESPONSIBILITIES) inputs.owners[responsibility] = { person: 'Ana', team: 'Platform' };
  for (const id of CRITERION_IDS) {
    inputs.evidence[id] = { status: 'established', attestedAt: '2026-10-01T00:00:00Z', expiresAt: null };
  }
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
    expect(result.domains.every((d) => d.score === 0 && d.criteria.every((c) => c.source === 'missing'))).toBe(true);
  });

  it('should authorize deployment when every gate holds', () => {
    const result = evaluate(fullyReady(), DEFAULT_MODEL, asOf);
    expect(result.posture).toBe('authorize_deployment');
    expect(result.conditions).toEqual([]);
  });

  it('should hold an initiative in controlled investment while one required criterion is partial', () => {
    const inputs = fullyReady();
    inputs.evidence['resilience.rollback'] = { status: 'partial', attestedAt: '2026-10-01T00:00:00Z', expiresAt: null };
    const result = evaluate(inputs, DEFAULT_MODEL, asOf);
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

  it('should pause when under half of spend is attributed', () => {
    const inputs = { ...fullyReady(), attributedSpendShare: '0.31' };
    const result = evaluate(inputs, DEFAULT_MODEL, asOf);
    expect(result.posture).toBe('pause');
    expect(result.conditions).toContain('attribute at least 50 % of spend: 31 % attributed');
  });

  it('should give the same hash whatever the order of the inputs', () => {
    const a = fullyReady();
    const b: ScoringInputs = { evidence: a.evidence, owners: a.owners, initiativeId: a.initiativeId };
    expect(evaluate(a, DEFAULT_MODEL, asOf).inputHash).toBe(evaluate(b, DEFAULT_MODEL, asOf).inputHash);
  });
});
