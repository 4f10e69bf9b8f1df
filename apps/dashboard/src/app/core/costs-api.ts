import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { AllocationRuleInput, AllocationRuleView, BudgetStatus, CostEntry, CostEntryList, FxRate, FxRateView, FxRecorded, RecordCostEntry, RecordVolume, SetBudget, CostImport, CostImportList, CostSummary, Forecast, FxConversionView, UnitEconomics } from '@capstan/contracts';
import { gatewayCsv } from './gateway-csv';

export type CsvTable = '/api/v1/costs/summary' | '/api/v1/budgets' | '/api/v1/cost-imports' | '/api/v1/cost-entries';

/** Production economics from cost tracking, through the gateway. Amounts stay decimal strings. */
@Injectable({ providedIn: 'root' })
export class CostsApi {
  private readonly http = inject(HttpClient);

  summary(groupBy: 'initiative' | 'category' | 'month' | 'phase', initiativeId?: string, reporting = false): Observable<CostSummary> {
    return this.http.get<CostSummary>('/api/v1/costs/summary', { params: { groupBy, ...(initiativeId ? { initiativeId } : {}), ...(reporting ? { reporting: 'true' } : {}) } });
  }

  budgets(initiativeId?: string): Observable<{ items: BudgetStatus[] }> {
    return this.http.get<{ items: BudgetStatus[] }>('/api/v1/budgets', { params: initiativeId ? { initiativeId } : {} });
  }

  /** An initiative's latest ledger entries, newest first, with what reversed them. */
  ledger(initiativeId: string, limit = 20): Observable<CostEntryList> {
    return this.http.get<CostEntryList>('/api/v1/cost-entries', { params: { initiativeId, limit } });
  }

  /** Records an entry by hand (an estimate); the key makes a retry after a lost answer record it once. */
  recordCost(entry: RecordCostEntry, idempotencyKey: string): Observable<CostEntry> {
    return this.http.post<CostEntry>('/api/v1/cost-entries', entry, { headers: { 'Idempotency-Key': idempotencyKey } });
  }

  /** Corrects an entry by a reversing one; the ledger is never changed. */
  reverseEntry(id: string, reason: string): Observable<CostEntry> {
    return this.http.post<CostEntry>(`/api/v1/cost-entries/${encodeURIComponent(id)}/reversal`, { reason });
  }

  /** Sets an initiative's budget for a month and category; in another currency than the one there, it replaces it. */
  setBudget(budget: SetBudget): Observable<BudgetStatus> {
    return this.http.put<BudgetStatus>('/api/v1/budgets', budget);
  }

  /** A month's business volume in a phase (the denominator of unit cost); it replaces what was there. */
  recordVolume(volume: RecordVolume): Observable<RecordVolume & { recordedBy: string }> {
    return this.http.put<RecordVolume & { recordedBy: string }>('/api/v1/business-volumes', volume);
  }

  forecast(initiativeId: string, months = 6): Observable<Forecast> {
    return this.http.get<Forecast>(`/api/v1/initiatives/${encodeURIComponent(initiativeId)}/forecast`, { params: { months } });
  }

  unitCosts(initiativeId: string): Observable<{ items: UnitEconomics[] }> {
    return this.http.get<{ items: UnitEconomics[] }>(`/api/v1/initiatives/${encodeURIComponent(initiativeId)}/unit-costs`);
  }

  /** Spend or budgets as the gateway exports them. */
  csv(path: CsvTable, params: Record<string, string> = {}): Observable<string> {
    return gatewayCsv(this.http, path, params);
  }

  /**
   * A pilot's export is booked as pilot spend, so pilot and production economics stay apart. A file imported before
   * is refused (409) unless `again`.
   */
  importFocus(file: File, currency: string | null, phase: 'pilot' | 'production', again = false): Observable<CostImport> {
    const params: Record<string, string> = { format: 'focus', phase, ...(currency ? { currency } : {}), ...(again ? { duplicate: 'allow' } : {}) };
    return this.http.post<CostImport>('/api/v1/cost-imports', file, { params, headers: { 'content-type': 'text/csv' } });
  }

  /** The latest day's exchange rate into the reporting currency of each currency. */
  latestFxRates(): Observable<{ reportingCurrency: string; items: FxRateView[] }> {
    return this.http.get<{ reportingCurrency: string; items: FxRateView[] }>('/api/v1/fx-rates', { params: { latest: 'true' } });
  }

  /** Records a day's rate; the entries waiting for it are converted (the rest in the background when there are many). */
  recordFxRates(rates: FxRate[]): Observable<FxRecorded> {
    return this.http.post<FxRecorded>('/api/v1/fx-rates', { rates });
  }

  /** Conversions to the reporting currency under way in the background. */
  conversions(): Observable<{ reportingCurrency: string; items: FxConversionView[] }> {
    return this.http.get<{ reportingCurrency: string; items: FxConversionView[] }>('/api/v1/fx-rates/conversions');
  }

  /** The latest imports, newest first. */
  imports(limit = 10): Observable<CostImportList> {
    return this.http.get<CostImportList>('/api/v1/cost-imports', { params: { limit } });
  }

  /** Reverses an import that has ended as a whole; it goes on in the background. */
  reverseImport(id: string, reason: string): Observable<CostImport> {
    return this.http.post<CostImport>(`/api/v1/cost-imports/${encodeURIComponent(id)}/reversal`, { reason });
  }

  /** Maps an ended import's unallocated spend by the allocation rules in force; it goes on in the background. */
  reallocateImport(id: string, reason: string): Observable<CostImport> {
    return this.http.post<CostImport>(`/api/v1/cost-imports/${encodeURIComponent(id)}/reallocation`, { reason });
  }

  /** Every allocation rule, retired ones included, in the order they are tried. */
  allocationRules(): Observable<{ items: AllocationRuleView[] }> {
    return this.http.get<{ items: AllocationRuleView[] }>('/api/v1/allocation-rules');
  }

  createAllocationRule(rule: AllocationRuleInput): Observable<AllocationRuleView> {
    return this.http.post<AllocationRuleView>('/api/v1/allocation-rules', rule);
  }

  retireAllocationRule(id: string): Observable<AllocationRuleView> {
    return this.http.post<AllocationRuleView>(`/api/v1/allocation-rules/${encodeURIComponent(id)}/retirement`, {});
  }

  importStatus(id: string): Observable<CostImport> {
    return this.http.get<CostImport>(`/api/v1/cost-imports/${encodeURIComponent(id)}`);
  }
}
