import { futurePeriodError } from './telemetry-period';

describe(futurePeriodError.name, () => {
  it('should refuse a period that starts after today (UTC), naming the field', () => {
    const now = new Date('2026-11-22T23:59:59Z');
    expect(futurePeriodError({ kind: 'week', start: '2026-11-23' }, now)).toEqual({
      field: 'period.start',
      message: 'A period cannot start in the future: 2026-11-23 is after today (2026-11-22, UTC)',
    });
    expect(futurePeriodError({ kind: 'month', start: '2026-12-01' }, now)?.field).toBe('period.start');
  });

  it('should accept a period that started today or before, though not yet over', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    expect(futurePeriodError({ kind: 'week', start: '2026-11-23' }, now)).toBeNull();
    expect(futurePeriodError({ kind: 'month', start: '2026-11-01' }, now)).toBeNull();
  });
});
