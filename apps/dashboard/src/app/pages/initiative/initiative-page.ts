import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { STABILIZATION_DOMAINS, criterionTitle, type CriterionId, type DomainId } from '@capstan/domain';
import { localDate, localMoment, money, refusal } from '../../core/display';
import { InitiativesApi, problemOf, type InitiativeDetailWithPosture } from '../../core/initiatives-api';
import { LiveEvents } from '../../core/live-events';
import { Session } from '../../core/session';
import { PostureBadge } from '../portfolio/posture-badge';
import { AttestEvidenceForm } from './attest-evidence-form';
import { RecordDecisionForm } from './record-decision-form';
import { EditInitiativeForm } from './edit-initiative-form';
import { InitiativeEconomics } from './initiative-economics';
import { InitiativeLedger } from './initiative-ledger';
import { InitiativeRollout } from './initiative-rollout';
import { InitiativeHistory } from './initiative-history';
import { InitiativeOwners } from './initiative-owners';
import { InitiativeTelemetry } from './initiative-telemetry';

const PROFILE_EVENTS = ['posture.changed', 'score.updated', 'owner.assigned', 'owner.removed', 'evidence.recorded', 'evidence.expired', 'decision.recorded', 'dependency.added', 'dependency.removed', 'initiative.updated', 'telemetry.recorded'];
const COST_EVENTS = ['cost.recorded', 'cost.imported', 'budget.threshold_crossed', 'budget.burn_changed'];
/** Any plan may move this initiative's waves, and a draft follows a change to its rollout: their payloads need not name it. */
const PLAN_EVENTS = ['plan.published', 'plan.draft_recomputed'];

/** One initiative: its posture and why, domain scores by source, owners and gaps, evidence, dependencies, decisions, economics, history; its profile edited safely. */
@Component({
  selector: 'cap-initiative-page',
  imports: [AttestEvidenceForm, EditInitiativeForm, InitiativeEconomics, InitiativeHistory, InitiativeLedger, InitiativeOwners, InitiativeRollout, InitiativeTelemetry, PostureBadge, RecordDecisionForm, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a routerLink="/" class="back">← Portfolio</a>
    <!-- A reload that fails leaves the page (and what is typed in its forms) as it was, the error above it. -->
    @if (error(); as message) {
      <p class="state error" role="alert">{{ message }}</p>
    }
    @if (initiative(); as item) {
      <header class="head">
        <h1><span class="key">{{ item.key }}</span> {{ item.name }}</h1>
        <cap-posture-badge [posture]="item.posture?.posture ?? null" />
      </header>
      <p class="meta">{{ item.businessUnit }} · {{ item.stage }} · risk tier {{ item.riskTier }} · {{ item.operatorRole }} · data {{ item.dataSensitivity }}</p>
      @if (item.summary) { <p>{{ item.summary }}</p> }

      <div class="grid">
        <section class="card" aria-labelledby="progress-title">
          <h2 id="progress-title">To progress</h2>
          @if (!item.posture) {
            <p>Not scored yet: the posture and what it takes to progress appear once scoring has evaluated it.</p>
          } @else if (item.posture.conditions.length) {
            <ol class="conditions">
              @for (condition of item.posture.conditions; track condition) { <li>{{ condition }}</li> }
            </ol>
          } @else {
            <p>Nothing: every gate holds.</p>
          }
          @if (item.posture?.signals?.length) {
            <h3>Signals</h3>
            <ul class="chips">
              @for (signal of item.posture?.signals; track signal) { <li>{{ signal }}</li> }
            </ul>
          }
          @if (item.posture?.patterns?.length) {
            <h3>Scaling-risk patterns</h3>
            <ul>
              @for (pattern of item.posture?.patterns; track pattern.id + pattern.detail) {
                <li><strong>{{ pattern.title }}</strong>: {{ pattern.detail }}</li>
              }
            </ul>
          }
        </section>

        <section class="card" aria-labelledby="domains-title">
          <h2 id="domains-title">Readiness by domain</h2>
          @for (domain of item.posture?.domains ?? []; track domain.id) {
            <div class="domain" [attr.data-domain]="domain.id">
              <div class="domain-head">
                <span>{{ domainTitle(domain.id) }}</span>
                <span class="score">{{ domain.score }}<span class="out-of">/100</span></span>
              </div>
              <div class="bar" role="meter" [attr.aria-label]="domainTitle(domain.id) + ' readiness'" aria-valuemin="0" aria-valuemax="100" [attr.aria-valuenow]="domain.score">
                <span [style.width.%]="domain.score"></span>
              </div>
              <ul class="criteria">
                @for (criterion of domain.criteria; track criterion.id) {
                  <li><span class="state" [attr.data-state]="criterion.state">{{ criterion.state }}</span> {{ title(criterion.id) }} <span class="source">({{ criterion.source }}@if (criterion.basis) {: {{ criterion.basis }}})</span></li>
                }
              </ul>
            </div>
          }
        </section>

        <cap-initiative-owners [initiative]="item" [etag]="etag()" [editable]="session.canWriteInitiatives()" (changed)="load()" />

        <section class="card" aria-labelledby="evidence-title">
          <h2 id="evidence-title">Evidence</h2>
          @if (item.evidence.length) {
            <table aria-label="Evidence">
              <thead><tr><th scope="col">Criterion</th><th scope="col">Status</th><th scope="col">Evidence</th><th scope="col">Attested</th><th scope="col">Expires</th></tr></thead>
              <tbody>
                @for (evidence of item.evidence; track evidence.criterionId) {
                  <tr>
                    <td>{{ title(evidence.criterionId) }}</td>
                    <td>{{ evidence.status }}</td>
                    <td class="evidence-text">{{ evidence.evidence || '—' }}</td>
                    <td>{{ evidence.attestedBy }}, {{ day(evidence.attestedAt) }}</td>
                    <td [class.gap]="expired(evidence.expiresAt)">{{ evidence.expiresAt ? day(evidence.expiresAt) : '—' }}{{ expired(evidence.expiresAt) ? ' (expired)' : '' }}</td>
                  </tr>
                }
              </tbody>
            </table>
          } @else {
            <p>No evidence attested yet.</p>
          }
        </section>

        <section class="card" aria-labelledby="relations-title">
          <h2 id="relations-title">Dependencies and decisions</h2>
          @if (item.dependencies.length) {
            <ul>
              @for (dependency of item.dependencies; track dependency.dependsOn) {
                <li>
                  Depends on <a [routerLink]="['/initiatives', dependency.dependsOn]">{{ dependency.dependsOnKey }}</a> ({{ dependency.kind }})
                  @if (session.canWriteInitiatives()) {
                    <button type="button" class="link" (click)="removeDependency(dependency.dependsOn)" [disabled]="removing() !== null" [attr.aria-label]="'Remove the dependency on ' + dependency.dependsOnKey">Remove</button>
                  }
                </li>
              }
            </ul>
            @if (dependencyError(); as message) { <p class="error" role="alert">{{ message }}</p> }
          } @else {
            <p>No dependencies.</p>
          }
          @for (decision of item.decisions; track decision.id) {
            <p class="decision"><strong>{{ decision.decision }}</strong> by {{ decision.decidedBy }} on {{ localMoment(decision.decidedAt) }}: {{ decision.rationale }}
              @if (decision.scopeEnvelope; as scope) { — scope {{ scope.businessUnits.join(', ') }}, {{ scope.users }} users, {{ money(scope.monthlySpendCap) }} {{ scope.currency }}/month }
            </p>
          } @empty {
            <p>No committee decision yet.</p>
          }
        </section>

        <cap-initiative-rollout [initiativeId]="item.id" [revision]="planRevision()" />
        <cap-initiative-economics [initiativeId]="item.id" [revision]="costRevision()" [canRecordVolumes]="session.canRecordVolumes()" [canSetBudgets]="session.canImportCosts()" [initiativeName]="item.key + ' ' + item.name" />
        <cap-initiative-ledger [initiativeId]="item.id" [revision]="costRevision()" [canRecord]="session.canImportCosts()" />
        <cap-initiative-telemetry [initiativeId]="item.id" [revision]="historyRevision()" />
        <cap-initiative-history [initiativeId]="item.id" [revision]="historyRevision()" />
      </div>
      @if (session.canDecide()) {
        <cap-record-decision-form class="edit" [initiative]="item" (saved)="load()" />
      }
      @if (session.attestableCriteria().length) {
        <cap-attest-evidence-form class="edit" [initiative]="item" [etag]="etag()" (saved)="load()" />
      }
      @if (session.canWriteInitiatives()) {
        <cap-edit-initiative-form class="edit" [initiative]="item" [etag]="etag()" (saved)="load()" />
      }
    } @else if (!error()) {
      <p class="state" role="status">Loading…</p>
    }
  `,
  styles: `
    .back { display: inline-block; margin-bottom: 0.75rem; color: #14213d; }
    .head { display: flex; align-items: center; gap: 1rem; flex-wrap: wrap; }
    h1 { margin: 0; font-size: 1.6rem; }
    .key { color: #555; font-weight: 500; }
    .meta { color: #444; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap: 1rem; }
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; }
    h2 { font-size: 1.05rem; margin: 0 0 0.75rem; }
    h3 { font-size: 0.95rem; margin: 1rem 0 0.4rem; }
    .conditions li { margin-bottom: 0.3rem; }
    .chips { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; }
    .chips li { background: #eef1f6; border-radius: 999px; padding: 0.15rem 0.6rem; font-size: 0.85rem; }
    .domain { margin-bottom: 0.9rem; }
    .domain-head { display: flex; justify-content: space-between; font-weight: 600; font-size: 0.9rem; }
    .out-of { color: #666; font-weight: 400; }
    .bar { height: 8px; background: #e6e8ec; border-radius: 4px; overflow: hidden; margin: 0.25rem 0; }
    .bar span { display: block; height: 100%; background: #2f5d8a; }
    .criteria { list-style: none; padding: 0; margin: 0; font-size: 0.82rem; color: #333; }
    .state { display: inline-block; min-width: 5.5rem; font-weight: 600; }
    .state[data-state='absent'] { color: #8a1c1c; }
    .state[data-state='partial'] { color: #6b4e00; }
    .state[data-state='established'] { color: #1c5e33; }
    .source { color: #666; }
    table { width: 100%; border-collapse: collapse; font-size: 0.88rem; }
    th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #eee; }
    .gap { color: #8a1c1c; font-weight: 600; }
    .decision { font-size: 0.9rem; }
    .evidence-text { white-space: pre-line; overflow-wrap: anywhere; max-width: 18rem; }
    .state.error, .error { color: #a4161a; }
    .edit { display: block; margin-top: 1rem; }
    .link { background: none; border: 0; padding: 0 0.25rem; color: #14213d; text-decoration: underline; cursor: pointer; font: inherit; }
  `,
})
export class InitiativePage implements OnInit {
  protected readonly localMoment = localMoment;
  readonly id = input.required<string>();
  private readonly api = inject(InitiativesApi);
  private readonly live = inject(LiveEvents);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly session = inject(Session);
  protected readonly money = money;
  protected readonly initiative = signal<InitiativeDetailWithPosture | null>(null);
  protected readonly etag = signal('*');
  protected readonly costRevision = signal(0);
  protected readonly planRevision = signal(0);
  protected readonly historyRevision = signal(0);
  protected readonly error = signal<string | null>(null);
  protected readonly dependencyError = signal<string | null>(null);
  /** The dependency being taken away: its button waits, so a second click sends nothing. */
  protected readonly removing = signal<string | null>(null);

  constructor() {
    // The router keeps this page when only the id changes (a dependency's link, back and forward): load the new one.
    effect(() => {
      this.id();
      untracked(() => {
        this.initiative.set(null);
        this.error.set(null);
        this.dependencyError.set(null);
        this.etag.set('*');
        this.load();
      });
    });
  }

  ngOnInit(): void {
    // One stream for the page: profile and posture events reload it, cost events its economics, plan events its rollout.
    this.live.subscribe(
      [...PROFILE_EVENTS, ...COST_EVENTS, ...PLAN_EVENTS],
      (event) => {
        if (PLAN_EVENTS.includes(event.type)) return void this.planRevision.update((n) => n + 1);
        if (!JSON.stringify(event.payload).includes(this.id())) return;
        if (COST_EVENTS.includes(event.type)) this.costRevision.update((n) => n + 1);
        else this.load();
      },
      this.destroyRef,
      () => {
        this.load();
        this.costRevision.update((n) => n + 1);
        this.planRevision.update((n) => n + 1);
      },
    );
  }

  protected domainTitle(id: string): string {
    return STABILIZATION_DOMAINS[id as DomainId]?.title ?? id;
  }

  protected title(id: string): string {
    return criterionTitle(id as CriterionId);
  }

  /** An instant as the user's calendar day: evidence dates are entered as midnight where the user is. */
  protected day(instant: string): string {
    return localDate(new Date(instant));
  }

  protected expired(expiresAt: string | null): boolean {
    return expiresAt !== null && Date.parse(expiresAt) <= Date.now();
  }

  protected removeDependency(dependsOn: string): void {
    if (this.removing()) return;
    this.removing.set(dependsOn);
    this.dependencyError.set(null);
    this.api.removeDependency(this.id(), dependsOn).subscribe({
      next: () => {
        this.removing.set(null);
        this.load();
      },
      error: (error: unknown) => {
        this.removing.set(null);
        this.dependencyError.set(refusal('Not removed', problemOf(error)));
      },
    });
  }

  private loads = 0;

  protected load(): void {
    const id = this.id();
    // Loads overlap (live events, a form's own reload): only the latest one's answer is shown, so an older
    // version (and its ETag) never replaces a newer one.
    const load = ++this.loads;
    this.api.getVersioned(id).subscribe({
      next: ({ initiative, etag }) => {
        // An answer about the initiative shown before, or one a newer load replaced, has nothing to do here.
        if (id !== this.id() || load !== this.loads) return;
        this.initiative.set(initiative);
        this.etag.set(etag);
        this.historyRevision.update((n) => n + 1);
        this.error.set(null);
      },
      error: (error: unknown) => {
        if (id !== this.id() || load !== this.loads) return;
        const detail = problemOf(error).detail ?? 'This initiative could not be loaded.';
        this.error.set(this.initiative() ? `Not brought up to date: ${detail} What is shown may be out of date.` : detail);
      },
    });
  }
}
