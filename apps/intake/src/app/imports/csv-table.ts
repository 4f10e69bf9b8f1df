import { parse } from 'csv-parse/sync';
import { fromSpreadsheetSafe, type ImportRowError } from '@capstan/contracts';

/** A file-level problem (not CSV, unknown or missing columns): nothing in it can be imported. */
export class CsvFileError extends Error {
  constructor(
    message: string,
    readonly errors: ImportRowError[] = [],
  ) {
    super(message);
  }
}

export interface CsvTable {
  /** Data rows with their cells by column; `row` numbers as a spreadsheet does (the header is row 1). */
  rows: { row: number; cells: Record<string, string> }[];
  /** Rows whose cell count does not match the header. */
  ragged: ImportRowError[];
}

export interface CsvLimits {
  /** Data rows one file may hold; a longer file is refused whole, before any row is read into memory past the limit. */
  maxRows: number;
}

/** Reads a CSV whose header must use only `columns` and include every one of `required`. */
export function readCsvTable(text: string, columns: readonly string[], required: readonly string[], what: string, limits: CsvLimits): CsvTable {
  type Parsed = { record: string[]; info: { records: number; empty_lines: number } }[];
  let parsed: Parsed;
  try {
    // One record past the limit is enough to know the file is too long.
    parsed = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, to: limits.maxRows + 2, info: true }) as unknown as Parsed;
  } catch (error) {
    throw new CsvFileError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  const [first, ...rest] = parsed;
  if (!first) throw new CsvFileError(`The file is empty: it needs a header row and at least one ${what}`);
  const header = first.record;
  // Numbered as a spreadsheet shows them: blank lines skipped are rows too.
  const data = rest.map(({ record, info }) => ({ cells: record, row: info.records + info.empty_lines }));
  if (data.length > limits.maxRows) {
    throw new CsvFileError(`The file has more than ${limits.maxRows} rows, the most one import takes (IMPORT_MAX_ROWS): split it into several files`);
  }
  const unknown = header.filter((column) => !columns.includes(column));
  const missing = required.filter((column) => !header.includes(column));
  // A column named twice leaves which cell counts to chance.
  const repeated = [...new Set(header.filter((column, index) => header.indexOf(column) !== index))];
  if (unknown.length || missing.length || repeated.length) {
    throw new CsvFileError(`The header row does not match the ${what} columns`, [
      {
        row: 1,
        errors: [
          ...unknown.map((column) => ({ field: column, message: `Unknown column (expected: ${columns.join(', ')})` })),
          ...missing.map((column) => ({ field: column, message: 'Required column is missing' })),
          ...repeated.map((column) => ({ field: column, message: 'Column appears more than once' })),
        ],
      },
    ]);
  }
  const table: CsvTable = { rows: [], ragged: [] };
  for (const { cells, row } of data) {
    // A row of empty cells only (`,,,`, as spreadsheets save formatted but empty rows) holds nothing to import.
    if (cells.every((cell) => cell === '')) continue;
    if (cells.length !== header.length) {
      table.ragged.push({ row, errors: [{ field: '(row)', message: `Has ${cells.length} cells; the header has ${header.length}` }] });
    } else {
      // A cell our own export defused ('=…) reads back as it was.
      table.rows.push({ row, cells: Object.fromEntries(header.map((column, i) => [column, fromSpreadsheetSafe(cells[i])])) });
    }
  }
  return table;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = { maxRows: 100_000 };
