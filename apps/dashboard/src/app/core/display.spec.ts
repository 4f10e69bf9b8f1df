import { burnPercent, localMoment, money, otherCurrencyNotes, percent, reachedBudget, refusal, sumAmounts } from './display';

describe(money.name, () => {
  it('should group the whole part by thousands and keep every digit of the fraction', () => {
    expect(money('843107')).toBe('843,107');
    expect(money('1234567.0000000001')).toBe('1,234,567.0000000001');
    expect(money('-1000.5')).toBe('-1,000.5');
    expect(money('999')).toBe('999');
    expect(money('0.123456789')).toBe('0.123456789');
    // More digits than a double holds: still exact.
    expect(money('12345678901234567890.12')).toBe('12,345,678,901,234,567,890.12');
  });

  it('should show what is not a decimal as it is, and no amount as nothing', () => {
    expect(money(null)).toBe('');
    expect(money('unknown')).toBe('unknown');
    expect(money('1e5')).toBe('1e5');
  });
});

describe(sumAmounts.name, () => {
  it('should add amounts to the cent exactly', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(['1170.50', '-1020.20'])).toBe('150.30');
    expect(sumAmounts(['-0.10', '0.05'])).toBe('-0.05');
    expect(sumAmounts([])).toBe('0.00');
    // Currencies with three places (a forecast in Kuwaiti dinars), and whole yen.
    expect(sumAmounts(['1.125', '2.5', '-0.005'])).toBe('3.620');
    expect(sumAmounts(['1200', '35'])).toBe('1235.00');
    expect(() => sumAmounts(['1e3'])).toThrow('Not a decimal amount');
  });
});

describe(reachedBudget.name, () => {
  it('should read the burn exactly, whatever thresholds were set', () => {
    expect(['1', '1.0001', '2.5', 'Infinity'].map(reachedBudget)).toEqual([true, true, true, true]);
    expect(['0.9999999', '0', '0.5'].map(reachedBudget)).toEqual([false, false, false]);
    expect(percent('Infinity')).toBe('∞ %');
  });
});

describe(burnPercent.name, () => {
  it('should round a burn down, never up to a threshold its alert has not crossed', () => {
    expect(['0.9999', '0.995', '1', '1.0201', '0.5', '0', '2'].map(burnPercent)).toEqual(['99 %', '99 %', '100 %', '102 %', '50 %', '0 %', '200 %']);
    expect(['-0.0001', '-0.255', 'Infinity'].map(burnPercent)).toEqual(['0 %', '-25 %', '∞ %']);
  });
});

describe(refusal.name, () => {
  it('should give the reason, then each field by its label on screen (or its name when it has none)', () => {
    const problem = { title: 'Bad Request', detail: 'The request is invalid', errors: [{ field: 'attestedAt', message: 'is in the future' }, { field: 'other', message: 'unknown' }] };
    expect(refusal('Not recorded', problem, { attestedAt: 'Attested on' })).toBe('Not recorded: The request is invalid · Attested on: is in the future · other: unknown');
    expect(refusal('Not saved', { title: 'Conflict' })).toBe('Not saved: Conflict');
  });
});

describe(otherCurrencyNotes.name, () => {
  const budget = { currency: 'SGD', period: '2026-07', otherCurrencies: [{ currency: 'EUR', actual: '1030' }] };

  it('should say nothing of a budget spent in its own currency alone', () => {
    expect(otherCurrencyNotes({ ...budget, otherCurrencies: [] })).toEqual([]);
  });

  it('should show what all the spend came to, cut to the cent, with the rate and the entries still waiting for one', () => {
    const all = { actual: '1716.666666666666666667', entriesAwaitingRate: 2, rate: { date: '2026-07-20', rate: '0.6' } };
    expect(otherCurrencyNotes({ ...budget, inBudgetCurrency: all })).toEqual([
      '+ 1,030 EUR',
      '≈ 1,716.66 SGD in all, at the SGD rate of 2026-07-20; 2 entries wait for a rate, not in it yet',
    ]);
    expect(otherCurrencyNotes({ ...budget, currency: 'EUR', otherCurrencies: [{ currency: 'USD', actual: '25.5' }], inBudgetCurrency: { actual: '4510.5', entriesAwaitingRate: 0, rate: null } })).toEqual([
      '+ 25.5 USD',
      '= 4,510.5 EUR in all',
    ]);
  });

  it("should say why other currencies are not in the burn without the budget currency's rate", () => {
    expect(otherCurrencyNotes({ ...budget, inBudgetCurrency: null })).toEqual(['+ 1,030 EUR', 'not in the burn: no SGD rate for 2026-07 or the month before']);
  });
});

describe(localMoment.name, () => {
  it("should show a stored UTC instant on the user's clock, whatever their zone", () => {
    // Built from the local clock, so the UTC string differs from what is shown east or west of UTC.
    const instant = new Date(2026, 11, 4, 0, 30, 7).toISOString();
    expect(localMoment(instant)).toBe('2026-12-04');
    expect(localMoment(instant, 'minute')).toBe('2026-12-04 00:30');
    expect(localMoment(instant, 'second')).toBe('2026-12-04 00:30:07');
  });

  it('should show what is not an instant as it came', () => {
    expect(localMoment('not a time')).toBe('not a time');
  });
});
