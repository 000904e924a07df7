/** The series the digital-economy page shows: the official one when it has values, else the next by preference. */
import type { DigitalEconomyDto } from "../../data/types.ts";
import { compareSeries } from "../../lib/series.ts";

export function preferredSeriesCode(items: readonly DigitalEconomyDto[]): string | undefined {
  return [...new Set(items.filter((i) => i.value_added !== null).map((i) => i.series))].sort(
    compareSeries,
  )[0];
}
