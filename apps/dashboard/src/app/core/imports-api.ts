import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { ImportMode, InitiativeImport } from '@capstan/contracts';

/** Initiative inventories imported as CSV: intake validates and writes them in the background. */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  start(file: Blob, mode: ImportMode): Observable<InitiativeImport> {
    return this.http.post<InitiativeImport>('/api/v1/initiative-imports', file, { params: { mode }, headers: { 'content-type': 'text/csv' } });
  }

  status(id: string): Observable<InitiativeImport> {
    return this.http.get<InitiativeImport>(`/api/v1/initiative-imports/${encodeURIComponent(id)}`);
  }
}
