import { useEffect, useRef } from 'react';
import { echarts, type EChartOption } from './echarts';

export interface EChartProps {
  option: EChartOption;
  /** 'dark' on the wall screen. */
  theme?: string;
  className?: string;
  /** For tests and screen readers: what the chart shows. */
  label?: string;
}

/** One ECharts instance per element; option changes are applied in place (no flicker on refresh); resizes with its box. */
export function EChart({ option, theme, className, label }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const box = element.current!;
    const instance = echarts.init(box, theme, { renderer: 'canvas' });
    chart.current = instance;
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

  return <div ref={element} className={className ?? 'chart'} role="img" aria-label={label} />;
}
