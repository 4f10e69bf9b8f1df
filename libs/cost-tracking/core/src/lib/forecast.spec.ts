import { forecastCategory, monthsAfter, projectProduction } from './forecast';

describe(forecastCategory.name, () => {
  it('should project a growing category from its run rate along its trend, with a range', () => {
    const history = [
      { period: '2026-07', amount: '1000.00' },
      { period: '2026-08', amount: '1100.00' },
      { period: '2026-09', amount: '1200.00' },
      // The current, open month does not count.
      { period: '2026-11', amount: '50.00' },
    ];
    // October is closed but has no bill yet: a gap the line runs through, not a month of zero.
    const forecast = forecastCategory(history, '2026-10', 2);
    expect(forecast).toEqual({
      status: 'forecast',
      runRate: '1100.00',
      trendPerMonth: '100.00',
      months: [
        { period: '2026-11', expected: '1400.00', low: '1290.00', high: '1510.00' },
        { period: '2026-12', expected: '1500.00', low: '1390.00', high: '1610.00' },
      ],
    });
  });

  it('should place months on the calendar: a gap of months is a gap, not a step of one', () => {
    const forecast = forecastCategory(
      [
        { period: '2026-01', amount: '100' },
        { period: '2026-06', amount: '600' },
      ],
      '2026-06',
      1,
    );
    expect(forecast).toMatchObject({ status: 'forecast', trendPerMonth: '100.00', months: [{ period: '2026-07', expected: '700.00' }] });
  });

  it('should not forecast from costs long past, nor from a month not yet closed', () => {
    expect(forecastCategory([{ period: '2025-03', amount: '1000' }], '2026-10', 1)).toEqual({ status: 'unknown', reason: 'no cost recorded since 2025-03: economics unknown' });
    expect(forecastCategory([{ period: '2026-11', amount: '80' }], '2026-10', 1)).toEqual({
      status: 'unknown',
      reason: 'cost recorded only in months not yet closed: economics unknown until 2026-11 closes',
    });
  });

  it('should widen the range when months scatter around the trend', () => {
    const history = ['1000', '1400', '900', '1500'].map((amount, k) => ({ period: `2026-0${k + 5}`, amount }));
    const forecast = forecastCategory(history, '2026-08', 1);
    expect(forecast.status === 'forecast' && forecast.months[0]).toEqual({ period: '2026-09', expected: '1450.00', low: '1220.87', high: '1679.13' });
  });

  it('should trend over the last six closed months, take the run rate from the last three, and never go below zero', () => {
    // January and February are older than six months before August: they do not count.
    const history = ['5000', '5000', '300', '300', '300', '100', '100', '100'].map((amount, k) => ({ period: `2026-0${k + 1}`, amount }));
    // Six months falling by 51.43 a month on average around 200, scattered by 47.81 around that line.
    expect(forecastCategory(history, '2026-08', 2)).toEqual({
      status: 'forecast',
      runRate: '100.00',
      trendPerMonth: '-51.43',
      months: [
        { period: '2026-09', expected: '20.00', low: '0.00', high: '67.81' },
        { period: '2026-10', expected: '0.00', low: '0.00', high: '47.81' },
      ],
    });
  });

  it('should call a category without data unknown, not zero', () => {
    expect(forecastCategory([], '2026-10', 3)).toEqual({ status: 'unknown', reason: 'no cost recorded: economics unknown' });
  });

  it('should take a month whose entries cancel out for no data, not a month of zero', () => {
    // 500 recorded in August, then reversed: nothing is known of the category.
    const reversed = [
      { period: '2026-08', amount: '500.00' },
      { period: '2026-08', amount: '-500.00' },
    ];
    expect(forecastCategory(reversed, '2026-10', 1)).toEqual({ status: 'unknown', reason: 'no cost recorded: economics unknown' });
    // Beside a month with cost, the cancelled one is a gap the run rate and trend pass by.
    expect(forecastCategory([...reversed, { period: '2026-09', amount: '300' }], '2026-10', 1)).toMatchObject({ status: 'forecast', runRate: '300.00', trendPerMonth: '0.00' });
  });

  it('should count months across a year end', () => {
    expect(monthsAfter('2026-11', 3)).toEqual(['2026-12', '2027-01', '2027-02']);
  });
});

describe(projectProduction.name, () => {
  it('should project production cost from the pilot unit cost, the range from its cheapest to dearest month', () => {
    expect(projectProduction([{ cost: '600', volume: '3000' }, { cost: '300', volume: '1000' }], '100000')).toEqual({
      unitCost: '0.225',
      expected: '22500.00',
      low: '20000.00',
      high: '30000.00',
    });
    expect(projectProduction([], '100000')).toBeNull();
  });

  it('should never project production below zero, though a credit outweighed a pilot month', () => {
    expect(projectProduction([{ cost: '100', volume: '10' }, { cost: '-20', volume: '10' }], '100')).toEqual({ unitCost: '4', expected: '400.00', low: '0.00', high: '1000.00' });
    expect(projectProduction([{ cost: '-50', volume: '10' }], '100')).toEqual({ unitCost: '-5', expected: '0.00', low: '0.00', high: '0.00' });
  });

  it('should leave out pilot months without volume: no unit cost can come of them', () => {
    expect(projectProduction([{ cost: '600', volume: '3000' }, { cost: '999', volume: '0' }], '100000')).toEqual({
      unitCost: '0.2',
      expected: '20000.00',
      low: '20000.00',
      high: '20000.00',
    });
    expect(projectProduction([{ cost: '999', volume: '0' }], '100000')).toBeNull();
  });

  it('should leave out pilot months whose cost nets to zero: their volume has no cost to share', () => {
    expect(projectProduction([{ cost: '600', volume: '3000' }, { cost: '0', volume: '1000' }], '100000')).toEqual({
      unitCost: '0.2',
      expected: '20000.00',
      low: '20000.00',
      high: '20000.00',
    });
    expect(projectProduction([{ cost: '0.000', volume: '1000' }], '100000')).toBeNull();
  });
});

describe('forecasts in currencies of other minor units', () => {
  it('should round to the currency\'s minor unit: none for yen, three places for dinars', () => {
    const history = [
      { period: '2026-08', amount: '1000.125' },
      { period: '2026-09', amount: '1000.125' },
    ];
    expect(forecastCategory(history, '2026-09', 1, 0)).toMatchObject({ runRate: '1000', months: [{ expected: '1000' }] });
    expect(forecastCategory(history, '2026-09', 1, 3)).toMatchObject({ runRate: '1000.125', months: [{ expected: '1000.125' }] });
    expect(projectProduction([{ cost: '10.125', volume: '1' }], '2', 3)).toMatchObject({ expected: '20.250' });
  });
});
