import { stringify } from 'csv-stringify/sync';
import { fieldErrorsOf, registerInitiativeSchema, spreadsheetSafe, type Initiative, type ImportRowError, type RegisterInitiative } from '@capstan/contracts';
import { DEFAULT_CSV_LIMITS, readCsvTable, type CsvLimits } from './csv-table';


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
/**
 * Tags share one cell, separated by `;`. A tag holding `;` itself (or a
 * backslash before one) is written with a backslash before it, so an export
 * reads back as it was; a tag typed `a\b` by hand stays as typed.
 */
export function joinTags(tags: readonly string[]): string {
  return tags.map((tag) => tag.replace(/\\(?=\\|;|$)/g, '\\\\').replace(/;/g, '\\;')).join(';');
}

export function splitTags(cell: string): string[] {
  const tags: string[] = [];
  let tag = '';
  for (let i = 0; i < cell.length; i++) {
    const next = cell[i + 1];
    if (cell[i] === '\\' && (next === ';' || next === '\\')) tag += cell[++i];
    else if (cell[i] === ';') {
      tags.push(tag);
      tag = '';
    } else tag += cell[i];
  }
  tags.push(tag);
  return tags.map((t) => t.trim()).filter(Boolean);
}

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

/** An initiative's identity in a business unit, for de-duplicating imports. */
export function naturalKey(businessUnit: string, name: string): string {
  return `${businessUnit.trim().toLowerCase()}|${name.trim().toLowerCase()}`;
}

/** Parses and validates every row; rows that repeat an earlier row's initiative are invalid. */
export function parseInitiativeCsv(text: string, limits: CsvLimits = DEFAULT_CSV_LIMITS): ParsedFile {
  const table = readCsvTable(text, CSV_COLUMNS, REQUIRED_COLUMNS, 'initiative', limits);
  const valid: ParsedRow[] = [];
  const invalid: ImportRowError[] = [...table.ragged];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const record: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(cells)) {
      if (column === 'key' || value === '') continue;
      record[column] = column === 'tags' ? splitTags(value) : value;
    }
    const parsed = registerInitiativeSchema.safeParse(record);
    if (!parsed.success) {
      invalid.push({ row, errors: fieldErrorsOf(parsed.error) });
      continue;
    }
    const key = naturalKey(parsed.data.businessUnit, parsed.data.name);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      invalid.push({ row, errors: [{ field: 'name', message: `Repeats row ${earlier} (same business unit and name)` }] });
      continue;
    }
    seen.set(key, row);
    valid.push({ row, input: parsed.data, naturalKey: key });
  }
  invalid.sort((a, b) => a.row - b.row);
  return { total: table.rows.length + table.ragged.length, valid, invalid };
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
      joinTags(initiative.tags),
    ].map(spreadsheetSafe)),
    { header: withHeader, columns: [...CSV_COLUMNS] },
  );
}
