/**
 * Seeding: the reference catalogue (areas of both geographies and the merger map, pillars, data
 * elements, indicators, series, targets), the published national series, and — in demo mode — the
 * generated demo series. Every step is idempotent: upserts for the catalogue, revision-tracked
 * upserts for published observations (a re-run changes nothing), and the deterministic demo series
 * is regenerated only when its parameters changed.
 */

import { generateDemoObservations } from "../catalog/demo.ts";
import { generateDemoIoTable } from "../catalog/demo-io.ts";
import { loadCatalog } from "../catalog/index.ts";
import { industryCodes } from "../catalog/industries.ts";
import { loadPublishedObservations } from "../catalog/published.ts";
import { formatPeriod, lastClosedQuarter, parsePeriod } from "../domain/period.ts";
import { compileCatalog } from "../methods/formula.ts";
import {
  upsertAreas,
  upsertDataElements,
  upsertIndicators,
  upsertPillars,
  upsertSeries,
  upsertTargets,
} from "../store/catalog-repo.ts";
import { deleteComputed } from "../store/computed-repo.ts";
import type { Store } from "../store/db.ts";
import { getMeta, setMeta } from "../store/meta-repo.ts";
import {
  countObservations,
  hasObservations,
  replaceSeriesObservations,
  type UpsertResult,
  upsertObservations,
} from "../store/observations-repo.ts";
import { removeDemoAssessments } from "./assessments.ts";
import { getIoTables, importIoTable } from "./io-tables.ts";

export type ProgressFn = (step: string, done: number, total: number) => void;

export interface ReferenceReport {
  areas: number;
  dataElements: number;
  indicators: number;
  targets: number;
  published: UpsertResult;
}

export async function seedReference(store: Store, actor = "seed"): Promise<ReferenceReport> {
  const cat = loadCatalog();
  // Fail before writing anything if a formula is broken: the error names the indicator.
  compileCatalog([...cat.dataElements], [...cat.indicators]);
  await upsertPillars(store.db, cat.pillars);
  await upsertAreas(store.db, cat.areas);
  await upsertSeries(store.db, cat.series);
  await upsertDataElements(store.db, cat.dataElements);
  await upsertIndicators(store.db, cat.indicators);
  await upsertTargets(store.db, cat.targets);
  const published = await upsertObservations(
    store.db,
    loadPublishedObservations(),
    actor,
    "published source",
  );
  await setMeta(store.db, "reference_seeded_at", new Date().toISOString());
  return {
    areas: cat.areas.length,
    dataElements: cat.dataElements.length,
    indicators: cat.indicators.length,
    targets: cat.targets.length,
    published,
  };
}

export interface DemoOptions {
  seed?: number;
  /** Last quarter of the demo series; default the latest closed quarter today. */
  lastQuarter?: string;
  /** Regenerate even when the stored demo series has the same parameters. */
  force?: boolean;
}

export const DEFAULT_DEMO_SEED = 20250701;

export interface DemoReport {
  rows: number;
  regenerated: boolean;
  lastQuarter: string;
  seed: number;
}

export async function seedDemo(store: Store, options: DemoOptions = {}, actor = "seed"): Promise<DemoReport> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const lastQuarter = formatPeriod(
    parsePeriod(
      options.lastQuarter ?? formatPeriod(lastClosedQuarter(new Date().toISOString().slice(0, 10))),
      "lastQuarter",
    ),
  );
  // Bump `version` whenever the generator changes, so existing databases get the new demo data.
  const params = JSON.stringify({ seed, lastQuarter, version: 2 });
  const stored = await getMeta(store.db, "demo_params");
  if (!options.force && stored === params && (await hasObservations(store.db, "demo"))) {
    // Every start passes here: the count is the one stored with the data (counting the demo series
    // took ~0.2 s of a 2 s start on PGlite); a database from before it was stored counts once.
    const known = Number(await getMeta(store.db, "demo_rows"));
    const rows = known > 0 ? known : await countObservations(store.db, "demo");
    if (!(known > 0)) await setMeta(store.db, "demo_rows", String(rows));
    return { rows, regenerated: false, lastQuarter, seed };
  }
  const observations = generateDemoObservations({ seed, lastQuarter });
  const rows = await replaceSeriesObservations(store, "demo", observations, actor);
  await seedDemoIoTable(store, actor);
  await setMeta(store.db, "demo_rows", String(rows));
  await setMeta(store.db, "demo_params", params);
  return { rows, regenerated: true, lastQuarter, seed };
}

/**
 * Loads the demo input–output table (2022) unless a table of that year is already there and is not
 * demo: an imported real table is never replaced by generated data.
 */
export async function seedDemoIoTable(store: Store, actor = "seed"): Promise<boolean> {
  const table = generateDemoIoTable();
  const existing = (await getIoTables(store)).find((t) => t.year === table.year);
  if (existing && !existing.isDemo) return false;
  await importIoTable(store, table, {
    year: table.year,
    name: `Bảng vào–ra minh họa ${table.year} / Demo input–output table ${table.year}`,
    source: "demo: generated, not official",
    isDemo: true,
    knownCodes: new Set(industryCodes),
    actor,
  });
  return true;
}

/** Removes the demo series and its computed values (`DXM_DEMO_DATA=false` on a database that had it). */
export async function removeDemo(store: Store): Promise<number> {
  const res = await store.db.deleteFrom("observation").where("series", "=", "demo").executeTakeFirst();
  await deleteComputed(store.db, "demo");
  await store.db.deleteFrom("meta").where("key", "in", ["demo_params", "demo_rows"]).execute();
  await store.db.deleteFrom("io_table").where("is_demo", "=", true).execute();
  await removeDemoAssessments(store);
  return Number(res.numDeletedRows);
}
