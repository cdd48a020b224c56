import type { EChartOption } from '../../charts/echarts';
import type { MonitoringCasesQuery } from '../../gql/graphql';
import { MONITORING_STEP, RISK_TYPE } from './monitoringLabels';

type Counts = MonitoringCasesQuery['monitoringCaseCounts'];

const AXIS = { axisLabel: { color: '#33475b', fontSize: 12 }, axisLine: { lineStyle: { color: '#9fb3c8' } }, splitLine: { lineStyle: { color: '#e3eaf2' } } };
const TEXT = { fontFamily: 'Noto Sans SC, sans-serif', color: '#33475b' };

/** The chart's rows: steps (blue), then risk types (yellow); a suppressed count reads <5. */
export function countRows(counts: Counts): { label: string; value: number | null | undefined; suppressed: boolean; color: string }[] {
  return [
    ...counts.byStep.map((row) => ({ label: MONITORING_STEP[row.step] ?? row.step, value: row.households, suppressed: row.suppressed, color: '#5b8ff9' })),
    ...counts.byRiskType.map((row) => ({ label: RISK_TYPE[row.riskType] ?? row.riskType, value: row.households, suppressed: row.suppressed, color: '#f6bd16' })),
  ];
}

export const countText = (row: { value: number | null | undefined; suppressed: boolean }): string => (row.suppressed ? '<5' : `${row.value ?? 0} 户`);

/** 户数 by step and by risk type: one horizontal bar chart, steps first (bar charts only, as echarts.ts registers). */
export function countsOption(counts: Counts): EChartOption {
  const rows = countRows(counts);
  return {
    textStyle: TEXT,
    grid: { left: 130, right: 50, top: 10, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1, ...AXIS },
    yAxis: { type: 'category', data: rows.map((row) => row.label), inverse: true, ...AXIS },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        data: rows.map((row) => ({ value: row.suppressed ? null : row.value, itemStyle: { color: row.color } })),
        label: { show: true, position: 'right', formatter: ({ dataIndex }: { dataIndex: number }) => countText(rows[dataIndex]) },
      },
    ],
  };
}
