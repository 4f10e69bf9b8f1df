import { burnOf, type BudgetSpend } from './budget-burn';

const eurBudget: BudgetSpend = {
  currency: 'EUR',
  budget: '1000',
  own: '600',
  others: [],
  othersInReporting: '0',
  othersWaiting: 0,
  reportingCurrency: 'EUR',
  budgetRate: null,
};

describe('burnOf', () => {
  it('should burn the budget currency alone when nothing else was spent, and say nothing of other currencies', () => {
    const burn = burnOf(eurBudget);
    expect(burn).toMatchObject({ burn: '0.6' });
    expect('inBudgetCurrency' in burn).toBe(false);
    expect(burn.crossedBy('0.6')).toBe(true);
    expect(burn.crossedBy('0.6001')).toBe(false);
  });

  it("should add other currencies converted at their charge-date rates to a budget in the reporting currency, counting the entries still without a rate", () => {
    const burn = burnOf({ ...eurBudget, others: [{ currency: 'USD', actual: '500' }, { currency: 'GBP', actual: '10' }], othersInReporting: '461.5', othersWaiting: 1 });
    expect(burn).toMatchObject({ burn: '1.0615', inBudgetCurrency: { actual: '1061.5', entriesAwaitingRate: 1, rate: null } });
    expect(burn.crossedBy('1')).toBe(true);
  });

  it("should bring the rest into a budget in another currency at that currency's month rate, comparing exactly", () => {
    // A USD budget of 300; 100 USD spent and 1 EUR (the reporting currency); 1 USD is 0.3 EUR, so 1 EUR is 3.33… USD.
    const burn = burnOf({
      ...eurBudget,
      currency: 'USD',
      budget: '300',
      own: '100',
      others: [{ currency: 'EUR', actual: '1' }],
      othersInReporting: '1',
      budgetRate: { date: '2026-10-30', rate: '0.3' },
    });
    // (100 × 0.3 + 1) ÷ (300 × 0.3) = 31 ÷ 90 = 0.34444…, cut to 4 places.
    expect(burn).toMatchObject({ burn: '0.3444', inBudgetCurrency: { actual: '103.333333333333333333', entriesAwaitingRate: 0, rate: { date: '2026-10-30', rate: '0.3' } } });
    // Exactly at the budget: 90 EUR of a 300 USD budget at 0.3 burns it whole, where 90 ÷ 0.3 rounded could fall short.
    const whole = burnOf({ ...eurBudget, currency: 'USD', budget: '300', own: '0', others: [{ currency: 'EUR', actual: '90' }], othersInReporting: '90', budgetRate: { date: '2026-10-01', rate: '0.3' } });
    expect(whole.burn).toBe('1');
    expect(whole.crossedBy('1')).toBe(true);
  });

  it("should burn a budget in another currency on its own spend alone while that currency has no rate for the month, and say so", () => {
    const burn = burnOf({ ...eurBudget, currency: 'USD', others: [{ currency: 'EUR', actual: '900' }], othersInReporting: '900' });
    expect(burn).toMatchObject({ burn: '0.6', inBudgetCurrency: null });
  });

  it('should burn a budget of zero infinitely once anything is spent, in whichever currency', () => {
    expect(burnOf({ ...eurBudget, budget: '0', own: '0' }).burn).toBe('0');
    expect(burnOf({ ...eurBudget, budget: '0', own: '0', others: [{ currency: 'USD', actual: '1' }], othersInReporting: '0.9' }).burn).toBe('Infinity');
  });
});
