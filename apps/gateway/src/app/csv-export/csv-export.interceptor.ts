import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { spreadsheetSafe } from '@capstan/contracts';

/**
 * Any table the API lists comes as CSV when the client asks for it
 * (`Accept: text/csv`): the rows of the response's table (`items`, `groups`,
 * `waves`, `contests`…), one column per field, nested values as JSON, and
 * no cell a spreadsheet would run as a formula. A paged list answers one page,
 * with a `Link: <…>; rel="next"` header while pages follow.
 */
@Injectable()
export class CsvExportInterceptor implements NestInterceptor {
  constructor(private readonly rowsOf: (body: Record<string, unknown>) => readonly Record<string, unknown>[]) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (!wantsCsv(request.header('accept'))) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        const rows = body && typeof body === 'object' ? this.rowsOf(body as Record<string, unknown>) : [];
        // A paged list's CSV is one page: the next one is named where a CSV reader looks (RFC 8288), not dropped with the JSON.
        const nextCursor = (body as { nextCursor?: unknown } | null)?.nextCursor;
        if (typeof nextCursor === 'string' && nextCursor) response.setHeader('link', `<${withCursor(request.originalUrl, nextCursor)}>; rel="next"`);
        response.setHeader('content-type', 'text/csv; charset=utf-8');
        response.setHeader('content-disposition', `attachment; filename="${request.path.split('/').filter(Boolean).slice(2).join('-') || 'export'}.csv"`);
        return toCsv(rows);
      }),
    );
  }
}

/** Rows as CSV: the union of their fields as the header, in first-seen order. */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const cell = (value: unknown) => (value === null || value === undefined ? '' : spreadsheetSafe(typeof value === 'object' ? JSON.stringify(value) : String(value)));
  return stringify([columns, ...rows.map((row) => columns.map((column) => cell(row[column])))]);
}

/** The same request for the page after: its path and query with `cursor` replaced. */
function withCursor(originalUrl: string, cursor: string): string {
  const url = new URL(originalUrl, 'http://gateway');
  url.searchParams.set('cursor', cursor);
  return `${url.pathname}${url.search}`;
}

function wantsCsv(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((type) => ['text/csv', 'application/csv'].includes(type.split(';')[0].trim().toLowerCase()));
}

/** The interceptor for a route whose table is the response's `table` field, or the rows `table` makes of the response. */
export const csvExport = (table: string | ((body: Record<string, unknown>) => readonly Record<string, unknown>[])) =>
  new CsvExportInterceptor(typeof table === 'string' ? (body) => (body[table] ?? []) as Record<string, unknown>[] : table);
