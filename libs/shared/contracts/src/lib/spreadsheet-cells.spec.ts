import { fromSpreadsheetSafe, spreadsheetSafe } from './spreadsheet-cells';

describe(spreadsheetSafe.name, () => {
  it('should defuse what a spreadsheet would run, and leave numbers and plain text alone', () => {
    expect(['=HYPERLINK("https://x","open")', '+1+1', '-A1', '@SUM(A1)', '\tx'].map(spreadsheetSafe)).toEqual([
      `'=HYPERLINK("https://x","open")`,
      "'+1+1",
      "'-A1",
      "'@SUM(A1)",
      "'\tx",
    ]);
    expect(['-0.01', '+12.5', '1e-7', 'Claims triage', "'quoted", ''].map(spreadsheetSafe)).toEqual(['-0.01', '+12.5', '1e-7', 'Claims triage', "'quoted", '']);
  });

  it('should read back what it wrote, and nothing else', () => {
    for (const cell of ['=cmd|calc', '-A1', '-0.01', "'quoted", "'=already"]) expect(fromSpreadsheetSafe(spreadsheetSafe(cell))).toBe(cell);
    expect(fromSpreadsheetSafe("'-0.01")).toBe("'-0.01");
  });
});
