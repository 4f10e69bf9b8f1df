import { parseTelemetryCsv } from './telemetry-csv';

describe(parseTelemetryCsv.name, () => {
  it('should take one row per initiative and period, and name the row a repeat repeats', () => {
    const parsed = parseTelemetryCsv(
      [
        'initiative,periodKind,periodStart,incidents',
        'AI-0001,week,2026-11-16,3',
        'AI-0001,week,2026-11-23,4',
        'AI-0002,week,2026-11-16,1',
        'AI-0001,week,2026-11-16,5',
        'AI-0001,month,2026-11-01,9',
      ].join('\n'),
    );
    expect(parsed.total).toBe(5);
    expect(parsed.valid.map((row) => row.row)).toEqual([2, 3, 4, 6]);
    expect(parsed.invalid).toEqual([{ row: 5, errors: [{ field: 'periodStart', message: 'Repeats row 2 (same initiative and period)' }] }]);
  });

  it('should refuse a row whose period starts in the future', () => {
    const parsed = parseTelemetryCsv(['initiative,periodKind,periodStart,incidents', 'AI-0001,week,2026-11-16,1', 'AI-0001,week,2026-11-23,1'].join('\n'), undefined, new Date('2026-11-22T12:00:00Z'));
    expect(parsed.valid.map((row) => row.row)).toEqual([2]);
    expect(parsed.invalid).toEqual([{ row: 3, errors: [{ field: 'periodStart', message: 'A period cannot start in the future: 2026-11-23 is after today (2026-11-22, UTC)' }] }]);
  });

  it('should leave out the figures of empty cells, take null back to unreported, and refuse a row with no figure', () => {
    const parsed = parseTelemetryCsv(['initiative,periodKind,periodStart,incidents,rollbacks,supportBacklog', 'AI-0001,week,2026-11-16,2,,null', 'AI-0001,week,2026-11-23,,,'].join('\n'), undefined, new Date('2026-11-30T12:00:00Z'));
    expect(parsed.valid.map((row) => row.telemetry)).toEqual([{ period: { kind: 'week', start: '2026-11-16' }, incidents: 2, supportBacklog: null }]);
    expect(parsed.invalid).toEqual([{ row: 3, errors: [{ field: '(body)', message: expect.stringContaining('a report gives at least one figure') }] }]);
  });
});
