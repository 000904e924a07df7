/**
 * Benchmark: the self-assessment at scale (issue 7, DESIGN §11). Generates 1,000,000 demo
 * submissions as a CSV file in the import layout, then on PostgreSQL and on PGlite (in memory):
 * imports the file through the same path as `dxm assessments import` (importAssessmentFile: a worker
 * thread reads the file, checks and scores each row on the fast path that reads fields by position,
 * and writes the rows in COPY's binary format, a chunk at a time, while the importing thread COPYs
 * the previous chunk; into empty tables, as here, that is a first load: one transaction under the
 * advisory lock, the rows COPYed straight into `assessment` (on PostgreSQL with its indexes kept and
 * maintained by the server meanwhile; on PGlite, at wal_level minimal, with them dropped and built
 * at the end), then the latest per firm inserted from the ids the reader found not latest, its
 * indexes built, and the sums (per cell over the latest, per quarter) that the reader added up
 * inserted at once), and times the statistics query (median of 7 runs) for the nation, a region and
 * a province with a sector and size, plus a result's peer comparison. Goals: import under 30 s on
 * PostgreSQL and under 60 s on PGlite; statistics under 500 ms. The import's note splits its time
 * into reading, checking and loading, and the rest of the transaction ("merge").
 *
 *   npm run bench -- assessments             (DXM_BENCH_ASSESSMENTS=200000 for a smaller run)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main as dxm } from "../src/cli/main.ts";
import { loadConfig } from "../src/config.ts";
import { importAssessmentFile } from "../src/services/assessment-file-import.ts";
import { getStats } from "../src/services/assessments.ts";
import { peerStanding } from "../src/store/assessments-repo.ts";
import { dropSchema, migrateToLatest, openStore, type Store } from "../src/store/db.ts";
import { postgresUnavailable } from "../src/store/testing.ts";
import { type BenchRow, median } from "./stats.ts";

const ROWS = Number(process.env.DXM_BENCH_ASSESSMENTS ?? 1_000_000);

async function timeMedian(fn: () => Promise<unknown>, runs = 7): Promise<number> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

async function onBackend(name: string, store: Store, file: string, goalMs: number): Promise<BenchRow[]> {
  await migrateToLatest(store);
  const t = performance.now();
  const report = await importAssessmentFile(store, file);
  const importMs = performance.now() - t;
  if (report.errors.length) throw new Error(`bench assessments: ${report.errors[0]?.message}`);
  const stats = [
    ["nation", { area: "VN" }],
    ["region DNB", { area: "DNB" }],
    ["province 79, sector G, small", { area: "79", sector: "G", size: "small" }],
  ] as const;
  const rows: BenchRow[] = [
    {
      benchmark: "assessments",
      case: `${name}: import ${report.rows.toLocaleString("en")} rows`,
      median_ms: importMs,
      note: `${Math.round(report.rows / (importMs / 1000)).toLocaleString("en")} rows/s; ${report.stored.toLocaleString("en")} stored; read, check, load ${((importMs - report.mergeMs) / 1000).toFixed(1)} s, merge ${(report.mergeMs / 1000).toFixed(1)} s; goal < ${goalMs / 1000} s: ${importMs < goalMs ? "met" : "NOT met"}`,
    },
  ];
  for (const [label, q] of stats) {
    let count = 0;
    const ms = await timeMedian(async () => {
      count = (await getStats(store, q)).count;
    });
    rows.push({
      benchmark: "assessments",
      case: `${name}: statistics, ${label}`,
      median_ms: ms,
      note: `${count.toLocaleString("en")} firms; goal < 500 ms: ${ms < 500 ? "met" : "NOT met"}`,
    });
  }
  const peer = await timeMedian(() =>
    peerStanding(store.db, { province: "79", sector: "G", size: "micro" }, 40),
  );
  rows.push({
    benchmark: "assessments",
    case: `${name}: peer percentile of one result`,
    median_ms: peer,
    note: "",
  });
  return rows;
}

export async function benchAssessments(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "dxm-bench-assess-"));
  const file = join(dir, "assessments.csv");
  const rows: BenchRow[] = [];
  try {
    const t = performance.now();
    const code = await dxm([
      "assessments",
      "generate",
      "--count",
      String(ROWS),
      "--seed",
      "11",
      "--to",
      "2026-09-30",
      "--output",
      file,
    ]);
    if (code !== 0) throw new Error("bench assessments: generating the file failed");
    rows.push({
      benchmark: "assessments",
      case: `generate ${ROWS.toLocaleString("en")} rows (CSV)`,
      median_ms: performance.now() - t,
      note: "",
    });

    const cfg = loadConfig();
    const pgSkip = await postgresUnavailable();
    if (pgSkip)
      rows.push({
        benchmark: "assessments",
        case: "postgres",
        median_ms: Number.NaN,
        note: `skipped: ${pgSkip}`,
      });
    else {
      const schema = `bench_assess_${process.pid}`;
      const pg = await openStore({ databaseUrl: cfg.testDatabaseUrl, schema });
      try {
        rows.push(...(await onBackend("postgres", pg, file, 30_000)));
      } finally {
        await pg.close();
        await dropSchema(cfg.testDatabaseUrl, schema);
      }
    }
    const lite = await openStore({});
    try {
      rows.push(...(await onBackend("pglite", lite, file, 60_000)));
    } finally {
      await lite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
