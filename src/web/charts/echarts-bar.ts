/** Bar charts (stacked components, sectors, provinces, pillars). Import before drawing a bar chart. */
import { BarChart } from "echarts/charts";
import { echarts } from "./echarts.ts";

echarts.use([BarChart]);

/**
 * The grid of a horizontal bar chart: a fixed room on the left for the category labels (cut to
 * `BAR_LABEL_WIDTH` with an ellipsis; the table view has them in full) and on the right for the
 * value labels.
 */
export const BAR_LABEL_WIDTH = 140;
// ECharts measures text a little narrower than the SVG renders it with the system font: leave slack.
export const BAR_GRID = { left: BAR_LABEL_WIDTH + 36, right: 48, top: 8, bottom: 24 } as const;
