import type { HttpClient, HttpResponse } from '@angular/common/http';
import { EMPTY, type Observable, expand, map, toArray } from 'rxjs';
import { joinCsvPages, nextPage } from './csv-pages';

/**
 * A table as the gateway exports it (`Accept: text/csv`): every row, amounts exact. A paged list answers a page
 * at a time and names the next in its `Link` header: each is fetched in turn and joined under one header row.
 */
export function gatewayCsv(http: HttpClient, path: string, params: Record<string, string> = {}): Observable<string> {
  const page = (url: string, query?: Record<string, string>): Observable<HttpResponse<string>> =>
    http.get(url, { params: query, headers: { Accept: 'text/csv' }, responseType: 'text', observe: 'response' });
  return page(path, params).pipe(
    expand((response) => {
      const next = nextPage(response.headers.get('link'));
      return next ? page(next) : EMPTY;
    }),
    map((response) => response.body ?? ''),
    toArray(),
    map(joinCsvPages),
  );
}
