import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { CostSummary } from '@capstan/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { Chart } from '../../charts/chart';
import { timeSeriesBase } from '../../charts/time-series-options';
import { money } from '../../core/display';

type Field = 'billedCost' | 'effectiveCost';

/**
 * Spend per month: billed as bars, effective (after discounts and credits) as
 * a line, one pair per currency — amounts are never added across currencies.
 * The chart plots numbers; the tooltip and the tables show the exact decimal strings.
 */
@Component({
  selector: 'cap-spend-chart',
  imports: [Chart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<cap-chart [options]="options()" [height]="300" label="Spend per month, billed and effective, by currency" />`,
})
export class SpendChart {
  readonly byMonth = input.required<CostSummary['groups']>();

  protected readonly options = computed<EChartsCoreOption>(() => {
    const groups = this.byMonth();
    const months = [...new Set(groups.map((group) => group.key))].sort();
    const currencies = [...new Set(groups.map((group) => group.currency))].sort();
    const exact = (month: string, currency: string, field: Field) =>
      groups.find((group) => group.key === month && group.currency === currency)?.[field] ?? null;
    const amount = (month: string, currency: string, field: Field) => {
      const found = exact(month, currency, field);
      return found === null ? null : Number(found);
    };
    // The tooltip shows the figures as the API sent them, not the numbers the chart draws.
    const series = new Map<string, { currency: string; field: Field }>(
      currencies.flatMap((currency) => [
        [`Billed ${currency}`, { currency, field: 'billedCost' }],
        [`Effective ${currency}`, { currency, field: 'effectiveCost' }],
      ]),
    );
    return {
      ...timeSeriesBase({ left: 80, right: 24, top: 40, bottom: 32 }),
      tooltip: {
        trigger: 'axis',
        formatter: (points: { seriesName: string; dataIndex: number; marker: string }[]) => {
          const month = months[points[0]?.dataIndex ?? 0];
          const lines = points.flatMap((point) => {
            const shown = series.get(point.seriesName);
            const figure = shown && exact(month, shown.currency, shown.field);
            return figure === null || figure === undefined ? [] : [`${point.marker}${point.seriesName}: ${money(figure)}`];
          });
          return [month, ...lines].join('<br>');
        },
      },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: currencies.length === 1 ? currencies[0] : '', axisLabel: { formatter: (value: number) => value.toLocaleString('en') } },
      series: currencies.flatMap((currency) => [
        { name: `Billed ${currency}`, type: 'bar', barMaxWidth: 48, data: months.map((month) => amount(month, currency, 'billedCost')) },
        { name: `Effective ${currency}`, type: 'line', symbolSize: 8, data: months.map((month) => amount(month, currency, 'effectiveCost')) },
      ]),
    };
  });
}
