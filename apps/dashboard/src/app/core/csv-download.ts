import { stringify } from 'csv-stringify/browser/esm/sync';
import { spreadsheetSafe } from '@capstan/contracts';

/**
 * CSV as the gateway writes it (csv-stringify): quoted where needed, objects as
 * JSON, and a cell a spreadsheet would run as a formula defused (negative
 * amounts stay numbers).
 */
export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify([header, ...rows], {
    record_delimiter: 'windows',
    cast: { string: spreadsheetSafe, object: (value) => spreadsheetSafe(JSON.stringify(value)) },
  });
}

/** Saves rows the page shows as a CSV file. */
export function downloadCsv(fileName: string, header: string[], rows: unknown[][]): void {
  saveCsv(fileName, toCsv(header, rows));
}

/** Saves CSV text (the gateway's own export, `Accept: text/csv`) as a file. */
export function saveCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}
