import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableDataSource, MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { catchError, forkJoin, map, of } from 'rxjs';
import type { AuditEntry } from '@capstan/contracts';
import type { Posture } from '@capstan/domain';
import { AuditApi } from '../../core/audit-api';
import { downloadCsv } from '../../core/csv-download';
import { InitiativesApi, problemOf, type InitiativeWithPosture } from '../../core/initiatives-api';
import { LiveEvents } from '../../core/live-events';
import { PostureBadge } from '../portfolio/posture-badge';
import { decisionOf, endOfLocalDay, latestDecisions, type CommitteeDecision } from './committee-decisions';
import { localMoment, shortValue } from '../../core/display';

const ACTIONS = [
  'initiative.registered',
  'initiative.updated',
  'initiative.archived',
  'owner.assigned',
  'owner.removed',
  'evidence.recorded',
  'evidence.expired',
  'dependency.added',
  'dependency.removed',
  'decision.recorded',
  'telemetry.recorded',
];

interface DecisionRow extends CommitteeDecision {
  name: string;
  recommended: Posture | null;
  agrees: boolean | null;
}

/**
 * The committee's decisions beside scoring's recommendations — now, or as of
 * a date (each side as it stood then) — and the portfolio's audit trail.
 * Filters live in the URL, so a view can be shared.
 */
@Component({
  selector: 'cap-decisions-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatSortModule, MatTableModule, PostureBadge, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Decisions &amp; audit</h1>

    <section class="card" aria-labelledby="decisions-title">
      <div class="head">
        <h2 id="decisions-title">Committee decisions beside the recommendations</h2>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>As of</mat-label>
          <input matInput type="date" [ngModel]="asOf() ?? ''" (change)="setQuery({ asOf: $any($event.target).value || null })" data-testid="as-of" />
        </mat-form-field>
        @if (asOf()) { <button mat-button type="button" (click)="setQuery({ asOf: null })">Back to now</button> }
      </div>
      <p class="hint">
        @if (asOf(); as date) { Each initiative’s latest decision made by {{ date }}, beside the posture scoring recommended then. }
        @else { Each initiative’s latest decision, beside the posture scoring recommends now. }
      </p>
      @if (decisionsError(); as message) {
        <p class="error" role="alert">{{ message }} <button mat-button type="button" (click)="loadDecisions()">Retry</button></p>
      } @else if (loadingDecisions()) {
        <p role="status">Loading decisions…</p>
      } @else if (decisionRows().data.length === 0) {
        <p class="empty">{{ asOf() ? 'No committee decision had been recorded by ' + asOf() + '.' : 'No committee decision recorded yet.' }}</p>
      } @else {
        <table mat-table [dataSource]="decisionRows()" matSort matSortActive="decidedAt" matSortDirection="desc" aria-label="Committee decisions">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">Initiative</th>
            <td mat-cell *matCellDef="let row"><a [routerLink]="['/initiatives', row.initiativeId]">{{ row.name }}</a></td>
          </ng-container>
          <ng-container matColumnDef="decision">
            <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">Committee decided</th>
            <td mat-cell *matCellDef="let row"><cap-posture-badge [posture]="row.decision" /></td>
          </ng-container>
          <ng-container matColumnDef="recommended">
            <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">Scoring recommends{{ asOf() ? ' (then)' : '' }}</th>
            <td mat-cell *matCellDef="let row">@if (row.recommended) { <cap-posture-badge [posture]="row.recommended" /> } @else { <span class="muted">not scored</span> }</td>
          </ng-container>
          <ng-container matColumnDef="agrees">
            <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">Agreement</th>
            <td mat-cell *matCellDef="let row" [attr.data-agreement]="row.agrees === false ? 'diverges' : row.agrees ? 'agrees' : 'unknown'">
              @if (row.agrees === false) { <span class="diverges"><span aria-hidden="true">⚠</span> Diverges</span> }
              @else if (row.agrees) { <span class="agrees"><span aria-hidden="true">✓</span> Agrees</span> }
              @else { <span class="muted">–</span> }
            </td>
          </ng-container>
          <ng-container matColumnDef="decidedBy">
            <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">Decided by</th>
            <td mat-cell *matCellDef="let row">{{ row.decidedBy }}</td>
          </ng-container>
          <ng-container matColumnDef="decidedAt">
            <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">On</th>
            <td mat-cell *matCellDef="let row">{{ localMoment(row.decidedAt) }}</td>
          </ng-container>
          <ng-container matColumnDef="rationale">
            <th mat-header-cell *matHeaderCellDef scope="col">Rationale</th>
            <td mat-cell *matCellDef="let row" class="rationale">{{ row.rationale }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="decisionColumns"></tr>
          <tr mat-row *matRowDef="let row; columns: decisionColumns" [attr.data-initiative]="row.initiativeId"></tr>
        </table>
      }
    </section>

    <section class="card" aria-labelledby="audit-title">
      <div class="head">
        <h2 id="audit-title">Audit trail</h2>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Action</mat-label>
          <mat-select [value]="action() ?? ''" (selectionChange)="setQuery({ action: $event.value || null })">
            <mat-option value="">Any action</mat-option>
            @for (option of actions; track option) { <mat-option [value]="option">{{ option }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Actor</mat-label>
          <input matInput [ngModel]="actor() ?? ''" (change)="setQuery({ actor: $any($event.target).value || null })" />
        </mat-form-field>
        <button mat-stroked-button type="button" (click)="exportAudit()" [disabled]="!audit().length || exporting()" title="Every record the filters select, not only those shown">
          {{ exporting() ? 'Exporting…' : 'Export CSV' }}
        </button>
      </div>
      @if (exportError(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }
      @if (auditError(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      } @else if (!audit().length && !loadingAudit()) {
        <p class="empty">No audit record matches.</p>
      } @else {
        <table mat-table [dataSource]="audit()" aria-label="Audit trail">
          <ng-container matColumnDef="at">
            <th mat-header-cell *matHeaderCellDef scope="col">When</th>
            <td mat-cell *matCellDef="let entry">{{ localMoment(entry.at, 'second') }}</td>
          </ng-container>
          <ng-container matColumnDef="initiative">
            <th mat-header-cell *matHeaderCellDef scope="col">Initiative</th>
            <td mat-cell *matCellDef="let entry"><a [routerLink]="['/initiatives', entry.initiativeId]">{{ names().get(entry.initiativeId) ?? entry.initiativeId.slice(0, 8) }}</a></td>
          </ng-container>
          <ng-container matColumnDef="action">
            <th mat-header-cell *matHeaderCellDef scope="col">Action</th>
            <td mat-cell *matCellDef="let entry"><code>{{ entry.action }}</code></td>
          </ng-container>
          <ng-container matColumnDef="actor">
            <th mat-header-cell *matHeaderCellDef scope="col">Actor</th>
            <td mat-cell *matCellDef="let entry">{{ entry.actor }}</td>
          </ng-container>
          <ng-container matColumnDef="changes">
            <th mat-header-cell *matHeaderCellDef scope="col">Changes</th>
            <td mat-cell *matCellDef="let entry" class="changes">
              @for (change of entry.changes.slice(0, 3); track change.field) { <div><code>{{ change.field }}</code>: {{ show(change.from) }} → {{ show(change.to) }}</div> }
              @if (entry.changes.length > 3) { <div class="muted">+{{ entry.changes.length - 3 }} more</div> }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="auditColumns"></tr>
          <tr mat-row *matRowDef="let row; columns: auditColumns"></tr>
        </table>
        @if (nextCursor()) { <button mat-button type="button" (click)="loadAudit(true)" [disabled]="loadingAudit()">Load more</button> }
      }
    </section>
  `,
  styles: `
    h1 { margin-top: 0; }
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; margin-bottom: 1.5rem; overflow-x: auto; }
    .head { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
    h2 { margin: 0; font-size: 1.05rem; margin-right: auto; }
    .hint, .muted { color: #4a5059; font-size: 0.85rem; }
    .empty { color: #4a5059; }
    .diverges { color: #8a1c1c; font-weight: 600; }
    .agrees { color: #1c5e33; }
    .rationale { max-width: 28rem; }
    .changes { font-size: 0.85rem; max-width: 36rem; overflow-wrap: anywhere; }
    .error { color: #a4161a; }
  `,
})
export class DecisionsPage {
  protected readonly localMoment = localMoment;
  private readonly auditApi = inject(AuditApi);
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly router = inject(Router);
  /** Query parameters (bound by the router). */
  readonly asOf = input<string>();
  readonly action = input<string>();
  readonly actor = input<string>();

  protected readonly actions = ACTIONS;
  protected readonly decisionColumns = ['name', 'decision', 'recommended', 'agrees', 'decidedBy', 'decidedAt', 'rationale'];
  protected readonly auditColumns = ['at', 'initiative', 'action', 'actor', 'changes'];
  private readonly initiatives = signal<InitiativeWithPosture[]>([]);
  protected readonly names = computed(() => new Map(this.initiatives().map((initiative) => [initiative.id, initiative.name])));
  protected readonly decisionRows = signal(new MatTableDataSource<DecisionRow>([]));
  protected readonly loadingDecisions = signal(true);
  protected readonly decisionsError = signal<string | null>(null);
  protected readonly audit = signal<AuditEntry[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loadingAudit = signal(false);
  protected readonly auditError = signal<string | null>(null);
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);
  private readonly destroyRef = inject(DestroyRef);
  private readonly sort = viewChild(MatSort);

  constructor() {
    effect(() => {
      this.asOf();
      this.loadDecisions();
    });
    effect(() => {
      this.action();
      this.actor();
      this.loadAudit(false);
    });
    effect(() => {
      const sort = this.sort();
      if (sort) this.decisionRows().sort = sort;
    });
    inject(LiveEvents).subscribe(['decision.recorded', 'posture.changed'], () => this.loadDecisions(), this.destroyRef, () => this.loadDecisions());
  }

  protected setQuery(changes: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams: changes, queryParamsHandling: 'merge' });
  }

  private decisionLoads = 0;
  private auditLoads = 0;

  protected loadDecisions(): void {
    const asOf = this.asOf();
    // Loads overlap (a date changed while one runs, a live event): only the latest one's answer is shown.
    const load = ++this.decisionLoads;
    this.decisionsError.set(null);
    forkJoin({
      initiatives: this.initiativesApi.list(),
      entries: this.auditApi.listAll({ action: 'decision.recorded' }),
    }).subscribe({
      next: ({ initiatives, entries }) => {
        if (load !== this.decisionLoads) return;
        this.initiatives.set(initiatives.items);
        const decisions = latestDecisions(entries.items.flatMap((entry) => decisionOf(entry) ?? []), asOf);
        const current = new Map(initiatives.items.map((initiative) => [initiative.id, initiative.posture?.posture ?? null]));
        const recommendations = asOf
          ? forkJoin(
              decisions.map((decision) =>
                this.auditApi.postureAsOf(decision.initiativeId, endOfLocalDay(asOf)).pipe(
                  map((view) => [decision.initiativeId, view.posture] as const),
                  catchError(() => of([decision.initiativeId, null] as const)),
                ),
              ),
            ).pipe(map((pairs) => new Map<string, Posture | null>(pairs)))
          : of(current);
        (decisions.length ? recommendations : of(new Map<string, Posture | null>())).subscribe((recommended) => {
          if (load !== this.decisionLoads) return;
          const names = this.names();
          const rows = decisions.map((decision) => {
            const posture = recommended.get(decision.initiativeId) ?? null;
            return { ...decision, name: names.get(decision.initiativeId) ?? decision.initiativeId, recommended: posture, agrees: posture ? posture === decision.decision : null };
          });
          const source = new MatTableDataSource(rows);
          const sort = this.sort();
          if (sort) source.sort = sort;
          this.decisionRows.set(source);
          this.loadingDecisions.set(false);
        });
      },
      error: (error: unknown) => {
        if (load !== this.decisionLoads) return;
        this.decisionsError.set(problemOf(error).detail ?? 'Decisions could not be loaded.');
        this.loadingDecisions.set(false);
      },
    });
  }

  protected loadAudit(more: boolean): void {
    this.loadingAudit.set(true);
    this.auditError.set(null);
    const cursor = more ? (this.nextCursor() ?? undefined) : undefined;
    // A page of another filter, or one a newer load replaced, is not shown (nor appended).
    const load = ++this.auditLoads;
    this.auditApi.list({ action: this.action(), actor: this.actor(), cursor, limit: 25 }).subscribe({
      next: (page) => {
        if (load !== this.auditLoads) return;
        this.audit.update((shown) => (more ? [...shown, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.loadingAudit.set(false);
      },
      error: (error: unknown) => {
        if (load !== this.auditLoads) return;
        this.auditError.set(problemOf(error).detail ?? 'The audit trail could not be loaded.');
        this.loadingAudit.set(false);
      },
    });
  }

  protected show(value: unknown): string {
    return shortValue(value, 80);
  }

  /** Every record the filters select, page after page: an auditor's export is not the page shown. */
  protected exportAudit(): void {
    this.exporting.set(true);
    this.exportError.set(null);
    // Leaving the page stops the export: no file arrives later from a page no longer shown.
    this.auditApi.listAll({ action: this.action(), actor: this.actor() }).pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: ({ items }) => {
        downloadCsv(
          'capstan-audit.csv',
          ['at', 'initiativeId', 'initiative', 'action', 'actor', 'changes'],
          items.map((entry) => [entry.at, entry.initiativeId, this.names().get(entry.initiativeId) ?? '', entry.action, entry.actor, entry.changes]),
        );
        this.exporting.set(false);
      },
      error: (error: unknown) => {
        this.exportError.set(`The audit trail could not be exported: ${problemOf(error).detail ?? problemOf(error).title}`);
        this.exporting.set(false);
      },
    });
  }
}
