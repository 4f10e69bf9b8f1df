import { ChangeDetectionStrategy, Component, effect, inject, input, model, signal, untracked } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { FxRateView } from '@capstan/contracts';
import { CostsApi } from '../../core/costs-api';
import { dayBefore } from '../../core/days';
import { PanelAction } from '../../core/panel-action';

/** A rate as the form holds it. */
export interface RateDraft {
  currency: string;
  date: string;
  rate: string;
  source: string;
}

const CURRENCY = /^[A-Z]{3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RATE = /^\d{1,12}(\.\d{1,12})?$/;

/**
 * The exchange rates entries are converted at: the latest of each currency,
 * and, for finance, a day's rate recorded — which converts the
 * entries waiting for it. A day's rate never changes once recorded; the API
 * refuses another, and the panel says why.
 */
@Component({
  selector: 'cap-exchange-rates-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="hint">
      Units of {{ reporting() }} for one unit of each currency. An entry takes its charge date's rate; a day without one (a weekend) takes the latest of the
      six days before it once a later day's rate is recorded.
    </p>
    <table aria-label="Exchange rates">
      <thead><tr><th scope="col">Currency</th><th scope="col">Latest day with a rate</th><th scope="col" class="num">Rate</th><th scope="col">Source</th><th scope="col">Recorded by</th></tr></thead>
      <tbody>
        @for (rate of rates(); track rate.currency) {
          <tr [attr.data-currency]="rate.currency">
            <td>{{ rate.currency }}</td><td>{{ rate.date }}</td><td class="num">{{ rate.rate }}</td><td>{{ rate.source }}</td><td>{{ rate.recordedBy }}</td>
          </tr>
        } @empty {
          <tr><td colspan="5">No exchange rate recorded yet.</td></tr>
        }
      </tbody>
    </table>
    @if (canRecord()) {
      @if (draft(); as d) {
        <form aria-label="Exchange rate" (submit)="$event.preventDefault(); save(d)">
          <label>Currency <input aria-label="Rate currency" class="short" maxlength="3" placeholder="USD" [value]="d.currency" (input)="patch({ currency: $any($event.target).value })" required /></label>
          <label>Day <input aria-label="Rate day" class="day" placeholder="2026-10-16" [value]="d.date" (input)="patch({ date: $any($event.target).value })" required /></label>
          <label
            >{{ reporting() }} for one {{ d.currency.trim().toUpperCase() || 'unit' }}
            <input aria-label="Rate" inputmode="decimal" placeholder="0.9231" [value]="d.rate" (input)="patch({ rate: $any($event.target).value })" required
          /></label>
          <label>Source (optional) <input aria-label="Rate source" maxlength="200" placeholder="ECB" [value]="d.source" (input)="patch({ source: $any($event.target).value })" /></label>
          <button type="submit" class="primary" [disabled]="action.busy()">Record the rate</button>
          <button type="button" (click)="draft.set(null); action.error.set(null)">Cancel</button>
        </form>
      } @else {
        <button type="button" (click)="start()">Record a rate…</button>
      }
    }
    @if (action.error(); as message) { <p class="error" role="alert">{{ message }}</p> }
    @if (action.done(); as message) { <p class="ok" role="status">{{ message }}</p> }
  `,
  styles: `
    table { width: 100%; border-collapse: collapse; margin-bottom: 0.75rem; }
    th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #eee; font-size: 0.85rem; }
    th { background: #f4f5f7; font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    form { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; }
    label { display: flex; flex-direction: column; font-size: 0.85rem; gap: 0.25rem; }
    input.short { width: 4rem; }
    input.day { width: 7rem; }
    button { border: 1px solid #14213d; background: #fff; color: #14213d; border-radius: 4px; padding: 0.35rem 0.9rem; cursor: pointer; }
    button.primary { background: #1f7a70; border-color: #1f7a70; color: #fff; }
    .hint { color: #4a5059; font-size: 0.85rem; }
    .error { color: #a4161a; }
    .ok { color: #1f7a70; }
  `,
})
export class ExchangeRatesPanel {
  private readonly costs = inject(CostsApi);
  readonly canRecord = input(false);
  /** Reads the page again once a rate is recorded: its converted totals, conversions and budgets move. */
  readonly reload = input.required<() => Promise<void>>();
  /** The rate being recorded; the page's "Record a … rate" beside entries waiting for one fills in its currency. */
  readonly draft = model<RateDraft | null>(null);
  protected readonly rates = signal<FxRateView[]>([]);
  protected readonly reporting = signal('the reporting currency');
  protected readonly action = new PanelAction('exchange rates', async () => {
    const { reportingCurrency, items } = await firstValueFrom(this.costs.latestFxRates());
    this.reporting.set(reportingCurrency);
    this.rates.set(items);
  });

  /** Bumped by the page each time it reads again (a live event, a rate recorded): the rates are read again too. */
  readonly revision = input(0);

  constructor() {
    effect(() => {
      this.revision();
      untracked(() => void this.action.reload());
    });
  }

  protected start(): void {
    this.action.done.set(null);
    this.draft.set({ currency: '', date: dayBefore(), rate: '', source: '' });
  }

  protected patch(change: Partial<RateDraft>): void {
    this.draft.update((d) => d && { ...d, ...change });
  }

  protected async save(d: RateDraft): Promise<void> {
    const currency = d.currency.trim().toUpperCase();
    const date = d.date.trim();
    const rate = d.rate.trim();
    if (!CURRENCY.test(currency)) return void this.action.refuse(`The currency is a three-letter code such as USD (not "${d.currency}").`);
    if (currency === this.reporting()) return void this.action.refuse(`${currency} is the reporting currency: its rate is always 1.`);
    if (!DATE.test(date)) return void this.action.refuse(`Name the day as 2026-10-16 (not "${d.date}").`);
    if (!RATE.test(rate) || /^0+(\.0+)?$/.test(rate)) {
      return void this.action.refuse(`The rate is a number above 0 such as 0.9231, at most twelve decimals (not "${d.rate}").`);
    }
    await this.action.run(async () => {
      const recorded = await firstValueFrom(this.costs.recordFxRates([{ currency, date, rate, source: d.source.trim() }]));
      this.draft.set(null);
      await this.reload()();
      if (!recorded.recorded) return `The ${currency} rate of ${date} was recorded already at ${rate}: nothing changed.`;
      const converted = `${recorded.entriesConverted} ${recorded.entriesConverted === 1 ? 'entry' : 'entries'} converted`;
      const pending = recorded.conversionPending ? '; the rest are being converted in the background' : '';
      return `Recorded the ${currency} rate of ${date}: 1 ${currency} = ${rate} ${recorded.reportingCurrency}, ${converted}${pending}.`;
    });
  }
}
