import { listItems, ungrouped } from './typed-amounts';

describe(ungrouped.name, () => {
  it('should drop the commas that group thousands', () => {
    expect(ungrouped(' 1,250,000.50 ')).toBe('1250000.50');
    expect(ungrouped('-12,500.005')).toBe('-12500.005');
    expect(ungrouped('999')).toBe('999');
  });

  it('should leave any other comma in, for the form to refuse, rather than move the decimal point', () => {
    expect(ungrouped('2.000,50')).toBe('2.000,50');
    expect(ungrouped('12,5')).toBe('12,5');
    expect(ungrouped('1,25,000')).toBe('1,25,000');
  });
});

describe(listItems.name, () => {
  it('should split on commas and semicolons, trimming each item', () => {
    expect(listItems('50, 80;100 % ,')).toEqual(['50', '80', '100 %']);
    expect(listItems('  ')).toEqual([]);
  });
});
