import type { EChartOption } from '../../charts/echarts';
import type { DashboardQuery as DashboardData } from '../../gql/graphql';
import { amountText, countText, rateText, type Count } from './format';

/**
 * The headline tiles' sparklines: the last 12 periods of the picked granularity from indicatorSeries.
 * A point with no figure is a gap, never 0: before the history (stocks null, BEFORE_HISTORY) or
 * suppressed (tooltip "<5").
 */
export type Series = DashboardData['indicatorSeries'];
type Point = Series['points'][number];
export type TrendKey =
  'labourForce' | 'employed' | 'newTransfers' | 'welfarePostsFilled' | 'trainingParticipants' | 'subsidiesAmount' | 'verifiedShare' | 'zeroEmploymentHouseholds';

const KIND: Record<TrendKey, 'count' | 'rate' | 'amount'> = {
  labourForce: 'count',
  employed: 'count',
  newTransfers: 'count',
  welfarePostsFilled: 'count',
  trainingParticipants: 'count',
  subsidiesAmount: 'amount',
  verifiedShare: 'rate',
  zeroEmploymentHouseholds: 'count',
};

/** How one point reads (tooltip and the chart's accessible label): "<5" when suppressed, "无数据" before the history. */
export function trendPointText(point: Point, key: TrendKey, threshold: number): string {
  const cell: Count = point[key];
  if (cell.suppressed) return `<${threshold}`;
  if (cell.value == null) return '无数据';
  if (KIND[key] === 'rate') return rateText(cell, threshold);
  if (KIND[key] === 'amount') return amountText(cell, threshold);
  return countText(cell, threshold);
}

/** "2026年11月 123；2026年12月 <5；…" — what the sparkline draws, for screen readers and tests. */
export function trendLabel(series: Series, key: TrendKey): string {
  return series.points.map((point) => `${point.period.label} ${trendPointText(point, key, series.threshold)}`).join('；');
}

export function sparklineOption(series: Series, key: TrendKey): EChartOption {
  const points = series.points;
  const scale = KIND[key] === 'rate' ? 100 : 1;
  const values = points.map((point) => {
    const cell: Count = point[key];
    return cell.suppressed || cell.value == null ? null : Math.round(cell.value * scale * 10) / 10;
  });
  return {
    animation: false,
    grid: { left: 2, right: 2, top: 4, bottom: 2 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      textStyle: { fontSize: 13 },
      formatter: (items: { dataIndex: number }[]) => `${points[items[0].dataIndex].period.label}：${trendPointText(points[items[0].dataIndex], key, series.threshold)}`,
    },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: points.map((point) => point.period.code) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        data: values,
        connectNulls: false,
        showSymbol: true,
        symbolSize: 4,
        lineStyle: { color: '#5fc2ff', width: 2 },
        itemStyle: { color: '#5fc2ff' },
        areaStyle: { color: 'rgba(95, 194, 255, 0.15)' },
      },
    ],
  };
}
