import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { CostSummary } from '@capstan/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { Chart } from '../../charts/chart';
import { timeSeriesBase } from '../../charts/time-series-options';

/**
 * Spend per month: billed as bars, effective (after discounts and credits) as
 * a line, one pair per currency — amounts are never added across currencies.
 * The chart plots numbers; the exact decimal strings stay in the tables.
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
    const amount = (month: string, currency: string, field: 'billedCost' | 'effectiveCost') => {
      const found = groups.find((group) => group.key === month && group.currency === currency);
      return found ? Number(found[field]) : null;
    };
    return {
      ...timeSeriesBase({ left: 80, right: 24, top: 40, bottom: 32 }),
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: currencies.length === 1 ? currencies[0] : '', axisLabel: { formatter: (value: number) => value.toLocaleString('en') } },
      series: currencies.flatMap((currency) => [
        { name: `Billed ${currency}`, type: 'bar', barMaxWidth: 48, data: months.map((month) => amount(month, currency, 'billedCost')) },
        { name: `Effective ${currency}`, type: 'line', symbolSize: 8, data: months.map((month) => amount(month, currency, 'effectiveCost')) },
      ]),
    };
  });
}
