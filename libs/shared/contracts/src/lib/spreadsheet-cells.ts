/**
 * CSV cells a spreadsheet would run as a formula ("CSV injection"): text
 * starting with = + - @, a tab or a carriage return. Exports prefix such a
 * cell with a quote, which spreadsheets show as text; a plain number (a
 * negative amount) is left as it is, so finance's figures stay numbers.
 * Imports take the quote off again, so an export reads back unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A formula, or one behind quotes (which gets one more, so that taking one off on import gives it back as it was). */
const needsQuote = (cell: string) => {
  const bare = cell.replace(/^'+/, '');
  return FORMULA_START.test(bare) && !PLAIN_NUMBER.test(bare);
};

export function spreadsheetSafe(cell: string): string {
  return needsQuote(cell) ? `'${cell}` : cell;
}

export function fromSpreadsheetSafe(cell: string): string {
  return cell.startsWith("'") && needsQuote(cell) ? cell.slice(1) : cell;
}
