import type { EChartOption } from '../../charts/echarts';
import type { PartnerFiguresQuery } from '../../gql/graphql';

/** Chart options of the partner page (light desk theme; bar charts only, the types echarts.ts already registers). */
type Retention = PartnerFiguresQuery['partnerCities'][number]['retention'];
type Outcomes = PartnerFiguresQuery['contactOutcomeCounts'];

const AXIS = { axisLabel: { color: '#33475b', fontSize: 13 }, axisLine: { lineStyle: { color: '#9fb3c8' } }, splitLine: { lineStyle: { color: '#e3eaf2' } } };
const TEXT = { fontFamily: 'Noto Sans SC, sans-serif', color: '#33475b' };
const shown = (value: number | null | undefined, suppressed: boolean) => (suppressed || value == null ? null : value);

export function retentionOption(retention: Retention): EChartOption {
  const rows = [
    { label: '转移就业人次', value: retention.transferred, color: '#5b8ff9' },
    { label: '已回访', value: retention.visited, color: '#61ddaa' },
    { label: '稳岗', value: retention.stillEmployed, color: '#2a9d5c' },
  ];
  return {
    textStyle: TEXT,
    grid: { left: 100, right: 60, top: 10, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1, ...AXIS },
    yAxis: { type: 'category', data: rows.map((row) => row.label), inverse: true, ...AXIS },
    series: [
      {
        type: 'bar',
        barMaxWidth: 30,
        data: rows.map((row) => ({ value: shown(row.value, retention.suppressed), itemStyle: { color: row.color } })),
        label: { show: true, position: 'right', formatter: ({ value }: { value: number | null }) => (value == null ? '<5' : `${value} 人`) },
      },
    ],
  };
}

export function outcomesOption(outcomes: Outcomes): EChartOption {
  return {
    textStyle: TEXT,
    legend: { data: ['联系次数', '人数（最近一次）'], top: 0, textStyle: TEXT },
    grid: { left: 110, right: 50, top: 30, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1, ...AXIS },
    yAxis: { type: 'category', data: outcomes.map((row) => row.label), inverse: true, ...AXIS },
    series: [
      { name: '联系次数', type: 'bar', barMaxWidth: 14, itemStyle: { color: '#5b8ff9' }, data: outcomes.map((row) => shown(row.attempts, row.suppressed)) },
      {
        name: '人数（最近一次）',
        type: 'bar',
        barMaxWidth: 14,
        itemStyle: { color: '#f6bd16' },
        data: outcomes.map((row) => shown(row.workers, row.suppressed)),
        label: { show: true, position: 'right', formatter: ({ dataIndex }: { dataIndex: number }) => (outcomes[dataIndex].workers ? shareText(outcomes[dataIndex].share) : '') },
      },
    ],
  };
}

export function shareText(share: number | null | undefined): string {
  return share == null ? '' : `${(share * 100).toFixed(1)}%`;
}
