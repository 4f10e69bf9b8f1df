import { PREVIEW_ROWS, decodeCsv, previewCsv } from './csv-preview';

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

describe(decodeCsv.name, () => {
  it('should read UTF-8 as such, and a spreadsheet saved in Windows-1252 as that, never with replacement characters', () => {
    const utf8 = new TextEncoder().encode('name,businessUnit\nZürich pilot,Retail\n');
    expect(decodeCsv(utf8.buffer)).toEqual({ text: 'name,businessUnit\nZürich pilot,Retail\n', charset: 'utf-8' });
    // "Zürich" with ü as the single byte 0xFC, as Excel saves it on Western systems.
    const cp1252 = Uint8Array.from([...'Z'].map((c) => c.charCodeAt(0)).concat([0xfc], [...'rich,Retail'].map((c) => c.charCodeAt(0))));
    expect(decodeCsv(cp1252.buffer)).toEqual({ text: 'Zürich,Retail', charset: 'windows-1252' });
  });
});
