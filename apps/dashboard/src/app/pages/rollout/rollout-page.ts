import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, type OnInit } from '@angular/core';
import { PercentPipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { HttpErrorResponse } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';
import { saveCsv } from '../../core/csv-download';
import { problemOf } from '../../core/initiatives-api';
import { LiveEvents } from '../../core/live-events';
import { PlansApi, type Plan, type PlanContests, type PlanDiffView } from '../../core/plans-api';
import { Session } from '../../core/session';
import { PlanDiffSummary } from './plan-diff-summary';
import { OverridePanel } from './override-panel';
import { FreezePanel } from './freeze-panel';
import { PoolPanel } from './pool-panel';
import { RolloutBudgetPanel } from './rollout-budget-panel';
import { ScenarioPanel } from './scenario-panel';
import { WaveProgressForm } from './wave-progress-form';

type Showing = 'published' | 'draft';

/**
 * The rollout plan PMO opens first: which waves go when, what holds the late
 * ones back, who contests which pool and why, and what is held by posture.
 */
@Component({
  selector: 'cap-rollout-page',
  imports: [RouterLink, PercentPipe, FreezePanel, OverridePanel, PlanDiffSummary, PoolPanel, RolloutBudgetPanel, ScenarioPanel, WaveProgressForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Rollout plan</h1>
    <div class="toolbar" role="toolbar" aria-label="Plan">
      <div class="tabs" role="tablist">
        <button type="button" role="tab" [attr.aria-selected]="showing() === 'published'" (click)="show('published')">Published</button>
        <button type="button" role="tab" [attr.aria-selected]="showing() === 'draft'" (click)="show('draft')">Latest draft</button>
      </div>
      @if (session.canPlan()) {
        <button type="button" (click)="compute()" [disabled]="busy()">Compute a draft</button>
        @if (plan()?.kind === 'draft' && !plan()?.unpublishable) {
          <button type="button" class="primary" (click)="publish()" [disabled]="busy()" data-testid="publish">Publish this draft</button>
        }
      }
    </div>

    @if (actionError(); as message) {
      <p class="state error" role="alert" data-testid="action-error">{{ message }}</p>
    }
    @if (error(); as message) {
      <p class="state error" role="alert">{{ message }}</p>
    } @else if (loading()) {
      <p class="state" role="status">Loading the plan…</p>
    } @else if (!plan()) {
      <p class="state">No {{ showing() === 'published' ? 'published plan' : 'draft' }} yet.@if (session.canPlan()) { Compute a draft to see one.}</p>
    } @else {
      @let p = plan()!;
      <section class="summary" aria-label="Plan summary">
        <div class="tile"><span class="count" data-testid="plan-kind">{{ p.kind === 'published' ? 'v' + p.version : 'Draft' }}</span><span class="label">from {{ p.startDate }}</span></div>
        <div class="tile"><span class="count">{{ p.waves.length }}</span><span class="label">waves scheduled</span></div>
        <div class="tile"><span class="count">{{ late().length }}</span><span class="label">waves delayed</span></div>
        <div class="tile"><span class="count" data-testid="contest-count">{{ p.contestCount }}</span><span class="label">contested slots</span></div>
        <div class="tile"><span class="count">{{ p.held.length }}</span><span class="label">initiatives held</span></div>
      </section>
      @if (p.trigger !== 'requested') {
        <p class="note">Computed because: {{ p.trigger }}</p>
      }
      @for (warning of p.warnings; track warning) {
        <p class="note warning">{{ warning }}</p>
      }
      @if (p.unpublishable; as why) {
        <p class="note warning" data-testid="unpublishable">This draft can be looked at, not published: {{ why }}. Compute a draft to publish the actual inputs.</p>
      }
      @if (p.kind === 'draft' && session.canPlan()) {
        <section class="card against" aria-label="Against the published plan" data-testid="against-published">
          @if (againstPublished(); as against) {
            <h2>Publishing this draft, against the published v{{ against.version }}</h2>
            <cap-plan-diff-summary [diff]="against.diff" />
          } @else if (nothingPublished()) {
            <h2>No plan is published yet: this draft would be v1</h2>
          } @else if (comparisonUnavailable()) {
            <h2>The comparison with the published plan is unavailable just now</h2>
          }
        </section>
      }

      @if (session.canPlan()) {
        <cap-scenario-panel [plan]="p" [revision]="loaded()" (promoted)="showDraft()" />
      }
      <cap-override-panel [plan]="p" />

      <div class="table-head"><h2>Waves</h2><button type="button" class="csv" (click)="exportCsv(p, 'waves')" aria-label="Download the waves as CSV">CSV</button></div>
      <table class="waves" aria-label="Scheduled waves">
        <thead>
          <tr><th scope="col">Initiative</th><th scope="col">Wave</th><th scope="col">Business unit</th><th scope="col">Priority</th><th scope="col">Weeks</th><th scope="col" class="timeline-head">Timeline</th><th scope="col">Why not earlier</th></tr>
        </thead>
        <tbody>
          @for (wave of waves(); track wave.initiativeId + wave.wave) {
            <tr [attr.data-wave]="wave.initiativeKey + ' ' + wave.wave">
              <td><a [routerLink]="['/initiatives', wave.initiativeId]">{{ wave.initiativeKey }}</a> {{ wave.initiativeName }}</td>
              <td>{{ wave.name }}</td>
              <td>{{ wave.businessUnit }}</td>
              <td>{{ wave.priority }}@if (wave.prioritySource === 'override') { <span class="tag">override</span>}</td>
              <td class="dates">{{ wave.start }} → {{ wave.end }}@if (wave.pinned) { <span class="tag">pinned by PMO</span>}@if (wave.underwaySince) { <span class="tag">under way since {{ wave.underwaySince }}</span>}
                @if (session.canPlan()) {
                  <cap-wave-progress-form [initiativeId]="wave.initiativeId" [wave]="wave.wave" [label]="wave.initiativeKey + ' ' + wave.wave" [underwaySince]="wave.underwaySince" />
                }
              </td>
              <td class="timeline">
                <span class="bar" [class.late]="wave.delayWeeks > 0" [style.left.%]="(100 * wave.startWeek) / span()" [style.width.%]="(100 * (wave.endWeek - wave.startWeek)) / span()"
                  [attr.title]="wave.start + ' → ' + wave.end"></span>
              </td>
              <td class="reasons">
                @if (wave.delayWeeks > 0) {
                  <strong>{{ wave.delayWeeks }} week(s) later:</strong>
                  @for (reason of wave.reasons; track reason.text) { <span class="reason">{{ reason.text }}</span> }
                }
              </td>
            </tr>
          }
        </tbody>
      </table>

      <div class="table-head"><h2>Contested capacity</h2><button type="button" class="csv" (click)="exportCsv(p, 'contests')" aria-label="Download the contests as CSV">CSV</button></div>
      @if (contests(); as c) {
        @if (c.contests.length === 0) {
          <p class="state">No pool is contested between business units.</p>
        } @else {
          <table aria-label="Contests">
            <thead><tr><th scope="col">Pool</th><th scope="col">Weeks</th><th scope="col">Wanted / capacity</th><th scope="col">Who got it, and why</th></tr></thead>
            <tbody>
              @for (contest of c.contests; track contest.pool + contest.from) {
                <tr data-testid="contest" [id]="contestId(contest)" tabindex="-1" [class.selected]="isSelected(contest)" [attr.aria-current]="isSelected(contest) ? 'true' : null">
                  <td>
                    @if (isSelected(contest)) { <span class="pick">▶ Selected</span> }
                    <a [routerLink]="[]" [queryParams]="{ contest: contest.pool + '@' + contest.from }" queryParamsHandling="merge" [attr.aria-label]="'Link to the contest for ' + contest.pool + ' from ' + contest.from">{{ contest.pool }}</a>
                  </td>
                  <td class="dates">{{ contest.from }} → {{ contest.to }}</td>
                  <td>{{ contest.demand }} / {{ contest.capacity }}</td>
                  <td>
                    <ul class="competitors">
                      @for (who of contest.competitors; track who.initiativeId + who.wave) {
                        <li [class.lost]="who.outcome === 'lost'">
                          <strong>{{ who.outcome === 'won' ? 'Won' : 'Lost' }}</strong> {{ who.initiativeKey }} {{ who.wave }} ({{ who.businessUnit }}) — {{ who.why }}
                        </li>
                      }
                    </ul>
                  </td>
                </tr>
              }
            </tbody>
          </table>
          <h3>Fairness by business unit</h3>
          <table aria-label="Fairness">
            <thead><tr><th scope="col">Business unit</th><th scope="col">Share of contested demand</th><th scope="col">Share of contested capacity it got</th></tr></thead>
            <tbody>
              @for (unit of c.fairness; track unit.businessUnit) {
                <tr><td>{{ unit.businessUnit }}</td><td>{{ unit.demandShare | percent: '1.0-0' }}</td><td>{{ unit.capacityShare | percent: '1.0-0' }}</td></tr>
              }
            </tbody>
          </table>
        }
      }

      <h2>Held</h2>
      @if (p.held.length === 0) {
        <p class="state">Nothing is held.</p>
      } @else {
        <table aria-label="Held initiatives">
          <thead><tr><th scope="col">Initiative</th><th scope="col">Posture</th><th scope="col">Waves held</th><th scope="col">To progress</th></tr></thead>
          <tbody>
            @for (held of p.held; track held.initiativeId) {
              <tr>
                <td><a [routerLink]="['/initiatives', held.initiativeId]">{{ held.initiativeKey }}</a> {{ held.name }}</td>
                <td>{{ held.posture ?? 'not scored' }}</td>
                <td>@for (w of held.waves; track w.wave) { <span class="reason">{{ w.wave }}: {{ w.reason }}</span> }</td>
                <td>@for (condition of held.conditions.slice(0, 3); track condition) { <span class="reason">{{ condition }}</span> }</td>
              </tr>
            }
          </tbody>
        </table>
      }
    }
    <cap-pool-panel [revision]="loaded()" />
    <cap-freeze-panel [revision]="loaded()" />
    <cap-rollout-budget-panel [revision]="loaded()" />
  `,
  styles: `
    h1 { margin-top: 0; }
    .toolbar { display: flex; gap: 0.75rem; align-items: center; margin-bottom: 1rem; }
    .tabs { display: flex; gap: 0.25rem; margin-right: auto; }
    .tabs button[aria-selected='true'] { background: #14213d; color: #fff; }
    button { border: 1px solid #14213d; background: #fff; color: #14213d; border-radius: 4px; padding: 0.35rem 0.9rem; cursor: pointer; }
    button.primary { background: #1f7a70; border-color: #1f7a70; color: #fff; }
    button:disabled { opacity: 0.6; cursor: wait; }
    .summary { display: flex; gap: 1rem; margin-bottom: 1rem; flex-wrap: wrap; }
    .tile { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 0.75rem 1.25rem; display: flex; flex-direction: column; min-width: 9rem; }
    .count { font-size: 1.6rem; font-weight: 700; }
    .label { font-size: 0.85rem; color: #444; }
    table { width: 100%; border-collapse: collapse; background: #fff; box-shadow: 0 1px 4px #0002; border-radius: 8px; overflow: hidden; margin-bottom: 1.5rem; }
    th, td { text-align: left; padding: 0.45rem 0.7rem; border-bottom: 1px solid #eee; font-size: 0.85rem; vertical-align: top; }
    th { background: #f4f5f7; font-weight: 600; }
    .dates { white-space: nowrap; }
    .timeline-head { width: 30%; }
    .timeline { position: relative; min-width: 12rem; }
    .bar { position: absolute; top: 30%; height: 40%; background: #2a9d8f; border-radius: 3px; min-width: 2px; }
    .bar.late { background: #e76f51; }
    .reasons, .reason { color: #333; }
    .reason { display: block; }
    .tag { font-size: 0.7rem; background: #ffe8a3; border-radius: 3px; padding: 0 0.3rem; margin-left: 0.3rem; }
    .competitors { margin: 0; padding-left: 1rem; }
    .competitors li.lost { color: #a4161a; }
    .note { margin: 0.25rem 0; color: #444; }
    .against { margin: 0.75rem 0 1rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 0.75rem 1.25rem; }
    .against h2 { font-size: 1rem; margin: 0 0 0.25rem; }
    .note.warning { color: #9a5b00; }
    .state { padding: 1rem; background: #fff; border-radius: 8px; }
    .error { color: #a4161a; }
    tr.selected td { background: #eef4ff; }
    .pick { display: block; font-size: 0.75rem; font-weight: 700; color: #14213d; }
  `,
})
export class RolloutPage implements OnInit {
  /** A contest to show, from the URL (`?contest=<pool>@<from>`): it is marked and scrolled into view. */
  readonly contest = input<string>();
  protected readonly session = inject(Session);
  private readonly api = inject(PlansApi);
  private readonly live = inject(LiveEvents);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly showing = signal<Showing>('published');
  protected readonly plan = signal<Plan | null>(null);
  protected readonly contests = signal<PlanContests | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  /** An action refused (publishing a draft that is no longer the newest, say): said above the plan, which stays. */
  protected readonly actionError = signal<string | null>(null);
  /** For a draft: what publishing it would change in the published plan. */
  protected readonly againstPublished = signal<{ version: number; diff: PlanDiffView } | null>(null);
  protected readonly nothingPublished = signal(false);
  /** The comparison failed: the draft is still shown, and publishing it still possible. */
  protected readonly comparisonUnavailable = signal(false);
  protected readonly waves = computed(() => [...(this.plan()?.waves ?? [])].sort((a, b) => a.startWeek - b.startWeek || a.initiativeKey.localeCompare(b.initiativeKey)));
  protected readonly late = computed(() => this.waves().filter((w) => w.delayWeeks > 0));
  /** Weeks the timeline spans: to the last wave's end. */
  protected readonly span = computed(() => Math.max(1, ...this.waves().map((w) => w.endWeek)));

  constructor() {
    effect(() => {
      const wanted = this.contests()?.contests.find((contest) => this.isSelected(contest));
      if (wanted) setTimeout(() => document.getElementById(this.contestId(wanted))?.scrollIntoView({ block: 'center' }));
    });
  }

  protected contestId(contest: { pool: string; from: string }): string {
    return `contest-${contest.pool}-${contest.from}`;
  }

  protected isSelected(contest: { pool: string; from: string }): boolean {
    return this.contest() === `${contest.pool}@${contest.from}`;
  }

  /** Loads started, to tell the latest from those it overtook. */
  private loads = 0;
  /** Loads finished: each one (a recomputed draft, a reconnect, an action) has the input panels read their lists again. */
  protected readonly loaded = signal(0);

  ngOnInit(): void {
    void this.load();
    this.live.subscribe(['plan.published', 'plan.draft_recomputed'], () => void this.load(), this.destroyRef, () => void this.load());
  }

  protected showDraft(): void {
    this.show('draft');
  }

  protected show(which: Showing): void {
    this.showing.set(which);
    void this.load();
  }

  protected async compute(): Promise<void> {
    await this.act(async () => {
      await firstValueFrom(this.api.compute());
      this.showing.set('draft');
    });
  }

  protected async publish(): Promise<void> {
    const plan = this.plan();
    if (!plan) return;
    await this.act(async () => {
      await firstValueFrom(this.api.publish(plan.id));
      this.showing.set('published');
    });
  }

  /** A table of the plan as the gateway exports it. */
  protected exportCsv(plan: Plan, table: 'waves' | 'contests'): void {
    const name = plan.kind === 'published' ? `v${plan.version}` : 'draft';
    this.api.csv(plan.id, table).subscribe({
      next: (csv) => saveCsv(`capstan-plan-${name}-${table}.csv`, csv),
      error: (error: unknown) => this.actionError.set(`The export failed: ${problemOf(error).detail ?? problemOf(error).title}`),
    });
  }

  private async act(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.actionError.set(null);
    try {
      await work();
    } catch (error) {
      const problem = problemOf(error);
      this.actionError.set(problem.detail ?? problem.title);
    }
    try {
      await this.load();
    } finally {
      this.busy.set(false);
    }
  }

  /**
   * Shows the plan the page is set to. Loads overlap (live events, an action's own reload): only the latest
   * one's answer is shown, so a slow load of the draft cannot cover a plan published meanwhile.
   */
  private async load(): Promise<void> {
    const load = ++this.loads;
    this.error.set(null);
    try {
      const plan = this.showing() === 'published' ? await this.published() : await this.latestDraft();
      const contests = plan ? await firstValueFrom(this.api.contests(plan.id)) : null;
      const against = plan?.kind === 'draft' && this.session.canPlan() ? await this.publishedAgainst(plan).catch(() => 'unavailable' as const) : undefined;
      if (load !== this.loads) return;
      this.plan.set(plan);
      this.contests.set(contests);
      this.againstPublished.set(against && against !== 'unavailable' ? against : null);
      this.nothingPublished.set(against === null);
      this.comparisonUnavailable.set(against === 'unavailable');
      this.loaded.update((n) => n + 1);
    } catch (error) {
      if (load !== this.loads) return;
      const problem = problemOf(error);
      this.error.set(problem.detail ?? problem.title);
    } finally {
      if (load === this.loads) this.loading.set(false);
    }
  }

  private async published(): Promise<Plan | null> {
    try {
      return await firstValueFrom(this.api.current());
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 404) return null;
      throw error;
    }
  }

  /** What publishing the draft changes in the published plan; null when none is published. */
  private async publishedAgainst(draft: Plan): Promise<{ version: number; diff: PlanDiffView } | null> {
    const published = await firstValueFrom(this.api.latestPublished());
    if (!published) return null;
    const { diff } = await firstValueFrom(this.api.compare(draft.id, published.id));
    return { version: published.version ?? 0, diff };
  }

  private async latestDraft(): Promise<Plan | null> {
    const id = await firstValueFrom(this.api.latestDraftId());
    return id ? firstValueFrom(this.api.get(id)) : null;
  }
}
