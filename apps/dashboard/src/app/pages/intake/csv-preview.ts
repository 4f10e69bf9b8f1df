import Papa from 'papaparse';

/** Rows shown before an import starts. */
export const PREVIEW_ROWS = 10;

export interface CsvPreview {
  header: string[];
  rows: string[][];
  /** Data rows in the whole file (blank lines not counted). */
  total: number;
  /** What the browser could already tell is wrong; intake checks everything again. */
  problems: string[];
}

/** The first rows of a CSV file and its row count, read in the browser before anything is sent. */
export function previewCsv(text: string): CsvPreview {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const [header = [], ...data] = parsed.data;
  const problems = parsed.errors.slice(0, 5).map((error) => (error.row !== undefined ? `Row ${error.row + 1}: ${error.message}` : error.message));
  if (!header.length) problems.unshift('The file is empty: it needs a header row');
  const ragged = data.findIndex((row) => row.length !== header.length);
  if (ragged >= 0) problems.push(`Row ${ragged + 2} has ${data[ragged].length} cells; the header has ${header.length}`);
  return { header, rows: data.slice(0, PREVIEW_ROWS), total: data.length, problems };
}

/** The charsets a CSV file is read in: UTF-8, else Windows-1252, as older spreadsheets save it. */
export type CsvCharset = 'utf-8' | 'windows-1252';

/**
 * A CSV file's text and the charset it was read in: UTF-8 when its bytes are (a leading byte-order mark dropped),
 * else Windows-1252 (Excel's "CSV (Comma delimited)" on Western systems), which every byte decodes in. The upload
 * names the charset, so the server reads it as the preview did rather than refusing it.
 */
export function decodeCsv(bytes: ArrayBuffer): { text: string; charset: CsvCharset } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252' };
  }
}
