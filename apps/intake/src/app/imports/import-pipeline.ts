import type { EntityManager } from 'typeorm';
import type { ImportRowError } from '@capstan/contracts';
import type { CsvLimits } from './csv-table';

export interface ParsedImport<R> {
  total: number;
  valid: R[];
  invalid: ImportRowError[];
}

export interface ImportPlan<R> {
  /** Rows to write now. */
  write: R[];
  /** Rows that need no write: already present from elsewhere. */
  skipped: number;
  /** Rows this import wrote before it was interrupted. */
  alreadyImported: number;
  /** Rows only the database could find wrong (an unknown initiative, say). */
  invalid: ImportRowError[];
}

/** What one kind of CSV import does; `ImportsService` runs any of them the same way. Rows carry their row number in the file. */
export interface ImportPipeline<R extends { row: number }> {
  /** Pure: parses and validates the file. Throws `CsvFileError` for a file-level problem. */
  parse(text: string, limits: CsvLimits): ParsedImport<R>;
  plan(manager: EntityManager, valid: R[], importId: string): Promise<ImportPlan<R>>;
  /** Writes a row; false when it turns out present meanwhile (another import wrote it since the plan) and is skipped. */
  write(manager: EntityManager, row: R, actor: string, importId: string): Promise<boolean>;
}
