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
