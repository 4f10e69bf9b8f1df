import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PortfolioTrends } from '@capstan/contracts';
import { POSTURES } from '@capstan/domain';
import type { EChartsCoreOption } from 'echarts/core';
import { Chart } from '../../charts/chart';
import { timeSeriesBase } from '../../charts/time-series-options';

const TITLES = { pause: 'Pause', controlled_investment: 'Controlled investment', authorize_deployment: 'Authorize deployment' } as const;
const COLOURS = { pause: '#b3261e', controlled_investment: '#c99a06', authorize_deployment: '#2e7d32' } as const;

/** Friction over the last weeks: initiatives by posture at each week's end, and the signals that rose or fell. */
@Component({
  selector: 'cap-friction-trends',
  imports: [Chart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="friction-title">
      <h2 id="friction-title">Friction trends</h2>
      <div class="layout">
        <cap-chart [options]="chart()" [height]="220" label="Initiatives by posture at the end of each of the last weeks" />
        <div>
          <h3>Signals this week</h3>
          <table aria-label="Signals this week against four weeks before">
            <thead><tr><th scope="col">Signal</th><th scope="col" class="num">Initiatives</th><th scope="col" class="num">Change</th></tr></thead>
            <tbody>
              @for (row of signals(); track row.signal) {
                <tr><td>{{ row.signal }}</td><td class="num">{{ row.now }}</td><td class="num">{{ row.change > 0 ? '▲ +' + row.change : row.change < 0 ? '▼ ' + row.change : '–' }}</td></tr>
              } @empty { <tr><td colspan="3">No signal fired.</td></tr> }
            </tbody>
          </table>
        </div>
      </div>
    </section>
  `,
  styles: `
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; margin-bottom: 1.5rem; }
    h2 { margin: 0 0 0.5rem; font-size: 1.05rem; }
    h3 { margin: 0 0 0.4rem; font-size: 0.95rem; }
    .layout { display: grid; grid-template-columns: 2fr 1fr; gap: 1rem; }
    table { width: 100%; border-collapse: collapse; font-size: 0.85rem; }
    th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #eee; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    @media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
  `,
})
export class FrictionTrends {
  readonly trends = input.required<PortfolioTrends>();

  protected readonly chart = computed<EChartsCoreOption>(() => {
    const weeks = this.trends().weeks;
    return {
      ...timeSeriesBase({ left: 40, right: 16, top: 36, bottom: 28 }),
      xAxis: { type: 'category', data: weeks.map((week) => week.weekEnding) },
      yAxis: { type: 'value', minInterval: 1 },
      series: POSTURES.map((posture) => ({
        name: TITLES[posture],
        type: 'bar',
        stack: 'postures',
        itemStyle: { color: COLOURS[posture] },
        data: weeks.map((week) => week.counts[posture]),
      })),
    };
  });

  /** The latest week's signals, with the change since four weeks before. */
  protected readonly signals = computed(() => {
    const weeks = this.trends().weeks;
    const latest = weeks[weeks.length - 1];
    const before = weeks[Math.max(0, weeks.length - 5)];
    if (!latest) return [];
    const earlier = new Map(before.signals.map((row) => [row.signal, row.initiatives]));
    return latest.signals.slice(0, 8).map((row) => ({ signal: row.signal, now: row.initiatives, change: row.initiatives - (earlier.get(row.signal) ?? 0) }));
  });
}
