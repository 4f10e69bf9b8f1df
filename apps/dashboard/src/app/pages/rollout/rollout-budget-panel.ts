import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { localMoment, money } from '../../core/display';
import { PanelAction } from '../../core/panel-action';
import { PlansApi, type RolloutBudgetView } from '../../core/plans-api';
import { Session } from '../../core/session';
import { ungrouped } from '../../core/typed-amounts';

/** A quarter's budget as it will be saved; `version` null for a quarter without one yet. */
interface Editing {
  quarter: string;
  amount: string;
  version: number | null;
}

const QUARTER = /^\d{4}-Q[1-4]$/;
const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;

/**
 * The rollout budget of each calendar quarter: what the waves planned in it
 * may cost together, a limit every plan respects. Everyone sees them; finance
 * sets them, and every change recomputes the draft.
 */
@Component({
  selector: 'cap-rollout-budget-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-label="Rollout budgets">
      <h2>Rollout budgets by quarter</h2>
      @if (action.error(); as message) { <p class="error" role="alert">{{ message }}</p> }
      @if (budgets().length === 0) {
        <p class="state">No quarter has a rollout budget: plans spend without a limit.</p>
      } @else {
        <table aria-label="Rollout budgets">
          <thead><tr><th scope="col">Quarter</th><th scope="col" class="num">Budget</th><th scope="col">Set by</th>@if (session.canSetRolloutBudgets()) { <th scope="col"><span class="visually-hidden">Actions</span></th> }</tr></thead>
          <tbody>
            @for (budget of budgets(); track budget.quarter) {
              <tr [attr.data-quarter]="budget.quarter">
                <td>{{ budget.quarter }}</td>
                <td class="num">{{ money(budget.amount) }}</td>
                <td>{{ budget.updatedBy }}, {{ localMoment(budget.updatedAt) }}</td>
                @if (session.canSetRolloutBudgets()) {
                  <td><button type="button" (click)="edit(budget)" [attr.aria-label]="'Change the rollout budget of ' + budget.quarter">Change…</button></td>
                }
              </tr>
            }
          </tbody>
        </table>
      }
      @if (session.canSetRolloutBudgets()) {
        @if (editing(); as draft) {
          <form (submit)="$event.preventDefault(); save()" [attr.aria-label]="'Rollout budget of ' + (draft.quarter || 'a quarter')">
            @if (draft.version === null) {
              <label>Quarter <input [value]="draft.quarter" (input)="patch({ quarter: $any($event.target).value })" aria-label="Quarter" placeholder="2027-Q1" required /></label>
            } @else {
              <h3>{{ draft.quarter }}</h3>
            }
            <label>Budget <input [value]="draft.amount" (input)="patch({ amount: $any($event.target).value })" aria-label="Rollout budget" inputmode="decimal" placeholder="250000.00" required /></label>
            <button type="submit" class="primary" [disabled]="action.busy()">Save the budget</button>
            <button type="button" (click)="editing.set(null)">Cancel</button>
          </form>
        } @else {
          <button type="button" (click)="editing.set({ quarter: '', amount: '', version: null })">Set a quarter's budget…</button>
        }
      }
      @if (action.done(); as message) { <p class="ok" role="status">{{ message }}</p> }
    </section>
  `,
  styleUrl: './input-panel.css',
})
export class RolloutBudgetPanel {
  protected readonly localMoment = localMoment;
  /** Bumped with every plan the page loads (a draft recomputed after anyone's change, a reconnect): the list is read again. */
  readonly revision = input(0);
  protected readonly session = inject(Session);
  private readonly api = inject(PlansApi);
  protected readonly money = money;

  protected readonly budgets = signal<RolloutBudgetView[]>([]);
  protected readonly editing = signal<Editing | null>(null);
  protected readonly action = new PanelAction('rollout budgets', async () => this.budgets.set((await firstValueFrom(this.api.rolloutBudgets())).items));

  constructor() {
    effect(() => {
      this.revision();
      untracked(() => void this.action.reload());
    });
  }

  protected edit(budget: RolloutBudgetView): void {
    this.action.done.set(null);
    this.editing.set({ quarter: budget.quarter, amount: budget.amount, version: budget.version });
  }

  protected patch(change: Partial<Editing>): void {
    this.editing.update((draft) => draft && { ...draft, ...change });
  }

  protected async save(): Promise<void> {
    const draft = this.editing();
    if (!draft) return;
    const quarter = draft.quarter.trim();
    const amount = ungrouped(draft.amount);
    if (!QUARTER.test(quarter)) return void this.action.refuse(`Name the quarter as 2027-Q1 (not "${quarter}").`);
    if (!AMOUNT.test(amount)) return void this.action.refuse(`The budget is an amount such as 250000.00, at most two decimals (not "${draft.amount}").`);
    await this.action.run(
      async () => {
        const saved = await firstValueFrom(this.api.putRolloutBudget(quarter, amount, draft.version));
        this.editing.set(null);
        return `Saved the rollout budget of ${saved.quarter}: ${money(saved.amount)}. The draft is being recomputed.`;
      },
      () => {
        const stored = this.budgets().find((budget) => budget.quarter === quarter);
        if (stored) this.editing.update((open) => open && { ...open, quarter, version: stored.version });
      },
    );
  }
}
