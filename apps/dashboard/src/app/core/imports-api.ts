import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { ImportMode, InitiativeImport } from '@capstan/contracts';

/** Initiative inventories imported as CSV: intake validates and writes them in the background. */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  /** `charset`: what the file's bytes are in (the server reads UTF-8 unless told otherwise). */
  start(file: Blob, mode: ImportMode, charset = 'utf-8'): Observable<InitiativeImport> {
    return this.http.post<InitiativeImport>('/api/v1/initiative-imports', file, { params: { mode }, headers: { 'content-type': `text/csv; charset=${charset}` } });
  }

  status(id: string): Observable<InitiativeImport> {
    return this.http.get<InitiativeImport>(`/api/v1/initiative-imports/${encodeURIComponent(id)}`);
  }
}
