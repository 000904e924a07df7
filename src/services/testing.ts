/**
 * Test support for services, API and browser tests: backends whose databases hold the reference
 * catalogue and the demo series (fixed seed and last quarter, so tests are stable), recomputed.
 */
import { CLI_ACTOR, type Principal } from "../domain/auth.ts";
import type { Store } from "../store/db.ts";
import { upsertObservations } from "../store/observations-repo.ts";
import { type TestBackend, testBackends } from "../store/testing.ts";
import { prepareDatabase } from "./bootstrap.ts";
import { recompute } from "./recompute.ts";
import { prepareRelease, scheduleRelease } from "./releases.ts";
import { getReport, saveValues, submitReport } from "./reporting.ts";

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

/** A reporter of `area` (2025) and a reviewer, for workflow fixtures; ids need not exist. */
export function workflowPrincipals(area: string, id = 1000): { reporter: Principal; reviewer: Principal } {
  return {
    reporter: {
      kind: "user",
      id,
      email: `reporter-${area}@test`,
      name: `reporter ${area}`,
      role: "reporter",
      areas: [{ geography: "2025", code: area }],
    },
    reviewer: {
      kind: "user",
      id: id + 1,
      email: "reviewer@test",
      name: "reviewer",
      role: "reviewer",
      areas: [],
    },
  };
}

/**
 * Fills every element of a province's report with `value` (commenting every warning) and submits
 * it: the state a reviewer approves from. The period must be open.
 */
export async function fillAndSubmit(
  store: Store,
  key: { geography: "2025"; area: string; period: string },
  value = 1000,
): Promise<void> {
  const { reporter, reviewer } = workflowPrincipals(key.area);
  const view = await getReport(store, reviewer, key);
  const values = Object.fromEntries(view.elements.map((e) => [e.code, value]));
  const saved = await saveValues(store, reporter, key, { values });
  const comments: Record<string, string> = {};
  for (const i of saved.validation.issues) for (const el of i.elements) comments[el] = "checked";
  await saveValues(store, reporter, key, { values, comments });
  await submitReport(store, reporter, key);
}

/**
 * A release of 2026-Q3 holding one approved value (Hồ Chí Minh City's e-commerce revenue, 130),
 * written as the reporting workflow and `dxm release` write them: prepared on 10 October, public at
 * `releaseAt`. Returns the release's id.
 */
export async function releaseOneApprovedValue(store: Store, releaseAt: Date): Promise<number> {
  await upsertObservations(
    store.db,
    [
      {
        series: "reported",
        code: "ECOM_REVENUE",
        target: "element",
        geography: "2025",
        area: "79",
        period: "2026-Q3",
        value: 130,
        status: "preliminary",
        note: null,
      },
    ],
    "rev@test",
    "approval",
  );
  await recompute(store, { series: ["reported"] });
  const prepared = new Date("2026-10-10T02:00:00Z");
  const r = await prepareRelease(store, CLI_ACTOR, { period: "2026-Q3" }, prepared);
  await scheduleRelease(store, CLI_ACTOR, r.id, { at: releaseAt }, prepared);
  return r.id;
}
