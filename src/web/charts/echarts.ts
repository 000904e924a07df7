/**
 * ECharts, tree-shaken: only the chart types and components the app uses are registered, so the
 * bundle stays small (DESIGN §2). The line chart (every page) is registered here; maps and bars in
 * `echarts-map.ts` and `echarts-bar.ts`, imported by the components that draw them, so a page loads
 * only the chart code it uses. SVG rendering keeps text crisp, selectable and present in the DOM.
 * Legends and colour scales are drawn in HTML by the pages (readable, wrapping).
 */
import { LineChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([LineChart, GridComponent, TooltipComponent, SVGRenderer]);

export type { EChartsCoreOption } from "echarts/core";
export { echarts };
