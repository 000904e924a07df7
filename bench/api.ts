/**
 * Benchmark: the public API under load (loopback only, a few seconds per case) against
 * the same JSON served as a file by a plain Node static server in the same run, at 16, 64 and 256
 * connections. Prints requests/s, p50 and p99 latency, errors, and the ratio to the static baseline.
 * The servers run in a child process (bench/api-child.ts), the load generator in this one: on a
 * 2-core machine each gets a core, as a server and its clients would. Each route is loaded by a
 * client asking for plain JSON and by one asking for gzip as browsers do (the static baseline then
 * sends a precompressed file).
 * Goals (issue 9): ≥ 50 % of the baseline's throughput, p99 < 50 ms at 64 connections, no errors.
 *
 * The load generator, printed in every row, is the first installed of:
 * - h2load (`apt-get install -y nghttp2-client`, written in C), in HTTP/1.1: the connections are
 *   opened and loaded for a warm-up second (DXM_BENCH_WARMUP) before the measured seconds, and the
 *   percentiles are computed here from its log of every measured request. Latency is that of the
 *   steady state. Why the warm-up: a Node server that is already saturated accepts new connections
 *   gradually (measured: one connection per turn of its event loop, 64 connections over 350 ms for a
 *   bare `http` server), so the first answer on each new connection waits up to a few hundred ms, and
 *   a run that counts those measures the ramp-up, not the server. The ramp-up is printed apart: the
 *   slowest first answer on a new connection.
 * - wrk (`apt-get install -y wrk`): no warm-up, and wrk 4 "corrects" for coordinated omission by
 *   adding, for each slow answer, made-up samples at every interval below it — the few slow first
 *   answers of the ramp-up become one or two percent of the samples, so its p99 at saturation swings
 *   between 20 and 300 ms from run to run for the static file and dxmonitor alike.
 * - autocannon, in JavaScript: slower than the servers it measures here (it joins every body into a
 *   string; for the 95 kB indicators list it tops out near 1,100 answers/s).
 *
 *   npm run bench -- api            (DXM_BENCH_SECONDS=3 per case by default; DXM_BENCH_LOAD=wrk|autocannon to force one)
 */
import { execFile, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import autocannon from "autocannon";
import type { BenchRow } from "./stats.ts";

const ROUTES = [
  "/api/v1/observations?indicator=DE_SHARE_GDP,ECOM_SHARE_RETAIL&geography=2025&level=province&period_kind=Y",
  "/api/v1/indicators",
];
const CONNECTIONS = [16, 64, 256];
const SECONDS = Number(process.env.DXM_BENCH_SECONDS ?? 3);
const WARMUP_SECONDS = Number(process.env.DXM_BENCH_WARMUP ?? 1);

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Two kinds of client: a script asking for plain JSON, and a browser, which always sends `Accept-Encoding: gzip`. */
const CLIENTS = { plain: {}, gzip: { "accept-encoding": "gzip, deflate, br" } } as const;

const installed = (command: string, flag: string) => !spawnSync(command, [flag]).error;
const forced = process.env.DXM_BENCH_LOAD;
const GENERATOR: "h2load" | "wrk" | "autocannon" =
  forced === "wrk" || forced === "autocannon"
    ? forced
    : installed("h2load", "--version")
      ? "h2load"
      : installed("wrk", "--version")
        ? "wrk"
        : "autocannon";

const run = promisify(execFile);

/** Percentile of sorted values (nearest rank). */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** h2load's durations: "13.02ms", "1.20s", "850us" → ms. */
function h2loadMs(text: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text.trim());
  if (!m) throw new Error(`bench api: cannot read h2load's duration "${text}"`);
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2] as "us" | "ms" | "s"];
}

function headerArgs(headers: Record<string, string>): string[] {
  return Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}: ${v}`]);
}

/**
 * One h2load run: `--warm-up-time` then the measured seconds, every measured request logged
 * (start µs, status, duration µs); `perClientRate` for the fixed-rate case.
 */
async function loadH2load(
  url: string,
  connections: number,
  headers: Record<string, string>,
  seconds: number,
  perClientRate?: number,
): Promise<Load> {
  const dir = mkdtempSync(join(tmpdir(), "dxm-bench-h2load-"));
  try {
    const log = join(dir, "requests.tsv");
    const args = [
      "--h1",
      `-c${connections}`,
      `-D${seconds}`,
      `--warm-up-time=${WARMUP_SECONDS}`,
      `--log-file=${log}`,
    ];
    if (perClientRate !== undefined) args.push(`--rps=${perClientRate}`);
    const { stdout } = await run("h2load", [...args, ...headerArgs(headers), url], { maxBuffer: 1 << 24 });
    const rps = Number(/finished in [\d.]+s, ([\d.]+) req\/s/.exec(stdout)?.[1]);
    const counts = /(\d+) failed, (\d+) errored, (\d+) timeout/.exec(stdout);
    const codes = /status codes: \d+ 2xx, \d+ 3xx, (\d+) 4xx, (\d+) 5xx/.exec(stdout);
    if (!Number.isFinite(rps) || !counts || !codes)
      throw new Error(`bench api: cannot read h2load's output:\n${stdout}`);
    const ms = readFileSync(log, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => Number(line.split("\t")[2]) / 1000)
      .sort((a, b) => a - b);
    return {
      rps,
      p50: percentile(ms, 50),
      p99: percentile(ms, 99),
      errors: [...counts.slice(1), ...codes.slice(1)].reduce((sum, n) => sum + Number(n), 0),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The ramp-up on its own: `connections` new connections opened at once on a server kept saturated by
 * them, and the slowest first answer (h2load's "time to 1st byte", from the connect).
 */
async function rampUpH2load(
  url: string,
  connections: number,
  headers: Record<string, string>,
): Promise<number> {
  const { stdout } = await run("h2load", ["--h1", `-c${connections}`, "-D1", ...headerArgs(headers), url], {
    maxBuffer: 1 << 24,
  });
  const max = /time to 1st byte:\s+\S+\s+(\S+)/.exec(stdout)?.[1];
  if (!max) throw new Error(`bench api: cannot read h2load's time to first byte:\n${stdout}`);
  return h2loadMs(max);
}

/** wrk's durations: "13.02ms", "1.20s", "850.00us" → ms. */
function wrkMs(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!m) throw new Error(`bench api: cannot read wrk's latency "${text}"`);
  const scale = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[m[2] as "us" | "ms" | "s" | "m"];
  return Number(m[1]) * scale;
}

async function loadWrk(
  url: string,
  connections: number,
  headers: Record<string, string>,
  seconds: number,
): Promise<Load> {
  const args = [
    "-t1",
    `-c${connections}`,
    `-d${seconds}s`,
    "--latency",
    "--timeout",
    "10s",
    ...headerArgs(headers),
  ];
  const { stdout } = await run("wrk", [...args, url]);
  const pick = (re: RegExp) => re.exec(stdout)?.[1];
  const rps = Number(pick(/Requests\/sec:\s+([\d.]+)/));
  const p50 = pick(/^\s+50%\s+(\S+)/m);
  const p99 = pick(/^\s+99%\s+(\S+)/m);
  if (!Number.isFinite(rps) || !p50 || !p99)
    throw new Error(`bench api: cannot read wrk's output:\n${stdout}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const errors =
    Number(pick(/Non-2xx or 3xx responses:\s+(\d+)/) ?? 0) +
    (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  return { rps, p50: wrkMs(p50), p99: wrkMs(p99), errors };
}

async function load(
  url: string,
  connections: number,
  headers: Record<string, string>,
  seconds = SECONDS,
): Promise<Load> {
  if (GENERATOR === "h2load") return loadH2load(url, connections, headers, seconds);
  if (GENERATOR === "wrk") return loadWrk(url, connections, headers, seconds);
  return fromAutocannon(await autocannon({ url, connections, duration: seconds, pipelining: 1, headers }));
}

function fromAutocannon(r: autocannon.Result): Load {
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/** Requests per second of the fixed-rate case (below what either server and the generator manage). */
const RATE = Number(process.env.DXM_BENCH_RATE ?? 1000);
const RATE_CONNECTIONS = 64;

/**
 * Latency at a fixed rate: RATE requests a second over 64 connections. With h2load each connection
 * sends RATE/64 a second after the warm-up (a late answer delays that connection's next request: at a
 * fifth of the server's capacity that does not happen); with autocannon, a request that could not be
 * sent on time counts from when it should have been (coordinated omission).
 */
async function loadAtRate(url: string, headers: Record<string, string>): Promise<Load> {
  if (GENERATOR === "h2load")
    return loadH2load(url, RATE_CONNECTIONS, headers, SECONDS, RATE / RATE_CONNECTIONS);
  return fromAutocannon(
    await autocannon({
      url,
      connections: RATE_CONNECTIONS,
      overallRate: RATE,
      duration: SECONDS,
      pipelining: 1,
      headers,
    }),
  );
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
    // Warm-up (JIT, caches, the first gzip of each answer): not measured.
    for (const route of ROUTES)
      for (const headers of Object.values(CLIENTS)) {
        await load(`${servers.static}${servers.routes[route]}`, 16, headers, 1);
        await load(`${servers.api}${route}`, 16, headers, 1);
      }
    for (const route of ROUTES) {
      const name = route.split("?")[0]!.replace("/api/v1/", "");
      for (const [client, headers] of Object.entries(CLIENTS))
        for (const c of CONNECTIONS) {
          const base = await load(`${servers.static}${servers.routes[route]}`, c, headers);
          const api = await load(`${servers.api}${route}`, c, headers);
          const ratio = api.rps / base.rps;
          const goals =
            `goals ≥ 50 %${c === 64 ? ", p99 < 50 ms" : ""}, no errors: ` +
            (ratio >= 0.5 && (c !== 64 || api.p99 < 50) && api.errors === 0 ? "met" : "NOT met");
          rows.push({
            benchmark: "api",
            case: `${name}, ${client} @${c} connections (${GENERATOR})`,
            median_ms: api.p50,
            note:
              `${api.rps.toFixed(0)} req/s = ${(100 * ratio).toFixed(0)} % of static ` +
              `${base.rps.toFixed(0)} req/s; p99 ${api.p99.toFixed(1)} ms (static ${base.p99.toFixed(1)} ms); errors ${api.errors}; ${goals}`,
          });
        }
    }
    for (const route of ROUTES) {
      const name = route.split("?")[0]!.replace("/api/v1/", "");
      const base = await loadAtRate(`${servers.static}${servers.routes[route]}`, CLIENTS.gzip);
      const api = await loadAtRate(`${servers.api}${route}`, CLIENTS.gzip);
      rows.push({
        benchmark: "api",
        case: `${name}, gzip, ${RATE} req/s fixed rate @${RATE_CONNECTIONS} connections (${GENERATOR === "h2load" ? "h2load" : "autocannon"})`,
        median_ms: api.p50,
        note:
          `${api.rps.toFixed(0)} req/s; p99 ${api.p99.toFixed(1)} ms (static ${base.p99.toFixed(1)} ms); ` +
          `errors ${api.errors}; goal p99 < 50 ms: ${api.p99 < 50 ? "met" : "NOT met"}`,
      });
    }
    if (GENERATOR === "h2load")
      for (const route of ROUTES) {
        const name = route.split("?")[0]!.replace("/api/v1/", "");
        const base = await rampUpH2load(`${servers.static}${servers.routes[route]}`, 64, CLIENTS.gzip);
        const api = await rampUpH2load(`${servers.api}${route}`, 64, CLIENTS.gzip);
        rows.push({
          benchmark: "api",
          case: `${name}, gzip, ramp-up: 64 new connections at once (h2load)`,
          median_ms: Number.NaN,
          note: `slowest first answer on a new connection (from its connect) ${api.toFixed(0)} ms (static ${base.toFixed(0)} ms); not in the percentiles above`,
        });
      }
    return rows;
  } finally {
    child.stdin!.end();
    await exited;
  }
}
