import type { Forecast } from '@capstan/contracts';
import { unknownInEveryCurrency } from './forecast-unknowns';

const unknown = (category: string) => ({ category, status: 'unknown', reason: 'no cost recorded: economics unknown' });
const forecast = (category: string) => ({ category, status: 'forecast', runRate: '10.00', trendPerMonth: '0.00', months: [] });

describe(unknownInEveryCurrency.name, () => {
  it('should call a category unknown only when no currency has data for it', () => {
    const byCurrency = [
      { currency: 'EUR', categories: [unknown('inference'), forecast('infrastructure'), unknown('monitoring')] },
      { currency: 'USD', categories: [forecast('inference'), unknown('infrastructure'), unknown('monitoring')] },
    ] as unknown as Forecast['byCurrency'];
    expect(unknownInEveryCurrency(byCurrency).map((c) => c.category)).toEqual(['monitoring']);
  });

  it('should give every unknown category of a single currency, and none without a forecast', () => {
    const byCurrency = [{ currency: 'EUR', categories: [unknown('inference'), forecast('data')] }] as unknown as Forecast['byCurrency'];
    expect(unknownInEveryCurrency(byCurrency).map((c) => c.category)).toEqual(['inference']);
    expect(unknownInEveryCurrency([])).toEqual([]);
  });
});
