/**
 * Test support for services, API and browser tests: backends whose databases hold the reference
 * catalogue and the demo series (fixed seed and last quarter, so tests are stable), recomputed.
 */
import { type TestBackend, testBackends } from "../store/testing.ts";
import { prepareDatabase } from "./bootstrap.ts";

export const TEST_DEMO = { seed: 20250701, lastQuarter: "2026-Q3" } as const;

/** Backends with the catalogue only (no demo data), recomputed. */
export function referenceBackends(): Promise<TestBackend[]> {
  return testBackends({
    name: "reference",
    folders: ["src/catalog", "src/methods", "src/services", "src/domain"],
    fill: async (store) => {
      await prepareDatabase(store, { demo: false });
    },
  });
}

/** Backends with the catalogue and the demo series, recomputed. */
export function demoBackends(): Promise<TestBackend[]> {
  return testBackends({
    name: "demo",
    folders: ["src/catalog", "src/methods", "src/services", "src/domain"],
    fill: async (store) => {
      await prepareDatabase(store, { demo: true, demoOptions: TEST_DEMO });
    },
  });
}
