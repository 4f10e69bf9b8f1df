import { fieldErrorsOf, telemetrySchema, type ImportRowError, type Telemetry } from '@capstan/contracts';
import { futurePeriodError } from '../registry/telemetry-period';
import { DEFAULT_CSV_LIMITS, readCsvTable, type CsvLimits } from './csv-table';

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
export function parseTelemetryCsv(
  text: string,
  limits: CsvLimits = DEFAULT_CSV_LIMITS,
  now = new Date(),
): { total: number; valid: TelemetryRow[]; invalid: ImportRowError[] } {
  const table = readCsvTable(text, TELEMETRY_COLUMNS, REQUIRED, 'telemetry', limits);
  const valid: TelemetryRow[] = [];
  const invalid: ImportRowError[] = [...table.ragged];
  // A period's figures come once per initiative: a second row would replace the first, unseen.
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const record: Record<string, unknown> = { period: { kind: cells['periodKind'], start: cells['periodStart'] } };
    // An empty cell keeps what the period holds; `null` takes the figure back to unreported.
    for (const column of NUMERIC) {
      const cell = cells[column];
      if (cell === undefined || cell === '') continue;
      record[column] = /^null$/i.test(cell) ? null : /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
    }
    const parsed = telemetrySchema.safeParse(record);
    const errors = parsed.success ? [] : fieldErrorsOf(parsed.error);
    if (!cells['initiative']) errors.unshift({ field: 'initiative', message: 'Required: the initiative key, e.g. AI-0042' });
    const future = parsed.success ? futurePeriodError(parsed.data.period, now) : null;
    if (future) errors.push({ field: 'periodStart', message: future.message });
    if (errors.length || !parsed.success) {
      invalid.push({ row, errors });
      continue;
    }
    const period = `${cells['initiative']}|${parsed.data.period.kind}|${parsed.data.period.start}`;
    const earlier = seen.get(period);
    if (earlier !== undefined) {
      invalid.push({ row, errors: [{ field: 'periodStart', message: `Repeats row ${earlier} (same initiative and period)` }] });
      continue;
    }
    seen.set(period, row);
    valid.push({ row, initiativeKey: cells['initiative'], telemetry: parsed.data });
  }
  invalid.sort((a, b) => a.row - b.row);
  return { total: table.rows.length + table.ragged.length, valid, invalid };
}
