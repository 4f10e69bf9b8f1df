import Decimal from 'decimal.js';

const Exact = Decimal.clone({ precision: 100 });
import fc from 'fast-check';
import { ruleFor, splitExactly, weightsOf, type AllocationRule } from './allocation';
import type { FocusCharge } from './focus-row';

const charge = (overrides: Partial<FocusCharge> = {}): FocusCharge => ({
  chargeDate: '2026-10-01',
  billedCost: '10',
  effectiveCost: '10',
  listCost: null,
  contractedCost: null,
  currency: 'USD',
  chargeCategory: 'Usage',
  serviceCategory: 'AI and Machine Learning',
  category: 'inference',
  resourceId: 'arn:aws:bedrock:eu-west-1:123:model/claims-triage',
  billingAccountId: '123',
  subAccountId: 'claims',
  tags: { team: 'claims', app: 'triage' },
  ...overrides,
});

describe(splitExactly.name, () => {
  it('should split so the parts add back exactly to the whole, the leftover to the largest remainders', () => {
    expect(splitExactly('100', [1, 1, 1].map((w) => new Decimal(w)), 2)).toEqual(['33.34', '33.33', '33.33']);
    expect(splitExactly('-0.05', [1, 1].map((w) => new Decimal(w)), 2)).toEqual(['-0.03', '-0.02']);
    expect(splitExactly('10', ['70', '30'].map((w) => new Decimal(w)), 2)).toEqual(['7', '3']);
    expect(() => splitExactly('1.001', [new Decimal(1)], 2)).toThrow(RangeError);
  });

  it('should add back exactly for any amount and any weights (property)', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 18 }))
      .map(([units, scale]) => new Exact(units.toString()).div(new Exact(10).pow(scale)).toFixed());
    const weights = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }).filter((ws) => ws.some((w) => w > 0));
    fc.assert(
      fc.property(amount, weights, (whole, ws) => {
        const parts = splitExactly(whole, ws.map((w) => new Decimal(w)), 18);
        const sum = parts.reduce((total, p) => total.plus(p), new Exact(0));
        expect(sum.equals(new Exact(whole))).toBe(true);
        // No part strays more than one unit from its exact share.
        const total = ws.reduce((a, b) => a + b, 0);
        parts.forEach((p, i) => expect(new Exact(p).minus(new Exact(whole).times(ws[i]).div(total)).abs().lte(new Exact(10).pow(-18))).toBe(true));
      }),
      { numRuns: 2000 },
    );
  });
});

describe(ruleFor.name, () => {
  const rules: AllocationRule[] = [
    { id: '1', name: 'triage by tag', priority: 10, match: { tag: { key: 'app', value: 'triage' } }, target: { kind: 'initiative', initiativeId: 'A' } },
    { id: '2', name: 'claims account', priority: 20, match: { subAccountId: 'claims' }, target: { kind: 'split', method: 'fixed', parts: [{ initiativeId: 'A', share: '60' }, { initiativeId: 'B', share: '40' }] } },
    { id: '3', name: 'bedrock models', priority: 30, match: { resourceIdPattern: 'arn:aws:bedrock:*' }, target: { kind: 'split', method: 'even', parts: [{ initiativeId: 'A' }, { initiativeId: 'B' }, { initiativeId: 'C' }] } },
  ];

  it('should take the first rule that matches, by tag, account or resource pattern', () => {
    expect(ruleFor(rules, charge())?.name).toBe('triage by tag');
    expect(ruleFor(rules, charge({ tags: {} }))?.name).toBe('claims account');
    expect(ruleFor(rules, charge({ tags: {}, subAccountId: 'retail' }))?.name).toBe('bedrock models');
    expect(ruleFor(rules, charge({ tags: {}, subAccountId: 'retail', resourceId: 'vm-1' }))).toBeUndefined();
  });

  it('should weigh splits: fixed percentages, even parts', () => {
    expect(weightsOf(rules[1].target).map((w) => w.weight.toFixed())).toEqual(['60', '40']);
    expect(weightsOf(rules[2].target).map((w) => w.weight.toFixed())).toEqual(['1', '1', '1']);
  });
});
