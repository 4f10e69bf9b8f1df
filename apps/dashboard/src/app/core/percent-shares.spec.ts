import { percentToShare, shareToPercent } from './percent-shares';

describe(percentToShare.name, () => {
  it('should move a percentage two places by its digits', () => {
    expect(percentToShare('80')).toBe('0.8');
    expect(percentToShare('12.5')).toBe('0.125');
    expect(percentToShare('100')).toBe('1');
    expect(percentToShare(' 150 % ')).toBe('1.5');
    expect(percentToShare('0.01')).toBe('0.0001');
    expect(percentToShare('999.99')).toBe('9.9999');
    // Where a float would give 0.28700000000000003.
    expect(percentToShare('28.7')).toBe('0.287');
  });

  it('should refuse what is not a percentage with at most two decimals', () => {
    for (const text of ['', 'eighty', '-5', '1000', '12.345', '1e2', '80,5']) expect(percentToShare(text)).toBeNull();
  });

  it('should give back the percentage a share was made from', () => {
    for (const percent of ['80', '12.5', '100', '150', '0.01', '999.99']) expect(shareToPercent(percentToShare(percent) as string)).toBe(percent);
    expect(shareToPercent('Infinity')).toBe('Infinity');
  });
});
