import { PREVIEW_ROWS, previewCsv } from './csv-preview';

describe(previewCsv.name, () => {
  it('should show the header, the first rows and count every row, blank lines aside', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `Initiative ${i},"Unit, ${i}"`);
    const preview = previewCsv(['name,businessUnit', ...rows, '', ''].join('\n'));
    expect(preview.header).toEqual(['name', 'businessUnit']);
    expect(preview.rows).toHaveLength(PREVIEW_ROWS);
    expect(preview.rows[0]).toEqual(['Initiative 0', 'Unit, 0']);
    expect(preview.total).toBe(25);
    expect(preview.problems).toEqual([]);
  });

  it('should say what it can already tell is wrong', () => {
    expect(previewCsv('').problems).toContain('The file is empty: it needs a header row');
    expect(previewCsv('name,businessUnit\nA,Retail\nB\n').problems).toContain('Row 3 has 1 cells; the header has 2');
  });
});
