import { ChangeDetectionStrategy, Component, computed, inject, input, model } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { BudgetStatus } from '@capstan/contracts';
import { COST_CATEGORIES, type CostCategory } from '@capstan/domain';
import { CostsApi } from '../../core/costs-api';
import { burnPercent, money } from '../../core/display';
import { PanelAction } from '../../core/panel-action';
import { percentToShare, shareToPercent } from '../../core/percent-shares';
import { listItems, ungrouped } from '../../core/typed-amounts';
import { thisMonth } from '../../core/days';

/** A budget as the form holds it: thresholds as the percentages typed. */
export interface BudgetDraft {
  initiativeId: string;
  period: string;
  category: CostCategory;
  amount: string;
  currency: string;
  alertsAt: string;
  /** Changing a budget that is set: its initiative, month and category stay (another would overwrite that one's). */
  fixed?: boolean;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const AMOUNT = /^\d{1,20}(\.\d{1,10})?$/;
const CURRENCY = /^[A-Z]{3}$/;
const MAX_THRESHOLDS = 10;

/** The form filled in from a budget that is set, to change it. */
export function draftOf(budget: BudgetStatus): BudgetDraft {
  return {
    initiativeId: budget.initiativeId,
    period: budget.period,
    category: budget.category,
    amount: budget.budget,
    currency: budget.currency,
    alertsAt: budget.thresholds.map(shareToPercent).join(', '),
    fixed: true,
  };
}

/**
 * Finance sets an initiative's budget for a month and category, or changes
 * one: the amount, its currency and the shares of it that raise alerts.
 * What the API would refuse is said before anything is sent; a budget set in
 * another currency than the one its month and category have is said to
 * replace it (its alerts with it) before it does.
 */
@Component({
  selector: 'cap-budget-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (draft(); as d) {
      <form aria-label="Budget" (submit)="$event.preventDefault(); save(d)">
        @if (d.fixed) {
          <h3>{{ nameOf(d.initiativeId) }} · {{ d.period }} · {{ d.category }}</h3>
        } @else {
        <label
          >Initiative
          <select aria-label="Initiative" (change)="patch({ initiativeId: $any($event.target).value })" required>
            <option value="" [selected]="!d.initiativeId" disabled>Choose…</option>
            @for (initiative of initiatives(); track initiative[0]) {
              <option [value]="initiative[0]" [selected]="initiative[0] === d.initiativeId">{{ initiative[1] }}</option>
            }
          </select>
        </label>
        <label>Month <input aria-label="Month" class="month" placeholder="2026-11" [value]="d.period" (input)="patch({ period: $any($event.target).value })" required /></label>
        <label
          >Category
          <select aria-label="Category" (change)="patch({ category: $any($event.target).value })">
            @for (category of categories; track category) {
              <option [value]="category" [selected]="category === d.category">{{ category }}</option>
            }
          </select>
        </label>
        }
        <label>Budget <input aria-label="Budget amount" inputmode="decimal" placeholder="25000.00" [value]="d.amount" (input)="patch({ amount: $any($event.target).value })" required /></label>
        <label>Currency <input aria-label="Currency" class="short" maxlength="3" placeholder="EUR" [value]="d.currency" (input)="patch({ currency: $any($event.target).value })" required /></label>
        <label>Alerts at (% of the budget) <input aria-label="Alerts at" placeholder="50, 80, 100" [value]="d.alertsAt" (input)="patch({ alertsAt: $any($event.target).value })" /></label>
        @if (replaced(); as old) {
          <p class="warning" data-testid="budget-replaces">
            {{ d.period }}'s {{ d.category }} budget is {{ money(old.budget) }} {{ old.currency }}: set in {{ d.currency.trim().toUpperCase() }}, it replaces that one, its alerts with it.
          </p>
        }
        <button type="submit" class="primary" [disabled]="action.busy()">{{ replaced() ? 'Replace the budget' : 'Save the budget' }}</button>
        <button type="button" (click)="draft.set(null); action.error.set(null)">Cancel</button>
      </form>
    } @else {
      <button type="button" (click)="start()">Set a budget…</button>
    }
    @if (action.error(); as message) { <p class="error" role="alert">{{ message }}</p> }
    @if (action.done(); as message) { <p class="ok" role="status">{{ message }}</p> }
  `,
  styles: `
    form { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; }
    label { display: flex; flex-direction: column; font-size: 0.85rem; gap: 0.25rem; }
    input.short { width: 4rem; }
    input.month { width: 6rem; }
    button { border: 1px solid #14213d; background: #fff; color: #14213d; border-radius: 4px; padding: 0.35rem 0.9rem; cursor: pointer; }
    button.primary { background: #1f7a70; border-color: #1f7a70; color: #fff; }
    h3 { width: 100%; margin: 0; font-size: 0.95rem; }
    .warning { width: 100%; margin: 0; color: #6b4e00; font-size: 0.85rem; }
    .error { color: #a4161a; }
    .ok { color: #1f7a70; }
  `,
})
export class BudgetForm {
  private readonly costs = inject(CostsApi);
  /** Initiatives a budget may be set for, as [id, name]. */
  readonly initiatives = input.required<readonly [string, string][]>();
  /** The budgets set, to tell a replacement. */
  readonly budgets = input.required<readonly BudgetStatus[]>();
  /** Reads the page's budgets again once one is saved (a failure shows where the page shows its own). */
  readonly reload = input.required<() => Promise<void>>();
  /** The budget being set; a row's "Change…" fills it in. */
  readonly draft = model<BudgetDraft | null>(null);
  protected readonly categories = COST_CATEGORIES;
  protected readonly money = money;
  protected readonly action = new PanelAction('budgets', () => this.reload()());

  /** The budget of the draft's month and category in another currency, which saving replaces. */
  protected readonly replaced = computed(() => {
    const d = this.draft();
    if (!d) return undefined;
    const currency = d.currency.trim().toUpperCase();
    return this.budgets().find((b) => b.initiativeId === d.initiativeId && b.period === d.period && b.category === d.category && currency && b.currency !== currency);
  });

  protected nameOf(id: string): string {
    return this.initiatives().find(([known]) => known === id)?.[1] ?? id;
  }

  protected start(): void {
    this.action.done.set(null);
    const only = this.initiatives().length === 1 ? this.initiatives()[0][0] : '';
    this.draft.set({ initiativeId: only, period: thisMonth(), category: 'inference', amount: '', currency: '', alertsAt: '50, 80, 100' });
  }

  protected patch(change: Partial<BudgetDraft>): void {
    this.draft.update((d) => d && { ...d, ...change });
  }

  protected async save(d: BudgetDraft): Promise<void> {
    const period = d.period.trim();
    const amount = ungrouped(d.amount);
    const currency = d.currency.trim().toUpperCase();
    const typed = listItems(d.alertsAt);
    const thresholds = typed.map(percentToShare);
    if (!d.initiativeId) return void this.action.refuse('Choose the initiative the budget is for.');
    if (!MONTH.test(period)) return void this.action.refuse(`Name the month as 2026-11 (not "${d.period}").`);
    if (!AMOUNT.test(amount)) return void this.action.refuse(`The budget is an amount such as 25000.00, at most ten decimals (not "${d.amount}").`);
    if (!CURRENCY.test(currency)) return void this.action.refuse(`The currency is a three-letter code such as EUR (not "${d.currency}").`);
    const wrong = typed.find((_, index) => thresholds[index] === null || /^0(\.0+)?$/.test(thresholds[index] as string));
    if (wrong !== undefined) return void this.action.refuse(`Alerts are percentages of the budget above 0 and up to 999.99, such as 80 (not "${wrong}").`);
    if (!typed.length || typed.length > MAX_THRESHOLDS) return void this.action.refuse(`Give between 1 and ${MAX_THRESHOLDS} percentages to raise alerts at, such as 50, 80, 100.`);
    await this.action.run(async () => {
      const saved = await firstValueFrom(
        this.costs.setBudget({ initiativeId: d.initiativeId, period, category: d.category, amount, currency, thresholds: thresholds as string[] }),
      );
      this.draft.set(null);
      return `Saved the ${saved.category} budget of ${this.nameOf(saved.initiativeId)} for ${saved.period}: ${money(saved.budget)} ${saved.currency}, ${burnPercent(saved.burn)} spent.`;
    });
  }
}
