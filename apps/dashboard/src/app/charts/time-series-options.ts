/**
 * What every time-series chart shares: described for screen readers (ECharts'
 * aria module), drawn without animation (steady for people who dislike motion,
 * and for screenshots), a tooltip per period and the legend on top.
 */
export function timeSeriesBase(grid: { left: number; right: number; top: number; bottom: number }) {
  return { aria: { enabled: true }, animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid } as const;
}
