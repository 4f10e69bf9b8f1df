import { dayBefore } from './days';

describe(dayBefore.name, () => {
  it('should count whole days back from today, across a month', () => {
    const today = new Date('2026-12-03T08:00:00Z');
    expect(dayBefore(0, today)).toBe('2026-12-03');
    expect(dayBefore(31, today)).toBe('2026-11-02');
  });
});
