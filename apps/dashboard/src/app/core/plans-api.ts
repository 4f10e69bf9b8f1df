import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type {
  CapacityPoolInput,
  CapacityPoolView,
  FreezeWindowsView,
  PlanDiffView,
  PlanOverrideInput,
  PlanOverrideView,
  PlanView,
  RolloutBudgetView,
  RolloutInput,
  RolloutView,
} from '@capstan/contracts';
import { gatewayCsv } from './gateway-csv';

export type ScenarioChange =
  | { kind: 'priority'; initiativeId: string; priority: number }
  | { kind: 'capacity'; pool: string; capacityPerWeek: number }
  | { kind: 'pause'; initiativeId: string }
  | { kind: 'authorize'; initiativeId: string }
  | { kind: 'deadline'; initiativeId: string; wave: string; deadline: string | null }
  | {
      kind: 'add';
      initiative: { key: string; name: string; businessUnit: string; value: string; waves: { key: string; name: string; durationWeeks: number; demand: Record<string, number> }[] };
    };
export type { CapacityPoolInput, CapacityPoolView, FreezeWindowsView, PlanDiffView, PlanOverrideInput, PlanOverrideView, RolloutBudgetView, RolloutView };
export type FreezeWindow = FreezeWindowsView['windows'][number];

export type Plan = PlanView;

export interface PlanContests {
  planId: string;
  contests: {
    pool: string;
    from: string;
    to: string;
    capacity: number;
    demand: number;
    competitors: { initiativeId: string; initiativeKey: string; wave: string; businessUnit: string; priority: number; outcome: 'won' | 'lost'; delayWeeks: number; why: string }[];
  }[];
  fairness: { businessUnit: string; demandShare: number; capacityShare: number }[];
}

/** Rollout plans from sequencing, through the gateway. */
@Injectable({ providedIn: 'root' })
export class PlansApi {
  private readonly http = inject(HttpClient);

  current(): Observable<Plan> {
    return this.http.get<Plan>('/api/v1/plans/current');
  }

  latestDraftId(): Observable<string | null> {
    return this.http
      .get<{ items: { id: string }[] }>('/api/v1/plans', { params: { kind: 'draft', limit: 1 } })
      .pipe(map(({ items }) => items[0]?.id ?? null));
  }

  /** A plan's waves or contests as the gateway exports them (`Accept: text/csv`). */
  csv(id: string, table: 'waves' | 'contests'): Observable<string> {
    return gatewayCsv(this.http, `/api/v1/plans/${encodeURIComponent(id)}${table === 'contests' ? '/contests' : ''}`);
  }

  /** What changes from plan `against` to plan `id`. */
  compare(id: string, against: string): Observable<{ planId: string; againstPlanId: string; diff: PlanDiffView }> {
    return this.http.get<{ planId: string; againstPlanId: string; diff: PlanDiffView }>(`/api/v1/plans/${encodeURIComponent(id)}/diff`, { params: { against } });
  }

  /** The published plan's id and version, without its waves; null before the first is published. */
  latestPublished(): Observable<{ id: string; version: number | null } | null> {
    return this.http
      .get<{ items: { id: string; version: number | null }[] }>('/api/v1/plans', { params: { kind: 'published', limit: 1 } })
      .pipe(map(({ items }) => items[0] ?? null));
  }

  get(id: string): Observable<Plan> {
    return this.http.get<Plan>(`/api/v1/plans/${encodeURIComponent(id)}`);
  }

  contests(id: string): Observable<PlanContests> {
    return this.http.get<PlanContests>(`/api/v1/plans/${encodeURIComponent(id)}/contests`);
  }

  compute(): Observable<Plan> {
    return this.http.post<Plan>('/api/v1/plans', {});
  }

  pools(): Observable<{ items: CapacityPoolView[] }> {
    return this.http.get<{ items: CapacityPoolView[] }>('/api/v1/capacity-pools');
  }

  /**
   * Sets a pool whole — name, weekly capacity, dated changes — and so recomputes the draft: only at the version it was
   * read at (null: a new pool, refused if someone made one of that id first), so no one's change is undone unseen.
   */
  putPool(id: string, pool: CapacityPoolInput, version: number | null): Observable<CapacityPoolView> {
    return this.http.put<CapacityPoolView>(`/api/v1/capacity-pools/${encodeURIComponent(id)}`, pool, { headers: versionHeaders(version) });
  }

  /** Every business unit's change-freeze windows, with their versions. */
  freezeWindows(): Observable<{ items: FreezeWindowsView[] }> {
    return this.http.get<{ items: FreezeWindowsView[] }>('/api/v1/freeze-windows');
  }

  /** Sets a business unit's freeze windows whole, at the version they were read at (null: it had none). */
  putFreezeWindows(businessUnit: string, windows: FreezeWindow[], version: number | null): Observable<FreezeWindowsView> {
    return this.http.put<FreezeWindowsView>(`/api/v1/business-units/${encodeURIComponent(businessUnit)}/freeze-windows`, { windows }, { headers: versionHeaders(version) });
  }

  /** The rollout budget of each quarter a limit was set for. */
  rolloutBudgets(): Observable<{ items: RolloutBudgetView[] }> {
    return this.http.get<{ items: RolloutBudgetView[] }>('/api/v1/rollout-budgets');
  }

  /** Sets a quarter's rollout budget (finance), at the version it was read at (null: it had none). */
  putRolloutBudget(quarter: string, amount: string, version: number | null): Observable<RolloutBudgetView> {
    return this.http.put<RolloutBudgetView>(`/api/v1/rollout-budgets/${encodeURIComponent(quarter)}`, { amount }, { headers: versionHeaders(version) });
  }

  createScenario(name: string, changes: ScenarioChange[], basePlanId: string): Observable<{ id: string }> {
    return this.http.post<{ id: string }>('/api/v1/scenarios', { name, changes, basePlanId });
  }

  scenarioDiff(id: string): Observable<{ scenarioId: string; diff: PlanDiffView }> {
    return this.http.get<{ scenarioId: string; diff: PlanDiffView }>(`/api/v1/scenarios/${encodeURIComponent(id)}/diff`);
  }

  promote(id: string): Observable<Plan> {
    return this.http.post<Plan>(`/api/v1/scenarios/${encodeURIComponent(id)}/promotion`, {});
  }

  /** PMO's overrides — priorities, pinned starts, fixed orders — revoked ones included, oldest first. */
  overrides(): Observable<{ items: PlanOverrideView[] }> {
    return this.http.get<{ items: PlanOverrideView[] }>('/api/v1/plan-overrides');
  }

  addOverride(override: PlanOverrideInput): Observable<PlanOverrideView> {
    return this.http.post<PlanOverrideView>('/api/v1/plan-overrides', override);
  }

  revokeOverride(id: string, reason: string): Observable<PlanOverrideView> {
    return this.http.post<PlanOverrideView>(`/api/v1/plan-overrides/${encodeURIComponent(id)}/revocation`, { reason });
  }

  /** The initiative's rollout: its waves, their demand and dates, and the progress recorded. */
  rollout(initiativeId: string): Observable<RolloutView> {
    return this.http.get<RolloutView>(`/api/v1/initiatives/${encodeURIComponent(initiativeId)}/rollout`);
  }

  /** Sets the initiative's rollout whole (value and waves) at the version it was read at (null: it had none); the draft plan is recomputed. */
  putRollout(initiativeId: string, rollout: RolloutInput, version: number | null): Observable<RolloutView> {
    return this.http.put<RolloutView>(`/api/v1/initiatives/${encodeURIComponent(initiativeId)}/rollout`, rollout, { headers: versionHeaders(version) });
  }

  /** What happened to a wave: when it began (null: not yet) and when it finished. */
  recordProgress(initiativeId: string, wave: string, progress: { startedOn: string | null; finishedOn: string | null }): Observable<{ startedOn: string | null; finishedOn: string | null }> {
    return this.http.put<{ startedOn: string | null; finishedOn: string | null }>(
      `/api/v1/initiatives/${encodeURIComponent(initiativeId)}/rollout/waves/${encodeURIComponent(wave)}/progress`,
      progress,
    );
  }

  publish(id: string): Observable<Plan> {
    return this.http.post<Plan>(`/api/v1/plans/${encodeURIComponent(id)}/publish`, {});
  }
}

/** A write of what was read at `version` (null: of something new). */
function versionHeaders(version: number | null): Record<string, string> {
  return version === null ? { 'If-None-Match': '*' } : { 'If-Match': `"${version}"` };
}
