/**
 * A React wrapper around one ECharts instance: created on mount, given a new option on every change
 * (`notMerge`, so removed series disappear), resized with its container, disposed on unmount. The
 * chart itself is hidden from assistive technology; the caller gives the text alternative, which
 * is announced for the whole figure (`role="img"`).
 */
import { useEffect, useRef } from "react";
import { type EChartsCoreOption, echarts } from "./echarts.ts";

interface EChartProps {
  readonly option: EChartsCoreOption;
  /** Text alternative: what the chart shows, with its latest values. */
  readonly ariaLabel: string;
  readonly height?: number | string;
  readonly className?: string;
  readonly testId?: string;
  /** Called with the clicked item's name and data (maps: the province code). */
  readonly onClick?: (params: { name: string; data: unknown }) => void;
}

export function EChart({ option, ariaLabel, height = 360, className, testId, onClick }: EChartProps) {
  const onClickRef = useRef(onClick);
  onClickRef.current = onClick;
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: "svg" });
    chartRef.current = chart;
    chart.on("click", (p) => onClickRef.current?.({ name: String(p.name ?? ""), data: p.data }));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      className={className}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ width: "100%", height }}
    />
  );
}
