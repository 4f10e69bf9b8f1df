import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { fieldErrorsOf, registerInitiativeSchema, type Initiative, type ImportRowError, type RegisterInitiative } from '@capstan/contracts';

/**
 * The columns of an initiative CSV, as exported; `key` is informative on import.
 * Structured fields (scope, pilot results, dates, custom fields) go through the API.
 */
export const CSV_COLUMNS = [
  'key',
  'name',
  'summary',
  'businessUnit',
  'sponsor',
  'useCaseCategory',
  'stage',
  'riskTier',
  'operatorRole',
  'dataSensitivity',
  'tags',
] as const;
const REQUIRED_COLUMNS = ['name', 'businessUnit'];
const TAG_SEPARATOR = ';';

export interface ParsedRow {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number;
  input: RegisterInitiative;
  naturalKey: string;
}

export interface ParsedFile {
  total: number;
  valid: ParsedRow[];
  invalid: ImportRowError[];
}

/** A file-level problem (not CSV, unknown or missing columns): nothing in it can be imported. */
export class CsvFileError extends Error {
  constructor(
    message: string,
    readonly errors: ImportRowError[] = [],
  ) {
    super(message);
  }
}

/** An initiative's identity in a business unit, for de-duplicating imports. */
export function naturalKey(businessUnit: string, name: string): string {
  return `${businessUnit.trim().toLowerCase()}|${name.trim().toLowerCase()}`;
}

/** Parses and validates every row; rows that repeat an earlier row's initiative are invalid. */
export function parseInitiativeCsv(text: string): ParsedFile {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new CsvFileError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new CsvFileError('The file is empty: it needs a header row and at least one initiative');
  const unknown = header.filter((column) => !(CSV_COLUMNS as readonly string[]).includes(column));
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (unknown.length || missing.length) {
    const errors = [
      ...unknown.map((column) => ({ field: column, message: `Unknown column (expected: ${CSV_COLUMNS.join(', ')})` })),
      ...missing.map((column) => ({ field: column, message: 'Required column is missing' })),
    ];
    throw new CsvFileError('The header row does not match the initiative columns', [{ row: 1, errors }]);
  }

  const valid: ParsedRow[] = [];
  const invalid: ImportRowError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, index) => {
    const row = index + 2;
    if (cells.length !== header.length) {
      invalid.push({ row, errors: [{ field: '(row)', message: `Has ${cells.length} cells; the header has ${header.length}` }] });
      return;
    }
    const record: Record<string, unknown> = {};
    header.forEach((column, i) => {
      if (column === 'key' || cells[i] === '') return;
      record[column] = column === 'tags' ? cells[i].split(TAG_SEPARATOR).map((tag) => tag.trim()).filter(Boolean) : cells[i];
    });
    const parsed = registerInitiativeSchema.safeParse(record);
    if (!parsed.success) {
      invalid.push({ row, errors: fieldErrorsOf(parsed.error) });
      return;
    }
    const key = naturalKey(parsed.data.businessUnit, parsed.data.name);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      invalid.push({ row, errors: [{ field: 'name', message: `Repeats row ${earlier} (same business unit and name)` }] });
      return;
    }
    seen.set(key, row);
    valid.push({ row, input: parsed.data, naturalKey: key });
  });
  return { total: rows.length, valid, invalid };
}

export function initiativesToCsv(initiatives: Initiative[], withHeader: boolean): string {
  return stringify(
    initiatives.map((initiative) => [
      initiative.key,
      initiative.name,
      initiative.summary,
      initiative.businessUnit,
      initiative.sponsor,
      initiative.useCaseCategory,
      initiative.stage,
      initiative.riskTier,
      initiative.operatorRole,
      initiative.dataSensitivity,
      initiative.tags.join(TAG_SEPARATOR),
    ]),
    { header: withHeader, columns: [...CSV_COLUMNS] },
  );
}
