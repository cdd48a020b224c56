import type { EChartOption } from '../../charts/echarts';
import type { DashboardQuery as DashboardData } from '../../gql/graphql';
import { countText } from './format';

/** Chart options for the dark wall screen. Suppressed cells have no bar (null) and read "<5" in labels and tooltips. */
const AXIS = { axisLine: { lineStyle: { color: '#4a6a8f' } }, axisLabel: { color: '#c8d8ec', fontSize: 14 }, splitLine: { lineStyle: { color: '#1c3150' } } };
const TEXT = { color: '#c8d8ec', fontFamily: 'Noto Sans SC, sans-serif' };

type Indicators = DashboardData['indicators'];
type Coverage = DashboardData['verificationCoverage'];

export function transferByPlaceOption(indicators: Indicators): EChartOption {
  const threshold = indicators.threshold;
  const rows = indicators.transferByPlace;
  return {
    textStyle: TEXT,
    grid: { left: 110, right: 60, top: 10, bottom: 20 },
    tooltip: { trigger: 'axis', formatter: (items: { dataIndex: number }[]) => `${rows[items[0].dataIndex].label}：${countText(rows[items[0].dataIndex].people, threshold)} 人` },
    xAxis: { type: 'value', ...AXIS },
    yAxis: { type: 'category', data: rows.map((row) => row.label), inverse: true, ...AXIS },
    series: [
      {
        type: 'bar',
        data: rows.map((row) => (row.people.suppressed ? null : row.people.value)),
        itemStyle: { color: '#3fa7ff' },
        barMaxWidth: 28,
        label: { show: true, position: 'right', color: '#fff', fontSize: 14, formatter: ({ dataIndex }: { dataIndex: number }) => countText(rows[dataIndex].people, threshold) },
      },
    ],
  };
}

export function coverageOption(coverage: Coverage, threshold: number): EChartOption {
  const villages = coverage.villages;
  const percent = (value: number | null | undefined) => (value == null ? null : Math.round(value * 1000) / 10);
  return {
    textStyle: TEXT,
    grid: { left: 50, right: 20, top: 20, bottom: 90 },
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const village = villages[items[0].dataIndex];
        const share = village.share.suppressed ? `<${threshold}人` : village.share.value == null ? '—' : `${percent(village.share.value)}%`;
        return `${village.townshipName ?? ''}${village.villageName}<br/>核实 ${countText(village.verified, threshold)} / ${countText(village.registryWorkers, threshold)} 人（${share}）`;
      },
    },
    xAxis: { type: 'category', data: villages.map((village) => village.villageName), ...AXIS, axisLabel: { ...AXIS.axisLabel, rotate: 45, fontSize: 12, interval: 0 } },
    yAxis: { type: 'value', max: 100, ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        data: villages.map((village) => (village.share.suppressed ? null : percent(village.share.value))),
        itemStyle: { color: ({ value }: { value: number | null }) => (value != null && value < 60 ? '#ff6b5b' : '#2fd18b') },
        barMaxWidth: 22,
      },
    ],
  };
}
