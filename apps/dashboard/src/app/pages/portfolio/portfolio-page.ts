import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal, type OnInit } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { PortfolioReadiness, PortfolioTrends } from '@capstan/contracts';
import { INITIATIVE_STAGES, POSTURES, RISK_TIERS, type Posture } from '@capstan/domain';
import { downloadCsv } from '../../core/csv-download';
import { InitiativesApi, problemOf, type InitiativeWithPosture } from '../../core/initiatives-api';
import { LiveEvents } from '../../core/live-events';
import { Session } from '../../core/session';
import { PostureBadge } from './posture-badge';
import { FrictionTrends } from './friction-trends';
import { ReadinessPanel } from './readiness-panel';
import { RegisterInitiativeForm } from './register-initiative-form';

const POSTURE_TITLES: Record<Posture, string> = {
  pause: 'Pause',
  controlled_investment: 'Controlled investment',
  authorize_deployment: 'Authorize deployment',
};

type SortColumn = 'key' | 'name' | 'businessUnit' | 'stage' | 'riskTier' | 'posture';
/** Columns that sort by rank, not by name: "high" risk above "limited", production after scaling. */
const RANKS: Partial<Record<string, readonly string[]>> = { posture: POSTURES, riskTier: RISK_TIERS, stage: INITIATIVE_STAGES };

@Component({
  selector: 'cap-portfolio-page',
  imports: [FrictionTrends, PostureBadge, ReadinessPanel, RegisterInitiativeForm, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Portfolio</h1>
    <section class="summary" aria-label="Initiatives by posture">
      @for (posture of postures; track posture) {
        <div class="tile" [attr.data-testid]="'count-' + posture">
          <span class="count">{{ counts()[posture] }}</span>
          <span class="label">{{ titles[posture] }}</span>
        </div>
      }
      <div class="tile live" [attr.aria-live]="'polite'">
        <span class="label">{{ live.connected() ? '● Live updates on' : '○ Live updates reconnecting…' }}</span>
      </div>
    </section>

    @if (readiness(); as view) {
      <cap-readiness-panel [readiness]="view" [names]="names()" />
    }
    @if (trends(); as view) {
      <cap-friction-trends [trends]="view" />
    }

    @if (session.canWriteInitiatives()) {
      <cap-register-initiative-form (registered)="upsert($event)" />
    }

    @if (error(); as message) {
      <p class="state error" role="alert">{{ message }} <button type="button" (click)="load()">Retry</button></p>
    } @else if (loading()) {
      <p class="state" role="status">Loading initiatives…</p>
    } @else if (initiatives().length === 0) {
      <p class="state">No initiatives yet.</p>
    } @else {
      <div class="filters" role="search" aria-label="Filter initiatives">
        <label>Filter <input type="search" [value]="q() ?? ''" (input)="setQuery({ q: $any($event.target).value || null })" placeholder="Key, name or business unit" /></label>
        <label>Posture
          <select (change)="setQuery({ posture: $any($event.target).value || null })">
            <option value="" [selected]="!posture()">Any</option>
            @for (option of postures; track option) { <option [value]="option" [selected]="option === posture()">{{ titles[option] }}</option> }
          </select>
        </label>
        <span class="shown" role="status">{{ shown().length }} of {{ initiatives().length }}</span>
        <button type="button" class="export" (click)="exportCsv()">Export CSV</button>
      </div>
      <table aria-label="Initiatives">
        <thead>
          <tr>
            @for (column of sortable; track column.id) {
              <th scope="col" [attr.aria-sort]="ariaSort(column.id)"><button type="button" class="sort" (click)="sortBy(column.id)">{{ column.label }}<span aria-hidden="true">{{ arrow(column.id) }}</span></button></th>
            }
            <th scope="col">To progress</th>
          </tr>
        </thead>
        <tbody>
          @for (initiative of shown(); track initiative.id) {
            <tr [attr.data-initiative]="initiative.key">
              <td>{{ initiative.key }}</td>
              <td class="name"><a [routerLink]="['/initiatives', initiative.id]">{{ initiative.name }}</a></td>
              <td>{{ initiative.businessUnit }}</td>
              <td>{{ initiative.stage }}</td>
              <td>{{ initiative.riskTier }}</td>
              <td><cap-posture-badge [posture]="initiative.posture?.posture ?? null" /></td>
              <td class="conditions">{{ initiative.posture?.conditions?.[0] ?? '' }}@if ((initiative.posture?.conditions?.length ?? 0) > 1) { <span class="more"> +{{ (initiative.posture?.conditions?.length ?? 1) - 1 }} more</span> }</td>
            </tr>
          } @empty {
            <tr><td colspan="7">No initiative matches the filter.</td></tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    h1 { margin-top: 0; }
    .summary { display: flex; gap: 1rem; margin-bottom: 1.5rem; flex-wrap: wrap; }
    .tile { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 0.75rem 1.25rem; display: flex; flex-direction: column; min-width: 10rem; }
    .tile.live { justify-content: center; margin-left: auto; min-width: 0; }
    .count { font-size: 1.8rem; font-weight: 700; }
    .label { font-size: 0.85rem; color: #444; }
    table { width: 100%; border-collapse: collapse; background: #fff; box-shadow: 0 1px 4px #0002; border-radius: 8px; overflow: hidden; }
    th, td { text-align: left; padding: 0.5rem 0.75rem; border-bottom: 1px solid #eee; font-size: 0.9rem; vertical-align: top; }
    th { background: #f4f5f7; font-weight: 600; }
    .sort { background: none; border: 0; font: inherit; font-weight: 600; padding: 0; cursor: pointer; color: inherit; }
    .filters { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; margin-bottom: 0.75rem; }
    .filters label { display: flex; flex-direction: column; font-size: 0.85rem; font-weight: 600; gap: 0.25rem; }
    .filters input, .filters select { padding: 0.35rem; font: inherit; font-weight: normal; min-width: 14rem; }
    .shown { color: #4a5059; font-size: 0.85rem; }
    .export { margin-left: auto; background: #fff; border: 1px solid #14213d; border-radius: 4px; padding: 0.35rem 0.9rem; cursor: pointer; }
    .name { font-weight: 600; }
    .name a { color: inherit; }
    .conditions { color: #444; max-width: 28rem; }
    .more { color: #666; font-size: 0.8rem; margin-left: 0.4rem; }
    .state { padding: 1rem; background: #fff; border-radius: 8px; }
    .error { color: #a4161a; }
  `,
})
export class PortfolioPage implements OnInit {
  /** The view's filter and order, from the URL, so a filtered view can be shared. */
  readonly q = input<string>();
  readonly posture = input<string>();
  readonly sort = input<string>();
  readonly dir = input<string>();
  private readonly router = inject(Router);
  protected readonly sortable: { id: SortColumn; label: string }[] = [
    { id: 'key', label: 'Key' },
    { id: 'name', label: 'Initiative' },
    { id: 'businessUnit', label: 'Business unit' },
    { id: 'stage', label: 'Stage' },
    { id: 'riskTier', label: 'Risk tier' },
    { id: 'posture', label: 'Posture' },
  ];
  private readonly api = inject(InitiativesApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly session = inject(Session);
  protected readonly live = inject(LiveEvents);
  protected readonly postures = POSTURES;
  protected readonly titles = POSTURE_TITLES;
  protected readonly initiatives = signal<InitiativeWithPosture[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly readiness = signal<PortfolioReadiness | null>(null);
  protected readonly trends = signal<PortfolioTrends | null>(null);
  protected readonly names = computed(() => new Map(this.initiatives().map((initiative) => [initiative.id, initiative.name])));
  protected readonly counts = computed(() => {
    const counts: Record<Posture, number> = { pause: 0, controlled_investment: 0, authorize_deployment: 0 };
    for (const initiative of this.initiatives()) if (initiative.posture) counts[initiative.posture.posture]++;
    return counts;
  });

  ngOnInit(): void {
    this.load();
    // Weekly figures: read once per visit, not on every live event.
    this.api.trends().subscribe({ next: (trends) => this.trends.set(trends), error: () => this.trends.set(null) });
    // Events say what changed; the page refetches so it always shows the services' own view.
    this.live.subscribe(['initiative.registered', 'initiative.updated', 'initiative.archived', 'posture.changed', 'score.updated'], () => this.refresh(), this.destroyRef, () => this.refresh());
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.refresh();
  }

  protected readonly shown = computed(() => {
    const text = (this.q() ?? '').trim().toLowerCase();
    const posture = this.posture();
    const column = (this.sort() ?? '') as SortColumn | '';
    const direction = this.dir() === 'desc' ? -1 : 1;
    const rows = this.initiatives().filter(
      (initiative) =>
        (!posture || initiative.posture?.posture === posture) &&
        (!text || [initiative.key, initiative.name, initiative.businessUnit].some((value) => value.toLowerCase().includes(text))),
    );
    if (!column) return rows;
    const ranks = RANKS[column];
    const value = (initiative: InitiativeWithPosture) =>
      ranks ? ranks.indexOf(column === 'posture' ? (initiative.posture?.posture ?? '') : String(initiative[column])) : initiative[column];
    return [...rows].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * direction;
    });
  });

  protected setQuery(changes: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams: changes, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected sortBy(column: SortColumn): void {
    const direction = this.sort() === column && this.dir() !== 'desc' ? 'desc' : 'asc';
    this.setQuery({ sort: column, dir: direction });
  }

  protected ariaSort(column: SortColumn): 'ascending' | 'descending' | 'none' {
    return this.sort() !== column ? 'none' : this.dir() === 'desc' ? 'descending' : 'ascending';
  }

  protected arrow(column: SortColumn): string {
    return this.sort() !== column ? '' : this.dir() === 'desc' ? ' ▼' : ' ▲';
  }

  protected exportCsv(): void {
    downloadCsv(
      'capstan-initiatives.csv',
      ['key', 'name', 'businessUnit', 'stage', 'riskTier', 'posture', 'conditions'],
      this.shown().map((i) => [i.key, i.name, i.businessUnit, i.stage, i.riskTier, i.posture?.posture ?? '', (i.posture?.conditions ?? []).join('; ')]),
    );
  }

  protected upsert(initiative: InitiativeWithPosture): void {
    this.initiatives.update((list) => [initiative, ...list.filter((item) => item.id !== initiative.id)]);
  }

  private refreshing = false;
  private refreshAgain = false;

  private refresh(): void {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    // Readiness is a summary beside the list: when it cannot be had, the list still shows.
    this.api.readiness().subscribe({ next: (readiness) => this.readiness.set(readiness), error: () => this.readiness.set(null) });
    this.api.list().subscribe({
      next: ({ items }) => {
        this.initiatives.set(items);
        // A live refresh that failed before hid the list: this one read it, so it shows again.
        this.error.set(null);
        this.loading.set(false);
        this.done();
      },
      error: (error: unknown) => {
        this.error.set(problemOf(error).detail ?? 'Initiatives could not be loaded.');
        this.loading.set(false);
        this.done();
      },
    });
  }

  private done(): void {
    this.refreshing = false;
    if (this.refreshAgain) {
      this.refreshAgain = false;
      this.refresh();
    }
  }
}
