import fc from 'fast-check';
import { CRITERION_IDS, EVIDENCE_STATUSES, RESPONSIBILITIES, postureRank, type CriterionId, type EvidenceStatus } from '@capstan/domain';
import { evaluate } from './evaluate';
import type { ScoringInputs } from './inputs';
import { DEFAULT_MODEL } from './model';

const asOf = new Date('2026-11-01T00:00:00Z');
const statusRank: Record<EvidenceStatus, number> = { absent: 0, partial: 1, established: 2 };

const inputsArbitrary: fc.Arbitrary<ScoringInputs> = fc.record({
  initiativeId: fc.constant('7d9f3c1e-0000-4000-8000-000000000009'),
  owners: fc
    .subarray([...RESPONSIBILITIES])
    .map((owned) => Object.fromEntries(owned.map((responsibility) => [responsibility, { person: 'P', team: 'T' }]))),
  evidence: fc
    .dictionary(fc.constantFrom(...CRITERION_IDS), fc.constantFrom(...EVIDENCE_STATUSES), { maxKeys: CRITERION_IDS.length })
    .map((statuses) =>
      Object.fromEntries(Object.entries(statuses).map(([id, status]) => [id, { status, attestedAt: '2026-10-01T00:00:00Z', expiresAt: null }])),
    ),
  attributedSpendShare: fc.option(fc.constantFrom('0', '0.25', '0.5', '0.8', '1'), { nil: undefined }),
});
const priorArbitrary = fc.option(fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-10-31T00:00:00.000Z'), { nil: null });

describe('evaluate (properties)', () => {
  it('should give the same result for the same inputs, model and moment', () => {
    fc.assert(
      fc.property(inputsArbitrary, priorArbitrary, (inputs, heldSince) => {
        const prior = { gatesHeldSince: heldSince };
        expect(evaluate(structuredClone(inputs), DEFAULT_MODEL, asOf, prior)).toEqual(evaluate(inputs, DEFAULT_MODEL, asOf, prior));
      }),
    );
  });

  it('should never lower a domain score when evidence is added or strengthened', () => {
    fc.assert(
      fc.property(inputsArbitrary, fc.constantFrom(...CRITERION_IDS), fc.constantFrom(...EVIDENCE_STATUSES), (inputs, criterion, status) => {
        const current = inputs.evidence[criterion as CriterionId]?.status ?? 'absent';
        fc.pre(statusRank[status] >= statusRank[current]);
        const before = evaluate(inputs, DEFAULT_MODEL, asOf);
        const stronger: ScoringInputs = {
          ...inputs,
          evidence: { ...inputs.evidence, [criterion]: { status, attestedAt: '2026-10-15T00:00:00Z', expiresAt: null } },
        };
        const after = evaluate(stronger, DEFAULT_MODEL, asOf);
        after.domains.forEach((domain, i) => expect(domain.score).toBeGreaterThanOrEqual(before.domains[i].score));
      }),
    );
  });

  it('should never raise the posture when an owner is removed', () => {
    fc.assert(
      fc.property(inputsArbitrary, priorArbitrary, fc.constantFrom(...RESPONSIBILITIES), (inputs, heldSince, responsibility) => {
        const prior = { gatesHeldSince: heldSince };
        const before = evaluate(inputs, DEFAULT_MODEL, asOf, prior);
        const owners = { ...inputs.owners };
        delete owners[responsibility];
        const after = evaluate({ ...inputs, owners }, DEFAULT_MODEL, asOf, prior);
        expect(postureRank(after.posture)).toBeLessThanOrEqual(postureRank(before.posture));
      }),
    );
  });
});
