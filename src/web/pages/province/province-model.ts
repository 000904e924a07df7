/**
 * The province page as data: for every indicator, the province's latest annual value in the
 * preferred series, the national value of the same series and year, the target that applies (the
 * province's own, else the national one: targets cascade, DESIGN §3), and the province's rank among
 * all provinces that year; then, per pillar, the mean position score (0–100, 100 = first) over the
 * pillar's ranked indicators.
 */
import type { IndicatorDto, ObservationDto, TargetDto } from "../../data/types.ts";
import { positionScore, rankBy } from "../../lib/ranking.ts";
import { compareSeries } from "../../lib/series.ts";

export interface ProvinceIndicatorRow {
  readonly indicator: IndicatorDto;
  readonly series: string;
  readonly year: string;
  readonly value: number | null;
  readonly national: number | null;
  readonly target: (TargetDto & { readonly scope: "own" | "national" }) | undefined;
  readonly rank: number | null;
  readonly ranked: number;
}

export interface PillarScore {
  readonly pillar: string;
  readonly score: number;
  readonly indicators: number;
}

/** The applicable target: the area's own for the first year ≥ `year`, else the national one. */
export function applicableTarget(
  targets: readonly TargetDto[],
  area: string,
  year: number,
): (TargetDto & { scope: "own" | "national" }) | undefined {
  const upcoming = (list: readonly TargetDto[]) =>
    list.filter((x) => x.year >= year).sort((a, b) => a.year - b.year)[0];
  const own = upcoming(targets.filter((x) => x.area === area));
  if (own) return { ...own, scope: "own" };
  const national = upcoming(targets.filter((x) => x.area === "VN"));
  return national ? { ...national, scope: "national" } : undefined;
}

export function buildProvinceRows(input: {
  readonly area: string;
  readonly indicators: readonly IndicatorDto[];
  /** Annual values of the province (all indicators, all series). */
  readonly own: readonly ObservationDto[];
  /** Annual values of the nation in the same geography. */
  readonly nation: readonly ObservationDto[];
  /** Annual values of every province for the years needed. */
  readonly provinces: readonly ObservationDto[];
}): ProvinceIndicatorRow[] {
  const rows: ProvinceIndicatorRow[] = [];
  for (const indicator of input.indicators) {
    const mine = input.own.filter((o) => o.indicator === indicator.code && o.value !== null);
    const series = [...new Set(mine.map((o) => o.series))].sort(compareSeries)[0];
    if (!series) continue;
    const latest = mine.filter((o) => o.series === series).sort((a, b) => (a.period < b.period ? 1 : -1))[0]!;
    const national = input.nation.find(
      (o) => o.indicator === indicator.code && o.series === series && o.period === latest.period,
    );
    const peers = input.provinces.filter(
      (o) => o.indicator === indicator.code && o.series === series && o.period === latest.period,
    );
    const ranked = rankBy(peers, (o) => o.value, indicator.direction);
    rows.push({
      indicator,
      series,
      year: latest.period,
      value: latest.value,
      national: national?.value ?? null,
      target: applicableTarget(indicator.targets, input.area, Number(latest.period)),
      rank: ranked.find((r) => r.item.area === input.area)?.rank ?? null,
      ranked: ranked.filter((r) => r.rank !== null).length,
    });
  }
  return rows;
}

export function pillarScores(rows: readonly ProvinceIndicatorRow[]): PillarScore[] {
  const by = new Map<string, number[]>();
  for (const r of rows) {
    if (r.rank === null || r.ranked < 2) continue;
    by.set(r.indicator.pillar, [...(by.get(r.indicator.pillar) ?? []), positionScore(r.rank, r.ranked)]);
  }
  return [...by].map(([pillar, scores]) => ({
    pillar,
    score: scores.reduce((a, b) => a + b, 0) / scores.length,
    indicators: scores.length,
  }));
}
