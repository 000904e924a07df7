/**
 * Benchmark: the web app (issue 5, DESIGN §11). Three figures, against a real server on the demo
 * data and Debian's Chromium on localhost:
 * - the overview's JavaScript, gzip: every script the overview loads until its chart and map are
 *   drawn (the entry and the page's on-demand chunks), gzip -9 of the built files — goal ≤ 300 kB;
 *   the entry alone (what index.html asks for) is given beside it;
 * - time from navigation to the overview's chart and map drawn (performance.now() in the page when
 *   both SVGs have paths), first load and median of 5 reloads — goal ≤ 1.5 s;
 * - each API request the overview makes, timed from Node (median of 20 after a warm-up) — goal
 *   ≤ 50 ms each; a static file served by the same process is timed first as the baseline.
 *
 *   npm run bench -- web
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { startTestServer } from "../src/api/testing.ts";
import { loadConfig } from "../src/config.ts";
import { type BenchRow, median } from "./stats.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const RELOADS = 5;
const API_RUNS = 20;

const gzipKb = (path: string) =>
  gzipSync(readFileSync(join(root, "dist/web", path)), { level: 9 }).length / 1024;

export async function benchWeb(): Promise<BenchRow[]> {
  const cfg = loadConfig();
  const build = spawnSync(process.execPath, ["scripts/ensure-web.mjs"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`building the web app failed: ${build.stderr}`);
  const server = await startTestServer();
  const profile = mkdtempSync(join(tmpdir(), "dxm-bench-web-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: cfg.chromiumPath,
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--no-first-run",
    ],
  });
  const rows: BenchRow[] = [];
  // The machine may be shared: its load is printed with the timings, which it inflates.
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const scripts = new Set<string>();
    const api = new Set<string>();
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (r.resourceType() === "script") scripts.add(url.pathname);
      if (url.pathname.startsWith("/api/")) api.add(`${url.pathname}${url.search}`);
    });
    const drawn = async () => {
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="de-share-chart"] svg path') !== null &&
          document.querySelector('[data-testid="map-chart"] svg path') !== null,
        null,
        { timeout: 30_000, polling: 10 },
      );
      return page.evaluate(() => performance.now());
    };
    await page.goto(`${server.url}/`);
    const first = await drawn();
    const times: number[] = [];
    for (let i = 0; i < RELOADS; i++) {
      await page.reload();
      times.push(await drawn());
    }

    const html = readFileSync(join(root, "dist/web/index.html"), "utf8");
    const entry = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const entryKb = entry.reduce((s, f) => s + gzipKb(f), 0);
    const allKb = [...scripts].reduce((s, p) => s + gzipKb(p.replace(/^\//, "")), 0);
    rows.push({
      benchmark: "web",
      case: "overview JavaScript, gzip",
      median_ms: Number.NaN,
      note: `${allKb.toFixed(1)} kB in ${scripts.size} files until drawn (entry ${entryKb.toFixed(1)} kB); goal ≤ 300 kB: ${allKb <= 300 ? "met" : "NOT met"}`,
    });
    const m = median(times);
    rows.push({
      benchmark: "web",
      case: "navigation → overview chart and map drawn",
      median_ms: m,
      note: `first load ${first.toFixed(0)} ms, median of ${RELOADS} reloads; goal ≤ 1500 ms: ${m <= 1500 ? "met" : "NOT met"}; load average ${loadavg()[0]!.toFixed(1)}`,
    });

    // A static file through the same server: what any request costs on this machine right now.
    for (const path of ["/index.html", ...[...api].sort()]) {
      await fetch(`${server.url}${path}`).then((r) => r.arrayBuffer());
      const ms: number[] = [];
      let bytes = 0;
      for (let i = 0; i < API_RUNS; i++) {
        const t = performance.now();
        const res = await fetch(`${server.url}${path}`);
        bytes = (await res.arrayBuffer()).byteLength;
        ms.push(performance.now() - t);
      }
      const med = median(ms);
      rows.push({
        benchmark: "web",
        case:
          path === "/index.html"
            ? "baseline: static /index.html"
            : `API ${path.length > 70 ? `${path.slice(0, 67)}…` : path}`,
        median_ms: med,
        note: `${(bytes / 1024).toFixed(0)} kB; goal ≤ 50 ms: ${med <= 50 ? "met" : "NOT met"}`,
      });
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return rows;
}
