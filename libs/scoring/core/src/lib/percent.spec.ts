import { percentAgainst } from './percent';

describe(percentAgainst.name, () => {
  it('should round to whole percents when that keeps the figure on its side of every threshold', () => {
    expect(percentAgainst('0.623', '0.5', '0.8')).toBe('62');
    expect(percentAgainst('0.5', '0.5')).toBe('50');
    expect(percentAgainst('1.2', '1', '1.5')).toBe('120');
  });

  it('should show the decimals that keep a figure just short of or just past a threshold from reading as on it', () => {
    expect(percentAgainst('0.4975', '0.5')).toBe('49.8');
    expect(percentAgainst('0.796', '0.5', '0.8')).toBe('79.6');
    expect(percentAgainst('1.004', '1', '1.5')).toBe('100.4');
    expect(percentAgainst('1.4996', '1', '1.5')).toBe('149.96');
    expect(percentAgainst('0.49999999', '0.5')).toBe('49.9999');
    expect(percentAgainst('1.0000000001', '1')).toBe('100.0001');
  });
});
