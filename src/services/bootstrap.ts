/**
 * Prepares a database for use: migrations, the reference catalogue when it changed, the demo series
 * in demo mode, and a recompute when inputs changed. A second start finds everything in place and
 * only checks hashes, so it is ready in seconds.
 */
import { createHash } from "node:crypto";
import { loadCatalog } from "../catalog/index.ts";
import { loadPublishedObservations } from "../catalog/published.ts";
import { formatPeriod, lastClosedQuarter } from "../domain/period.ts";
import { countComputed } from "../store/computed-repo.ts";
import { migrateToLatest, type Store } from "../store/db.ts";

import { getMeta, setMeta, staleSeries } from "../store/meta-repo.ts";
import { seedDemoAssessments } from "./assessments.ts";

import { ensureAdmin, ensureDemoUsers } from "./auth.ts";
import { seedProgrammes } from "./programmes.ts";
import { recompute } from "./recompute.ts";
import { getOpenPeriods, openPeriodAs, seedValidationRules } from "./reporting.ts";
import { type DemoOptions, type ProgressFn, seedDemo, seedReference } from "./seed.ts";

export interface BootstrapReport {
  migrations: string[];
  /** The admin account created on an empty database, with its one-time password (print it once). */
  admin: { email: string; password: string } | null;
  /** Demo accounts (demo mode only). */
  demoUsers: { email: string; password: string; role: string; areas: string[] }[];
  referenceSeeded: boolean;
  demoRows: number | null;
  recomputed: boolean;
  ms: number;
}

export function catalogHash(): string {
  const cat = loadCatalog();
  return createHash("sha256")
    .update(JSON.stringify([cat, loadPublishedObservations()]))
    .digest("hex")
    .slice(0, 16);
}

export async function prepareDatabase(
  store: Store,
  options: { demo: boolean; demoOptions?: DemoOptions; onProgress?: ProgressFn; today?: string },
): Promise<BootstrapReport> {
  const t0 = performance.now();
  const progress = options.onProgress ?? (() => {});
  progress("migrate", 0, 4);
  const migrations = await migrateToLatest(store);
  const hash = catalogHash();
  let changed = false;
  let referenceSeeded = false;
  if ((await getMeta(store.db, "catalog_hash")) !== hash) {
    progress("reference catalogue", 1, 4);
    await seedReference(store);
    await setMeta(store.db, "catalog_hash", hash);
    referenceSeeded = true;
    changed = true;
  }
  let demoRows: number | null = null;
  if (options.demo) {
    progress("demo data", 2, 4);
    const demo = await seedDemo(store, options.demoOptions);
    demoRows = demo.rows;
    changed ||= demo.regenerated;
    await seedDemoAssessments(store, { seed: demo.seed, lastQuarter: demo.lastQuarter });
  }
  if (changed || (await countComputed(store.db)) === 0) {
    progress("recompute", 3, 4);
    await recompute(store);
  } else {
    // A recompute interrupted by a crash (or a kill) left stale marks: finish it now.
    const stale = [...(await staleSeries(store.db)).keys()];
    if (stale.length) {
      progress("recompute", 3, 4);
      await recompute(store, { series: stale });
    }
  }
  await seedValidationRules(store);
  await seedProgrammes(store);
  const admin = await ensureAdmin(store);
  let demoUsers: BootstrapReport["demoUsers"] = [];
  if (options.demo) {
    demoUsers = await ensureDemoUsers(store);
    // Demo mode: the last closed quarter is open for reporting, due in two weeks.
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const q = formatPeriod(lastClosedQuarter(today));
    if (!(await getOpenPeriods(store)).some((p) => p.period === q)) {
      const due = new Date(Date.parse(today) + 14 * 86_400_000).toISOString().slice(0, 10);
      await openPeriodAs(store, "system", q, due);
    }
  }
  progress("ready", 4, 4);
  return {
    migrations,
    admin,
    demoUsers,
    referenceSeeded,
    demoRows,
    recomputed: changed,
    ms: performance.now() - t0,
  };
}
