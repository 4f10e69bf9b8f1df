import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { catchError, firstValueFrom, forkJoin, of } from 'rxjs';
import type { BudgetStatus, CostSummary, Forecast, UnitEconomics } from '@capstan/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { Chart } from '../../charts/chart';
import { timeSeriesBase } from '../../charts/time-series-options';
import { CostsApi } from '../../core/costs-api';
import { burnPercent, money, otherCurrencyNotes, sumAmounts } from '../../core/display';
import { BudgetForm, type BudgetDraft } from '../economics/budget-form';
import { BusinessVolumeForm } from './business-volume-form';
import { LatestLoad } from '../../core/latest-load';
import { unknownInEveryCurrency } from './forecast-unknowns';

type Forecasted = Extract<Forecast['byCurrency'][number]['categories'][number], { status: 'forecast' }>;

/**
 * What an initiative costs: pilot against production, cost per unit in each,
 * budgets against actuals, and the forecast per category with its range —
 * "economics unknown" where a category has no data, never a zero.
 */
@Component({
  selector: 'cap-initiative-economics',
  imports: [BudgetForm, BusinessVolumeForm, Chart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="economics-title">
      <h2 id="economics-title">Economics</h2>
      @if (failed()) {
        <p class="error" role="alert">Cost tracking could not be reached; the figures will show once it answers.</p>
      } @else {
        <h3>Pilot and production</h3>
        <table aria-label="Spend by phase">
          <thead><tr><th scope="col">Phase</th><th scope="col" class="num">Billed</th><th scope="col" class="num">Effective</th></tr></thead>
          <tbody>
            @for (group of phases(); track group.key + group.currency) {
              <tr><td>{{ group.key }}</td><td class="num">{{ money(group.billedCost) }} {{ group.currency }}</td><td class="num">{{ money(group.effectiveCost) }} {{ group.currency }}</td></tr>
            } @empty { <tr><td colspan="3">No costs recorded yet.</td></tr> }
          </tbody>
        </table>

        <h3>Cost per unit</h3>
        @if (unitCosts().length) {
          <table aria-label="Cost per unit">
            <thead><tr><th scope="col">Per</th><th scope="col" class="num">Pilot</th><th scope="col" class="num">Production</th><th scope="col" class="num">Production ÷ pilot</th></tr></thead>
            <tbody>
              @for (unit of unitCosts(); track unit.metric + unit.currency) {
                <tr>
                  <td>{{ unit.metric }} ({{ unit.currency }}@if (unit.inReportingCurrency) {, every currency converted})</td>
                  <td class="num">{{ unitCostText(unit.pilot) }}</td>
                  <td class="num">{{ unitCostText(unit.production) }}</td>
                  <td class="num">{{ unit.productionToPilot ?? '–' }}</td>
                </tr>
              }
            </tbody>
          </table>
        } @else if (!unitCostsRead()) {
          <p class="error" role="alert">The cost per unit could not be read; it is read again with the next change.</p>
        } @else {
          <p class="muted">No cost per unit yet: it needs a month with both spend and a business volume (transactions, users …).</p>
        }
        @if (canRecordVolumes()) {
          <cap-business-volume-form [initiativeId]="initiativeId()" [reload]="reload" />
        }

        <h3>Budget against actual</h3>
        <table aria-label="Budgets of this initiative">
          <thead><tr><th scope="col">Month</th><th scope="col">Category</th><th scope="col" class="num">Budget</th><th scope="col" class="num">Actual</th><th scope="col" class="num">Burn</th></tr></thead>
          <tbody>
            @for (budget of budgets(); track budget.period + budget.category + budget.currency) {
              <tr>
                <td>{{ budget.period }}</td><td>{{ budget.category }}</td>
                <td class="num">{{ money(budget.budget) }} {{ budget.currency }}</td><td class="num">{{ money(budget.actual) }} {{ budget.currency }}
                  @for (note of otherCurrencyNotes(budget); track $index) { <div class="other-currency">{{ note }}</div> }
                </td>
                <td class="num">{{ burnPercent(budget.burn) }}@if (budget.crossed.length) { <span class="over"> · crossed {{ budget.crossed.join(', ') }}</span> }</td>
              </tr>
            } @empty { <tr><td colspan="5">No budget set.</td></tr> }
          </tbody>
        </table>
        @if (canSetBudgets()) {
          <cap-budget-form [initiatives]="[[initiativeId(), initiativeName()]]" [budgets]="budgets()" [reload]="reload" [(draft)]="budgetDraft" />
        }

        <h3>Forecast</h3>
        @if (forecast(); as f) {
          <p class="muted">From the latest closed month, {{ f.lastClosedMonth }}: run rate and trend per category, with a low–high range.</p>
          @for (chart of forecastCharts(); track chart.currency) {
            <cap-chart [options]="chart.options" [height]="260" [label]="'Forecast per month in ' + chart.currency + ': expected spend with its low and high range'" />
          }
          <ul class="unknown">
            @for (unknown of unknownCategories(); track unknown.category) {
              <li><strong>{{ unknown.category }}</strong>: {{ unknown.reason }}</li>
            }
          </ul>
        } @else if (!forecastRead()) {
          <p class="error" role="alert">The forecast could not be read; it is read again with the next change.</p>
        }
      }
    </section>
  `,
  styles: `
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; }
    h2 { font-size: 1.05rem; margin: 0 0 0.75rem; }
    h3 { font-size: 0.95rem; margin: 1rem 0 0.4rem; }
    table { width: 100%; border-collapse: collapse; font-size: 0.88rem; }
    th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #eee; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .muted { color: #4a5059; font-size: 0.85rem; }
    .over { color: #8a1c1c; font-weight: 600; }
    .other-currency { color: #6b4e00; font-size: 0.8rem; }
    .unknown { font-size: 0.85rem; padding-left: 1.2rem; }
    .error { color: #a4161a; }
  `,
})
export class InitiativeEconomics {
  readonly initiativeId = input.required<string>();
  /** Bumped by the page when costs changed, to reload. */
  readonly revision = input(0);
  readonly canRecordVolumes = input(false);
  readonly canSetBudgets = input(false);
  /** Its key and name, as the budget form names it. */
  readonly initiativeName = input('');
  protected readonly budgetDraft = signal<BudgetDraft | null>(null);
  /** What the budget and volume forms wait for after saving: the figures read again. */
  protected readonly reload = () => this.fetch(this.initiativeId());
  private readonly costs = inject(CostsApi);
  protected readonly phases = signal<CostSummary['groups']>([]);
  protected readonly unitCosts = signal<UnitEconomics[]>([]);
  protected readonly unitCostsRead = signal(true);
  protected readonly forecastRead = signal(true);
  protected readonly budgets = signal<BudgetStatus[]>([]);
  protected readonly forecast = signal<Forecast | null>(null);
  protected readonly failed = signal(false);
  protected readonly burnPercent = burnPercent;
  protected readonly otherCurrencyNotes = otherCurrencyNotes;
  protected readonly money = money;

  /** A phase's cost per unit; unknown without a denominator, and said to wait while some of its spend has no rate yet. */
  protected unitCostText(phase: UnitEconomics['pilot']): string {
    if (phase.unitCost !== null) return money(phase.unitCost);
    return phase.unconvertedEntries ? `waiting for rates (${phase.unconvertedEntries} entries)` : 'unknown';
  }

  constructor() {
    effect(() => {
      const id = this.initiativeId();
      this.revision();
      untracked(() => void this.fetch(id));
    });
  }

  private readonly fetches = new LatestLoad();

  /** Reads the initiative's economics; resolves once they are shown (or the failure is). */
  private fetch(id: string): Promise<void> {
    return this.fetches.run(
      () =>
        firstValueFrom(
          forkJoin({
            phases: this.costs.summary('phase', id),
            // Either may fail alone: the rest is shown, and the card says which could not be read.
            unitCosts: this.costs.unitCosts(id).pipe(catchError(() => of(null))),
            budgets: this.costs.budgets(id),
            forecast: this.costs.forecast(id).pipe(catchError(() => of(undefined))),
          }),
        ),
      ({ phases, unitCosts, budgets, forecast }) => {
        this.phases.set(phases.groups);
        this.unitCostsRead.set(unitCosts !== null);
        this.unitCosts.set(unitCosts?.items ?? []);
        this.budgets.set(budgets.items);
        this.forecastRead.set(forecast !== undefined);
        this.forecast.set(forecast ?? null);
        this.failed.set(false);
      },
      () => this.failed.set(true),
    );
  }

  protected readonly unknownCategories = computed(() => unknownInEveryCurrency(this.forecast()?.byCurrency ?? []));

  /** A chart per currency with a forecast: expected spend per month summed over its categories, the range as a band. */
  protected readonly forecastCharts = computed(() =>
    (this.forecast()?.byCurrency ?? []).flatMap((currency) => {
      const options = forecastChart(currency);
      return options ? [{ currency: currency.currency, options }] : [];
    }),
  );
}

function forecastChart({ currency, categories }: Forecast['byCurrency'][number]): EChartsCoreOption | null {
  const forecasted = categories.filter((category): category is Forecasted => category.status === 'forecast');
  if (!forecasted.length) return null;
  const periods = forecasted[0].months.map((month) => month.period);
  // Sums to the cent, exactly; the chart draws numbers, its tooltip shows the exact figures.
  const total = (field: 'expected' | 'low' | 'high', index: number) => sumAmounts(forecasted.map((category) => category.months[index]?.[field] ?? '0'));
  const [low, high, expected] = (['low', 'high', 'expected'] as const).map((field) => periods.map((_, i) => total(field, i)));
  // The exact figures behind each series; the range band's tooltip line is its top, the high figure.
  const exact: Record<string, { label: string; values: string[] }> = { Low: { label: 'Low', values: low }, Range: { label: 'High', values: high }, Expected: { label: 'Expected', values: expected } };
  return {
    ...timeSeriesBase({ left: 80, right: 24, top: 36, bottom: 28 }),
    tooltip: {
      trigger: 'axis',
      formatter: (points: { seriesName: string; dataIndex: number; marker: string }[]) =>
        [periods[points[0]?.dataIndex ?? 0], ...points.map((p) => `${p.marker}${exact[p.seriesName].label}: ${money(exact[p.seriesName].values[p.dataIndex])} ${currency}`)].join('<br>'),
    },
    legend: { top: 0, data: ['Expected', 'Range'] },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', name: currency },
    series: [
      { name: 'Low', type: 'line', stack: 'range', data: low.map(Number), lineStyle: { opacity: 0 }, symbol: 'none' },
      { name: 'Range', type: 'line', stack: 'range', data: periods.map((_, i) => Number(sumAmounts([high[i], negated(low[i])]))), lineStyle: { opacity: 0 }, areaStyle: { color: '#9ec5e8', opacity: 0.6 }, symbol: 'none' },
      { name: 'Expected', type: 'line', data: expected.map(Number), lineStyle: { width: 2 }, symbolSize: 6 },
    ],
  };
}

function negated(amount: string): string {
  return amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
}
