/**
 * Benchmark: embedded vs server database (issue 9). The same demo-sized workload on PGlite and on
 * PostgreSQL, side by side in one run: loading the demo (seed + first recompute), a full recompute,
 * two imports (a quarter's reports of the 34 provinces through the reporting workflow, and a file of
 * self-assessments), and the public queries the pages make. Each row shows PGlite's median, the
 * PostgreSQL median and the ratio PGlite / PostgreSQL. Goal: PGlite within 3× of PostgreSQL.
 *
 *   npm run bench -- db     (DXM_BENCH_DB_ASSESSMENTS=20000 rows per import, DXM_BENCH_DB_REPORTS=34
 *                            reports; PostgreSQL from DXM_TEST_DATABASE_URL, in a schema of its own;
 *                            skipped if unreachable)
 */

import { loadAreas } from "../src/catalog/areas.ts";
import { generateDemoAssessments } from "../src/catalog/demo-assessments.ts";
import { loadConfig } from "../src/config.ts";
import { getStats, importAssessments } from "../src/services/assessments.ts";
import { prepareDatabase } from "../src/services/bootstrap.ts";
import { measure } from "../src/services/digital-economy.ts";
import { getProgress } from "../src/services/progress.ts";
import { getObservations } from "../src/services/read.ts";
import { recompute } from "../src/services/recompute.ts";
import { approveReport, getOpenPeriods, openPeriodAs } from "../src/services/reporting.ts";
import { fillAndSubmit, TEST_DEMO, workflowPrincipals } from "../src/services/testing.ts";
import { dropSchema, openStore, type Store } from "../src/store/db.ts";
import { postgresUnavailable } from "../src/store/testing.ts";
import { type BenchRow, median } from "./stats.ts";

const ASSESSMENTS = Number(process.env.DXM_BENCH_DB_ASSESSMENTS ?? 20_000);
const PERIOD = "2026-Q3";
/** Provinces whose quarterly report is imported and approved (at most the 34 of 2025). */
const REPORTS = Math.min(34, Number(process.env.DXM_BENCH_DB_REPORTS ?? 34));
const GOAL_RATIO = 3;

interface Case {
  name: string;
  /** One run; returns a short description of what it did (rows, values). */
  run: (store: Store, i: number) => Promise<string>;
  runs: number;
  /** Run once untimed first (queries: warm caches and plans, as a running server has them). */
  warm?: boolean;
}

const provinces = loadAreas()
  .filter((a) => a.geography === "2025" && a.level === "province")
  .map((a) => a.code);

const CASES: readonly Case[] = [
  {
    name: "load demo (schema, catalogue, demo series, first recompute)",
    runs: 1,
    run: async (store) => {
      const r = await prepareDatabase(store, { demo: true, demoOptions: TEST_DEMO, today: "2026-10-15" });
      return `${r.demoRows} demo observations`;
    },
  },
  {
    name: "full recompute (every value rewritten)",
    runs: 3,
    run: async (store) => {
      const r = await recompute(store, { force: true });
      return `${r.series.reduce((n, s) => n + s.values, 0)} values`;
    },
  },
  {
    name: `import a quarter's reports (${REPORTS} provinces: save, comment, submit)`,
    runs: 1,
    run: async (store) => {
      if (!(await getOpenPeriods(store)).some((p) => p.period === PERIOD))
        await openPeriodAs(store, "bench", PERIOD, "2026-12-31");
      for (const area of provinces.slice(0, REPORTS))
        await fillAndSubmit(store, { geography: "2025", area, period: PERIOD });
      return `${REPORTS} reports submitted`;
    },
  },
  {
    // Each approval stores the report's values and recomputes the reported series at once.
    name: `approve them (${REPORTS} approvals, each followed by its recompute)`,
    runs: 1,
    run: async (store) => {
      for (const area of provinces.slice(0, REPORTS)) {
        const key = { geography: "2025" as const, area, period: PERIOD };
        await approveReport(store, workflowPrincipals(area).reviewer, key);
      }
      return `${REPORTS} reports approved`;
    },
  },
  {
    name: `import ${ASSESSMENTS.toLocaleString("en")} self-assessments`,
    runs: 3,
    run: async (store, i) => {
      const r = await importAssessments(
        store,
        generateDemoAssessments({
          // A new seed each run: new firms, so every run stores all its rows.
          seed: 700 + i,
          count: ASSESSMENTS,
          from: new Date("2025-07-01T00:00:00+07:00"),
          to: new Date("2026-10-01T00:00:00+07:00"),
        }),
        { now: new Date("2026-10-02T00:00:00+07:00") },
      );
      if (r.errors.length) throw new Error(`bench db: import: ${r.errors[0]?.message}`);
      return `${r.stored} stored`;
    },
  },
  {
    name: "recompute after the imports (reported + assessment series)",
    runs: 1,
    run: async (store) => {
      const r = await recompute(store, { series: ["reported", "assessment"] });
      return `${r.series.reduce((n, s) => n + s.values, 0)} values`;
    },
  },
  {
    name: "query: one indicator, every province, every year",
    runs: 9,
    warm: true,
    run: async (store) => {
      const page = await getObservations(store, {
        indicator: ["DE_SHARE_GDP"],
        geography: ["2025"],
        level: ["province"],
        periodKind: ["Y"],
        limit: 10_000,
        offset: 0,
      });
      return `${page.items.length} values`;
    },
  },
  {
    name: "query: every indicator of one province, demo series",
    runs: 9,
    warm: true,
    run: async (store) => {
      const page = await getObservations(store, {
        geography: ["2025"],
        area: ["79"],
        series: ["demo"],
        limit: 10_000,
        offset: 0,
      });
      return `${page.items.length} values`;
    },
  },
  {
    name: "query: overview (progress toward every national target)",
    runs: 9,
    warm: true,
    run: async (store) => `${(await getProgress(store, { geography: "2025" })).length} items`,
  },
  {
    name: "query: digital economy of every province",
    runs: 9,
    warm: true,
    run: async (store) =>
      `${(await measure(store, { geography: "2025", level: ["province"], series: ["demo"] })).length} measurements`,
  },
  {
    name: "query: self-assessment statistics, nation",
    runs: 9,
    warm: true,
    run: async (store) => `${(await getStats(store, { area: "VN" })).count} firms`,
  },
];

interface Timing {
  ms: number;
  what: string;
}

async function runCase(c: Case, store: Store): Promise<Timing> {
  let what = "";
  if (c.warm) what = await c.run(store, -1);
  const times: number[] = [];
  for (let i = 0; i < c.runs; i++) {
    const t = performance.now();
    what = await c.run(store, i);
    times.push(performance.now() - t);
  }
  return { ms: median(times), what };
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

export async function benchDb(): Promise<BenchRow[]> {
  const pgSkip = await postgresUnavailable();
  const url = loadConfig().testDatabaseUrl;
  const schema = `bench_db_${process.pid}`;
  const lite = await openStore({});
  const server = pgSkip ? undefined : await openStore({ databaseUrl: url, schema });
  // Case by case, PGlite then PostgreSQL: a shared machine's load then weighs on both alike.
  const pglite: Timing[] = [];
  const postgres: Timing[] = [];
  try {
    for (const c of CASES) {
      pglite.push(await runCase(c, lite));
      if (server) postgres.push(await runCase(c, server));
    }
  } finally {
    await lite.close();
    if (server) {
      await server.close();
      await dropSchema(url, schema);
    }
  }
  if (pgSkip) {
    return [
      ...CASES.map((c, i) => ({
        benchmark: "db",
        case: `PGlite: ${c.name}`,
        median_ms: pglite[i]!.ms,
        note: pglite[i]!.what,
      })),
      { benchmark: "db", case: "PostgreSQL", median_ms: Number.NaN, note: `skipped: ${pgSkip}` },
    ];
  }
  const ratios = CASES.map((_, i) => pglite[i]!.ms / postgres[i]!.ms);
  const rows: BenchRow[] = CASES.map((c, i) => ({
    benchmark: "db",
    case: c.name,
    median_ms: pglite[i]!.ms,
    note:
      `PGlite ${fmt(pglite[i]!.ms)} ms, PostgreSQL ${fmt(postgres[i]!.ms)} ms: ` +
      `PGlite/PG ${ratios[i]!.toFixed(2)}× (${pglite[i]!.what})`,
  }));
  const worst = Math.max(...ratios);
  const geo = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
  const total = (t: Timing[]) => t.reduce((s, x) => s + x.ms, 0);
  // The goal is about the workload as a whole (its time); the worst single case is shown beside it.
  const whole = total(pglite) / total(postgres);
  rows.push({
    benchmark: "db",
    case: "ratio PGlite / PostgreSQL",
    median_ms: Number.NaN,
    note:
      `whole workload ${whole.toFixed(2)}× (goal ≤ ${GOAL_RATIO}×: ${whole <= GOAL_RATIO ? "met" : "NOT met"}), ` +
      `geometric mean of the cases ${geo.toFixed(2)}×, worst ${worst.toFixed(2)}× (${CASES[ratios.indexOf(worst)]!.name})`,
  });
  return rows;
}
