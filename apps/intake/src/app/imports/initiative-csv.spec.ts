import { CsvFileError } from './csv-table';
import { initiativesToCsv, joinTags, parseInitiativeCsv, splitTags } from './initiative-csv';

describe(parseInitiativeCsv.name, () => {
  it('should number rows as a spreadsheet does and give each bad row its reasons', () => {
    const file = [
      'name,businessUnit,stage,tags',
      'Claims triage,Insurance,pilot,ops;claims',
      ',Insurance,pilot,',
      'Fraud,Payments,someday,',
      'claims triage,insurance,scaling,',
    ].join('\n');
    const parsed = parseInitiativeCsv(file);
    expect(parsed.total).toBe(4);
    expect(parsed.valid.map((row) => row.row)).toEqual([2]);
    expect(parsed.valid[0].input).toMatchObject({ name: 'Claims triage', tags: ['ops', 'claims'], riskTier: 'minimal' });
    expect(parsed.invalid.map((row) => [row.row, row.errors.map((e) => e.field)])).toEqual([
      [3, ['name']],
      [4, ['stage']],
      [5, ['name']],
    ]);
    expect(parsed.invalid[2].errors[0].message).toBe('Repeats row 2 (same business unit and name)');
  });

  it('should count blank lines as the rows a spreadsheet shows, and pass over rows of empty cells', () => {
    const file = ['name,businessUnit,stage,tags', 'Claims triage,Insurance,pilot,', '', ',,,', '"Two-line\nname",Insurance,someday,'].join('\n');
    const parsed = parseInitiativeCsv(file);
    expect(parsed.total).toBe(2);
    expect(parsed.valid.map((row) => row.row)).toEqual([2]);
    // Row 3 is blank, row 4 holds empty cells only; the two-line cell is one spreadsheet row, the fifth.
    expect(parsed.invalid.map((row) => [row.row, row.errors.map((e) => e.field)])).toEqual([[5, ['stage']]]);
  });

  it('should refuse a header with unknown or missing columns as a whole', () => {
    expect(() => parseInitiativeCsv('name,colour\nA,red\n')).toThrow(CsvFileError);
    try {
      parseInitiativeCsv('name,colour\nA,red\n');
    } catch (error) {
      expect((error as CsvFileError).errors[0].errors.map((e) => e.field)).toEqual(['colour', 'businessUnit']);
    }
  });

  it('should refuse a header naming a column twice, which would leave the cell that counts to chance', () => {
    expect(() => parseInitiativeCsv('name,name,businessUnit\nA,B,Retail\n')).toThrow(
      expect.objectContaining({ errors: [{ row: 1, errors: [{ field: 'name', message: 'Column appears more than once' }] }] }),
    );
  });

  it('should take a file of exactly the row limit and refuse one row more as a whole', () => {
    const file = (rows: number) => ['name,businessUnit', ...Array.from({ length: rows }, (_, i) => `Initiative ${i},Retail`)].join('\n');
    expect(parseInitiativeCsv(file(3), { maxRows: 3 }).valid).toHaveLength(3);
    expect(() => parseInitiativeCsv(file(4), { maxRows: 3 })).toThrow('more than 3 rows');
  });

  it('should read back what it exports', () => {
    const csv = initiativesToCsv(
      [
        {
          id: '7d9f3c1e-0000-4000-8000-000000000001',
          key: 'AI-0001',
          name: 'Quoted, "tricky" name',
          summary: 'Line one\nline two',
          businessUnit: 'Insurance',
          sponsor: '',
          useCaseCategory: 'triage',
          stage: 'scaling',
          riskTier: 'high',
          tags: ['a', 'b'],
          operatorRole: 'provider',
          dataSensitivity: 'restricted',
          requestedScope: { businessUnits: [], users: null, workflows: [] },
          pilotResults: [],
          targetDates: {},
          customFields: {},
          version: 1,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
          archivedAt: null,
        },
      ],
      true,
    );
    const parsed = parseInitiativeCsv(csv);
    expect(parsed.invalid).toEqual([]);
    expect(parsed.valid[0].input).toMatchObject({ name: 'Quoted, "tricky" name', summary: 'Line one\nline two', tags: ['a', 'b'], riskTier: 'high', operatorRole: 'provider', dataSensitivity: 'restricted' });
  });

  it('should export no cell a spreadsheet would run as a formula, and read such a cell back as it was', () => {
    const [row] = parseInitiativeCsv(
      ['key,name,summary,businessUnit,stage', 'AI-0002,Claims triage,"=HYPERLINK(""https://example.invalid"",""open"")",Insurance,pilot'].join('\n'),
    ).valid;
    const initiative = { ...row.input, id: '7d9f3c1e-0000-4000-8000-000000000002', key: 'AI-0002', version: 1, createdAt: '', updatedAt: '', archivedAt: null } as Parameters<typeof initiativesToCsv>[0][number];
    const csv = initiativesToCsv([initiative], true);
    expect(csv).toContain(`"'=HYPERLINK(""https://example.invalid"",""open"")"`);
    expect(parseInitiativeCsv(csv).valid[0].input.summary).toBe('=HYPERLINK("https://example.invalid","open")');
  });
});

describe(joinTags.name, () => {
  it('should read back tags holding the separator or a backslash, and leave a hand-typed backslash as it is', () => {
    const tags = ['R&D;EU', 'ends\\', 'plain', 'x\\;y', 'a\\\\b'];
    expect(splitTags(joinTags(tags))).toEqual(tags);
    expect(joinTags(['R&D;EU', 'plain'])).toBe('R&D\\;EU;plain');
    expect(splitTags('ops; claims ;;a\\b')).toEqual(['ops', 'claims', 'a\\b']);
  });
});
