import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';

/**
 * An Apache ECharts chart, loaded with its page (never in the initial
 * bundle). `label` names it for assistive technology; ECharts' aria module
 * adds a description of the data, and each page keeps the numbers in a table too.
 */
@Component({
  selector: 'cap-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('./echarts-setup').then((m) => m.echarts) })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div echarts role="img" [attr.aria-label]="label()" [options]="options()" [initOpts]="{ renderer: 'svg' }" [style.height.px]="height()"></div>`,
  styles: `:host { display: block; } div { width: 100%; }`,
})
export class Chart {
  readonly options = input.required<EChartsCoreOption>();
  readonly label = input.required<string>();
  readonly height = input(320);
}
