import { toCsv } from '../csv-export/csv-export.interceptor';
import { summaryCsvRows, UNCONVERTED_KEY } from './summary-csv-rows';

describe(summaryCsvRows.name, () => {
  it('should keep the spend waiting for a rate in the CSV, in its own currency, after the converted groups', () => {
    const rows = summaryCsvRows({
      groups: [{ key: 'inference', billedCost: '90.00', effectiveCost: '85.50', currency: 'EUR' }],
      unconverted: [{ currency: 'USD', entries: 2, billedCost: '120.5' }],
    });
    expect(toCsv(rows)).toBe(`key,billedCost,effectiveCost,currency,entries\ninference,90.00,85.50,EUR,\n${UNCONVERTED_KEY},120.5,,USD,2\n`);
  });

  it('should give the groups alone when nothing waits for a rate', () => {
    expect(summaryCsvRows({ groups: [{ key: 'EUR', billedCost: '1', effectiveCost: '1', currency: 'EUR' }] })).toHaveLength(1);
  });
});
