/**
 * Benchmark: the public API under load (autocannon, loopback only, a few seconds per case) against
 * the same JSON served as a file by a plain Node static server in the same run, at 16, 64 and 256
 * connections. Prints requests/s, p50 and p99 latency, errors, and the ratio to the static baseline.
 * Goals (issue 9): ≥ 50 % of the baseline's throughput, p99 < 50 ms at 64 connections, no errors.
 *
 *   npm run bench -- api            (DXM_BENCH_SECONDS=3 per case by default)
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { startServer } from "../src/api/server.ts";
import { demoBackends } from "../src/services/testing.ts";
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

async function load(url: string, connections: number): Promise<Load> {
  const r = await autocannon({ url, connections, duration: SECONDS, pipelining: 1 });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

export async function benchApi(): Promise<BenchRow[]> {
  const [pglite] = await demoBackends();
  const store = await pglite!.open();
  const app = await startServer(store, {
    port: 0,
    host: "127.0.0.1",
    logLevel: "warn",
    loginRateLimit: false,
  });
  const dir = mkdtempSync(join(tmpdir(), "dxm-bench-static-"));
  const files = new Map<string, string>();
  for (const [i, route] of ROUTES.entries()) {
    const res = await fetch(`${app.url}${route}`);
    if (res.status !== 200) throw new Error(`${route}: ${res.status}`);
    const file = join(dir, `r${i}.json`);
    writeFileSync(file, await res.text());
    files.set(`/r${i}.json`, file);
  }
  // The baseline: a plain static file server, reading the file on every request.
  const statik = createServer((req, res) => {
    const file = files.get(req.url ?? "");
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => statik.listen(0, "127.0.0.1", r));
  const staticUrl = `http://127.0.0.1:${(statik.address() as AddressInfo).port}`;
  const rows: BenchRow[] = [];
  try {
    for (const [i, route] of ROUTES.entries()) {
      const name = route.split("?")[0]!.replace("/api/v1/", "");
      for (const c of CONNECTIONS) {
        const base = await load(`${staticUrl}/r${i}.json`, c);
        const api = await load(`${app.url}${route}`, c);
        rows.push({
          benchmark: "api",
          case: `${name} @${c} connections`,
          median_ms: api.p50,
          note:
            `${api.rps.toFixed(0)} req/s = ${((100 * api.rps) / base.rps).toFixed(0)} % of static ` +
            `${base.rps.toFixed(0)} req/s; p99 ${api.p99} ms (static ${base.p99} ms); errors ${api.errors}`,
        });
      }
    }
  } finally {
    await new Promise((r) => statik.close(r));
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
