/**
 * A real server for API and browser tests: PGlite cloned from the demo template (catalogue + demo
 * series with a fixed seed, recomputed) on a random loopback port.
 */
import { demoBackends } from "../services/testing.ts";
import type { AssessmentRouteOptions } from "./routes/assessments.ts";
import { startServer } from "./server.ts";

export async function startTestServer(
  options: { assessments?: AssessmentRouteOptions } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const [pglite] = await demoBackends();
  const store = await pglite!.open();
  const server = await startServer(store, { port: 0, host: "127.0.0.1", logLevel: "warn", ...options });
  return {
    url: server.url,
    async close() {
      await server.close();
      await store.close();
    },
  };
}
