/**
 * The composite index as a use case (DESIGN §4.6): computes and stores, for every framework, series,
 * geography and year, each province's score, pillar scores, rank and Monte Carlo rank band; reads
 * them back for the API; explains a change between two years; compares with the published ranking.
 *
 * Design decisions:
 * - Inputs are the stored annual indicator values (`computed_value`, published rows only, so values
 *   of an unreleased series never leak into a public index). A 2008-geography year is re-based to
 *   the 2025 geography by the recompute; the index of a 2025 unit is scored from those re-based
 *   values (basis `indicators`).
 * - For the 2025 geography and the years that also exist in 2008, a second result is kept: each
 *   unit's score as the mean of its former provinces' 2008 scores (basis `mean_of_former`), which is
 *   how the ministry published DTI 2024 on 34 units. Its rank band comes from the same Monte Carlo
 *   draws averaged over members.
 * - A series is indexed for a (geography, year) only when every scored pillar has at least one
 *   indicator with values for half the provinces or more: a series with a handful of provincial
 *   figures (the ministry's 2022 shares) would otherwise give an index of imputations.
 * - Goalposts come from the framework's base year in the same geography; when the series has no
 *   such year, the nearest year it has is used and stored as the run's `base_year`.
 */

import { findIndexFramework, type IndexFramework, loadIndexFrameworks } from "../catalog/index-frameworks.ts";
import type { Area, Geography } from "../domain/area.ts";
import { DxmError } from "../domain/errors.ts";
import {
  type AreaGroup,
  DEFAULT_DRAWS,
  DEFAULT_SEED,
  explainChange,
  type Goalposts,
  goalpostsOf,
  groupScores,
  type IndexInput,
  monteCarloRanks,
  scoreIndex,
  spearman,
} from "../methods/composite-index.ts";
import { listAreas } from "../store/catalog-repo.ts";
import { queryComputed } from "../store/computed-repo.ts";
import type { Store } from "../store/db.ts";
import {
  type IndexBasis,
  type IndexRunRecord,
  type IndexRunWithScores,
  type IndexScoreRecord,
  listIndexRuns,
  listIndexScores,
  replaceIndexResults,
} from "../store/index-repo.ts";

export const DTI_PUBLISHED_SERIES = "dti_published";
/** Share of provinces a pillar needs values for before a series is indexed for a year. */
const MIN_COVERAGE = 0.5;

export interface IndexComputeOptions {
  framework?: readonly string[];
  /** Only these series (others keep their stored results); an approval recomputes one series. */
  series?: readonly string[];
  /** Only these years (others keep their stored results). */
  years?: readonly number[];
  draws?: number;
  seed?: number;
}

export interface IndexComputeReport {
  frameworks: { framework: string; version: string; series: string; runs: number; scores: number }[];
  ms: number;
}

function notFound(field: string, en: string, vi: string): DxmError {
  return new DxmError("not_found", en, { field, messageVi: vi });
}

export function frameworkOrThrow(id: string): IndexFramework {
  const f = findIndexFramework(id);
  if (!f) {
    const known = loadIndexFrameworks()
      .map((x) => x.id)
      .join(", ");
    throw notFound(
      "framework",
      `framework: no index framework ${id} (known: ${known})`,
      `framework: không có bộ chỉ số ${id} (có: ${known})`,
    );
  }
  return f;
}

/** Values by geography → year → indicator → value per province (aligned with `provinces[geography]`). */
type ValueCube = Map<Geography, Map<number, Map<string, (number | null)[]>>>;

async function loadValues(
  store: Store,
  codes: readonly string[],
  provinces: ReadonlyMap<Geography, readonly Area[]>,
  series?: readonly string[],
): Promise<Map<string, ValueCube>> {
  const rows = await queryComputed(store.db, {
    indicator: codes,
    ...(series?.length ? { series: [...series] } : {}),
    level: ["province"],
    periodKind: ["Y"],
    publishedOnly: true,
  });
  const position = new Map<string, number>();
  for (const [g, list] of provinces) {
    list.forEach((a, i) => {
      position.set(`${g}:${a.code}`, i);
    });
  }
  const bySeries = new Map<string, ValueCube>();
  for (const r of rows) {
    const at = position.get(`${r.geography}:${r.area}`);
    if (at === undefined || r.value === null || !Number.isFinite(r.value)) continue;
    let cube = bySeries.get(r.series);
    if (!cube) {
      cube = new Map();
      bySeries.set(r.series, cube);
    }
    let years = cube.get(r.geography);
    if (!years) {
      years = new Map();
      cube.set(r.geography, years);
    }
    const year = Number(r.period);
    let byCode = years.get(year);
    if (!byCode) {
      byCode = new Map();
      years.set(year, byCode);
    }
    let values = byCode.get(r.indicator);
    if (!values) {
      values = new Array(provinces.get(r.geography)!.length).fill(null);
      byCode.set(r.indicator, values);
    }
    values[at] = r.value;
  }
  return bySeries;
}

function covered(
  f: IndexFramework,
  values: ReadonlyMap<string, readonly (number | null)[]>,
  n: number,
): boolean {
  return f.pillars
    .filter((p) => p.weight > 0)
    .every((p) =>
      p.indicators.some((i) => {
        const v = values.get(i.code);
        return v !== undefined && v.filter((x) => x !== null).length >= MIN_COVERAGE * n;
      }),
    );
}

function normalisationSummary(f: IndexFramework): string {
  const kinds = new Set(f.pillars.flatMap((p) => p.indicators.map((i) => i.normalisation)));
  return kinds.size === 1 ? [...kinds][0]! : "mixed";
}

function goalpostsFor(
  f: IndexFramework,
  years: ReadonlyMap<number, ReadonlyMap<string, readonly (number | null)[]>>,
): { year: number; goalposts: Map<string, Goalposts> } | undefined {
  const available = [...years.keys()].sort(
    (a, b) => Math.abs(a - f.baseYear) - Math.abs(b - f.baseYear) || a - b,
  );
  const year = available[0];
  if (year === undefined) return undefined;
  const values = years.get(year)!;
  const goalposts = new Map<string, Goalposts>();
  for (const p of f.pillars)
    for (const i of p.indicators) {
      const g = goalpostsOf(values.get(i.code) ?? []);
      if (g) goalposts.set(i.code, g);
    }
  return { year, goalposts };
}

function withBands(
  scores: ReturnType<typeof scoreIndex>,
  bands: ReturnType<typeof monteCarloRanks>["bands"],
): IndexScoreRecord[] {
  return scores.map((s, i) => ({
    area: s.area,
    score: s.score,
    rank: s.rank,
    rankMedian: bands[i]?.median ?? null,
    rankP05: bands[i]?.p05 ?? null,
    rankP95: bands[i]?.p95 ?? null,
    pillars: s.pillars,
    missing: s.missing,
    imputed: s.imputedPillars,
  }));
}

/** The runs of one framework and series from its values (pure apart from the inputs given). */
export function computeFrameworkRuns(
  f: IndexFramework,
  series: string,
  cube: ValueCube,
  provinces: ReadonlyMap<Geography, readonly Area[]>,
  options: { draws: number; seed: number; years?: readonly number[] | undefined },
): IndexRunWithScores[] {
  const runs: IndexRunWithScores[] = [];
  const goalpostsByGeo = new Map<Geography, { year: number; goalposts: Map<string, Goalposts> }>();
  const run = (
    geography: Geography,
    year: number,
    basis: IndexBasis,
    gp: { year: number; goalposts: Map<string, Goalposts> },
  ) => ({
    framework: f.id,
    version: f.version,
    series,
    geography,
    year,
    basis,
    baseYear: gp.year,
    normalisation: normalisationSummary(f),
    aggregation: f.aggregation,
    missingRule: f.missing,
    draws: options.draws,
    seed: options.seed,
    goalposts: Object.fromEntries(gp.goalposts),
  });
  for (const geography of ["2008", "2025"] as const) {
    const areas = provinces.get(geography) ?? [];
    const years = new Map(
      [...(cube.get(geography) ?? new Map<number, Map<string, (number | null)[]>>())].filter(([, v]) =>
        covered(f, v, areas.length),
      ),
    );
    const gp = goalpostsFor(f, years);
    if (!gp) continue;
    goalpostsByGeo.set(geography, gp);
    for (const [year, values] of [...years].sort((a, b) => a[0] - b[0])) {
      if (options.years && !options.years.includes(year)) continue;
      const input: IndexInput = { areas: areas.map((a) => a.code), values };
      const scores = scoreIndex(f.spec, input, gp.goalposts);
      const mc = monteCarloRanks(f.spec, input, gp.goalposts, { draws: options.draws, seed: options.seed });
      runs.push({ ...run(geography, year, "indicators", gp), scores: withBands(scores, mc.bands) });
    }
  }
  // 2025 units as the mean of their former provinces, for the years scored in 2008.
  const old = provinces.get("2008") ?? [];
  const oldIndex = new Map(old.map((a, i) => [a.code, i]));
  const groups: AreaGroup[] = (provinces.get("2025") ?? []).map((u) => ({
    code: u.code,
    members: u.members.map((m) => oldIndex.get(m)).filter((i): i is number => i !== undefined),
  }));
  const gp2008 = goalpostsByGeo.get("2008");
  const pillarCodes = f.pillars.map((p) => p.code);
  for (const r of runs.filter((x) => x.geography === "2008" && x.basis === "indicators")) {
    if (!gp2008 || groups.length === 0) break;
    const values = cube.get("2008")!.get(r.year)!;
    const input: IndexInput = { areas: old.map((a) => a.code), values };
    const mc = monteCarloRanks(f.spec, input, gp2008.goalposts, {
      draws: options.draws,
      seed: options.seed,
      groups,
    });
    const base = scoreIndex(f.spec, input, gp2008.goalposts);
    const merged = groupScores(base, groups, pillarCodes);
    runs.push({ ...run("2025", r.year, "mean_of_former", gp2008), scores: withBands(merged, mc.bands) });
  }
  return runs;
}

async function provincesByGeography(store: Store): Promise<Map<Geography, Area[]>> {
  const areas = await listAreas(store.db, { level: ["province"] });
  const out = new Map<Geography, Area[]>();
  for (const g of ["2008", "2025"] as const)
    out.set(
      g,
      areas.filter((a) => a.geography === g),
    );
  return out;
}

/** Computes and stores the index results of every framework (or those named) for every series. */
export async function computeIndexResults(
  store: Store,
  options: IndexComputeOptions = {},
): Promise<IndexComputeReport> {
  const t0 = performance.now();
  const frameworks = options.framework?.length
    ? options.framework.map(frameworkOrThrow)
    : [...loadIndexFrameworks()];
  if (
    options.draws !== undefined &&
    (!Number.isInteger(options.draws) || options.draws < 1 || options.draws > 100_000)
  )
    throw new DxmError(
      "invalid_parameter",
      `draws: ${options.draws} is not a whole number from 1 to 100000`,
      {
        field: "draws",
        messageVi: `draws: ${options.draws} không phải số nguyên từ 1 đến 100000`,
      },
    );
  const provinces = await provincesByGeography(store);
  const codes = [
    ...new Set(frameworks.flatMap((f) => f.pillars.flatMap((p) => p.indicators.map((i) => i.code)))),
  ];
  const bySeries = await loadValues(store, codes, provinces, options.series);
  const report: IndexComputeReport = { frameworks: [], ms: 0 };
  for (const f of frameworks) {
    const stored = new Set(
      (await listIndexRuns(store.db, { framework: f.id }))
        .map((r) => r.series)
        .filter((s) => !options.series?.length || options.series.includes(s)),
    );
    for (const series of new Set([...bySeries.keys(), ...stored])) {
      const cube = bySeries.get(series) ?? new Map();
      let runs = computeFrameworkRuns(f, series, cube, provinces, {
        draws: options.draws ?? DEFAULT_DRAWS,
        seed: options.seed ?? DEFAULT_SEED,
        years: options.years,
      });
      if (options.years?.length) {
        // Keep the stored runs of the other years.
        const keep = (await listIndexRuns(store.db, { framework: f.id, series })).filter(
          (r) => !options.years!.includes(r.year),
        );
        const kept: IndexRunWithScores[] = [];
        for (const r of keep)
          kept.push({
            ...r,
            scores: await listIndexScores(store.db, {
              framework: f.id,
              series,
              geography: r.geography,
              basis: r.basis,
              year: r.year,
            }),
          });
        runs = [...kept, ...runs];
      }
      if (runs.length === 0 && !stored.has(series)) continue;
      const scores = await replaceIndexResults(store.db, f.id, series, runs);
      report.frameworks.push({ framework: f.id, version: f.version, series, runs: runs.length, scores });
    }
  }
  report.ms = performance.now() - t0;
  return report;
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

export interface IndexQuery {
  framework: string;
  geography: Geography;
  year?: number | undefined;
  basis?: IndexBasis | undefined;
  series?: string | undefined;
}

/** The run asked for, choosing the series (demo first) and the latest year when not given. */
async function findRun(store: Store, q: IndexQuery): Promise<{ f: IndexFramework; run: IndexRunRecord }> {
  const f = frameworkOrThrow(q.framework);
  const basis = q.basis ?? "indicators";
  if (basis === "mean_of_former" && q.geography !== "2025")
    throw new DxmError("invalid_parameter", "basis: mean_of_former exists only for geography 2025", {
      field: "basis",
      messageVi: "basis: mean_of_former chỉ có với địa giới 2025",
    });
  const runs = await listIndexRuns(store.db, { framework: f.id, geography: q.geography, basis });
  const seriesList = [...new Set(runs.map((r) => r.series))];
  if (q.series !== undefined && !seriesList.includes(q.series))
    throw notFound(
      "series",
      `series: no ${f.id} results for series ${q.series} (available: ${seriesList.join(", ") || "none"})`,
      `series: không có kết quả ${f.id} cho chuỗi ${q.series} (có: ${seriesList.join(", ") || "không có"})`,
    );
  const series = q.series ?? (seriesList.includes("demo") ? "demo" : seriesList[0]);
  const ofSeries = runs.filter((r) => r.series === series);
  const years = ofSeries.map((r) => r.year);
  const year = q.year ?? years[years.length - 1];
  const run = ofSeries.find((r) => r.year === year);
  if (!run)
    throw notFound(
      "year",
      `year: no ${f.id} results for ${year ?? "any year"} in geography ${q.geography} (${basis}); years: ${years.join(", ") || "none — run dxm index compute"}`,
      `year: không có kết quả ${f.id} năm ${year ?? ""} theo địa giới ${q.geography} (${basis}); các năm có: ${years.join(", ") || "chưa có — chạy dxm index compute"}`,
    );
  return { f, run };
}

export interface IndexScoresResult {
  framework: IndexFramework;
  run: IndexRunRecord;
  items: IndexScoreRecord[];
}

export async function getIndexScores(store: Store, q: IndexQuery): Promise<IndexScoresResult> {
  const { f, run } = await findRun(store, q);
  const items = await listIndexScores(store.db, {
    framework: f.id,
    series: run.series,
    geography: run.geography,
    basis: run.basis,
    year: run.year,
  });
  return { framework: f, run, items };
}

export interface PillarProfile {
  pillar: string;
  score: number | null;
  best: number | null;
  bestArea: string | null;
  median: number | null;
}

export interface ProvinceIndexResult extends IndexScoresResult {
  area: Area;
  item: IndexScoreRecord;
  profile: PillarProfile[];
  history: {
    year: number;
    score: number | null;
    rank: number | null;
    rankP05: number | null;
    rankP95: number | null;
  }[];
  count: number;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function areaOrThrow(store: Store, geography: Geography, code: string, field: string): Promise<Area> {
  const [area] = await listAreas(store.db, { geography: [geography], level: ["province"] }).then((as) =>
    as.filter((a) => a.code === code),
  );
  if (!area)
    throw notFound(
      field,
      `${field}: no province ${code} in geography ${geography}`,
      `${field}: không có tỉnh mã ${code} theo địa giới ${geography}`,
    );
  return area;
}

/** One province: its result, its pillar profile against the best and the median, its history. */
export async function getProvinceIndex(
  store: Store,
  q: IndexQuery & { area: string },
): Promise<ProvinceIndexResult> {
  const area = await areaOrThrow(store, q.geography, q.area, "code");
  const res = await getIndexScores(store, q);
  const item = res.items.find((i) => i.area === q.area);
  if (!item)
    throw notFound(
      "code",
      `code: province ${q.area} has no ${res.framework.id} result in ${res.run.year}`,
      `code: tỉnh ${q.area} không có kết quả năm ${res.run.year}`,
    );
  const profile = res.framework.pillars.map((p) => {
    const values = res.items
      .map((i) => ({ area: i.area, v: i.pillars[p.code] ?? null }))
      .filter((x): x is { area: string; v: number } => x.v !== null);
    const best = values.reduce<{ area: string; v: number } | null>(
      (b, x) => (b === null || x.v > b.v ? x : b),
      null,
    );
    return {
      pillar: p.code,
      score: item.pillars[p.code] ?? null,
      best: best?.v ?? null,
      bestArea: best?.area ?? null,
      median: median(values.map((x) => x.v)),
    };
  });
  const history = (
    await listIndexScores(store.db, {
      framework: res.framework.id,
      series: res.run.series,
      geography: res.run.geography,
      basis: res.run.basis,
      area: q.area,
    })
  ).map((h) => ({ year: h.year, score: h.score, rank: h.rank, rankP05: h.rankP05, rankP95: h.rankP95 }));
  return { ...res, area, item, profile, history, count: res.items.filter((i) => i.rank !== null).length };
}

export interface ExplainResult {
  framework: IndexFramework;
  series: string;
  geography: Geography;
  basis: IndexBasis;
  area: string;
  from: number;
  to: number;
  scoreFrom: number;
  scoreTo: number;
  change: number;
  contributions: Record<string, number>;
}

/** The change of a province's score between two years split into pillar contributions. */
export async function explainIndexChange(
  store: Store,
  q: {
    framework: string;
    geography: Geography;
    area: string;
    from: number;
    to: number;
    basis?: IndexBasis | undefined;
    series?: string | undefined;
  },
): Promise<ExplainResult> {
  await areaOrThrow(store, q.geography, q.area, "area");
  const at = async (year: number, field: "from" | "to") => {
    try {
      return await getIndexScores(store, { ...q, year });
    } catch (e) {
      if (e instanceof DxmError && e.field === "year")
        throw new DxmError(e.code, e.message.replace(/^year/, field), {
          field,
          messageVi: e.messageVi.replace(/^year/, field),
        });
      throw e;
    }
  };
  const a = await at(q.from, "from");
  const b = await at(q.to, "to");
  const f = a.framework;
  const weights = Object.fromEntries(f.pillars.map((p) => [p.code, p.weight]));
  const stateOf = (item: IndexScoreRecord | undefined, year: number, field: string) => {
    if (!item || item.score === null)
      throw notFound(
        field,
        `${field}: ${q.area} has no score in ${year} (missing data: ${item?.missing.join(", ") ?? "no result"})`,
        `${field}: ${q.area} không có điểm năm ${year}`,
      );
    return { weights, scores: Object.fromEntries(Object.entries(item.pillars).map(([k, v]) => [k, v ?? 0])) };
  };
  let contributions: Record<string, number>;
  const itemFrom = a.items.find((i) => i.area === q.area);
  const itemTo = b.items.find((i) => i.area === q.area);
  const sFrom = stateOf(itemFrom, q.from, "from");
  const sTo = stateOf(itemTo, q.to, "to");
  if (a.run.basis === "mean_of_former" && f.aggregation !== "arithmetic") {
    // Mean of the members' own explanations: each adds up to its change, so their mean adds up to
    // the mean change, which is the unit's change.
    const members = (await areaOrThrow(store, "2025", q.area, "area")).members;
    const [ma, mb] = await Promise.all([
      getIndexScores(store, {
        ...q,
        geography: "2008",
        basis: "indicators",
        year: q.from,
        series: a.run.series,
      }),
      getIndexScores(store, {
        ...q,
        geography: "2008",
        basis: "indicators",
        year: q.to,
        series: a.run.series,
      }),
    ]);
    contributions = Object.fromEntries(f.pillars.map((p) => [p.code, 0]));
    for (const m of members) {
      const e = explainChange(
        stateOf(
          ma.items.find((i) => i.area === m),
          q.from,
          "from",
        ),
        stateOf(
          mb.items.find((i) => i.area === m),
          q.to,
          "to",
        ),
        f.aggregation,
      );
      for (const [k, v] of Object.entries(e.contributions))
        contributions[k] = (contributions[k] ?? 0) + v / members.length;
    }
  } else {
    contributions = explainChange(sFrom, sTo, f.aggregation).contributions;
  }
  const scoreFrom = itemFrom!.score!;
  const scoreTo = itemTo!.score!;
  return {
    framework: f,
    series: a.run.series,
    geography: q.geography,
    basis: a.run.basis,
    area: q.area,
    from: q.from,
    to: q.to,
    scoreFrom,
    scoreTo,
    change: scoreTo - scoreFrom,
    contributions,
  };
}

export interface FrameworkSummary {
  framework: IndexFramework;
  runs: { series: string; geography: Geography; basis: IndexBasis; years: number[] }[];
}

export async function listFrameworks(store: Store): Promise<FrameworkSummary[]> {
  const runs = await listIndexRuns(store.db);
  return loadIndexFrameworks().map((f) => {
    const groups = new Map<string, FrameworkSummary["runs"][number]>();
    for (const r of runs.filter((x) => x.framework === f.id)) {
      const key = `${r.series}|${r.geography}|${r.basis}`;
      let g = groups.get(key);
      if (!g) {
        g = { series: r.series, geography: r.geography, basis: r.basis, years: [] };
        groups.set(key, g);
      }
      g.years.push(r.year);
    }
    return { framework: f, runs: [...groups.values()] };
  });
}

export interface PublishedComparison {
  framework: IndexFramework;
  series: string;
  year: number;
  items: {
    area: string;
    publishedRank: number;
    publishedScore: number | null;
    computedRank: number | null;
    computedScore: number | null;
  }[];
  spearman: number | null;
  n: number;
}

/**
 * The published ranking (series dti_published, 2008 geography) beside the computed index of the
 * same year, with Spearman's rank correlation over the provinces ranked in both.
 */
export async function comparePublished(
  store: Store,
  q: { framework: string; year?: number | undefined; series?: string | undefined },
): Promise<PublishedComparison> {
  const year = q.year ?? 2022;
  const published = await queryComputed(store.db, {
    series: [DTI_PUBLISHED_SERIES],
    indicator: ["DTI_RANK", "DTI_SCORE"],
    geography: ["2008"],
    period: [String(year)],
    publishedOnly: true,
  });
  const ranks = published.filter((p) => p.indicator === "DTI_RANK");
  if (ranks.length === 0)
    throw notFound(
      "year",
      `year: no published DTI ranking for ${year}`,
      `year: không có bảng xếp hạng DTI công bố năm ${year}`,
    );
  const computed = await getIndexScores(store, {
    framework: q.framework,
    geography: "2008",
    year,
    series: q.series,
  });
  const byArea = new Map(computed.items.map((i) => [i.area, i]));
  const score = new Map(published.filter((p) => p.indicator === "DTI_SCORE").map((p) => [p.area, p.value]));
  const items = ranks
    .map((r) => ({
      area: r.area,
      publishedRank: r.value ?? 0,
      publishedScore: score.get(r.area) ?? null,
      computedRank: byArea.get(r.area)?.rank ?? null,
      computedScore: byArea.get(r.area)?.score ?? null,
    }))
    .sort((a, b) => a.publishedRank - b.publishedRank || a.area.localeCompare(b.area));
  const rho = spearman(
    items.map((i) => i.publishedRank),
    items.map((i) => i.computedRank),
  );
  return {
    framework: computed.framework,
    series: computed.run.series,
    year,
    items,
    spearman: rho.rho,
    n: rho.n,
  };
}
