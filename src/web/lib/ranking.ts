/**
 * Pure models behind rankings, maps and movers: which series to show, competition ranks that respect
 * the indicator's direction, a rank-based position score, and the quarter's biggest movers. Shared
 * by the overview, the indicator, province and rankings pages so they never disagree on a rank.
 */
import type { Direction, SeriesCode } from "../../domain/catalog.ts";
import { comparePeriods, tryParsePeriod } from "../../domain/period.ts";
import type { ObservationDto } from "../data/types.ts";
import { compareSeries } from "./series.ts";

/**
 * The series to show by default: the one with values for the most areas; between equally covered
 * ones, official, estimate, reported, demo. Coverage first, because one province's released report
 * must not blank the other provinces of a map that another series fills.
 */
export function preferredSeries(observations: readonly ObservationDto[]): SeriesCode | undefined {
  return seriesByCoverage(observations)[0];
}

/** The series that have values, best covered first (see `preferredSeries`). */
export function seriesByCoverage(observations: readonly ObservationDto[]): SeriesCode[] {
  const areas = new Map<SeriesCode, Set<string>>();
  for (const o of observations) {
    if (o.value === null) continue;
    const set = areas.get(o.series) ?? new Set<string>();
    set.add(o.area);
    areas.set(o.series, set);
  }
  return [...areas.keys()].sort(
    (a, b) => (areas.get(b)?.size ?? 0) - (areas.get(a)?.size ?? 0) || compareSeries(a, b),
  );
}

/** Distinct periods of the given kind, newest first. */
export function periodsOf(observations: readonly ObservationDto[], kind: "Y" | "S" | "Q"): string[] {
  return [...new Set(observations.map((o) => o.period))]
    .flatMap((text) => {
      const p = tryParsePeriod(text);
      return p?.kind === kind ? [{ text, p }] : [];
    })
    .sort((a, b) => comparePeriods(b.p, a.p))
    .map((x) => x.text);
}

export interface Ranked<T> {
  readonly item: T;
  readonly value: number | null;
  /** 1 is best; ties share a rank and the next rank skips (1, 2, 2, 4); null without a value. */
  readonly rank: number | null;
}

/** Competition ranking (1, 2, 2, 4): best first by the direction; items without a value last, unranked. */
export function rankBy<T>(
  items: readonly T[],
  value: (item: T) => number | null,
  direction: Direction,
): Ranked<T>[] {
  const sign = direction === "lower" ? 1 : -1;
  const withValues = items.map((item) => ({ item, value: value(item) }));
  const valued = withValues.filter(
    (x): x is { item: T; value: number } => x.value !== null && Number.isFinite(x.value),
  );
  valued.sort((a, b) => sign * (a.value - b.value));
  const out: Ranked<T>[] = [];
  valued.forEach((x, i) => {
    const prev = out[i - 1];
    const rank = prev && prev.value === x.value ? prev.rank : i + 1;
    out.push({ item: x.item, value: x.value, rank });
  });
  for (const x of withValues)
    if (x.value === null || !Number.isFinite(x.value)) out.push({ item: x.item, value: null, rank: null });
  return out;
}

/** Position among n ranked areas on 0–100: 100 for the first, 0 for the last; 50 when n = 1. */
export function positionScore(rank: number, n: number): number {
  return n <= 1 ? 50 : (100 * (n - rank)) / (n - 1);
}

export interface Mover {
  readonly area: string;
  readonly from: number;
  readonly to: number;
  /** to − from, in the indicator's unit (percentage points for a percentage). */
  readonly change: number;
}

/**
 * The areas whose value changed most between two periods of one series: the largest rises and the
 * largest falls (at most `count` each), by absolute change. Areas missing either value are left out.
 */
export function biggestMovers(
  observations: readonly ObservationDto[],
  series: SeriesCode,
  from: string,
  to: string,
  count = 5,
): { rises: Mover[]; falls: Mover[] } {
  const at = (period: string) =>
    new Map(
      observations
        .filter((o) => o.series === series && o.period === period && o.value !== null)
        .map((o) => [o.area, o.value as number]),
    );
  const a = at(from);
  const b = at(to);
  const movers: Mover[] = [];
  for (const [area, v1] of b) {
    const v0 = a.get(area);
    if (v0 !== undefined) movers.push({ area, from: v0, to: v1, change: v1 - v0 });
  }
  const rises = movers
    .filter((m) => m.change > 0)
    .sort((x, y) => y.change - x.change || (x.area < y.area ? -1 : 1));
  const falls = movers
    .filter((m) => m.change < 0)
    .sort((x, y) => x.change - y.change || (x.area < y.area ? -1 : 1));
  return { rises: rises.slice(0, count), falls: falls.slice(0, count) };
}

/** Equal-count class breaks (quantiles) for a choropleth: `classes − 1` thresholds, ascending. */
export function quantileBreaks(values: readonly number[], classes: number): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0 || classes < 2) return [];
  const breaks: number[] = [];
  for (let k = 1; k < classes; k++) {
    const pos = (k * (sorted.length - 1)) / classes;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    breaks.push(sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo));
  }
  return [...new Set(breaks)];
}

/** The class (0 … breaks.length) of a value given ascending thresholds. */
export function classOf(value: number, breaks: readonly number[]): number {
  let k = 0;
  while (k < breaks.length && value > breaks[k]!) k++;
  return k;
}
