/**
 * ECharts, imported per chart type so the dashboard route ships only what it draws. Need another
 * chart (line for the trend series, pie …)? Import it from 'echarts/charts' and add it to use().
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, TitleComponent, DatasetComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, DatasetComponent, CanvasRenderer]);

export { echarts };
export type { EChartsCoreOption as EChartOption } from 'echarts/core';
