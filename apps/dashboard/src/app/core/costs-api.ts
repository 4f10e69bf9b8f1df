import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { BudgetStatus, CostImport, CostSummary } from '@capstan/contracts';

/** Production economics from cost tracking, through the gateway. Amounts stay decimal strings. */
@Injectable({ providedIn: 'root' })
export class CostsApi {
  private readonly http = inject(HttpClient);

  summary(groupBy: 'initiative' | 'category' | 'month' | 'phase'): Observable<CostSummary> {
    return this.http.get<CostSummary>('/api/v1/costs/summary', { params: { groupBy } });
  }

  budgets(): Observable<{ items: BudgetStatus[] }> {
    return this.http.get<{ items: BudgetStatus[] }>('/api/v1/budgets');
  }

  importFocus(file: File, currency: string | null): Observable<CostImport> {
    const params: Record<string, string> = { format: 'focus', ...(currency ? { currency } : {}) };
    return this.http.post<CostImport>('/api/v1/cost-imports', file, { params, headers: { 'content-type': 'text/csv' } });
  }

  importStatus(id: string): Observable<CostImport> {
    return this.http.get<CostImport>(`/api/v1/cost-imports/${encodeURIComponent(id)}`);
  }
}
