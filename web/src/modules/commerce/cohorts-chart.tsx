import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what this chart draws: bars, their axes, a title and a tooltip, as SVG.
echarts.use([BarChart, GridComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export type CohortBar = { label: string; value: number | null; caption: string };

/**
 * The mean spend after the reference, one bar per cohort, each labelled with its figure and its
 * ratio to the baseline. Screen readers get the same numbers from `description` (and from the
 * table beside the chart); the drawing itself is hidden from them.
 */
export function CohortsChart(props: {
  title: string;
  description: string;
  bars: CohortBar[];
  format: (value: number) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { title, bars, format } = props;
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: false },
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      grid: { left: 16, right: 16, bottom: 8, top: 48, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? format(v) : '–'),
      },
      xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
      series: [
        {
          type: 'bar',
          data: bars.map((b, i) => ({
            value: b.value,
            itemStyle: { color: ['#868e96', '#2f9e44', '#f08c00', '#e03131'][i % 4] },
          })),
          label: {
            show: true,
            position: 'top',
            formatter: (p: { dataIndex: number }) => bars[p.dataIndex]?.caption ?? '',
          },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [title, bars, format]);
  return (
    <div role="img" aria-label={`${title}. ${props.description}`} data-testid="cohorts-chart">
      <div ref={ref} aria-hidden="true" style={{ width: '100%', height: 320 }} />
    </div>
  );
}
