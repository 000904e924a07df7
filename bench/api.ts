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
 * The load generator is wrk (`apt-get install -y wrk`, written in C) when it is installed, else
 * autocannon. autocannon, in JavaScript, is slower than the servers it measures here: it joins every
 * body into a string, and for JSON full of Vietnamese that decoding tops out near 1,100 answers/s of
 * the 95 kB indicators list, for the static file and for dxmonitor alike — at 64 connections that
 * alone makes p99 > 50 ms whatever the server does. wrk does not read the bodies. The generator is
 * printed in every row.
 *
 *   npm run bench -- api            (DXM_BENCH_SECONDS=3 per case by default; DXM_BENCH_LOAD=autocannon to force it)
 */
import { execFile, spawn, spawnSync } from "node:child_process";
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

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Two kinds of client: a script asking for plain JSON, and a browser, which always sends `Accept-Encoding: gzip`. */
const CLIENTS = { plain: {}, gzip: { "accept-encoding": "gzip, deflate, br" } } as const;

const hasWrk = process.env.DXM_BENCH_LOAD !== "autocannon" && !spawnSync("wrk", ["--version"]).error;
const GENERATOR = hasWrk ? "wrk" : "autocannon";

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
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", "--timeout", "10s"];
  for (const [k, v] of Object.entries(headers)) args.push("-H", `${k}: ${v}`);
  const { stdout } = await promisify(execFile)("wrk", [...args, url]);
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
  if (hasWrk) return loadWrk(url, connections, headers, seconds);
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

/**
 * Latency at a fixed rate: autocannon sends RATE requests a second over 64 connections and, by
 * default, counts a request that could not be sent on time from when it should have been
 * (coordinated omission). At saturation — the cases above — both cores are busy with the client and
 * the server, and the tail measures that as much as the server.
 */
async function loadAtRate(url: string, headers: Record<string, string>): Promise<Load> {
  return fromAutocannon(
    await autocannon({ url, connections: 64, overallRate: RATE, duration: SECONDS, pipelining: 1, headers }),
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
          rows.push({
            benchmark: "api",
            case: `${name}, ${client} @${c} connections (${GENERATOR})`,
            median_ms: api.p50,
            note:
              `${api.rps.toFixed(0)} req/s = ${((100 * api.rps) / base.rps).toFixed(0)} % of static ` +
              `${base.rps.toFixed(0)} req/s; p99 ${api.p99.toFixed(1)} ms (static ${base.p99.toFixed(1)} ms); errors ${api.errors}`,
          });
        }
    }
    for (const route of ROUTES) {
      const name = route.split("?")[0]!.replace("/api/v1/", "");
      const base = await loadAtRate(`${servers.static}${servers.routes[route]}`, CLIENTS.gzip);
      const api = await loadAtRate(`${servers.api}${route}`, CLIENTS.gzip);
      rows.push({
        benchmark: "api",
        case: `${name}, gzip, ${RATE} req/s fixed rate @64 connections (autocannon)`,
        median_ms: api.p50,
        note:
          `${api.rps.toFixed(0)} req/s; p99 ${api.p99.toFixed(1)} ms (static ${base.p99.toFixed(1)} ms); ` +
          `errors ${api.errors}; goal p99 < 50 ms: ${api.p99 < 50 ? "met" : "NOT met"}`,
      });
    }
    return rows;
  } finally {
    child.stdin!.end();
    await exited;
  }
}
