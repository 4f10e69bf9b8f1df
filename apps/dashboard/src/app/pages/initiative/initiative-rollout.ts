import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { RouterLink } from '@angular/router';
import { catchError, forkJoin, of, throwError } from 'rxjs';
import { money } from '../../core/display';
import { problemOf } from '../../core/initiatives-api';
import { PlansApi, type Plan, type RolloutView } from '../../core/plans-api';

/**
 * The initiative's rollout as PMO described it — waves, demand on each pool,
 * earliest starts, deadlines, progress — beside where the published plan puts
 * each wave (or why it holds it).
 */
@Component({
  selector: 'cap-initiative-rollout',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="rollout-title">
      <h2 id="rollout-title">Rollout</h2>
      @if (failure(); as text) {
        <p class="failure" role="alert">The rollout could not be loaded: {{ text }}</p>
      } @else if (rollout(); as r) {
        <p class="muted">Value {{ money(r.value) }}; set by {{ r.updatedBy }} on {{ r.updatedAt.slice(0, 10) }}.@if (plan(); as p) { Published plan v{{ p.version }}.} @else { No plan is published yet.}</p>
        <table aria-label="Rollout waves">
          <thead>
            <tr><th scope="col">Wave</th><th scope="col">Weeks</th><th scope="col">Demand</th><th scope="col">Earliest / deadline</th><th scope="col">In the published plan</th></tr>
          </thead>
          <tbody>
            @for (wave of r.waves; track wave.key) {
              <tr [attr.data-rollout-wave]="wave.key">
                <td>{{ wave.key }} — {{ wave.name }}@if (wave.withinControlledScope) { <span class="tag">in controlled scope</span>}</td>
                <td class="num">{{ wave.durationWeeks }}</td>
                <td>@for (pool of demandOf(wave.demand); track pool.id) { <span class="line">{{ pool.id }}: {{ pool.units }}/week</span> } @empty { none }</td>
                <td>{{ wave.earliestStart ?? '—' }} / {{ wave.deadline ?? '—' }}</td>
                <td>
                  @if (placed().get(wave.key); as at) {
                    {{ at.start }} → {{ at.end }}@if (at.delayWeeks > 0) { <span class="late">{{ at.delayWeeks }} week(s) later</span>}
                  } @else if (heldReason().get(wave.key); as reason) {
                    <span class="late">held: {{ reason }}</span>
                  } @else if (plan()) {
                    not in it
                  }
                  @if (progressOf(wave.key); as progress) { <span class="line">began {{ progress.startedOn ?? '—' }}@if (progress.finishedOn) {, finished {{ progress.finishedOn }}}</span> }
                </td>
              </tr>
            }
          </tbody>
        </table>
        <p class="muted"><a routerLink="/rollout">The whole rollout plan</a></p>
      } @else if (loaded()) {
        <p class="muted">No rollout described yet: PMO sets its waves with <code>PUT /api/v1/initiatives/{{ '{' }}id{{ '}' }}/rollout</code>.</p>
      }
    </section>
  `,
  styles: `
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; }
    h2 { font-size: 1.05rem; margin: 0 0 0.75rem; }
    table { width: 100%; border-collapse: collapse; font-size: 0.85rem; }
    th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #eee; vertical-align: top; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .line { display: block; }
    .tag { font-size: 0.7rem; background: #e3f2ef; border-radius: 3px; padding: 0 0.3rem; margin-left: 0.3rem; }
    .late { color: #8a1c1c; margin-left: 0.3rem; }
    .muted { color: #4a5059; font-size: 0.85rem; }
    .failure { color: #a4161a; }
  `,
})
export class InitiativeRollout {
  readonly initiativeId = input.required<string>();
  private readonly api = inject(PlansApi);
  protected readonly rollout = signal<RolloutView | null>(null);
  protected readonly plan = signal<Plan | null>(null);
  protected readonly loaded = signal(false);
  protected readonly money = money;
  protected readonly failure = signal<string | null>(null);
  /** Where the published plan puts each of this initiative's waves. */
  protected readonly placed = computed(() => new Map((this.plan()?.waves ?? []).filter((w) => w.initiativeId === this.initiativeId()).map((w) => [w.wave, w])));
  protected readonly heldReason = computed(
    () => new Map((this.plan()?.held ?? []).filter((h) => h.initiativeId === this.initiativeId()).flatMap((h) => h.waves.map((w) => [w.wave, w.reason] as const))),
  );

  constructor() {
    effect(() => {
      const id = this.initiativeId();
      const absentAs404 = <T>(error: unknown) => (error instanceof HttpErrorResponse && error.status === 404 ? of(null as T | null) : throwError(() => error));
      forkJoin({
        rollout: this.api.rollout(id).pipe(catchError((error: unknown) => absentAs404<RolloutView>(error))),
        plan: this.api.current().pipe(catchError((error: unknown) => absentAs404<Plan>(error))),
      }).subscribe({
        next: ({ rollout, plan }) => {
          this.rollout.set(rollout);
          this.plan.set(plan);
          this.failure.set(null);
          this.loaded.set(true);
        },
        error: (error: unknown) => this.failure.set(problemOf(error).detail ?? problemOf(error).title),
      });
    });
  }

  protected demandOf(demand: Record<string, number>): { id: string; units: number }[] {
    return Object.entries(demand).map(([id, units]) => ({ id, units }));
  }

  protected progressOf(wave: string): RolloutView['progress'][number] | undefined {
    return this.rollout()?.progress.find((p) => p.wave === wave);
  }
}
