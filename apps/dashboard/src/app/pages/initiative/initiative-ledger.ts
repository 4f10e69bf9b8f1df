import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { CostEntryList } from '@capstan/contracts';
import { COST_CATEGORIES, COST_PHASES, type CostCategory, type CostPhase } from '@capstan/domain';
import { CostsApi } from '../../core/costs-api';
import { saveCsv } from '../../core/csv-download';
import { dayBefore } from '../../core/days';
import { money } from '../../core/display';
import { problemText } from '../../core/initiatives-api';
import { PanelAction } from '../../core/panel-action';
import { focusAfterRender } from '../../core/focus-after-render';
import { ungrouped } from '../../core/typed-amounts';
import { RequestKeys } from '../../core/request-keys';

type Entry = CostEntryList['items'][number];

/** An entry as the form holds it. */
interface EntryDraft {
  chargeDate: string;
  category: CostCategory;
  phase: CostPhase;
  amount: string;
  currency: string;
  reference: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^-?\d{1,20}(\.\d{1,18})?$/;
const CURRENCY = /^[A-Z]{3}$/;
/** Entries listed, the latest; the CSV holds them all (fetched a page of 500 at a time). */
const LISTED = 20;

/**
 * An initiative's cost ledger, newest first, with what reversed what. Finance
 * records a cost by hand — support staffing, controls, anything no bill or
 * meter carries; an estimate, which cost visibility weighs as such — and
 * corrects an entry by reversing it, saying why: the ledger itself never
 * changes.
 */
@Component({
  selector: 'cap-initiative-ledger',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="ledger-title">
      <div class="head">
        <h2 id="ledger-title">Cost ledger</h2>
        <button type="button" class="small" (click)="exportCsv()" aria-label="Download the cost ledger as CSV">CSV</button>
      </div>
      <p class="muted">The latest {{ listed }} entries, newest first (the CSV has them all). A correction is a reversing entry; nothing is changed or deleted.</p>
      <div class="scroll">
      <table aria-label="Cost ledger">
        <thead>
          <tr>
            <th scope="col">Charged</th><th scope="col">Category</th><th scope="col">Phase</th><th scope="col" class="num">Amount</th><th scope="col">Source</th><th scope="col">Reference</th><th scope="col">Recorded by</th>
            @if (canRecord()) { <th scope="col"><span class="visually-hidden">Correct</span></th> }
          </tr>
        </thead>
        <tbody>
          @for (entry of entries(); track entry.id) {
            <tr [attr.data-entry]="entry.id" [class.reversed]="entry.reversedBy">
              <td>{{ entry.chargeDate }}</td>
              <td>{{ entry.category }}</td>
              <td>{{ entry.phase }}</td>
              <td class="num">{{ money(entry.amount) }} {{ entry.currency }}</td>
              <td>{{ entry.source === 'manual' ? 'manual (an estimate)' : entry.source }}</td>
              <td>{{ entry.reference }}{{ entry.reversedBy ? ' (reversed)' : '' }}</td>
              <td>{{ entry.recordedBy }}</td>
              @if (canRecord()) {
                <td>
                  @if (!entry.reversesId && !entry.reversedBy) {
                    @if (reversing() === entry.id) {
                      <form class="inline" [attr.aria-label]="'Reverse the entry of ' + entry.chargeDate" (submit)="$event.preventDefault(); reverse(entry, reason.value)">
                        <input #reason aria-label="Why" maxlength="500" placeholder="why" required />
                        <button type="submit" class="small primary" [disabled]="action.busy()">Reverse this entry</button>
                        <button type="button" class="small" (click)="closeReversal(entry.id)">Cancel</button>
                      </form>
                    } @else {
                      <button type="button" class="small" [attr.data-reverse]="entry.id" (click)="reversing.set(entry.id)" [attr.aria-label]="'Reverse the ' + entry.category + ' entry of ' + entry.chargeDate + ' for ' + entry.amount + ' ' + entry.currency">Reverse…</button>
                    }
                  }
                </td>
              }
            </tr>
          } @empty {
            <tr><td [attr.colspan]="canRecord() ? 8 : 7">No costs recorded yet.</td></tr>
          }
        </tbody>
      </table>
      </div>
      @if (canRecord()) {
        @if (draft(); as d) {
          <form aria-label="Cost entry" (submit)="$event.preventDefault(); record(d)">
            <label>Charged on <input aria-label="Charged on" class="day" placeholder="2026-11-30" [value]="d.chargeDate" (input)="patch({ chargeDate: $any($event.target).value })" required /></label>
            <label
              >Category
              <select aria-label="Cost category" (change)="patch({ category: $any($event.target).value })">
                @for (category of categories; track category) { <option [value]="category" [selected]="category === d.category">{{ category }}</option> }
              </select>
            </label>
            <label
              >Phase
              <select aria-label="Phase" (change)="patch({ phase: $any($event.target).value })">
                @for (phase of phases; track phase) { <option [value]="phase" [selected]="phase === d.phase">{{ phase }}</option> }
              </select>
            </label>
            <label>Amount <input aria-label="Amount" inputmode="decimal" placeholder="12500.00" [value]="d.amount" (input)="patch({ amount: $any($event.target).value })" required /></label>
            <label>Currency <input aria-label="Entry currency" class="short" maxlength="3" placeholder="EUR" [value]="d.currency" (input)="patch({ currency: $any($event.target).value })" required /></label>
            <label>Reference (optional) <input aria-label="Reference" maxlength="200" placeholder="November support rota" [value]="d.reference" (input)="patch({ reference: $any($event.target).value })" /></label>
            <button type="submit" class="primary" [disabled]="action.busy()">Record the cost</button>
            <button type="button" (click)="draft.set(null); action.error.set(null)">Cancel</button>
          </form>
          <p class="muted">Entered by hand, a cost is an estimate: cost visibility counts only billed, metered and allocated spend as attributed.</p>
        } @else {
          <button type="button" (click)="start()">Record a cost…</button>
        }
      }
      @if (action.error(); as message) { <p class="error" role="alert">{{ message }}</p> }
      @if (action.done(); as message) { <p class="ok" role="status">{{ message }}</p> }
    </section>
  `,
  styles: `
    /* The whole width of the page's grid: eight columns do not fit one of its cells. */
    :host { display: block; grid-column: 1 / -1; min-width: 0; }
    .scroll { overflow-x: auto; }
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; }
    .head { display: flex; align-items: center; gap: 0.75rem; }
    h2 { font-size: 1.05rem; margin: 0; }
    table { width: 100%; border-collapse: collapse; font-size: 0.88rem; margin-bottom: 0.75rem; }
    th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #eee; vertical-align: top; }
    tr.reversed td { color: #6b7079; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    form { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; }
    form.inline { gap: 0.4rem; }
    label { display: flex; flex-direction: column; font-size: 0.85rem; gap: 0.25rem; }
    input.short { width: 4rem; }
    input.day { width: 7rem; }
    button { border: 1px solid #14213d; background: #fff; color: #14213d; border-radius: 4px; padding: 0.35rem 0.9rem; cursor: pointer; }
    button.small { font-size: 0.8rem; padding: 0.2rem 0.6rem; }
    button.primary { background: #1f7a70; border-color: #1f7a70; color: #fff; }
    .muted { color: #4a5059; font-size: 0.85rem; }
    .error { color: #a4161a; }
    .ok { color: #1f7a70; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  `,
})
export class InitiativeLedger {
  private readonly costs = inject(CostsApi);
  readonly initiativeId = input.required<string>();
  /** Bumped by the page when costs changed, to reload. */
  readonly revision = input(0);
  readonly canRecord = input(false);
  protected readonly listed = LISTED;
  protected readonly categories = COST_CATEGORIES;
  protected readonly phases = COST_PHASES;
  protected readonly money = money;
  protected readonly entries = signal<Entry[]>([]);
  protected readonly draft = signal<EntryDraft | null>(null);
  /** The entry whose reversal is being asked for. */
  protected readonly reversing = signal<string | null>(null);
  protected readonly action = new PanelAction('cost ledger', async () => this.entries.set((await firstValueFrom(this.costs.ledger(this.initiativeId(), LISTED))).items));
  /** One key per entry as sent: the same submission retried after a lost answer is recorded once, an edited one anew. */
  private readonly keys = new RequestKeys();

  constructor() {
    effect(() => {
      this.initiativeId();
      this.revision();
      untracked(() => void this.action.reload());
    });
  }

  protected start(): void {
    this.action.done.set(null);
    this.draft.set({ chargeDate: dayBefore(), category: 'support_staffing', phase: 'production', amount: '', currency: '', reference: '' });
  }

  protected patch(change: Partial<EntryDraft>): void {
    this.draft.update((d) => d && { ...d, ...change });
  }

  protected async record(d: EntryDraft): Promise<void> {
    const chargeDate = d.chargeDate.trim();
    const amount = ungrouped(d.amount);
    const currency = d.currency.trim().toUpperCase();
    if (!DATE.test(chargeDate)) return void this.action.refuse(`Name the day it was charged as 2026-11-30 (not "${d.chargeDate}").`);
    if (!AMOUNT.test(amount)) return void this.action.refuse(`The amount is a number such as 12500.00, at most eighteen decimals (not "${d.amount}").`);
    if (!CURRENCY.test(currency)) return void this.action.refuse(`The currency is a three-letter code such as EUR (not "${d.currency}").`);
    const entry = { initiativeId: this.initiativeId(), chargeDate, category: d.category, phase: d.phase, amount, currency, source: 'manual' as const, reference: d.reference.trim() };
    const key = this.keys.keyFor(entry);
    await this.action.run(async () => {
      const recorded = await firstValueFrom(this.costs.recordCost(entry, key));
      this.keys.done();
      this.draft.set(null);
      return `Recorded ${money(recorded.amount)} ${recorded.currency} of ${recorded.category} (${recorded.phase}) charged on ${recorded.chargeDate}.`;
    });
  }

  private readonly focus = focusAfterRender();

  /** The reversal form closed unused: the focus back on the entry's Reverse… button. */
  protected closeReversal(id: string): void {
    this.reversing.set(null);
    this.focus(`button[data-reverse="${id}"]`);
  }

  protected async reverse(entry: Entry, reason: string): Promise<void> {
    if (!reason.trim()) return void this.action.refuse('Say why the entry is reversed: the reason stays with the correction.');
    await this.action.run(async () => {
      await firstValueFrom(this.costs.reverseEntry(entry.id, reason.trim()));
      this.reversing.set(null);
      return `Reversed the ${entry.category} entry of ${entry.chargeDate} (${money(entry.amount)} ${entry.currency}).`;
    });
  }

  protected exportCsv(): void {
    this.costs.csv('/api/v1/cost-entries', { initiativeId: this.initiativeId(), limit: '500' }).subscribe({
      next: (csv) => saveCsv(`capstan-cost-ledger-${this.initiativeId()}.csv`, csv),
      error: (error: unknown) => this.action.error.set(`The export failed: ${problemText(error)}`),
    });
  }
}
