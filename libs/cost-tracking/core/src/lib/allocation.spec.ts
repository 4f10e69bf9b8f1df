import Decimal from 'decimal.js';
import fc from 'fast-check';
import { ExactDecimal as Exact, exactSplitter, globMatches, matches, ruleFor, splitExactly, weightsOf, type AllocationRule } from './allocation';
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

/** The split worked out with decimal.js, step by step as its doc comment says: the reference for the BigInt arithmetic. */
function decimalSplit(amount: string, weights: readonly Decimal[], scale: number): string[] {
  const whole = new Exact(amount);
  const total = weights.reduce((sum, w) => sum.plus(w), new Exact(0));
  const unit = new Exact(10).pow(-scale);
  const sign = whole.isNegative() ? -1 : 1;
  const exact = weights.map((w) => whole.abs().times(w).div(total));
  const parts = exact.map((e) => e.toDecimalPlaces(scale, Decimal.ROUND_DOWN));
  let left = whole.abs().minus(parts.reduce((sum, p) => sum.plus(p), new Exact(0))).div(unit).round().toNumber();
  const order = exact.map((e, i) => ({ i, remainder: e.minus(parts[i]) })).sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i] = parts[order[k].i].plus(unit);
  return parts.map((p) => p.times(sign).toFixed());
}

describe(exactSplitter.name, () => {
  it('should give exactly what decimal arithmetic gives, for any amount, weights and scale (property)', () => {
    const scale = fc.integer({ min: 0, max: 18 });
    const decimal = (maxDigits: bigint) =>
      fc.tuple(fc.bigInt({ min: -maxDigits, max: maxDigits }), fc.integer({ min: 0, max: 18 })).map(([units, places]) => new Exact(units.toString()).div(new Exact(10).pow(places)).toFixed());
    // Small whole weights often repeat, so remainders tie and the tie rule is put to the test too.
    const weight = fc.oneof(fc.integer({ min: 0, max: 3 }).map((w) => new Decimal(w)), decimal(10n ** 12n).map((w) => new Decimal(w).abs()));
    const weights = fc.array(weight, { minLength: 1, maxLength: 8 }).filter((ws) => ws.some((w) => w.gt(0)));
    fc.assert(
      fc.property(decimal(10n ** 20n), weights, scale, (amount, ws, places) => {
        const rounded = new Exact(amount).toDecimalPlaces(places, Decimal.ROUND_DOWN).toFixed();
        expect(exactSplitter(ws, places)(rounded)).toEqual(decimalSplit(rounded, ws, places));
      }),
      { numRuns: 3000 },
    );
  });

  it('should read amounts decimal.js reads, and refuse what is not a number or too precise', () => {
    const halves = exactSplitter([new Decimal(1), new Decimal(1)], 2);
    expect(halves('1e1')).toEqual(['5', '5']);
    expect(halves('-0.00')).toEqual(['0', '0']);
    expect(halves('0.010')).toEqual(['0.01', '0']);
    expect(() => halves('0.001')).toThrow(RangeError);
    expect(() => halves('ten')).toThrow();
    expect(() => exactSplitter([new Decimal(0)], 2)).toThrow(RangeError);
    expect(() => exactSplitter([new Decimal(-1), new Decimal(2)], 2)).toThrow(RangeError);
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

describe(matches.name, () => {
  it('should match a tag by its key, and by its value when the rule names one', () => {
    expect(matches({ tag: { key: 'app' } }, charge())).toBe(true);
    expect(matches({ tag: { key: 'app', value: 'triage' } }, charge())).toBe(true);
    expect(matches({ tag: { key: 'app', value: 'fraud' } }, charge())).toBe(false);
    expect(matches({ tag: { key: 'env' } }, charge())).toBe(false);
    // A key every object inherits is no tag of the charge.
    expect(matches({ tag: { key: 'constructor' } }, charge())).toBe(false);
    expect(matches({ tag: { key: 'toString' } }, charge())).toBe(false);
  });

  it('should match accounts exactly', () => {
    expect(matches({ billingAccountId: '123' }, charge())).toBe(true);
    expect(matches({ billingAccountId: '1234' }, charge())).toBe(false);
    expect(matches({ subAccountId: 'claims' }, charge())).toBe(true);
    expect(matches({ subAccountId: 'claim' }, charge())).toBe(false);
    expect(matches({ billingAccountId: '123' }, charge({ billingAccountId: null }))).toBe(false);
  });

  it('should match a resource pattern whole, `*` standing for any run of characters and nothing else special', () => {
    const resource = (resourceId: string | null) => charge({ resourceId });
    expect(matches({ resourceIdPattern: 'vm-*' }, resource('vm-1'))).toBe(true);
    expect(matches({ resourceIdPattern: 'vm-*' }, resource('vm-'))).toBe(true);
    expect(matches({ resourceIdPattern: 'vm-*' }, resource('old-vm-1'))).toBe(false);
    expect(matches({ resourceIdPattern: '*-gpu' }, resource('vm-gpu-2'))).toBe(false);
    expect(matches({ resourceIdPattern: 'a.b+c' }, resource('a.b+c'))).toBe(true);
    expect(matches({ resourceIdPattern: 'a.b+c' }, resource('aXbbc'))).toBe(false);
    expect(matches({ resourceIdPattern: '*' }, resource(null))).toBe(true);
    expect(matches({ resourceIdPattern: 'vm-*' }, resource(null))).toBe(false);
  });

  it('should match globs as the regular expression they stand for would, for any pattern and value', () => {
    const reference = (pattern: string, value: string) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's').test(value);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '*', '.'), maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b', '.'), maxLength: 10 }), (pattern, value) => {
        expect(globMatches(pattern, value)).toBe(reference(pattern, value));
      }),
      { numRuns: 5_000 },
    );
  });

  it('should answer a pattern of many stars against a long id (a regular expression backtracked on it for minutes)', () => {
    expect(globMatches('*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(40))).toBe(false);
    expect(globMatches('*a*a*a*a*a*a*a*a*a*a*a*b', `${'a'.repeat(40)}b`)).toBe(true);
  });

  it('should need every condition a rule gives', () => {
    expect(matches({}, charge())).toBe(true);
    expect(matches({ tag: { key: 'app', value: 'triage' }, subAccountId: 'claims', resourceIdPattern: 'arn:aws:bedrock:*' }, charge())).toBe(true);
    expect(matches({ tag: { key: 'app', value: 'triage' }, subAccountId: 'retail' }, charge())).toBe(false);
    expect(matches({ billingAccountId: '123', resourceIdPattern: 'vm-*' }, charge())).toBe(false);
  });
});
