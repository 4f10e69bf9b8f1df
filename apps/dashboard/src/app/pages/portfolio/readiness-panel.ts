import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PortfolioReadiness } from '@capstan/contracts';
import { DOMAIN_IDS, STABILIZATION_DOMAINS } from '@capstan/domain';
import type { EChartsCoreOption } from 'echarts/core';
import { Chart } from '../../charts/chart';
import { money } from '../../core/display';

/** Rows the heatmap shows at once; more scroll inside the chart. */
const VISIBLE_ROWS = 20;

/**
 * The landing view of readiness: capital committed ahead of readiness, the
 * conditions blocking the most capital, and initiative × domain scores as a
 * heatmap (the same numbers in a table below it, for keyboards and screen readers).
 */
@Component({
  selector: 'cap-readiness-panel',
  imports: [Chart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let view = readiness();
    <section class="capital" aria-labelledby="capital-title">
      <h2 id="capital-title">Capital committed ahead of readiness</h2>
      @for (capital of view.capitalAheadOfReadiness; track capital.currency) {
        <p class="amount" data-testid="capital-ahead">
          <strong>{{ money(capital.amount) }} {{ capital.currency }}</strong>
          <span> budgeted for {{ capital.initiatives }} initiative(s) not authorized for deployment</span>
        </p>
      } @empty {
        <p class="muted">No budgeted capital is waiting on readiness.</p>
      }
      <h3>Conditions blocking the most capital</h3>
      <ol class="conditions" aria-label="Conditions blocking the most capital">
        @for (item of view.conditionsByCapital.slice(0, 5); track item.condition + item.currency) {
          <li><span class="condition">{{ item.condition }}</span><span class="muted figure">{{ money(item.amount) }} {{ item.currency }} · {{ item.initiatives }} initiative(s)</span></li>
        } @empty {
          @for (item of view.topConditions.slice(0, 5); track item.condition) {
            <li><span class="condition">{{ item.condition }}</span><span class="muted figure">{{ item.initiatives }} initiative(s)</span></li>
          } @empty {
            <li class="muted">Nothing is blocking.</li>
          }
        }
      </ol>
    </section>

    <section class="heatmap" aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">Readiness by domain</h2>
      @if (view.heatmap.length) {
        <cap-chart [options]="heatmap()" [height]="chartHeight()" label="Readiness heatmap: domain scores from 0 to 100 for each initiative" />
        <details>
          <summary>Scores as a table</summary>
          <table aria-label="Readiness by domain">
            <thead><tr><th scope="col">Initiative</th>@for (domain of domains; track domain) { <th scope="col">{{ titles[domain] }}</th> }</tr></thead>
            <tbody>
              @for (row of view.heatmap; track row.initiativeId) {
                <tr><th scope="row">{{ names().get(row.initiativeId) ?? row.initiativeId }}</th>@for (domain of domains; track domain) { <td>{{ row.domainScores[domain] }}</td> }</tr>
              }
            </tbody>
          </table>
        </details>
      } @else {
        <p class="muted">No initiative has been scored yet.</p>
      }
    </section>
  `,
  styles: `
    :host { display: grid; grid-template-columns: minmax(18rem, 1fr) 2fr; gap: 1rem; margin-bottom: 1.5rem; }
    section { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; min-width: 0; }
    h2 { margin: 0 0 0.5rem; font-size: 1.05rem; }
    h3 { margin: 1rem 0 0.25rem; font-size: 0.95rem; }
    .amount strong { font-size: 1.4rem; display: block; }
    .muted { color: #4a5059; font-size: 0.85rem; }
    .conditions { margin: 0; padding-left: 1.25rem; font-size: 0.9rem; }
    .conditions li { margin: 0.3rem 0; }
    .figure { display: block; }
    table { border-collapse: collapse; font-size: 0.8rem; margin-top: 0.5rem; }
    th, td { padding: 0.2rem 0.5rem; border-bottom: 1px solid #eee; text-align: left; }
    @media (max-width: 900px) { :host { grid-template-columns: 1fr; } }
  `,
})
export class ReadinessPanel {
  readonly readiness = input.required<PortfolioReadiness>();
  /** Initiative id → name, for labels. */
  readonly names = input.required<Map<string, string>>();
  protected readonly money = money;
  protected readonly domains = DOMAIN_IDS;
  protected readonly titles = Object.fromEntries(DOMAIN_IDS.map((domain) => [domain, STABILIZATION_DOMAINS[domain].title])) as Record<string, string>;

  protected readonly chartHeight = computed(() => 120 + Math.min(this.readiness().heatmap.length, VISIBLE_ROWS) * 24);

  protected readonly heatmap = computed<EChartsCoreOption>(() => {
    const rows = this.readiness().heatmap;
    const names = this.names();
    const labels = rows.map((row) => names.get(row.initiativeId) ?? row.initiativeId.slice(0, 8));
    const data = rows.flatMap((row, y) => DOMAIN_IDS.map((domain, x) => [x, y, row.domainScores[domain] ?? null]));
    return {
      aria: { enabled: true },
      animation: false,
      tooltip: { position: 'top' },
      grid: { left: 200, right: 24, top: 52, bottom: 40 },
      xAxis: { type: 'category', position: 'top', data: DOMAIN_IDS.map((domain) => this.titles[domain]), axisLabel: { interval: 0, width: 110, overflow: 'break', fontSize: 11, lineHeight: 14 } },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 190, overflow: 'truncate' } },
      visualMap: { min: 0, max: 100, calculable: false, orient: 'horizontal', left: 200, bottom: 0, itemHeight: 120, itemWidth: 12, inRange: { color: ['#b3261e', '#f2c94c', '#2e7d32'] }, text: ['100', 'score 0'] },
      dataZoom: rows.length > VISIBLE_ROWS ? [{ type: 'slider', yAxisIndex: 0, right: 0, width: 12, startValue: 0, endValue: VISIBLE_ROWS - 1 }, { type: 'inside', yAxisIndex: 0 }] : [],
      series: [{ type: 'heatmap', data, label: { show: true, fontSize: 10 }, emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } } }],
    };
  });
}
