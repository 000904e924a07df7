/**
 * Which progress result to show where several exist (one per series and per target year): the
 * series shown first is the official one when it has data (then the estimate, reported, demo), and
 * the target is the next one not yet due at the latest value, or the last one once all are due.
 */
import type { ProgressDto } from "../data/types.ts";
import { compareSeries } from "./series.ts";

/** Decision 411/QĐ-TTg (the national strategy) is named in the target's legal source. */
export const isDecision411 = (source: string) => /411/.test(source);

function bySeriesPreference(items: readonly ProgressDto[]): ProgressDto[] {
  const withData = items.filter((p) => p.inputs.xc !== null);
  const series = [...new Set(withData.map((p) => p.series))].sort(compareSeries)[0];
  return withData.filter((p) => p.series === series).sort((a, b) => a.target.year - b.target.year);
}

/** The result to headline for one indicator and area, or undefined when no series has a value. */
export function headlineProgress(
  items: readonly ProgressDto[],
  indicator: string,
  area?: string,
): ProgressDto | undefined {
  const chosen = bySeriesPreference(
    items.filter((p) => p.indicator === indicator && (area === undefined || p.area === area)),
  );
  const tc = chosen[0]?.inputs.tc ?? Number.NEGATIVE_INFINITY;
  return chosen.find((p) => p.target.year >= tc) ?? chosen[chosen.length - 1];
}

/** The target path to the furthest target of one series (the longest path), if any. */
export function longestTargetPath(
  items: readonly ProgressDto[],
  indicator: string,
  series: string,
): ProgressDto | undefined {
  return items
    .filter((p) => p.indicator === indicator && p.series === series && p.target_path.length > 0)
    .sort((a, b) => b.target.year - a.target.year)[0];
}
