import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import type { TelemetryRecord } from '@capstan/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { Chart } from '../../charts/chart';
import { timeSeriesBase } from '../../charts/time-series-options';
import { InitiativesApi, problemOf } from '../../core/initiatives-api';

const SERIES: { field: keyof TelemetryRecord; label: string }[] = [
  { field: 'incidents', label: 'Incidents' },
  { field: 'crossTeamEscalations', label: 'Escalations' },
  { field: 'rollbacks', label: 'Rollbacks' },
  { field: 'supportBacklog', label: 'Support backlog' },
  { field: 'supportTicketsOpened', label: 'Tickets opened' },
];

/** Operational telemetry over the latest weeks (months when only monthly figures exist): what scoring measures support burden and instability from. */
@Component({
  selector: 'cap-initiative-telemetry',
  imports: [Chart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="telemetry-title">
      <h2 id="telemetry-title">Telemetry</h2>
      @if (failure(); as text) {
        <p class="failure" role="alert">The telemetry could not be loaded: {{ text }}</p>
      } @else if (records().length) {
        <cap-chart [options]="chart()" [height]="240" [label]="'Telemetry per ' + kind() + ': incidents, escalations, rollbacks, support backlog and tickets opened'" />
        <details>
          <summary>Figures as a table</summary>
          <table aria-label="Telemetry">
            <thead><tr><th scope="col">{{ kind() === 'week' ? 'Week of' : 'Month' }}</th>@for (series of series; track series.field) { <th scope="col" class="num">{{ series.label }}</th> }</tr></thead>
            <tbody>
              @for (record of records(); track record.period.start) {
                <tr><th scope="row">{{ record.period.start }}</th>@for (series of series; track series.field) { <td class="num">{{ record[series.field] ?? '—' }}</td> }</tr>
              }
            </tbody>
          </table>
          <p class="muted">— not reported for the period (a figure no system sent is unknown, not zero).</p>
        </details>
      } @else {
        <p class="muted">No telemetry recorded yet. Engineering systems send it weekly or monthly (<code>POST /api/v1/initiatives/{{ '{' }}id{{ '}' }}/telemetry</code> or a CSV import).</p>
      }
    </section>
  `,
  styles: `
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; }
    h2 { font-size: 1.05rem; margin: 0 0 0.75rem; }
    .failure { color: #a4161a; }
    table { width: 100%; border-collapse: collapse; font-size: 0.85rem; margin-top: 0.5rem; }
    th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #eee; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .muted { color: #4a5059; font-size: 0.85rem; }
  `,
})
export class InitiativeTelemetry {
  readonly initiativeId = input.required<string>();
  readonly revision = input(0);
  private readonly api = inject(InitiativesApi);
  protected readonly series = SERIES;
  protected readonly records = signal<TelemetryRecord[]>([]);
  protected readonly kind = signal<'week' | 'month'>('week');
  protected readonly failure = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.initiativeId();
      this.revision();
      this.api.telemetry(id, 'week').subscribe({
        next: ({ items }) => {
          if (items.length) return this.show('week', items);
          this.api.telemetry(id, 'month').subscribe({ next: (monthly) => this.show('month', monthly.items), error: (error: unknown) => this.fail(error) });
        },
        error: (error: unknown) => this.fail(error),
      });
    });
  }

  /** A failed read is said as such, not shown as "no telemetry". */
  private fail(error: unknown): void {
    const problem = problemOf(error);
    this.records.set([]);
    this.failure.set(problem.detail ?? problem.title);
  }

  private show(kind: 'week' | 'month', records: TelemetryRecord[]): void {
    this.failure.set(null);
    this.kind.set(kind);
    this.records.set(records);
  }

  protected readonly chart = computed<EChartsCoreOption>(() => {
    const records = this.records();
    return {
      ...timeSeriesBase({ left: 40, right: 16, top: 36, bottom: 28 }),
      xAxis: { type: 'category', data: records.map((record) => record.period.start) },
      yAxis: { type: 'value', minInterval: 1 },
      series: SERIES.map((series) => ({ name: series.label, type: 'line', symbolSize: 6, data: records.map((record) => record[series.field]) })),
    };
  });
}
