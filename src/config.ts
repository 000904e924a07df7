/**
 * The one place that reads the environment (STYLE §5). Values are parsed and checked at start-up;
 * a malformed variable stops the program with a message naming it. The object is frozen.
 * Every variable is documented in `.env.example` and the README.
 */
import { resolve } from "node:path";

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Folder of the embedded database (PGlite) and its lock file. */
  readonly dataDir: string;
  /** PostgreSQL connection string; when set the server database is used instead of PGlite. */
  readonly databaseUrl: string | undefined;
  /** Load the generated demo data on first start (series `demo`). */
  readonly demoData: boolean;
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** PostgreSQL used by the test suite (store and API tests run on PGlite and on it). */
  readonly testDatabaseUrl: string;
  /** True when running under CI: tests that need PostgreSQL or Chromium fail instead of skipping. */
  readonly ci: boolean;
  /** Tests: run the long variants (e.g. 50 crash runs instead of 5). */
  readonly longTests: boolean;
  /** Chromium used by browser tests and screenshots. */
  readonly chromiumPath: string;
  /** Print stack traces of unexpected errors in the CLI. */
  readonly debug: boolean;
  /** Mark session cookies `Secure` (serve behind HTTPS). */
  readonly secureCookies: boolean;
  /** Behind a reverse proxy: trust X-Forwarded-For for the client address. */
  readonly trustProxy: boolean;
  /**
   * Self-assessment: lower bounds of maturity levels 1–5 on the overall score 0–100. dxmonitor's
   * own (the official DBI thresholds are not published); `DXM_MATURITY_THRESHOLDS=10,30,50,70,85`.
   */
  readonly maturityThresholds: readonly number[];
  /** Request size and slow-client limits of the HTTP server (see `HttpLimits`). */
  readonly httpLimits: HttpLimits;
  /** Login requests per client address and window, in memory (before the per-email lockout). */
  readonly loginRateLimit: RateLimit;
  /**
   * Public (anonymous) writes, e.g. the enterprise self-assessment form: requests per client address
   * and window. Routes opt in with `publicWriteLimiter` (src/api/rate-limit.ts).
   */
  readonly publicWriteRateLimit: RateLimit;
}

/** Requests allowed per client address in a sliding window. */
export interface RateLimit {
  readonly max: number;
  readonly timeWindowMs: number;
}

export interface HttpLimits {
  /** Largest JSON (or other non-multipart) request body, in bytes. */
  readonly bodyBytes: number;
  /** Largest uploaded file (multipart), in bytes. */
  readonly uploadBytes: number;
  /** A client must send all request headers within this time, else 408 and the socket is closed. */
  readonly headersTimeoutMs: number;
  /** A client must send the whole request (headers and body) within this time. */
  readonly requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this time. */
  readonly keepAliveTimeoutMs: number;
}

/** Anonymous writes (the self-assessment form): 10 a minute per address is ample for a person. */
export const DEFAULT_PUBLIC_WRITE_RATE_LIMIT: RateLimit = Object.freeze({ max: 10, timeWindowMs: 60_000 });

export const DEFAULT_HTTP_LIMITS: HttpLimits = Object.freeze({
  bodyBytes: 1024 * 1024,
  uploadBytes: 5 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
});

type Env = Record<string, string | undefined>;

function bool(env: Env, name: string, fallback: boolean): boolean {
  const v = env[name];
  if (v === undefined || v === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw new Error(`${name}="${v}" is not a boolean: use true or false`);
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const v = env[name];
  if (v === undefined || v === "") return fallback;
  const n = /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name}="${v}" must be a whole number from ${min} to ${max}`);
  }
  return n;
}

function thresholds(env: Env, name: string, fallback: readonly number[]): readonly number[] {
  const v = env[name]?.trim();
  if (!v) return fallback;
  const list = v.split(",").map((x) => Number(x.trim()));
  const ok =
    list.length === 5 &&
    list.every((t, i) => Number.isFinite(t) && t > 0 && t <= 100 && (i === 0 || t > list[i - 1]!));
  if (!ok)
    throw new Error(
      `${name}="${v}" must be five increasing numbers above 0 and at most 100, e.g. 10,30,50,70,85`,
    );
  return Object.freeze(list);
}

/** `MAX/SECONDS`, e.g. `30/60`: at most MAX requests per SECONDS. */
function rate(env: Env, name: string, fallback: RateLimit): RateLimit {
  const v = env[name];
  if (v === undefined || v === "") return fallback;
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(v.trim());
  const max = Number(m?.[1]);
  const seconds = Number(m?.[2]);
  if (!m || max < 1 || seconds < 1) {
    throw new Error(`${name}="${v}" must be MAX/SECONDS, e.g. 30/60 (at most 30 requests a minute)`);
  }
  return Object.freeze({ max, timeWindowMs: seconds * 1000 });
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    // Only the scheme is echoed: the rest may hold a password.
    throw new Error(
      `DATABASE_URL must start with postgres:// or postgresql:// (got "${databaseUrl.split(":")[0]}:…")`,
    );
  }
  const logLevel = (env.DXM_LOG_LEVEL || "info") as Config["logLevel"];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`DXM_LOG_LEVEL="${logLevel}" must be one of ${LOG_LEVELS.join(", ")}`);
  }
  return Object.freeze({
    port: int(env, "PORT", 3000, 0, 65535),
    host: env.HOST?.trim() || "localhost",
    dataDir: resolve(env.DXM_DATA_DIR?.trim() || "data"),
    databaseUrl,
    demoData: bool(env, "DXM_DEMO_DATA", true),
    logLevel,
    testDatabaseUrl: env.DXM_TEST_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/test",
    ci: bool(env, "CI", false),
    longTests: bool(env, "DXM_LONG_TESTS", false),
    chromiumPath: env.DXM_CHROMIUM?.trim() || "/usr/bin/chromium",
    debug: bool(env, "DXM_DEBUG", false),
    secureCookies: bool(env, "DXM_SECURE_COOKIES", false),
    trustProxy: bool(env, "DXM_TRUST_PROXY", false),
    maturityThresholds: thresholds(env, "DXM_MATURITY_THRESHOLDS", [10, 30, 50, 70, 85]),
    httpLimits: httpLimits(env),
    loginRateLimit: rate(env, "DXM_LOGIN_RATE_LIMIT", { max: 30, timeWindowMs: 60_000 }),
    publicWriteRateLimit: rate(env, "DXM_PUBLIC_WRITE_RATE_LIMIT", DEFAULT_PUBLIC_WRITE_RATE_LIMIT),
  });
}

function httpLimits(env: Env): HttpLimits {
  const d = DEFAULT_HTTP_LIMITS;
  const kib = (name: string, fallback: number) => int(env, name, fallback / 1024, 1, 1024 * 1024) * 1024;
  const limits = {
    bodyBytes: kib("DXM_BODY_LIMIT_KB", d.bodyBytes),
    uploadBytes: kib("DXM_UPLOAD_LIMIT_KB", d.uploadBytes),
    headersTimeoutMs: int(env, "DXM_HEADERS_TIMEOUT_MS", d.headersTimeoutMs, 100, 600_000),
    requestTimeoutMs: int(env, "DXM_REQUEST_TIMEOUT_MS", d.requestTimeoutMs, 100, 3_600_000),
    keepAliveTimeoutMs: int(env, "DXM_KEEP_ALIVE_TIMEOUT_MS", d.keepAliveTimeoutMs, 100, 600_000),
  };
  // Node refuses a headers timeout longer than the request timeout.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new Error(
      `DXM_HEADERS_TIMEOUT_MS (${limits.headersTimeoutMs}) must not exceed DXM_REQUEST_TIMEOUT_MS (${limits.requestTimeoutMs})`,
    );
  }
  return Object.freeze(limits);
}

let cached: Config | undefined;
/** The configuration of this process, read once. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
