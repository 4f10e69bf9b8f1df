import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import type { AuditEntry } from '@capstan/contracts';
import { InitiativesApi, problemOf } from '../../core/initiatives-api';
import { localMoment, shortValue } from '../../core/display';

const SHOWN = 12;

/** The initiative's audit trail, newest first: who changed what, from what, to what. */
@Component({
  selector: 'cap-initiative-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      @if (failure(); as text) { <p class="failure" role="alert">The history could not be loaded: {{ text }}</p> }
      <ol class="history" aria-label="Audit history">
        @for (entry of shown(); track entry.id) {
          <li>
            <span class="when">{{ localMoment(entry.at, 'minute') }}</span> <code>{{ entry.action }}</code> by {{ entry.actor }}
            <div class="changes">@for (change of entry.changes.slice(0, 4); track change.field) { <span><code>{{ change.field }}</code> → {{ show(change.to) }}</span> }</div>
          </li>
        } @empty { @if (!failure()) { <li>No history yet.</li> } }
      </ol>
      @if (entries().length > shown().length) { <button type="button" class="more" (click)="all.set(true)">Show all {{ entries().length }}</button> }
    </section>
  `,
  styles: `
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; }
    h2 { font-size: 1.05rem; margin: 0 0 0.75rem; }
    .failure { color: #a4161a; }
    .history { list-style: none; padding: 0; margin: 0; font-size: 0.85rem; }
    .history li { padding: 0.35rem 0; border-bottom: 1px solid #eee; }
    .when { color: #4a5059; font-variant-numeric: tabular-nums; margin-right: 0.5rem; }
    .changes { display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; color: #333; overflow-wrap: anywhere; }
    .more { margin-top: 0.5rem; background: none; border: 1px solid #14213d; border-radius: 4px; padding: 0.25rem 0.75rem; cursor: pointer; }
  `,
})
export class InitiativeHistory {
  protected readonly localMoment = localMoment;
  readonly initiativeId = input.required<string>();
  readonly revision = input(0);
  private readonly api = inject(InitiativesApi);
  protected readonly entries = signal<AuditEntry[]>([]);
  /** Why the trail could not be read: an auditor must not take a failure for an empty history. */
  protected readonly failure = signal<string | null>(null);
  protected readonly all = signal(false);
  protected readonly shown = computed(() => (this.all() ? this.entries() : this.entries().slice(0, SHOWN)));

  constructor() {
    effect(() => {
      const id = this.initiativeId();
      this.revision();
      this.api.audit(id).subscribe({
        next: ({ items }) => {
          this.failure.set(null);
          this.entries.set([...items].reverse());
        },
        error: (error: unknown) => {
          const problem = problemOf(error);
          this.entries.set([]);
          this.failure.set(problem.detail ?? problem.title);
        },
      });
    });
  }

  protected show(value: unknown): string {
    return shortValue(value, 60);
  }
}
