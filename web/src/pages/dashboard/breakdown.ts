import type { EChartOption } from '../../charts/echarts';
import type { DashboardQuery as DashboardData } from '../../gql/graphql';
import { countText, rateText, type Count } from './format';

/**
 * 按乡镇/村分解: one bar per child division of the picked region (indicatorBreakdown.children),
 * sorted by the picked figure, largest first; suppressed and empty cells sort last and read "<5".
 */
export type Child = DashboardData['indicatorBreakdown']['children'][number];
export type BreakdownKey = 'labourForce' | 'employmentRate' | 'newTransfers' | 'zeroEmploymentHouseholds';

export const BREAKDOWN_KEYS: { key: BreakdownKey; label: string }[] = [
  { key: 'labourForce', label: '劳动力' },
  { key: 'employmentRate', label: '就业率' },
  { key: 'newTransfers', label: '新增转移' },
  { key: 'zeroEmploymentHouseholds', label: '零就业家庭' },
];

const AXIS = { axisLine: { lineStyle: { color: '#4a6a8f' } }, axisLabel: { color: '#c8d8ec', fontSize: 13 }, splitLine: { lineStyle: { color: '#1c3150' } } };

export function breakdownCellText(child: Child, key: BreakdownKey, threshold: number): string {
  const cell: Count = child[key];
  if (cell.suppressed) return `<${threshold}`;
  return key === 'employmentRate' ? rateText(cell, threshold) : countText(cell, threshold);
}

/** The children in bar order: by the figure, largest first; suppressed, then empty cells last; ties by division code. */
export function sortChildren(children: readonly Child[], key: BreakdownKey): Child[] {
  const rank = (child: Child) => {
    const cell: Count = child[key];
    return cell.suppressed ? -1 : (cell.value ?? -2);
  };
  return [...children].sort((a, b) => rank(b) - rank(a) || a.region.code.localeCompare(b.region.code));
}

/** "东城镇 1,234；西村 <5；…" — the bars in order, for screen readers and tests. */
export function breakdownLabel(rows: readonly Child[], key: BreakdownKey, threshold: number): string {
  return rows.map((child) => `${child.region.name} ${breakdownCellText(child, key, threshold)}`).join('；');
}

export function breakdownOption(rows: readonly Child[], key: BreakdownKey, threshold: number): EChartOption {
  const scale = key === 'employmentRate' ? 100 : 1;
  return {
    textStyle: { color: '#c8d8ec', fontFamily: 'Noto Sans SC, sans-serif' },
    grid: { left: 96, right: 64, top: 4, bottom: 20 },
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const child = rows[items[0].dataIndex];
        return `${child.region.name}：${breakdownCellText(child, key, threshold)}<br/>点击查看下级`;
      },
    },
    xAxis: { type: 'value', ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: key === 'employmentRate' ? '{value}%' : '{value}' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((child) => child.region.name), ...AXIS, axisLabel: { ...AXIS.axisLabel, interval: 0 } },
    series: [
      {
        type: 'bar',
        // A suppressed or empty cell draws no bar (an invisible stub only carries its "<5" / "—" label).
        data: rows.map((child) => {
          const cell: Count = child[key];
          return cell.suppressed || cell.value == null ? { value: 0, itemStyle: { color: 'transparent' } } : Math.round(cell.value * scale * 10) / 10;
        }),
        itemStyle: { color: key === 'zeroEmploymentHouseholds' ? '#ff9f43' : '#3fa7ff' },
        barMaxWidth: 18,
        label: {
          show: true,
          position: 'right',
          color: '#fff',
          fontSize: 13,
          formatter: ({ dataIndex }: { dataIndex: number }) => breakdownCellText(rows[dataIndex], key, threshold),
        },
      },
    ],
  };
}
