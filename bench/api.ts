/**
 * Benchmark: the public API under load (autocannon, loopback only, a few seconds per case) against
 * the same JSON served as a file by a plain Node static server in the same run, at 16, 64 and 256
 * connections. Prints requests/s, p50 and p99 latency, errors, and the ratio to the static baseline.
 * The servers run in a child process (bench/api-child.ts), the load generator in this one: on a
 * 2-core machine each gets a core, as a server and its clients would. Each route is loaded by a
 * client asking for plain JSON and by one asking for gzip as browsers do (the static baseline then
 * sends a precompressed file).
 * Goals (issue 9): ≥ 50 % of the baseline's throughput, p99 < 50 ms at 64 connections, no errors.
 *
 *   npm run bench -- api            (DXM_BENCH_SECONDS=3 per case by default)
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import type { BenchRow } from "./stats.ts";

const ROUTES = [
  "/api/v1/observations?indicator=DE_SHARE_GDP,ECOM_SHARE_RETAIL&geography=2025&level=province&period_kind=Y",
  "/api/v1/indicators",
];
const CONNECTIONS = [16, 64, 256];
const SECONDS = Number(process.env.DXM_BENCH_SECONDS ?? 3);

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/**
 * Two kinds of client: a script asking for plain JSON, and a browser, which always sends
 * `Accept-Encoding: gzip`. (autocannon turns every body into a string; with plain JSON full of
 * Vietnamese that decoding, not the server, limits the indicators route — the static baseline with
 * the same bytes is held back as much.)
 */
const CLIENTS = { plain: {}, gzip: { "accept-encoding": "gzip, deflate, br" } } as const;

async function load(url: string, connections: number, headers: Record<string, string>): Promise<Load> {
  const r = await autocannon({ url, connections, duration: SECONDS, pipelining: 1, headers });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

interface Servers {
  api: string;
  static: string;
  routes: Record<string, string>;
}

export async function benchApi(): Promise<BenchRow[]> {
  const root = new URL("../", import.meta.url).pathname;
  const child = spawn(process.execPath, ["--import", "tsx", "bench/api-child.ts", JSON.stringify(ROUTES)], {
    cwd: root,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const servers = await new Promise<Servers>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on("line", (line) => {
        if (line.startsWith("READY ")) resolve(JSON.parse(line.slice(6)) as Servers);
      });
      child.once("exit", (code) => reject(new Error(`bench api: the server process exited with ${code}`)));
    });
    const rows: BenchRow[] = [];
    for (const route of ROUTES) {
      const name = route.split("?")[0]!.replace("/api/v1/", "");
      for (const [client, headers] of Object.entries(CLIENTS))
        for (const c of CONNECTIONS) {
          const base = await load(`${servers.static}${servers.routes[route]}`, c, headers);
          const api = await load(`${servers.api}${route}`, c, headers);
          rows.push({
            benchmark: "api",
            case: `${name}, ${client} @${c} connections`,
            median_ms: api.p50,
            note:
              `${api.rps.toFixed(0)} req/s = ${((100 * api.rps) / base.rps).toFixed(0)} % of static ` +
              `${base.rps.toFixed(0)} req/s; p99 ${api.p99} ms (static ${base.p99} ms); errors ${api.errors}`,
          });
        }
    }
    return rows;
  } finally {
    child.stdin!.end();
    await exited;
  }
}
