import { FocusRowError, readFocusHeader, readFocusRow, unclosedQuoteError } from './focus-row';

describe(readFocusRow.name, () => {
  const header = readFocusHeader(['BillingCurrency', 'BilledCost', 'EffectiveCost', 'ListCost', 'ChargePeriodStart', 'ServiceCategory', 'ServiceName', 'Tags']);

  it('should keep amounts exact, read nulls and dates without T or Z as UTC, and parse JSON tags', () => {
    const charge = readFocusRow(['usd', '0.000000123456789012', 'NULL', '', '2024-03-31 23:00:00', 'AI and Machine Learning', 'Bedrock', '{"app":"triage","cost-center":42}'], header, null);
    expect(charge).toMatchObject({
      currency: 'USD',
      billedCost: '0.000000123456789012',
      effectiveCost: null,
      listCost: null,
      chargeDate: '2024-03-31',
      category: 'inference',
      tags: { app: 'triage', 'cost-center': '42' },
    });
    expect(readFocusRow(['EUR', '-12.50', '-12.50', '0', '2024-04-01T00:30:00+02:00', 'Management and Governance', 'CloudWatch', ''], header, null)).toMatchObject({
      billedCost: '-12.50',
      chargeDate: '2024-03-31',
      category: 'monitoring',
    });
    const governance = (service: string) => readFocusRow(['EUR', '1', '1', '', '2024-04-01', 'Management and Governance', service, ''], header, null).category;
    expect(['CloudWatch Logs', 'Cloud Logging', 'Log Analytics', 'X-Ray Traces', 'Application Insights', 'Azure Monitor'].map(governance)).toEqual(Array(6).fill('monitoring'));
    expect(['Service Catalog', 'Marketplace Contracts', 'CloudTrail', 'Config'].map(governance)).toEqual(Array(4).fill('operating_controls'));
    // Behind UTC: the late evening of the 31st is already the 1st.
    expect(readFocusRow(['EUR', '1', '1', '', '2024-03-31T23:30:00-02:00', '', '', ''], header, null).chargeDate).toBe('2024-04-01');
    // As BigQuery and Trino write a timestamp (` UTC`), and Postgres one with a time zone (an offset of hours alone).
    const dated = (start: string) => readFocusRow(['EUR', '1', '1', '', start, '', '', ''], header, null).chargeDate;
    expect(['2024-01-31 00:00:00 UTC', '2024-01-31 23:59:59.5 UTC', '2024-01-31 UTC', '2024-01-31 00:00:00+00', '2024-02-01 01:00:00+02', '2024-01-31 22:00:00-02'].map(dated)).toEqual([
      '2024-01-31',
      '2024-01-31',
      '2024-01-31',
      '2024-01-31',
      '2024-01-31',
      '2024-02-01',
    ]);
  });

  it('should refuse what it cannot read exactly, saying why', () => {
    const row = (billed: string, start = '2024-01-01', currency = 'USD') => readFocusRow([currency, billed, billed, '', start, '', '', ''], header, null);
    expect(() => row('abc')).toThrow('BilledCost "abc" is not a number');
    // decimal.js reads these; no bill means them.
    for (const other of ['0x10', '-0b11', '0o7', 'Infinity', 'NaN']) expect(() => row(other)).toThrow(`BilledCost "${other}" is not a number`);
    expect(row('+1.5e2').billedCost).toBe('150');
    expect(() => row('1.0000000000000000001')).toThrow('more than 18 decimals');
    // A list price written from a float keeps the ledger's 18 places, and the charge beside it is kept.
    const listed = readFocusRow(['USD', '0.25', '0.25', '3.3333333333333335E-7', '2024-01-01', '', '', ''], header, null);
    expect([listed.billedCost, listed.listCost]).toEqual(['0.25', '0.000000333333333333']);
    expect(() => row('1', '2024-02-30')).toThrow('is not a date');
    // No hour 24 or minute 60, with or without a zone.
    for (const start of ['2024-01-01T24:00:00Z', '2024-01-01 12:60:00', '2024-01-01T99:99', '2024-01-01T10:00:00+25:00']) expect(() => row('1', start)).toThrow('is not a date');
    // Dates Postgres has no day for, or no bill is for: the row is refused, not the batch it is in.
    expect(() => row('1', '0000-01-01')).toThrow('outside 1900-01-01 to 2199-12-31');
    expect(() => row('1', '0024-03-01 00:00:00+02:00')).toThrow('outside');
    expect(() => row('1', '1900-01-01T00:30:00+01:00')).toThrow('outside');
    expect(() => row('1', '2200-01-01T00:00:00Z')).toThrow('outside');
    expect(row('1', '2199-12-31T23:00:00Z').chargeDate).toBe('2199-12-31');
    expect(() => row('1', '2024-01-01', '')).toThrow(FocusRowError);
    expect(() => row('1', '2024-01-01', 'EURO')).toThrow('not an ISO 4217 code');
    // Three capitals that name no currency would never find a rate.
    expect(() => row('1', '2024-01-01', 'UDS')).toThrow('not an ISO 4217 code of a currency in use');
    expect(row('1', '2024-01-01', 'isk').currency).toBe('ISK');
    expect(() => row('1e20')).toThrow('too large');
    expect(() => readFocusHeader(['Cost', 'Date'])).toThrow('no BilledCost or ChargePeriodStart');
    expect(() => readFocusHeader(['BilledCost', 'ChargePeriodStart', 'BilledCost'])).toThrow('the BilledCost column twice');
    // Columns it does not keep may repeat: they are not read.
    expect(() => readFocusHeader(['BilledCost', 'ChargePeriodStart', 'x_Custom', 'x_Custom'])).not.toThrow();
  });

  it('should refuse a row with more or fewer fields than the header, as an unclosed quote leaves it', () => {
    const three = readFocusHeader(['ChargePeriodStart', 'BilledCost', 'BillingCurrency']);
    // `2026-10-02,"abc,EUR` and the row after it, read as one record of two fields.
    expect(() => readFocusRow(['2026-10-02', 'abc,EUR\n2026-10-03,3.00,EUR\n'], three, null)).toThrow(
      'A cell runs over 3 lines (from "abc,EUR"): an unclosed quote took the lines after it into this row',
    );
    // In the last column the count is right: the parser tells (see csvRuns), and the error says it the same way,
    // without the swallowed lines quoted back.
    expect(unclosedQuoteError(['2026-10-02', '1.00', 'EUR\n2026-10-03,3.00,EUR\n2026-10-04,3.00,EUR'])?.message).toBe(
      'A cell runs over 3 lines (from "EUR"): an unclosed quote took the lines after it into this row',
    );
    expect(unclosedQuoteError(['2026-10-02', '1.00', 'EUR'])).toBeUndefined();
    // A line break in a cell of a row that reads well is the export's own business.
    expect(readFocusRow(['2026-10-02', '1.00', 'EUR', 'Line one\nline two'], readFocusHeader(['ChargePeriodStart', 'BilledCost', 'BillingCurrency', 'ServiceName']), null).billedCost).toBe('1.00');
    expect(() => readFocusRow(['2026-10-02', '2.00', 'EUR', ''], three, null)).toThrow('The row has 4 fields where the header has 3');
    expect(readFocusRow(['2026-10-02', '2.00', 'EUR'], three, null).billedCost).toBe('2.00');
  });

  it('should take the import default currency when the export has no BillingCurrency', () => {
    const bare = readFocusHeader(['BilledCost', 'ChargePeriodStart']);
    expect(readFocusRow(['8760.00', '2023-01-01T00:00:00Z'], bare, 'USD').currency).toBe('USD');
  });
});
