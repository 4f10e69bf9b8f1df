import { toCsv } from './csv-download';

describe(toCsv.name, () => {
  it('should quote what needs quoting and defuse spreadsheet formulas', () => {
    expect(toCsv(['a', 'b'], [['plain', 'with, comma'], ['say "hi"', '=SUM(A1)'], [null, { x: 1 }]])).toBe(
      'a,b\r\nplain,"with, comma"\r\n"say ""hi""",\'=SUM(A1)\r\n,"{""x"":1}"\r\n',
    );
  });

  it('should leave negative amounts numbers', () => {
    expect(toCsv(['amount', 'note'], [['-0.01', '-A1']])).toBe("amount,note\r\n-0.01,'-A1\r\n");
  });
});
