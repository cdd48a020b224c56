import { useEffect, useRef } from 'react';
import { echarts, type EChartOption } from './echarts';

export interface EChartProps {
  option: EChartOption;
  /** 'dark' on the wall screen. */
  theme?: string;
  className?: string;
  /** For tests and screen readers: what the chart shows. */
  label?: string;
  /**
   * A horizontal bar chart (category y axis): a click anywhere on a row of the grid gives the
   * row's category index (the whole row is the target, not only the bar, so empty and suppressed rows drill too).
   */
  onRowClick?(index: number): void;
}

/** One ECharts instance per element; option changes are applied in place (no flicker on refresh); resizes with its box. */
export function EChart({ option, theme, className, label, onRowClick }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const rowClick = useRef(onRowClick);
  useEffect(() => {
    rowClick.current = onRowClick;
  }, [onRowClick]);

  useEffect(() => {
    const box = element.current!;
    const instance = echarts.init(box, theme, { renderer: 'canvas' });
    chart.current = instance;
    instance.getZr().on('click', (event: { offsetX: number; offsetY: number }) => {
      if (!rowClick.current || !instance.containPixel('grid', [event.offsetX, event.offsetY])) return;
      const index = instance.convertFromPixel({ yAxisIndex: 0 }, event.offsetY) as unknown as number;
      if (Number.isInteger(index) && index >= 0) rowClick.current(index);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [theme]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, theme]);

  return <div ref={element} className={className ?? 'chart'} role="img" aria-label={label} style={onRowClick ? { cursor: 'pointer' } : undefined} />;
}
