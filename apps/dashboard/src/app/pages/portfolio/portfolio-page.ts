import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PortfolioReadiness } from '@capstan/contracts';
import { POSTURES, type Posture } from '@capstan/domain';
import { InitiativesApi, problemOf, type InitiativeWithPosture } from '../../core/initiatives-api';
import { LiveEvents } from '../../core/live-events';
import { Session } from '../../core/session';
import { PostureBadge } from './posture-badge';
import { ReadinessPanel } from './readiness-panel';
import { RegisterInitiativeForm } from './register-initiative-form';

const POSTURE_TITLES: Record<Posture, string> = {
  pause: 'Pause',
  controlled_investment: 'Controlled investment',
  authorize_deployment: 'Authorize deployment',
};

@Component({
  selector: 'cap-portfolio-page',
  imports: [PostureBadge, ReadinessPanel, RegisterInitiativeForm, RouterLink],
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
      <table aria-label="Initiatives">
        <thead>
          <tr><th scope="col">Key</th><th scope="col">Initiative</th><th scope="col">Business unit</th><th scope="col">Stage</th><th scope="col">Risk tier</th><th scope="col">Posture</th><th scope="col">To progress</th></tr>
        </thead>
        <tbody>
          @for (initiative of initiatives(); track initiative.id) {
            <tr [attr.data-initiative]="initiative.key">
              <td>{{ initiative.key }}</td>
              <td class="name"><a [routerLink]="['/initiatives', initiative.id]">{{ initiative.name }}</a></td>
              <td>{{ initiative.businessUnit }}</td>
              <td>{{ initiative.stage }}</td>
              <td>{{ initiative.riskTier }}</td>
              <td><cap-posture-badge [posture]="initiative.posture?.posture ?? null" /></td>
              <td class="conditions">{{ initiative.posture?.conditions?.[0] ?? '' }}@if ((initiative.posture?.conditions?.length ?? 0) > 1) { <span class="more"> +{{ (initiative.posture?.conditions?.length ?? 1) - 1 }} more</span> }</td>
            </tr>
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
    .name { font-weight: 600; }
    .name a { color: inherit; }
    .conditions { color: #444; max-width: 28rem; }
    .more { color: #666; font-size: 0.8rem; margin-left: 0.4rem; }
    .state { padding: 1rem; background: #fff; border-radius: 8px; }
    .error { color: #a4161a; }
  `,
})
export class PortfolioPage implements OnInit {
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
  protected readonly names = computed(() => new Map(this.initiatives().map((initiative) => [initiative.id, initiative.name])));
  protected readonly counts = computed(() => {
    const counts: Record<Posture, number> = { pause: 0, controlled_investment: 0, authorize_deployment: 0 };
    for (const initiative of this.initiatives()) if (initiative.posture) counts[initiative.posture.posture]++;
    return counts;
  });

  ngOnInit(): void {
    this.load();
    // Events say what changed; the page refetches so it always shows the services' own view.
    this.live.subscribe(['initiative.registered', 'posture.changed', 'score.updated'], () => this.refresh(), this.destroyRef);
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.refresh();
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
