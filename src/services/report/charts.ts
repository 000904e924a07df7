/**
 * Charts of the quarterly report, rendered on the server as SVG strings with ECharts' server-side
 * renderer (no DOM, no browser): the same library as the web app, so a chart looks the same in
 * the report and on the site. Text uses the report's embedded font (Noto Sans) so Vietnamese
 * diacritics render in the HTML and in the PDF. Animations are off (a static document).
 */
import * as echarts from "echarts";
import { loadTopology } from "../../catalog/geo.ts";
import { topologyToFeatures } from "../../catalog/geo-features.ts";
import type { Geography } from "../../domain/area.ts";

export const REPORT_FONT = "Noto Sans";

const SERIES_COLOURS: Readonly<Record<string, string>> = {
  gso_official: "#1d4ed8",
  mic_estimate: "#c2410c",
  reported: "#047857",
  demo: "#6b7280",
};

type Option = Record<string, unknown>;

export function renderSvg(option: Option, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: REPORT_FONT, fontSize: 11 }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const fmt = (v: number, d = 1) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: d }).format(v);

/** The annual share of GDP by series (each its own line) with the targets as marked points. */
export function trendChart(
  lines: ReadonlyMap<string, readonly { year: number; value: number }[]>,
  names: (series: string) => string,
  targets: readonly { year: number; value: number }[],
): string {
  const years = [
    ...new Set([...[...lines.values()].flat().map((p) => p.year), ...targets.map((t) => t.year)]),
  ].sort((a, b) => a - b);
  return renderSvg(
    {
      grid: { left: 48, right: 40, top: 48, bottom: 32 },
      legend: { top: 0, textStyle: { fontFamily: REPORT_FONT } },
      xAxis: { type: "category", data: years.map(String), boundaryGap: false },
      yAxis: {
        type: "value",
        min: 0,
        max:
          Math.ceil(
            (Math.max(1, ...[...lines.values()].flat().map((p) => p.value), ...targets.map((t) => t.value)) *
              1.15) /
              5,
          ) * 5,
        axisLabel: { formatter: (v: number) => `${fmt(v, 0)}%` },
      },
      series: [
        ...[...lines.entries()].map(([s, pts]) => ({
          name: names(s),
          type: "line",
          connectNulls: false,
          color: SERIES_COLOURS[s] ?? "#111827",
          lineStyle: s === "demo" ? { type: "dashed" } : {},
          data: years.map((y) => pts.find((p) => p.year === y)?.value ?? null),
          endLabel: { show: true, fontSize: 9, formatter: (p: { value: number }) => fmt(p.value) },
        })),
        {
          name: names("target"),
          type: "scatter",
          symbol: "diamond",
          symbolSize: 12,
          color: "#b91c1c",
          data: years.map((y) => targets.find((t) => t.year === y)?.value ?? null),
          label: {
            show: true,
            position: "right",
            formatter: (p: { value: number }) => `${fmt(p.value, 0)}%`,
          },
        },
      ],
    },
    640,
    300,
  );
}

/** Horizontal bars, largest at the top (components, sectors). */
export function barChart(
  items: readonly { label: string; value: number }[],
  unit: string,
  width = 640,
): string {
  const height = Math.max(120, 30 + items.length * 24);
  const rev = [...items].reverse();
  return renderSvg(
    {
      grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => fmt(v, 1) } },
      yAxis: {
        type: "category",
        data: rev.map((i) => i.label),
        axisLabel: { width: 300, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          color: "#2563eb",
          data: rev.map((i) => i.value),
          label: {
            show: true,
            position: "right",
            formatter: (p: { value: number }) => `${fmt(p.value)}${unit}`,
          },
        },
      ],
    },
    width,
    height,
  );
}

const registered = new Set<string>();

/**
 * Five classes at the quintiles of the values (about equal numbers of provinces per colour), so one
 * outlier does not wash every other province out to the palest colour.
 */
export function quintilePieces(values: readonly number[]): { min?: number; max?: number; label: string }[] {
  if (!values.length) return [];
  const sorted = [...values].sort((a, b) => a - b);
  const q = (f: number) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))]!;
  const bounds = [...new Set([sorted[0]!, ...[0.2, 0.4, 0.6, 0.8].map(q), sorted[sorted.length - 1]!])];
  if (bounds.length === 1) return [{ label: `${fmt(bounds[0]!)}%` }];
  const pieces: { min?: number; max?: number; label: string }[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const lo = bounds[i]!;
    const hi = bounds[i + 1]!;
    pieces.push({
      ...(i > 0 ? { min: lo } : {}),
      ...(i + 2 < bounds.length ? { max: hi } : {}),
      label: `${fmt(lo)}–${fmt(hi)}%`,
    });
  }
  return pieces;
}

/** A choropleth of the provinces (codes → values), with its colour scale. */
export function provinceMap(
  geography: Geography,
  values: ReadonlyMap<string, number>,
  title: string,
): string {
  const name = `vn-${geography}`;
  if (!registered.has(name)) {
    echarts.registerMap(
      name,
      topologyToFeatures(loadTopology(geography)) as unknown as Parameters<typeof echarts.registerMap>[1],
    );
    registered.add(name);
  }
  const list = [...values.values()];
  return renderSvg(
    {
      title: {
        text: title,
        left: 0,
        top: 0,
        textStyle: { fontFamily: REPORT_FONT, fontSize: 11, fontWeight: "normal" },
      },
      visualMap: {
        type: "piecewise",
        pieces: quintilePieces(list),
        left: 0,
        bottom: 0,
        itemWidth: 14,
        itemHeight: 10,
        textStyle: { fontFamily: REPORT_FONT, fontSize: 10 },
        inRange: { color: ["#dbeafe", "#93c5fd", "#3b82f6", "#1d4ed8", "#1e3a8a"] },
      },
      series: [
        {
          type: "map",
          map: name,
          aspectScale: 0.96,
          layoutCenter: ["55%", "46%"],
          layoutSize: "88%",
          itemStyle: { borderColor: "#ffffff", borderWidth: 0.5, areaColor: "#e5e7eb" },
          label: { show: false },
          data: [...values.entries()].map(([code, value]) => ({ name: code, value })),
        },
      ],
    },
    340,
    560,
  );
}
