import Decimal from 'decimal.js';
import { EARLIEST_DATE, LATEST_DATE, isCurrencyCode, isRecordableDate, type CostCategory } from '@capstan/domain';

/** The FOCUS columns the ledger keeps (1.0 – 1.2 share them). */
export const FOCUS_COLUMNS = [
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'BillingCurrency',
  'ChargePeriodStart',
  'ChargeCategory',
  'ServiceCategory',
  'ServiceName',
  'ResourceId',
  'BillingAccountId',
  'SubAccountId',
  'Tags',
] as const;
export type FocusColumn = (typeof FOCUS_COLUMNS)[number];

/** A file's header: how many fields it has, and where the kept columns are (absent ones undefined). */
export interface FocusHeader {
  fields: number;
  positions: Partial<Record<FocusColumn, number>>;
}

/** A billing row as the ledger keeps it: amounts exact, as decimal strings. */
export interface FocusCharge {
  chargeDate: string;
  billedCost: string;
  effectiveCost: string | null;
  listCost: string | null;
  contractedCost: string | null;
  currency: string;
  chargeCategory: string | null;
  serviceCategory: string | null;
  category: CostCategory;
  resourceId: string | null;
  billingAccountId: string | null;
  subAccountId: string | null;
  /** Shared between rows with the same tags: read, never changed. */
  tags: Readonly<Record<string, string>>;
}

export class FocusRowError extends Error {}

/** The most decimals the ledger stores exactly; billing exports carry sub-cent line items. */
export const LEDGER_SCALE = 18;

/** Reads the header row: which kept columns are where. BilledCost and ChargePeriodStart are required. */
export function readFocusHeader(header: readonly string[]): FocusHeader {
  const positions: FocusHeader['positions'] = {};
  header.forEach((name, index) => {
    const column = name.trim().replace(/^\uFEFF/, '') as FocusColumn;
    if (!(FOCUS_COLUMNS as readonly string[]).includes(column)) return;
    // Twice the same column leaves which cell counts to chance (the last one, silently).
    if (positions[column] !== undefined) throw new FocusRowError(`The header has the ${column} column twice`);
    positions[column] = index;
  });
  const missing = (['BilledCost', 'ChargePeriodStart'] as const).filter((c) => positions[c] === undefined);
  if (missing.length) throw new FocusRowError(`The header has no ${missing.join(' or ')} column: is this a FOCUS export?`);
  return { fields: header.length, positions };
}

/**
 * One row of a FOCUS export as a charge. Tolerant of real exports: `NULL`,
 * `null` and empty cells are nulls, dates may come without `T`/`Z` (UTC),
 * credits are negative, `Tags` is a JSON object. A missing BillingCurrency takes
 * `defaultCurrency` when the import named one. A row whose field count is not
 * the header's is refused: its cells would be read from the wrong columns, and
 * an unclosed quote takes the rows after it into one of them.
 */
export function readFocusRow(record: readonly string[], header: FocusHeader, defaultCurrency: string | null): FocusCharge {
  if (record.length !== header.fields) {
    throw (
      unclosedQuoteError(record) ?? new FocusRowError(`The row has ${record.length} fields where the header has ${header.fields}: an unclosed quote or a stray delimiter?`)
    );
  }
  const cell = (column: FocusColumn): string | null => {
    const index = header.positions[column];
    if (index === undefined) return null;
    const value = record[index]?.trim() ?? '';
    return value === '' || (value.length === 4 && value.toLowerCase() === 'null') ? null : value;
  };
  const billedCost = decimal(cell('BilledCost'), 'BilledCost');
  if (billedCost === null) throw new FocusRowError('BilledCost is empty');
  const currency = (cell('BillingCurrency') ?? defaultCurrency)?.toUpperCase() ?? null;
  if (!currency) throw new FocusRowError('BillingCurrency is empty and the import names no default currency');
  if (!isCurrencyCode(currency)) throw new FocusRowError(`BillingCurrency "${currency}" is not an ISO 4217 code of a currency in use`);
  const serviceCategory = cell('ServiceCategory');
  return {
    chargeDate: dateOf(cell('ChargePeriodStart')),
    billedCost,
    effectiveCost: decimal(cell('EffectiveCost'), 'EffectiveCost'),
    // Reference prices, not charges: one written from a float with more places than the ledger keeps is rounded to
    // them, not allowed to refuse the charge beside it.
    listCost: decimal(cell('ListCost'), 'ListCost', 'round'),
    contractedCost: decimal(cell('ContractedCost'), 'ContractedCost', 'round'),
    currency,
    chargeCategory: cell('ChargeCategory'),
    serviceCategory,
    category: categoryOf(serviceCategory, cell('ServiceName')),
    resourceId: cell('ResourceId'),
    billingAccountId: cell('BillingAccountId'),
    subAccountId: cell('SubAccountId'),
    tags: tagsOf(cell('Tags')),
  };
}

/**
 * A row with a cell over several lines that the parser found unclosed, or
 * whose fields do not match the header's, was opened by a quote never closed,
 * which took the lines after it (to the next quote, or the end of the file)
 * into one cell: said so, briefly, rather than quoting the swallowed lines
 * back in the error. Undefined when no cell runs over lines.
 */
export function unclosedQuoteError(record: readonly string[]): FocusRowError | undefined {
  const cell = record.find((value) => value.includes('\n'));
  if (cell === undefined) return undefined;
  const lines = cell.split('\n').length;
  return new FocusRowError(`A cell runs over ${lines} lines (from "${cell.slice(0, 40).split('\n')[0]}"): an unclosed quote took the lines after it into this row`);
}

/** A plain decimal the ledger stores as written: the common case, checked without building a Decimal. */
const PLAIN_DECIMAL = /^-?\d{1,20}(\.\d{1,18})?$/;
/** Any decimal number, with an exponent or a sign: decimal.js also reads hexadecimal, binary and octal, which no bill means. */
const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const LIMIT = new Decimal(10).pow(20);

function decimal(value: string | null, column: string, places: 'exact' | 'round' = 'exact'): string | null {
  if (value === null) return null;
  if (PLAIN_DECIMAL.test(value)) return value;
  if (!DECIMAL_NUMBER.test(value)) throw new FocusRowError(`${column} "${value}" is not a number`);
  let parsed: Decimal;
  try {
    parsed = new Decimal(value);
  } catch {
    throw new FocusRowError(`${column} "${value}" is not a number`);
  }
  if (!parsed.isFinite()) throw new FocusRowError(`${column} "${value}" is not a finite number`);
  if (parsed.decimalPlaces() > LEDGER_SCALE) {
    if (places === 'exact') throw new FocusRowError(`${column} "${value}" has more than ${LEDGER_SCALE} decimals`);
    parsed = parsed.toDecimalPlaces(LEDGER_SCALE, Decimal.ROUND_HALF_EVEN);
  }
  if (parsed.abs().greaterThanOrEqualTo(LIMIT)) throw new FocusRowError(`${column} "${value}" is too large`);
  return parsed.toFixed();
}

/** Dates already seen valid: an export repeats a handful of them millions of times. */
const validDates = new Set<string>();
/**
 * A datetime in UTC (with `Z`, ` UTC` as BigQuery and Trino write it, or nothing): its date is its first ten
 * characters.
 */
const UTC_DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|\s*UTC)?)?$/;
/** Any other datetime: with an offset of hours and perhaps minutes (`+02:00`, `+0200`, `+02` as Postgres writes it). */
const OFFSET_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?)?\s*(Z|UTC|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?$/;

/** The UTC calendar date of a FOCUS datetime (`2024-01-01T00:00:00Z`, `2024-01-01 00:00:00`, `2024-01-01`). */
function dateOf(value: string | null): string {
  if (value === null) throw new FocusRowError('ChargePeriodStart is empty');
  if (UTC_DATETIME.test(value)) {
    const date = value.slice(0, 10);
    if (validDates.has(date)) return date;
    const check = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) throw new FocusRowError(`ChargePeriodStart "${value}" is not a date`);
    if (!isRecordableDate(date)) throw outOfRange(value);
    if (validDates.size < 100_000) validDates.add(date);
    return date;
  }
  const match = OFFSET_DATETIME.exec(value);
  if (!match) throw new FocusRowError(`ChargePeriodStart "${value}" is not a date`);
  const [, y, m, d, hh = '00', mm = '00', ss = '00', zone] = match;
  // Checked before Date.UTC, which reads the years 0–99 as 1900–1999.
  if (!isRecordableDate(`${y}-${m}-${d}`)) throw outOfRange(value);
  const local = Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm), Number(ss));
  const check = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(m) - 1 || check.getUTCDate() !== Number(d)) throw new FocusRowError(`ChargePeriodStart "${value}" is not a date`);
  const offsetMinutes = zone && zone !== 'Z' && zone !== 'UTC' ? (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + (zone.length > 3 ? Number(zone.slice(-2)) : 0)) : 0;
  const date = new Date(local - offsetMinutes * 60_000).toISOString().slice(0, 10);
  // An offset can carry the first or last day across the bound.
  if (!isRecordableDate(date)) throw outOfRange(value);
  return date;
}

function outOfRange(value: string): FocusRowError {
  return new FocusRowError(`ChargePeriodStart "${value}" is outside ${EARLIEST_DATE} to ${LATEST_DATE}`);
}

/** Tags already read, by their JSON text: an export repeats a resource's tags on every one of its rows. */
const readTags = new Map<string, Readonly<Record<string, string>>>();
const NO_TAGS: Readonly<Record<string, string>> = Object.freeze({});

function tagsOf(value: string | null): Readonly<Record<string, string>> {
  if (value === null) return NO_TAGS;
  const known = readTags.get(value);
  if (known) return known;
  const tags = Object.freeze(parseTags(value));
  if (readTags.size < 10_000) readTags.set(value, tags);
  return tags;
}

function parseTags(value: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new FocusRowError('Tags is not a JSON object');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new FocusRowError('Tags is not a JSON object');
  return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

/** FOCUS ServiceCategory (1.2 values) to the ledger's categories; AI services are inference. */
function categoryOf(serviceCategory: string | null, serviceName: string | null): CostCategory {
  switch (serviceCategory) {
    case 'AI and Machine Learning':
      return 'inference';
    case 'Compute':
    case 'Storage':
    case 'Networking':
    case 'Databases':
    case 'Web':
    case 'Mobile':
    case 'Developer Tools':
    case 'Multicloud':
    case 'Internet of Things':
      return 'infrastructure';
    case 'Analytics':
    case 'Integration':
      return 'data';
    case 'Management and Governance':
      // Whole words where a fragment hides in others' names ("Service Catalog", "Contracts").
      return /monitor|observ|\blog(s|ging)?\b|\btrac(e|es|ing)\b|watch|metric|insight/i.test(serviceName ?? '') ? 'monitoring' : 'operating_controls';
    case 'Security':
    case 'Identity':
      return 'operating_controls';
    default:
      return 'other';
  }
}
