/**
 * A real server for API and browser tests: PGlite cloned from the demo template (catalogue + demo
 * series with a fixed seed, recomputed) on a random loopback port.
 */
import { demoBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import type { AssessmentRouteOptions } from "./routes/assessments.ts";
import { startServer } from "./server.ts";

/** `store` is the server's own database, for tests that must prepare what no route offers (an admin's password). */
export async function startTestServer(
  options: { assessments?: AssessmentRouteOptions; now?: () => Date } = {},
): Promise<{ url: string; store: Store; close(): Promise<void> }> {
  const [pglite] = await demoBackends();
  const store = await pglite!.open();
  const server = await startServer(store, { port: 0, host: "127.0.0.1", logLevel: "warn", ...options });
  return {
    url: server.url,
    store,
    async close() {
      await server.close();
      await store.close();
    },
  };
}
