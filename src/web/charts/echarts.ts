/**
 * ECharts, tree-shaken: only the chart types and components the app uses are registered here, so
 * the bundle stays small (DESIGN §2). Add a chart type here before using it. SVG rendering keeps
 * text crisp, selectable and present in the DOM (useful for tests and screen magnifiers).
 */
import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([
  LineChart,
  BarChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type { EChartsCoreOption } from "echarts/core";
export { echarts };
