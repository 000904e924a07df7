/**
 * Benchmark: start-up as a user runs it, `npm start` (= `node scripts/start.mjs`: checks that the web
 * app and the server bundle are up to date, then serves from the bundle) — a first start on a new
 * embedded database (schema, catalogue, demo data, recompute) and a second start on the same data
 * folder. Measured from spawning the process to its "ready" line; npm's own launch (≈0.2 s) is not
 * included. The bundles are brought up to date before the clock starts (a first `npm start` after a
 * change builds them: web ≈30 s, server ≈2 s). Goals (issue 9): ≤ 30 s and ≤ 3 s.
 *
 *   npm run bench -- startup
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchRow } from "./stats.ts";

const root = new URL("../", import.meta.url).pathname;

const SERVE_ARGS = ["--port", "0", "--host", "127.0.0.1"];
const START_SCRIPT = [process.execPath, "scripts/start.mjs", ...SERVE_ARGS];
const NPM_START = ["npm", "start", "--silent", "--", ...SERVE_ARGS];

/** Runs a start command on a free port, waits for "ready", stops it; returns the wall time in ms. */
function startOnce(dataDir: string, command = START_SCRIPT): Promise<{ ms: number; reported: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command[0]!, command.slice(1), {
      cwd: root,
      // Demo mode forced on: the first start must load the demo data whatever the caller's env says.
      env: {
        ...process.env,
        DXM_DATA_DIR: dataDir,
        DATABASE_URL: "",
        DXM_DEMO_DATA: "true",
        DXM_LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
    });
    let err = "";
    let ms = 0;
    let reported = "";
    let failed = false;
    // Its own process group: `npm start` runs node under a shell, and a signal to npm alone would
    // leave the server running.
    const kill = (signal: NodeJS.Signals) => process.kill(-child.pid!, signal);
    const timer = setTimeout(() => kill("SIGKILL"), 600_000);
    child.stderr.setEncoding("utf8").on("data", (s: string) => {
      err += s;
      const m = /ready in ([\d.]+) s[^\n]*\n/.exec(err);
      if (m && !ms && !failed) {
        if (!/demo data on/.test(m[0])) {
          failed = true;
          kill("SIGKILL");
          reject(new Error(`dxm serve started without demo data: ${m[0]}`));
          return;
        }
        ms = performance.now() - t0;
        reported = m[1]!;
        kill("SIGTERM");
      }
    });
    child.on("close", () => {
      clearTimeout(timer);
      if (ms) resolve({ ms, reported });
      else reject(new Error(`dxm serve did not become ready:\n${err.slice(-2000)}`));
    });
  });
}

const verdict = (ms: number, goalMs: number) =>
  `goal ≤ ${goalMs / 1000} s: ${ms <= goalMs ? "met" : "NOT met"}`;

export async function benchStartup(): Promise<BenchRow[]> {
  const build = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      "await (await import('./scripts/ensure-web.mjs')).ensureWeb(); await (await import('./scripts/ensure-server.mjs')).ensureServer()",
    ],
    { cwd: root, encoding: "utf8", input: "" },
  );
  if (build.status !== 0)
    throw new Error(`bench startup: building failed:\n${build.stdout}\n${build.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), "dxm-bench-start-"));
  try {
    const first = await startOnce(dir);
    const seconds = [];
    for (let i = 0; i < 3; i++) seconds.push(await startOnce(dir));
    seconds.sort((a, b) => a.ms - b.ms);
    const second = seconds[1]!;
    const viaNpm = await startOnce(dir, NPM_START);
    return [
      {
        benchmark: "startup",
        case: "first start (new embedded database + demo data)",
        median_ms: first.ms,
        note: `process spawn to ready; dxm itself reports ${first.reported} s; ${verdict(first.ms, 30_000)}`,
      },
      {
        benchmark: "startup",
        case: "second start (same data folder), median of 3",
        median_ms: second.ms,
        note: `process spawn to ready; dxm itself reports ${second.reported} s; ${verdict(second.ms, 3_000)}`,
      },
      {
        benchmark: "startup",
        case: "second start through `npm start` (npm's own launch included)",
        median_ms: viaNpm.ms,
        note: `dxm itself reports ${viaNpm.reported} s; ${verdict(viaNpm.ms, 3_000)}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
