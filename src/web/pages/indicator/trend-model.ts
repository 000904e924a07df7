/**
 * The indicator page's trend as data: the series lines of the national trend model, plus the
 * target path and a log-linear forecast (DESIGN §4.5) of the headline series to the furthest target
 * year, with its 80 % interval. The forecast is a separate layer, never merged into the data line.
 */
import { type Forecast, forecastLogLinear } from "../../../methods/forecast.ts";
import type { TrendModel } from "../home/de-share-model.ts";

export interface ForecastLayer {
  readonly series: string;
  /** One entry per trend year; null before the last observed year. */
  readonly value: readonly (number | null)[];
  readonly lower: readonly (number | null)[];
  readonly upper: readonly (number | null)[];
  readonly growth: number;
}

/**
 * Forecast of one line of the model from the year after its last value to the last year of the
 * model; the last observed year is included as the joining point (value = the observation, no
 * interval) so the dashed line starts where the data end. Null with fewer than 3 positive values.
 */
export function forecastLayer(model: TrendModel, seriesCode: string): ForecastLayer | null {
  const line = model.lines.find((l) => l.code === seriesCode);
  if (!line?.latest) return null;
  const points = model.years.flatMap((year, i) => {
    const v = line.points[i]?.value;
    return typeof v === "number" && v > 0 ? [{ year, value: v }] : [];
  });
  const lastYear = line.latest.year;
  const future = model.years.filter((y) => y > lastYear);
  if (future.length === 0) return null;
  let fit: Forecast | null;
  try {
    fit = forecastLogLinear(points, future);
  } catch {
    return null; // a value ≤ 0 or repeated years: no forecast rather than a wrong one
  }
  if (!fit) return null;
  const byYear = new Map(fit.points.map((p) => [p.year, p]));
  const at = <K extends "value" | "lower" | "upper">(key: K) =>
    model.years.map((y) => (y === lastYear ? line.latest!.value : (byYear.get(y)?.[key] ?? null)));
  return {
    series: seriesCode,
    value: at("value"),
    lower: at("lower"),
    upper: at("upper"),
    growth: fit.growth,
  };
}
