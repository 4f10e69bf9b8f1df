import { parse } from 'csv-parse/sync';
import { fieldErrorsOf, telemetrySchema, type ImportRowError, type Telemetry } from '@capstan/contracts';
import { CsvFileError } from './initiative-csv';

export const TELEMETRY_COLUMNS = [
  'initiative',
  'periodKind',
  'periodStart',
  'supportTicketsOpened',
  'supportTicketsClosed',
  'supportBacklog',
  'incidents',
  'crossTeamEscalations',
  'rollbacks',
  'approvalCycleTimeDays',
  'scopeExpansions',
] as const;
const REQUIRED = ['initiative', 'periodKind', 'periodStart'];
const NUMERIC = new Set<string>(TELEMETRY_COLUMNS.slice(3));

export interface TelemetryRow {
  row: number;
  /** The initiative's key, e.g. AI-0042. */
  initiativeKey: string;
  telemetry: Telemetry;
}

/** Telemetry per initiative and period from an engineering system's CSV export. */
export function parseTelemetryCsv(text: string): { total: number; valid: TelemetryRow[]; invalid: ImportRowError[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new CsvFileError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new CsvFileError('The file is empty: it needs a header row and at least one period');
  const unknown = header.filter((column) => !(TELEMETRY_COLUMNS as readonly string[]).includes(column));
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (unknown.length || missing.length) {
    throw new CsvFileError('The header row does not match the telemetry columns', [
      {
        row: 1,
        errors: [
          ...unknown.map((column) => ({ field: column, message: `Unknown column (expected: ${TELEMETRY_COLUMNS.join(', ')})` })),
          ...missing.map((column) => ({ field: column, message: 'Required column is missing' })),
        ],
      },
    ]);
  }
  const valid: TelemetryRow[] = [];
  const invalid: ImportRowError[] = [];
  rows.forEach((cells, index) => {
    const row = index + 2;
    if (cells.length !== header.length) {
      invalid.push({ row, errors: [{ field: '(row)', message: `Has ${cells.length} cells; the header has ${header.length}` }] });
      return;
    }
    const values = Object.fromEntries(header.map((column, i) => [column, cells[i]]));
    const record: Record<string, unknown> = { period: { kind: values['periodKind'], start: values['periodStart'] } };
    for (const column of NUMERIC) {
      const cell = values[column];
      if (cell !== undefined && cell !== '') record[column] = /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
    }
    const parsed = telemetrySchema.safeParse(record);
    const errors = parsed.success ? [] : fieldErrorsOf(parsed.error);
    if (!values['initiative']) errors.unshift({ field: 'initiative', message: 'Required: the initiative key, e.g. AI-0042' });
    if (errors.length || !parsed.success) {
      invalid.push({ row, errors });
      return;
    }
    valid.push({ row, initiativeKey: values['initiative'], telemetry: parsed.data });
  });
  return { total: rows.length, valid, invalid };
}
