/**
 * Progress toward targets (DESIGN §4.4) for every indicator with a target, for the nation, regions
 * and provinces, per series. Which target applies: a province's own target for an indicator and
 * year overrides the national one (the national targets cascade to every area otherwise); among
 * several targets for the same year, Decision 411 comes first. The data are the series' complete
 * annual values for the area. Every result carries the target's legal source and the inputs.
 */
import type { Geography } from "../domain/area.ts";
import { NATION_CODE } from "../domain/area.ts";
import type { Indicator, Target } from "../domain/catalog.ts";
import { assessProgress, type Progress } from "../methods/progress.ts";
import { listAreas, listIndicators, listSeries, listTargets } from "../store/catalog-repo.ts";
import { queryComputed } from "../store/computed-repo.ts";
import type { Store } from "../store/db.ts";
import { checkCodes } from "./read.ts";

export interface ProgressQuery {
  indicator?: string[];
  geography: Geography;
  area?: string[];
  series?: string[];
  /** The instant the public reads at (release embargo); default now. A frozen report reads at its release time. */
  publishedAt?: Date;
  /** Baseline year (x₀ at t₀: the value of that year, or the first after it); default the first value. */
  baseline?: number;
  /** Nominal GDP/GRDP growth a year as a fraction, for shares of GDP. */
  gdpGrowth?: number;
}

export interface ProgressItem extends Progress {
  readonly indicator: string;
  readonly geography: Geography;
  readonly area: string;
  readonly series: string;
  readonly target: Target & { readonly scope: "own" | "national" };
}

/** An indicator whose denominator is GRDP/GDP: its numerator's required growth can be derived. */
export function isShareOfGdp(i: Indicator): boolean {
  return i.denominator?.replace(/\s/g, "") === "{GRDP}";
}

function pickTargets(targets: readonly Target[], area: string): (Target & { scope: "own" | "national" })[] {
  const rank = (t: Target) => (/411/.test(t.source) ? 0 : 1);
  const byYear = new Map<number, Target & { scope: "own" | "national" }>();
  const sorted = [...targets].sort((a, b) => a.year - b.year || rank(a) - rank(b));
  for (const t of sorted) {
    if (t.area !== area) continue;
    if (!byYear.has(t.year)) byYear.set(t.year, { ...t, scope: area === NATION_CODE ? "national" : "own" });
  }
  if (area !== NATION_CODE) {
    for (const t of sorted) {
      if (t.area === NATION_CODE && !byYear.has(t.year)) byYear.set(t.year, { ...t, scope: "national" });
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export async function getProgress(store: Store, q: ProgressQuery): Promise<ProgressItem[]> {
  const [indicators, targets, areas, series] = await Promise.all([
    listIndicators(store.db),
    listTargets(store.db, { geography: [q.geography] }),
    listAreas(store.db, { geography: [q.geography] }),
    listSeries(store.db),
  ]);
  checkCodes("indicator", q.indicator, new Set(indicators.map((i) => i.code)));
  checkCodes("area", q.area, new Set(areas.map((a) => a.code)));
  const knownSeries = new Set(series.map((s) => s.code));
  checkCodes("series", q.series, knownSeries);
  const withTargets = new Set(targets.map((t) => t.indicator));
  const chosen = indicators.filter(
    (i) => withTargets.has(i.code) && (!q.indicator?.length || q.indicator.includes(i.code)),
  );
  const areaCodes = q.area?.length ? q.area : areas.map((a) => a.code);
  const values = await queryComputed(store.db, {
    indicator: chosen.map((i) => i.code),
    geography: [q.geography],
    area: areaCodes,
    periodKind: ["Y"],
    ...(q.series?.length ? { series: q.series } : {}),
    publishedOnly: true,
    ...(q.publishedAt ? { publishedAt: q.publishedAt } : {}),
  });
  // (indicator, area, series) → complete annual points
  const points = new Map<string, { year: number; value: number }[]>();
  for (const v of values) {
    if (v.value === null || !v.complete) continue;
    const key = `${v.indicator}|${v.area}|${v.series}`;
    const list = points.get(key) ?? [];
    list.push({ year: Number(v.period), value: v.value });
    points.set(key, list);
  }
  const targetsByIndicator = new Map<string, Target[]>();
  for (const t of targets)
    targetsByIndicator.set(t.indicator, [...(targetsByIndicator.get(t.indicator) ?? []), t]);

  const out: ProgressItem[] = [];
  for (const indicator of chosen) {
    for (const area of areaCodes) {
      const applicable = pickTargets(targetsByIndicator.get(indicator.code) ?? [], area);
      if (!applicable.length) continue;
      const seriesWithData = [...knownSeries].filter(
        (s) => (!q.series?.length || q.series.includes(s)) && points.has(`${indicator.code}|${area}|${s}`),
      );
      for (const s of seriesWithData.sort()) {
        const pts = points.get(`${indicator.code}|${area}|${s}`)!;
        // With a baseline year, x₀ is the value of that year, or the first one after it.
        const baselinePoint =
          q.baseline === undefined
            ? undefined
            : [...pts].sort((a, b) => a.year - b.year).find((p) => p.year >= q.baseline!);
        if (q.baseline !== undefined && !baselinePoint) continue;
        for (const target of applicable) {
          const progress = assessProgress({
            points: pts,
            target: { year: target.year, value: target.value, comparator: target.comparator },
            direction: indicator.direction,
            ...(baselinePoint ? { baseline: baselinePoint } : {}),
            ...(q.gdpGrowth !== undefined && isShareOfGdp(indicator) ? { gdpGrowth: q.gdpGrowth } : {}),
            isShareOfGdp: isShareOfGdp(indicator),
          });
          out.push({
            ...progress,
            indicator: indicator.code,
            geography: q.geography,
            area,
            series: s,
            target,
          });
        }
      }
    }
  }
  return out;
}
