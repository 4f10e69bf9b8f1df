import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { AuditEntry, PostureView } from '@capstan/contracts';
import { allPages } from './paging';

export interface AuditQuery {
  action?: string;
  actor?: string;
  initiativeId?: string;
  cursor?: string;
  limit?: number;
}

/** The portfolio-wide audit trail (newest first) and postures as they were at a moment. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditQuery): Observable<{ items: AuditEntry[]; nextCursor: string | null }> {
    const params = Object.fromEntries(Object.entries({ limit: 100, ...query }).filter(([, value]) => value !== undefined && value !== ''));
    return this.http.get<{ items: AuditEntry[]; nextCursor: string | null }>('/api/v1/audit', { params });
  }

  /** Every entry the query selects, page after page. */
  listAll(query: Omit<AuditQuery, 'cursor' | 'limit'>): Observable<{ items: AuditEntry[] }> {
    return allPages((cursor) => this.list({ ...query, limit: 500, ...(cursor ? { cursor } : {}) }));
  }

  postureAsOf(initiativeId: string, asOf: string): Observable<PostureView> {
    return this.http.get<PostureView>(`/api/v1/initiatives/${encodeURIComponent(initiativeId)}/posture`, { params: { asOf } });
  }
}
