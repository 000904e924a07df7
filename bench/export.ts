/**
 * Benchmark: bulk export of everything published, in each format (issue 8, DESIGN §6, §11): time
 * and peak memory of the exporting process. Each export runs in a child process on the PostgreSQL
 * server, so the database's own memory is not counted and the child's maxRSS is the export's
 * (Node and the modules included). Done on the demo data, then on ×10: nine synthetic copies of the
 * demo series' computed values. Goal: peak under 200 MB whatever the size.
 *
 *   npm run bench -- export
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { loadConfig } from "../src/config.ts";
import { prepareDatabase } from "../src/services/bootstrap.ts";
import { EXPORT_FORMATS } from "../src/services/open-data.ts";
import { TEST_DEMO } from "../src/services/testing.ts";
import { countComputed } from "../src/store/computed-repo.ts";
import { dropSchema, openStore, sql } from "../src/store/db.ts";
import { postgresUnavailable } from "../src/store/testing.ts";
import type { BenchRow } from "./stats.ts";

const run = promisify(execFile);
const child = new URL("./export-child.ts", import.meta.url).pathname;
const GOAL_MB = 200;

interface Measure {
  ms: number;
  bytes: number;
  baseline_mb: number;
  peak_mb: number;
}

async function measure(url: string, schema: string, format: string): Promise<Measure> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", child, url, schema, format], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split("\n").pop()!) as Measure;
}

export async function benchExport(): Promise<BenchRow[]> {
  const skip = await postgresUnavailable();
  if (skip) return [{ benchmark: "export", case: "bulk", median_ms: Number.NaN, note: `skipped: ${skip}` }];
  const url = loadConfig().testDatabaseUrl;
  const schema = `bench_export_${process.pid}`;
  const store = await openStore({ databaseUrl: url, schema });
  const rows: BenchRow[] = [];
  try {
    await prepareDatabase(store, { demo: true, demoOptions: TEST_DEMO });
    for (const scale of [1, 10]) {
      if (scale > 1) {
        await sql`
          INSERT INTO computed_value (indicator, series, geography, area_code, area_level, hash, entries, periods, published)
          SELECT indicator, 'synthetic_' || n, geography, area_code, area_level, hash, entries, periods, true
          FROM computed_value, generate_series(1, ${scale - 1}) AS n
          WHERE series = 'demo'`.execute(store.db);
      }
      const values = await countComputed(store.db);
      for (const format of EXPORT_FORMATS) {
        const m = await measure(url, schema, format);
        rows.push({
          benchmark: "export",
          case: `bulk ${format}, ×${scale} (${values.toLocaleString("en")} values)`,
          median_ms: m.ms,
          note: `peak ${m.peak_mb.toFixed(0)} MB (idle ${m.baseline_mb.toFixed(0)} MB), ${(m.bytes / 2 ** 20).toFixed(1)} MB written; goal < ${GOAL_MB} MB: ${m.peak_mb < GOAL_MB ? "met" : "MISSED"}`,
        });
      }
    }
  } finally {
    await store.close();
    await dropSchema(url, schema);
  }
  return rows;
}
