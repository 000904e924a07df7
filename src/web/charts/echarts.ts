/**
 * ECharts, tree-shaken: only the chart types and components the app uses are registered, so the
 * bundle stays small (DESIGN §2). The line chart (every page) is registered here; maps and bars in
 * `echarts-map.ts` and `echarts-bar.ts`, imported by the components that draw them, so a page loads
 * only the chart code it uses. SVG rendering keeps text crisp, selectable and present in the DOM.
 * Legends and colour scales are drawn in HTML by the pages (readable, wrapping).
 */
import { BarChart, LineChart, RadarChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([
  LineChart,
  GridComponent,
  TooltipComponent,
  SVGRenderer,
  // Self-assessment and index pages: bars, radar of pillars, rank bands (scatter), legends.
  BarChart,
  RadarChart,
  RadarComponent,
  ScatterChart,
  LegendComponent,
]);

export type { EChartsCoreOption } from "echarts/core";
export { echarts };
