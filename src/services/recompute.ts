/**
 * Recompute: runs the pure engine (methods/engine) over each series' stored observations and
 * replaces that series' computed values. The same inputs always give the same rows, so running it
 * twice changes nothing. Series are never mixed: each is computed from its own observations only.
 * Before the engine, the digital economy's components are derived from value added by industry and
 * the input–output tables (methods/derive-de) wherever the series does not store them itself.
 */
import { CORE_INDUSTRIES, industryCodes } from "../catalog/industries.ts";
import { deriveDigitalEconomyObservations } from "../methods/derive-de.ts";
import { computeSeries } from "../methods/engine.ts";
import { compileCatalog } from "../methods/formula.ts";
import { listAreas, listDataElements, listIndicators } from "../store/catalog-repo.ts";
import { replaceComputed } from "../store/computed-repo.ts";
import type { Store } from "../store/db.ts";
import { clearStale, setMeta, staleSeries } from "../store/meta-repo.ts";
import { listObservations, listObservedSeries } from "../store/observations-repo.ts";
import { syncAssessmentObservations } from "./assessments.ts";
import { computeIndexResults, type IndexComputeReport } from "./index-scores.ts";
import { loadIntensities } from "./io-tables.ts";
import type { ProgressFn } from "./seed.ts";

/**
 * Series whose values are not public when computed: provinces' approved reports are published by a
 * release on its release date (DESIGN §5), not by the recompute that follows an approval.
 */
export const UNRELEASED_SERIES: ReadonlySet<string> = new Set(["reported"]);

export interface RecomputeReport {
  series: {
    code: string;
    observations: number;
    /** Digital-economy components derived from value added by industry. */
    derived: number;
    values: number;
    written: number;
    engineMs: number;
    totalMs: number;
  }[];
  /** The composite indices, recomputed from the new indicator values (index-scores.ts). */
  index?: IndexComputeReport;
  totalMs: number;
}

export async function recompute(
  store: Store,
  options: { series?: readonly string[]; onProgress?: ProgressFn; force?: boolean } = {},
): Promise<RecomputeReport> {
  const t0 = performance.now();
  const [elements, indicators, areas] = await Promise.all([
    listDataElements(store.db),
    listIndicators(store.db),
    listAreas(store.db),
  ]);
  const levels = new Map(areas.map((a) => [`${a.geography}:${a.code}`, a.level]));
  const levelOf = (geography: string, code: string) => levels.get(`${geography}:${code}`);
  const compiled = compileCatalog(elements, indicators); // a broken formula stops here, naming the indicator
  const intensities = (await loadIntensities(store, CORE_INDUSTRIES)).map((i) => ({
    year: i.table.year,
    direct: i.direct,
    total: i.total,
  }));
  const elementCodes = new Set(elements.map((e) => e.code));
  // The series `assessment` is derived from the stored self-assessments: refresh it first.
  await syncAssessmentObservations(store);
  const observed = await listObservedSeries(store.db);
  const todo = options.series?.length ? observed.filter((s) => options.series!.includes(s)) : observed;
  const report: RecomputeReport = { series: [], totalMs: 0 };
  let done = 0;
  // Read before the observations: a write after this point renews the mark and is not cleared below.
  const stale = await staleSeries(store.db);
  for (const code of todo) {
    options.onProgress?.(`recompute ${code}`, done, todo.length);
    const ts = performance.now();
    const stored = await listObservations(store, code);
    const te = performance.now();
    const derived = deriveDigitalEconomyObservations(
      stored,
      intensities,
      industryCodes,
      CORE_INDUSTRIES,
      elementCodes,
    );
    const observations = derived.length ? [...stored, ...derived] : stored;
    const values = computeSeries({ series: code, elements, indicators, areas, observations }, compiled);
    const engineMs = performance.now() - te;
    const written = await replaceComputed(store, code, values, levelOf, {
      force: options.force ?? false,
      published: !UNRELEASED_SERIES.has(code),
    });
    const token = stale.get(code);
    if (token !== undefined) await clearStale(store.db, code, token);
    report.series.push({
      code,
      observations: stored.length,
      derived: derived.length,
      values: written.total,
      written: written.written,
      engineMs,
      totalMs: performance.now() - ts,
    });
    done++;
  }
  // A series marked stale whose observations are all gone has nothing to recompute.
  for (const [code, token] of stale) {
    if (!observed.includes(code) && (!options.series?.length || options.series.includes(code))) {
      await clearStale(store.db, code, token);
    }
  }
  options.onProgress?.("recompute", done, todo.length);
  // Only the series just recomputed: the others' index results are still those of their values.
  report.index = await computeIndexResults(store, options.series?.length ? { series: options.series } : {});
  await setMeta(store.db, "recomputed_at", new Date().toISOString());
  report.totalMs = performance.now() - t0;
  return report;
}
