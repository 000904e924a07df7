/** Bar charts (stacked components, sectors, provinces, pillars). Import before drawing a bar chart. */
import { BarChart } from "echarts/charts";
import { echarts } from "./echarts.ts";

echarts.use([BarChart]);
