import type { HttpClient } from '@angular/common/http';
import type { Observable } from 'rxjs';

/** A table as the gateway exports it (`Accept: text/csv`): every row, amounts exact. */
export function gatewayCsv(http: HttpClient, path: string, params: Record<string, string> = {}): Observable<string> {
  return http.get(path, { params, headers: { Accept: 'text/csv' }, responseType: 'text' });
}
