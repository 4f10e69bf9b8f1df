import { dayBefore, thisMonth } from './days';

describe(dayBefore.name, () => {
  it("should count whole days back from the user's today, across a month", () => {
    // Late in the evening where the user is: still their day, whatever the UTC day.
    const today = new Date(2026, 11, 3, 23, 30);
    expect(dayBefore(0, today)).toBe('2026-12-03');
    expect(dayBefore(31, today)).toBe('2026-11-02');
    expect(dayBefore(0, new Date(2026, 11, 3, 0, 15))).toBe('2026-12-03');
  });

  it("should name the user's month, not the UTC one", () => {
    expect(thisMonth(new Date(2026, 9, 31, 23, 30))).toBe('2026-10');
    expect(thisMonth(new Date(2026, 10, 1, 0, 15))).toBe('2026-11');
  });
});
