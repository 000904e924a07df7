/**
 * Benchmark: bulk export of everything published, in each format (issue 8, DESIGN §6, §11): time
 * and peak memory of the exporting process. Each export runs in a child process on the PostgreSQL
 * server, so the database's own memory is not counted and the child's maxRSS is the export's
 * (Node and the modules included). Done on the demo data, then on ×10: nine synthetic copies of the
 * demo series' computed values. Goal: peak under 200 MB whatever the size.
 *
 *   npm run bench -- export
 *   DXM_BENCH_EXPORT_SCALES=1,2 npm run bench -- export    (sizes to measure; default 1,10)
 *
 * Progress (each stage and its time) goes to stderr, so a long run shows where it is.
 *
 * The child runs as plain JavaScript under `node`, bundled first by esbuild (installed with tsx):
 * under `--import tsx` the loader's hook thread alone takes ~100 MB (an idle child measured 190 MB),
 * which is not the export's memory. (The catalogue finds its data files from the project root,
 * src/paths.ts, so they are found from the bundle too.)
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
const root = new URL("../", import.meta.url);
const childSource = new URL("./export-child.ts", import.meta.url).pathname;
const child = new URL("node_modules/.cache/dxm-bench/export-child.mjs", root).pathname;

/** Bundles the child into one ES module that `node` runs without a TypeScript loader. */
async function bundleChild(): Promise<void> {
  await run(
    new URL("node_modules/.bin/esbuild", root).pathname,
    [
      childSource,
      "--bundle",
      "--platform=node",
      "--format=esm",
      "--target=node20",
      "--packages=external",
      `--outfile=${child}`,
      "--log-level=warning",
    ],
    { maxBuffer: 1 << 20 },
  );
}
const GOAL_MB = 200;
/** One export may not take longer than this: a stuck export fails the run instead of hanging it. */
const CHILD_TIMEOUT_MS = 10 * 60_000;

function scales(): number[] {
  const text = process.env.DXM_BENCH_EXPORT_SCALES ?? "1,10";
  const list = text.split(",").map((x) => Number(x.trim()));
  if (!list.length || list.some((n) => !Number.isInteger(n) || n < 1 || n > 100)) {
    throw new Error(`DXM_BENCH_EXPORT_SCALES: whole numbers from 1 to 100, comma-separated (got "${text}")`);
  }
  return [...new Set(list)].sort((a, b) => a - b);
}

const started = performance.now();
function say(what: string): void {
  process.stderr.write(`bench export: ${((performance.now() - started) / 1000).toFixed(1)} s  ${what}\n`);
}

interface Measure {
  ms: number;
  bytes: number;
  baseline_mb: number;
  peak_mb: number;
  heap_mb: number;
  external_mb: number;
  /** RSS sampled every 50 ms during the export: its own peak. */
  rss_mb: number;
  /** maxRSS when the export began: what starting the process took. */
  start_peak_mb: number;
}

/**
 * The V8 heap limit of the child (MB; DXM_BENCH_EXPORT_HEAP_MB, 0 for Node's default): 64 by
 * default. Under Node's default V8 lets garbage grow the heap to 130–160 MB before collecting, at
 * any size of export (measured: 181–223 MB of RSS at ×1 and ×10 alike) — the collector's slack, not
 * what the export holds. With the limit, an export that holds a bounded amount finishes within it
 * (measured: 116–129 MB of RSS at ×1 and ×10), and one that grows with the data fails with "heap out
 * of memory": the bench then proves the bound instead of measuring the collector.
 */
const HEAP_MB = Number(process.env.DXM_BENCH_EXPORT_HEAP_MB ?? 64);

async function measure(url: string, schema: string, format: string): Promise<Measure> {
  const heap = HEAP_MB > 0 ? [`--max-old-space-size=${HEAP_MB}`] : [];
  const { stdout } = await run(process.execPath, [...heap, child, url, schema, format], {
    maxBuffer: 1 << 20,
    timeout: CHILD_TIMEOUT_MS,
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
    say("bundling the export child");
    await bundleChild();
    say("preparing the demo database");
    await prepareDatabase(store, {
      demo: true,
      demoOptions: TEST_DEMO,
      onProgress: (stage) => say(`  ${stage}`),
    });
    let copies = 1;
    for (const scale of scales()) {
      if (scale > copies) {
        say(`adding synthetic copies ${copies}…${scale - 1} of the demo series`);
        await sql`
          INSERT INTO computed_value (indicator, series, geography, area_code, area_level, hash, entries, periods, published)
          SELECT indicator, 'synthetic_' || n, geography, area_code, area_level, hash, entries, periods, true
          FROM computed_value, generate_series(${copies}::int, ${scale - 1}::int) AS n
          WHERE series = 'demo'`.execute(store.db);
        await sql`ANALYZE computed_value`.execute(store.db);
        copies = scale;
      }
      const values = await countComputed(store.db);
      for (const format of EXPORT_FORMATS) {
        say(`×${scale} (${values.toLocaleString("en")} values): exporting ${format}`);
        const m = await measure(url, schema, format);
        say(`  ${(m.ms / 1000).toFixed(1)} s, peak ${m.rss_mb.toFixed(0)} MB`);
        rows.push({
          benchmark: "export",
          case: `bulk ${format}, ×${scale} (${values.toLocaleString("en")} values)`,
          median_ms: m.ms,
          note: `peak ${m.rss_mb.toFixed(0)} MB during the export (idle ${m.baseline_mb.toFixed(0)} MB; V8 heap at most ${m.heap_mb.toFixed(0)} MB, ${m.external_mb.toFixed(0)} MB outside it${HEAP_MB > 0 ? `, limit ${HEAP_MB} MB` : ""}; starting the process had reached ${m.start_peak_mb.toFixed(0)} MB), ${(m.bytes / 2 ** 20).toFixed(1)} MB written; goal < ${GOAL_MB} MB: ${m.rss_mb < GOAL_MB ? "met" : "MISSED"}`,
        });
      }
    }
  } finally {
    await store.close();
    await dropSchema(url, schema);
  }
  return rows;
}
