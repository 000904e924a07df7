/** Starts the HTTP server on a prepared store; resolves with its address and a close function. */
import type { HttpLimits, RateLimit } from "../config.ts";
import type { Store } from "../store/db.ts";
import { buildApp } from "./app.ts";
import type { AssessmentRouteOptions } from "./routes/assessments.ts";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(
  store: Store,
  options: {
    port: number;
    host: string;
    logLevel?: string;
    webDir?: string;
    secureCookies?: boolean;
    trustProxy?: boolean;
    assessments?: AssessmentRouteOptions;
    httpLimits?: HttpLimits;
    loginRateLimit?: RateLimit | false;
    publicWriteRateLimit?: RateLimit;
    /** The clock (tests stand before and after an embargo); the system clock by default. */
    now?: () => Date;
  },
): Promise<RunningServer> {
  const app = await buildApp({
    store,
    ...(options.secureCookies ? { secureCookies: true } : {}),
    ...(options.trustProxy ? { trustProxy: true } : {}),
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    ...(options.webDir ? { webDir: options.webDir } : {}),
    ...(options.assessments ? { assessments: options.assessments } : {}),
    ...(options.httpLimits ? { httpLimits: options.httpLimits } : {}),
    ...(options.loginRateLimit !== undefined ? { loginRateLimit: options.loginRateLimit } : {}),
    ...(options.publicWriteRateLimit ? { publicWriteRateLimit: options.publicWriteRateLimit } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  await app.listen({ port: options.port, host: options.host });
  const addr = app.server.address();
  const port = typeof addr === "object" && addr ? addr.port : options.port;
  const host = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    close: () => app.close(),
  };
}
