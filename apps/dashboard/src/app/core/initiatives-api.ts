import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { Initiative, InitiativeDetail, PortfolioReadiness, PostureSummary, PostureView, RegisterInitiative } from '@capstan/contracts';

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

  list(limit = 500): Observable<{ items: InitiativeWithPosture[] }> {
    return this.http.get<{ items: InitiativeWithPosture[] }>('/api/v1/initiatives', { params: { limit } });
  }

  get(id: string): Observable<InitiativeDetailWithPosture> {
    return this.http.get<InitiativeDetailWithPosture>(`/api/v1/initiatives/${encodeURIComponent(id)}`);
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

export function problemOf(error: unknown): Problem {
  if (error instanceof HttpErrorResponse && error.error && typeof error.error === 'object') return error.error as Problem;
  return { title: 'The request failed', status: 0, detail: 'Capstan could not be reached. Try again.' };
}
