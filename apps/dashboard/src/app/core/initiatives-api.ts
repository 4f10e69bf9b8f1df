import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { map, type Observable } from 'rxjs';
import { allPages, type Page } from './paging';
import type { AuditEntry, Decision, EvidenceInput, Initiative, InitiativeDetail, Owner, PortfolioReadiness, PortfolioTrends, PostureSummary, PostureView, RecordDecision, RegisterInitiative, TelemetryRecord, UpdateInitiative } from '@capstan/contracts';

export type InitiativeWithPosture = Initiative & { posture: PostureSummary | null };
export type InitiativeDetailWithPosture = InitiativeDetail & { posture: PostureView | null };

export interface Problem {
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

@Injectable({ providedIn: 'root' })
export class InitiativesApi {
  private readonly http = inject(HttpClient);

  /** Every initiative, page after page (the portfolio's counts, filters and exports need them all). */
  list(): Observable<{ items: InitiativeWithPosture[] }> {
    return allPages((cursor) => this.http.get<Page<InitiativeWithPosture>>('/api/v1/initiatives', { params: { limit: 500, ...(cursor ? { cursor } : {}) } }));
  }

  get(id: string): Observable<InitiativeDetailWithPosture> {
    return this.http.get<InitiativeDetailWithPosture>(`/api/v1/initiatives/${encodeURIComponent(id)}`);
  }

  /** The initiative with the ETag of its version, for an edit that must not overwrite someone else's. */
  getVersioned(id: string): Observable<{ initiative: InitiativeDetailWithPosture; etag: string }> {
    return this.http
      .get<InitiativeDetailWithPosture>(`/api/v1/initiatives/${encodeURIComponent(id)}`, { observe: 'response' })
      .pipe(map((response) => ({ initiative: response.body as InitiativeDetailWithPosture, etag: response.headers.get('ETag') ?? '*' })));
  }

  /** Changes fields of the version `etag` names; 412 when someone changed it since. */
  update(id: string, changes: UpdateInitiative, etag: string): Observable<Initiative> {
    return this.http.patch<Initiative>(`/api/v1/initiatives/${encodeURIComponent(id)}`, changes, { headers: { 'If-Match': etag } });
  }

  /** Names the owner of a responsibility on the version `etag` names; 412 when someone changed the initiative since. */
  assignOwner(id: string, responsibility: string, owner: Owner, etag: string): Observable<{ version: number }> {
    return this.http.put<{ version: number }>(`/api/v1/initiatives/${encodeURIComponent(id)}/owners/${encodeURIComponent(responsibility)}`, owner, { headers: { 'If-Match': etag } });
  }

  /** Leaves a responsibility without an owner (a gap again); 412 when someone changed the initiative since. */
  removeOwner(id: string, responsibility: string, etag: string): Observable<{ version: number }> {
    return this.http.delete<{ version: number }>(`/api/v1/initiatives/${encodeURIComponent(id)}/owners/${encodeURIComponent(responsibility)}`, { headers: { 'If-Match': etag } });
  }

  /** Records evidence for a criterion on the version `etag` names; 412 when someone changed the initiative since. */
  recordEvidence(id: string, criterionId: string, evidence: Partial<EvidenceInput>, etag: string): Observable<{ version: number }> {
    return this.http.put<{ version: number }>(`/api/v1/initiatives/${encodeURIComponent(id)}/criteria/${encodeURIComponent(criterionId)}`, evidence, { headers: { 'If-Match': etag } });
  }

  /** Takes a dependency away; the plan's draft is computed again without it. */
  removeDependency(id: string, dependsOn: string): Observable<unknown> {
    return this.http.delete(`/api/v1/initiatives/${encodeURIComponent(id)}/dependencies/${encodeURIComponent(dependsOn)}`);
  }

  /** The committee's decision; the key makes a retry of the same submission record it once. */
  recordDecision(id: string, decision: RecordDecision, idempotencyKey: string): Observable<Decision> {
    return this.http.post<Decision>(`/api/v1/initiatives/${encodeURIComponent(id)}/decisions`, decision, { headers: { 'Idempotency-Key': idempotencyKey } });
  }

  telemetry(id: string, periodKind: 'week' | 'month', limit = 26): Observable<{ items: TelemetryRecord[] }> {
    return this.http.get<{ items: TelemetryRecord[] }>(`/api/v1/initiatives/${encodeURIComponent(id)}/telemetry`, { params: { periodKind, limit } });
  }

  audit(id: string): Observable<{ items: AuditEntry[] }> {
    return this.http.get<{ items: AuditEntry[] }>(`/api/v1/initiatives/${encodeURIComponent(id)}/audit`);
  }

  trends(weeks = 12): Observable<PortfolioTrends> {
    return this.http.get<PortfolioTrends>('/api/v1/portfolio/trends', { params: { weeks } });
  }

  readiness(): Observable<PortfolioReadiness> {
    return this.http.get<PortfolioReadiness>('/api/v1/portfolio/readiness');
  }

  register(initiative: Partial<RegisterInitiative>, idempotencyKey: string): Observable<InitiativeWithPosture> {
    return this.http.post<InitiativeWithPosture>('/api/v1/initiatives', initiative, {
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }
}

/** A failed request in words: the problem's detail (else its title), and with `fields` what was wrong with each field. */
export function problemText(error: unknown, { fields = false } = {}): string {
  const problem = problemOf(error);
  const text = problem.detail ?? problem.title;
  const wrong = fields ? (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ') : '';
  return wrong ? `${text} (${wrong})` : text;
}

export function problemOf(error: unknown): Problem {
  if (error instanceof HttpErrorResponse && error.error && typeof error.error === 'object') return error.error as Problem;
  // A request for text (a CSV export) gets its problem details as text.
  if (error instanceof HttpErrorResponse && typeof error.error === 'string') {
    try {
      const parsed = JSON.parse(error.error) as unknown;
      if (parsed && typeof parsed === 'object' && 'title' in parsed) return parsed as Problem;
    } catch {
      // Not problem details: said below as what it is.
    }
    if (error.status) return { title: error.statusText || 'The request failed', status: error.status };
  }
  return { title: 'The request failed', status: 0, detail: 'Capstan could not be reached. Try again.' };
}
