import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { PanelAction } from '../../core/panel-action';
import { datedRangeProblem } from './dated-range';
import { PlansApi, type CapacityPoolInput, type CapacityPoolView } from '../../core/plans-api';
import { Session } from '../../core/session';
import { localMoment } from '../../core/display';

type Adjustment = CapacityPoolInput['adjustments'][number];

/**
 * The capacity pools waves compete for: each one's weekly capacity and its
 * dated changes (holidays, hiring). Everyone sees them — they say why a pool
 * is full — and PMO changes them here; every change recomputes the draft.
 */
@Component({
  selector: 'cap-pool-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-label="Capacity pools">
      <h2>Capacity pools</h2>
      @if (action.error(); as message) { <p class="error" role="alert">{{ message }}</p> }
      @if (pools().length === 0) {
        <p class="state">No pool yet: waves compete for nothing.</p>
      } @else {
        <table aria-label="Pools">
          <thead><tr><th scope="col">Pool</th><th scope="col" class="num">Per week</th><th scope="col">Changes by date</th><th scope="col">Set by</th>@if (session.canPlan()) { <th scope="col"><span class="visually-hidden">Actions</span></th> }</tr></thead>
          <tbody>
            @for (pool of pools(); track pool.id) {
              <tr [attr.data-pool]="pool.id">
                <td>{{ pool.name }} <span class="id">{{ pool.id }}</span></td>
                <td class="num">{{ pool.capacityPerWeek }}</td>
                <td>
                  @for (a of pool.adjustments; track $index) { <span class="adjustment">{{ a.from }} → {{ a.to }}: {{ a.capacity }}/week@if (a.reason) { ({{ a.reason }})}</span> }
                  @empty { <span class="state">none</span> }
                </td>
                <td>{{ pool.updatedBy }}, {{ localMoment(pool.updatedAt) }}</td>
                @if (session.canPlan()) {
                  <td><button type="button" (click)="edit(pool)" [attr.aria-label]="'Change ' + pool.name">Change…</button></td>
                }
              </tr>
            }
          </tbody>
        </table>
      }

      @if (editing(); as draft) {
        <form class="edit" (submit)="$event.preventDefault(); save()" [attr.aria-label]="'Change pool ' + draft.id">
          <h3>{{ draft.id }}</h3>
          <label>Name <input [value]="draft.name" (input)="patch({ name: $any($event.target).value })" aria-label="Pool name" required /></label>
          <label>Per week <input type="number" min="0" [value]="draft.capacityPerWeek" (input)="patch({ capacityPerWeek: $any($event.target).valueAsNumber })" required aria-label="Capacity per week of the pool" /></label>
          <fieldset>
            <legend>Changes by date (later ones win)</legend>
            @for (a of draft.adjustments; track $index) {
              <div class="row">
                <span>{{ a.from }} → {{ a.to }}: {{ a.capacity }}/week@if (a.reason) { ({{ a.reason }})}</span>
                <button type="button" (click)="removeAdjustment($index)" [attr.aria-label]="'Remove the change from ' + a.from">Remove</button>
              </div>
            }
            <div class="row">
              <label>From <input type="date" [value]="adjustment().from" (input)="adjust({ from: $any($event.target).value })" aria-label="Change from" /></label>
              <label>To <input type="date" [value]="adjustment().to" (input)="adjust({ to: $any($event.target).value })" aria-label="Change to" /></label>
              <label>Per week <input type="number" min="0" [value]="adjustment().capacity" (input)="adjust({ capacity: $any($event.target).valueAsNumber })" required aria-label="Capacity per week from then" /></label>
              <label>Why <input [value]="adjustment().reason" (input)="adjust({ reason: $any($event.target).value })" aria-label="Why the capacity changes" maxlength="200" /></label>
              <button type="button" (click)="addAdjustment()" [disabled]="!adjustment().from || !adjustment().to">Add the change</button>
            </div>
          </fieldset>
          <div class="row">
            <button type="submit" class="primary" [disabled]="action.busy()">Save the pool</button>
            <button type="button" (click)="editing.set(null)">Cancel</button>
          </div>
        </form>
      } @else if (session.canPlan()) {
        <form class="add" (submit)="$event.preventDefault(); create()" aria-label="Add a pool">
          <label>New pool id <input [value]="newId()" (input)="newId.set($any($event.target).value)" aria-label="New pool id" placeholder="deployment-engineering" pattern="[a-z][a-z0-9-]*" required /></label>
          <label>Name <input [value]="newName()" (input)="newName.set($any($event.target).value)" aria-label="New pool name" required /></label>
          <label>Per week <input type="number" min="0" [value]="newCapacity()" (input)="newCapacity.set($any($event.target).valueAsNumber)" required aria-label="New pool capacity per week" /></label>
          <button type="submit" [disabled]="action.busy()">Add the pool</button>
        </form>
      }
      @if (action.done(); as message) { <p class="ok" role="status">{{ message }}</p> }
    </section>
  `,
  styleUrl: './input-panel.css',
  styles: `
    .id { color: #4a5059; font-size: 0.75rem; margin-left: 0.3rem; }
    .adjustment { display: block; }
    input[type='number'] { width: 6rem; }
  `,
})
export class PoolPanel {
  protected readonly localMoment = localMoment;
  /** Bumped with every plan the page loads (a draft recomputed after anyone's change, a reconnect): the list is read again. */
  readonly revision = input(0);
  protected readonly session = inject(Session);
  private readonly api = inject(PlansApi);

  protected readonly pools = signal<CapacityPoolView[]>([]);
  /** The pool being changed, as it will be saved. */
  protected readonly editing = signal<(CapacityPoolInput & { id: string; version: number }) | null>(null);
  protected readonly adjustment = signal<Adjustment>({ from: '', to: '', capacity: 0, reason: '' });
  protected readonly newId = signal('');
  protected readonly newName = signal('');
  protected readonly newCapacity = signal(1);
  protected readonly action = new PanelAction('pools', async () => this.pools.set((await firstValueFrom(this.api.pools())).items));

  constructor() {
    effect(() => {
      this.revision();
      untracked(() => void this.action.reload());
    });
  }

  protected edit(pool: CapacityPoolView): void {
    this.action.done.set(null);
    this.editing.set({ id: pool.id, version: pool.version, name: pool.name, capacityPerWeek: pool.capacityPerWeek, adjustments: pool.adjustments.map((a) => ({ ...a })) });
    this.adjustment.set({ from: '', to: '', capacity: pool.capacityPerWeek, reason: '' });
  }

  protected patch(change: Partial<CapacityPoolInput>): void {
    this.editing.update((draft) => draft && { ...draft, ...change });
  }

  protected adjust(change: Partial<Adjustment>): void {
    this.adjustment.update((adjustment) => ({ ...adjustment, ...change }));
  }

  /** Adds the dated change filled in; false (and said why) when it cannot be. */
  protected addAdjustment(): boolean {
    const adjustment = this.adjustment();
    const problem = datedRangeProblem(adjustment, 'change');
    if (problem) return this.action.refuse(problem);
    this.action.error.set(null);
    this.editing.update((draft) => draft && { ...draft, adjustments: [...draft.adjustments, { ...adjustment, reason: adjustment.reason.trim() }] });
    this.adjustment.set({ from: '', to: '', capacity: adjustment.capacity, reason: '' });
    return true;
  }

  protected removeAdjustment(index: number): void {
    this.editing.update((draft) => draft && { ...draft, adjustments: draft.adjustments.filter((_, k) => k !== index) });
  }

  protected async save(): Promise<void> {
    if (!this.editing()) return;
    // A change filled in but not yet added is part of what is saved, not dropped.
    const pending = this.adjustment();
    if ((pending.from || pending.to) && !this.addAdjustment()) return;
    const draft = this.editing();
    if (!draft) return;
    const { id, version, ...pool } = draft;
    await this.put(id, pool, version, () => this.editing.set(null));
  }

  protected async create(): Promise<void> {
    const id = this.newId().trim();
    await this.put(id, { name: this.newName().trim(), capacityPerWeek: this.newCapacity(), adjustments: [] }, null, () => {
      this.newId.set('');
      this.newName.set('');
    });
  }

  /** `version`: the one the pool was read at, null for a new pool. */
  private async put(id: string, pool: CapacityPoolInput, version: number | null, done: () => void): Promise<void> {
    // An emptied number field reads NaN, never a capacity of 0 sent without being asked for.
    const capacities = [pool.capacityPerWeek, ...pool.adjustments.map((a) => a.capacity)];
    if (!capacities.every((c) => Number.isInteger(c) && c >= 0)) return void this.action.refuse('Each capacity is a whole number of units per week, 0 or more.');
    await this.action.run(
      async () => {
        const saved = await firstValueFrom(this.api.putPool(id, pool, version));
        done();
        return `Saved ${saved.name}: ${saved.capacityPerWeek} per week, ${saved.adjustments.length} change(s) by date. The draft is being recomputed.`;
      },
      () => {
        const stored = this.pools().find((p) => p.id === id);
        if (!stored) return;
        // A new pool someone else made meanwhile is edited as theirs from now on.
        this.editing.update((draft) => (draft ? { ...draft, version: stored.version } : { id, version: stored.version, ...pool }));
        if (version === null) {
          this.newId.set('');
          this.newName.set('');
        }
      },
    );
  }
}
