/**
 * Benchmark: full recompute of every indicator × area × period of the demo data, on PGlite and on
 * PostgreSQL side by side in one run, and the pure engine's throughput. Prints medians.
 *
 *   npm run bench -- recompute            (PostgreSQL from DXM_TEST_DATABASE_URL; skipped if unreachable)
 */
import { loadConfig } from "../src/config.ts";
import { computeSeries } from "../src/methods/engine.ts";
import { compileCatalog } from "../src/methods/formula.ts";
import { prepareDatabase } from "../src/services/bootstrap.ts";
import { measure } from "../src/services/digital-economy.ts";
import { recompute } from "../src/services/recompute.ts";
import { listAreas, listDataElements, listIndicators } from "../src/store/catalog-repo.ts";
import { dropSchema, openStore, type Store } from "../src/store/db.ts";
import { listObservations } from "../src/store/observations-repo.ts";
import { postgresUnavailable } from "../src/store/testing.ts";
import { type BenchRow, median } from "./stats.ts";

const DEMO = { seed: 20250701, lastQuarter: "2026-Q3" };
const RUNS = 5;

async function timeRuns(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function measureStore(name: string, store: Store): Promise<BenchRow[]> {
  const t0 = performance.now();
  await prepareDatabase(store, { demo: true, demoOptions: DEMO });
  const prepareMs = performance.now() - t0;
  const forced = await timeRuns(() => recompute(store, { force: true }));
  const unchanged = await timeRuns(() => recompute(store));
  const values = (await recompute(store)).series.reduce((n, s) => n + s.values, 0);
  // The digital-economy measurement toolkit over every province and period of both geographies,
  // both methods (DESIGN §4.3): reads the stored sector value added, applies the IO intensities.
  let measured = 0;
  const measureTimes = await timeRuns(async () => {
    measured = 0;
    for (const geography of ["2008", "2025"] as const) {
      measured += (await measure(store, { geography, level: ["province"], series: ["demo"] })).length;
    }
  });
  return [
    {
      benchmark: "recompute",
      case: `${name}: seed + first recompute`,
      median_ms: prepareMs,
      note: "one run",
    },
    {
      benchmark: "recompute",
      case: `${name}: full recompute (every row rewritten)`,
      median_ms: median(forced),
      note: `${values} values`,
    },
    {
      benchmark: "recompute",
      case: `${name}: recompute, inputs unchanged`,
      median_ms: median(unchanged),
      note: "writes nothing",
    },
    {
      benchmark: "measure",
      case: `${name}: digital economy, all provinces × periods`,
      median_ms: median(measureTimes),
      note: `${measured} measurements (gso + mic411, both geographies); goal < 1 s`,
    },
  ];
}

export async function benchRecompute(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const pglite = await openStore({});
  let engineRows: BenchRow[] = [];
  try {
    rows.push(...(await measureStore("PGlite", pglite)));
    // The pure engine alone, on the same inputs.
    const [elements, indicators, areas] = await Promise.all([
      listDataElements(pglite.db),
      listIndicators(pglite.db),
      listAreas(pglite.db),
    ]);
    const observations = await listObservations(pglite, "demo");
    const compiled = compileCatalog(elements, indicators);
    let n = 0;
    const times = await timeRuns(async () => {
      n = computeSeries({ series: "demo", elements, indicators, areas, observations }, compiled).length;
    });
    const ms = median(times);
    engineRows = [
      {
        benchmark: "recompute",
        case: "pure engine (methods/engine, in memory)",
        median_ms: ms,
        note: `${n} values, ${Math.round(n / (ms / 1000)).toLocaleString("en")} values/s from ${observations.length} observations`,
      },
    ];
  } finally {
    await pglite.close();
  }
  const pgSkip = await postgresUnavailable();
  if (pgSkip) {
    rows.push({
      benchmark: "recompute",
      case: "PostgreSQL",
      median_ms: Number.NaN,
      note: `skipped: ${pgSkip}`,
    });
  } else {
    const url = loadConfig().testDatabaseUrl;
    const schema = `bench_${process.pid}`;
    const pg = await openStore({ databaseUrl: url, schema });
    try {
      rows.push(...(await measureStore("PostgreSQL", pg)));
    } finally {
      await pg.close();
      await dropSchema(url, schema);
    }
    const p = rows.find((r) => r.case.startsWith("PGlite: full"))!;
    const q = rows.find((r) => r.case.startsWith("PostgreSQL: full"))!;
    rows.push({
      benchmark: "recompute",
      case: "ratio PGlite / PostgreSQL (full recompute)",
      median_ms: Number.NaN,
      note: `${(p.median_ms / q.median_ms).toFixed(2)}×`,
    });
  }
  return [...rows, ...engineRows];
}
