/**
 * Charts of the self-assessment and index pages: radar of pillars, rank bands (scatter), bars and
 * legends. Kept out of `echarts.ts` so the overview does not load them (its JavaScript budget).
 * Import before drawing one of these charts.
 */
import { BarChart, RadarChart, ScatterChart } from "echarts/charts";
import { LegendComponent, RadarComponent } from "echarts/components";
import { echarts } from "./echarts.ts";

echarts.use([BarChart, RadarChart, RadarComponent, ScatterChart, LegendComponent]);
