/** Maps: the map series and the markers of the offshore archipelagos (see ProvinceMap). */
import { MapChart } from "echarts/charts";
import { MarkPointComponent } from "echarts/components";
import { echarts } from "./echarts.ts";

echarts.use([MapChart, MarkPointComponent]);

export { echarts };
