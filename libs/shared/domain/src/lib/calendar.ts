/**
 * The days a date Capstan records may fall on. ISO 8601 alone admits the
 * year 0000, which Postgres has no day for, and no plausible record of an
 * initiative, a charge or a rate lies outside these.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

/** Whether a `YYYY-MM-DD` date lies within the days Capstan records. */
export function isRecordableDate(date: string): boolean {
  return date >= EARLIEST_DATE && date <= LATEST_DATE;
}
