import type { EChartOption } from '../../charts/echarts';
import type { DashboardQuery as DashboardData } from '../../gql/graphql';
import { countText } from './format';

/** 目标完成情况: the year's NEW_TRANSFERS target against the actual, per subregion (a county's townships). */
export type Completion = DashboardData['completion'];
type Row = Completion['subregions'][number];

const AXIS = { axisLine: { lineStyle: { color: '#4a6a8f' } }, axisLabel: { color: '#c8d8ec', fontSize: 13 }, splitLine: { lineStyle: { color: '#1c3150' } } };
const TEXT = { color: '#c8d8ec', fontFamily: 'Noto Sans SC, sans-serif' };

/** A completion rate as the wall writes it: '83.3%', '—' without a target, withheld with the count. */
export function completionRateText(row: { completionRate?: number | null; target?: number | null }): string {
  if (row.completionRate == null) return row.target == null ? '未下达' : '—';
  return `${(row.completionRate * 100).toFixed(1)}%`;
}

/** "name 完成 actual / 目标 target（rate）" per row, the chart's label (what tests and screen readers read). */
export function completionLabel(rows: readonly Row[], threshold: number | null | undefined): string {
  return rows.map((row) => `${row.region.name ?? row.region.code} ${countText(row.actual, threshold)}/${row.target ?? '—'}（${completionRateText(row)}）`).join('；');
}

/** Bars of the rate (percent, may pass 100) per subregion; a row without a rate has no bar. */
export function completionOption(rows: readonly Row[], threshold: number | null | undefined): EChartOption {
  const percent = (rate: number | null | undefined) => (rate == null ? null : Math.round(rate * 1000) / 10);
  return {
    textStyle: TEXT,
    grid: { left: 50, right: 20, top: 24, bottom: 40 },
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const row = rows[items[0].dataIndex];
        return `${row.region.name ?? row.region.code}<br/>完成 ${countText(row.actual, threshold)} / 目标 ${row.target ?? '未下达'}（${completionRateText(row)}）`;
      },
    },
    xAxis: { type: 'category', data: rows.map((row) => row.region.name ?? row.region.code), ...AXIS, axisLabel: { ...AXIS.axisLabel, interval: 0 } },
    yAxis: { type: 'value', ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        data: rows.map((row) => percent(row.completionRate)),
        barMaxWidth: 36,
        itemStyle: { color: ({ value }: { value: number | null }) => (value != null && value >= 100 ? '#2fd18b' : '#3fa7ff') },
        label: { show: true, position: 'top', color: '#fff', fontSize: 13, formatter: ({ dataIndex }: { dataIndex: number }) => completionRateText(rows[dataIndex]) },
        markLine: { silent: true, symbol: 'none', data: [{ yAxis: 100 }], lineStyle: { color: '#ffb648', type: 'dashed' }, label: { color: '#ffb648', formatter: '目标' } },
      },
    ],
  };
}
