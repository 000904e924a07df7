/**
 * The national digital-economy share chart as data: one line per series (never joined), aligned on
 * a common list of years that runs to the last target year, plus the target points. Pure, so the
 * chart, its table view and its text alternative are built from the same numbers.
 */
import type { Comparator, SeriesCode } from "../../../domain/catalog.ts";
import { geographyOfPeriod, tryParsePeriod } from "../../../domain/period.ts";
import type { ObservationDto, SeriesDto, TargetDto } from "../../data/types.ts";
import type { Lang } from "../../lib/format.ts";
import { compareSeries } from "../../lib/series.ts";

export interface LinePoint {
  readonly value: number | null;
  readonly complete: boolean;
  readonly missing: readonly string[];
}

export interface SeriesLine {
  readonly code: SeriesCode;
  readonly name: string;
  readonly isDemo: boolean;
  /** One entry per `years` entry; null where the series has no value. */
  readonly points: readonly (LinePoint | null)[];
  /** The last year with a value, if any. */
  readonly latest: { readonly year: number; readonly value: number } | undefined;
}

export interface TargetPoint {
  readonly year: number;
  readonly comparator: Comparator;
  readonly value: number;
  readonly source: string;
}

export interface TrendModel {
  readonly years: readonly number[];
  readonly lines: readonly SeriesLine[];
  readonly targets: readonly TargetPoint[];
  readonly showsDemo: boolean;
}

/**
 * Annual observations of one area, by series and year. A nation exists in both geographies; when a
 * year comes in both, the one of the geography in force at the end of that year wins.
 */
export function buildTrendModel(
  observations: readonly ObservationDto[],
  series: readonly SeriesDto[],
  targets: readonly TargetDto[],
  lang: Lang,
): TrendModel {
  const byCode = new Map(series.map((s) => [s.code, s]));
  const chosen = new Map<string, Map<number, ObservationDto>>();
  for (const o of observations) {
    const p = tryParsePeriod(o.period);
    if (p?.kind !== "Y") continue;
    let perYear = chosen.get(o.series);
    if (!perYear) {
      perYear = new Map();
      chosen.set(o.series, perYear);
    }
    const previous = perYear.get(p.year);
    if (!previous || (previous.geography !== geographyOfPeriod(p) && o.geography === geographyOfPeriod(p))) {
      perYear.set(p.year, o);
    }
  }

  const targetByYear = new Map<number, TargetPoint>();
  for (const t of targets) {
    if (!targetByYear.has(t.year)) {
      targetByYear.set(t.year, { year: t.year, comparator: t.comparator, value: t.value, source: t.source });
    }
  }
  const targetPoints = [...targetByYear.values()].sort((a, b) => a.year - b.year);

  const allYears = [...chosen.values()].flatMap((m) => [...m.keys()]).concat(targetPoints.map((t) => t.year));
  const years: number[] = [];
  if (allYears.length > 0) {
    for (let y = Math.min(...allYears); y <= Math.max(...allYears); y++) years.push(y);
  }

  const lines: SeriesLine[] = [...chosen.keys()].sort(compareSeries).map((code) => {
    const perYear = chosen.get(code)!;
    const info = byCode.get(code);
    const points = years.map((y): LinePoint | null => {
      const o = perYear.get(y);
      return o ? { value: o.value, complete: o.complete, missing: o.missing } : null;
    });
    let latest: SeriesLine["latest"];
    for (let i = years.length - 1; i >= 0 && !latest; i--) {
      const v = points[i]?.value;
      if (typeof v === "number") latest = { year: years[i]!, value: v };
    }
    return {
      code,
      name: info ? (lang === "vi" ? info.name_vi : info.name_en) : code,
      isDemo: info?.is_demo ?? code === "demo",
      points,
      latest,
    };
  });

  return {
    years,
    lines,
    targets: targetPoints,
    showsDemo: lines.some((l) => l.isDemo && l.latest !== undefined),
  };
}
