/**
 * Test helper run as a child process by crash.test.ts: opens the data folder given as first
 * argument, says "go" on stdout, then runs the named scenario (second argument, default `approve`);
 * the parent kills it with SIGKILL at a random moment and checks the database afterwards. Not part
 * of the application.
 *
 * A scenario is one write a person or the system makes. To cover a new one (e.g. the assessment
 * bulk import), add an entry here and, if it needs data first, a step in `prepareCrashBase`.
 */
import { readFileSync } from "node:fs";
import { DEMO_IO_CSV } from "../catalog/demo-io.ts";
import { pillars } from "../catalog/indicators.ts";
import { industryCodes } from "../catalog/industries.ts";
import { openStore, type Store } from "../store/db.ts";
import { buildTemplate, parseUpload } from "./excel.ts";
import { importIoTable, parseIoCsv } from "./io-tables.ts";
import { recompute } from "./recompute.ts";
import { approveReport, getReport, openPeriodAs, saveValues } from "./reporting.ts";
import { fillAndSubmit, workflowPrincipals } from "./testing.ts";

export const CRASH_PERIOD = "2026-Q3";
/** The report approved by the `approve` scenario (submitted in the base). */
export const APPROVE_KEY = { geography: "2025" as const, area: "79", period: CRASH_PERIOD };
/** The report written by the `upload` scenario. */
export const UPLOAD_KEY = { geography: "2025" as const, area: "01", period: CRASH_PERIOD };

export const CRASH_SCENARIOS: Record<string, (store: Store) => Promise<void>> = {
  /** A reviewer approves a submitted report: observations, events, audit, then recompute. */
  async approve(store) {
    await approveReport(store, workflowPrincipals(APPROVE_KEY.area).reviewer, APPROVE_KEY);
  },
  /** A reporter uploads a filled Excel template and stores it (parse, validate, save). */
  async upload(store) {
    const { reporter, reviewer } = workflowPrincipals(UPLOAD_KEY.area);
    const view = await getReport(store, reviewer, UPLOAD_KEY);
    const file = await buildTemplate({
      area: { geography: "2025", code: UPLOAD_KEY.area, nameVi: "Hà Nội", nameEn: "Ha Noi" },
      period: CRASH_PERIOD,
      elements: view.elements,
      pillars,
      values: new Map(view.elements.map((e) => [e.code, 2000])),
    });
    const parsed = await parseUpload(file, { ...UPLOAD_KEY, elements: view.elements });
    await saveValues(
      store,
      reporter,
      UPLOAD_KEY,
      { values: Object.fromEntries(parsed.values), comments: Object.fromEntries(parsed.comments) },
      "upload",
    );
  },
  /** The operator recomputes everything, rewriting every stored value. */
  async recompute(store) {
    await recompute(store, { force: true });
  },
  /** The operator imports an input–output table (replacing the year's), then recomputes. */
  async import(store) {
    const csv = readFileSync(new URL(`../catalog/data/${DEMO_IO_CSV}`, import.meta.url), "utf8");
    const table = parseIoCsv(csv, 2022, "demo-io-2022.csv");
    await importIoTable(store, table, {
      year: 2022,
      source: "crash test",
      knownCodes: new Set(industryCodes),
      actor: "cli",
    });
    await recompute(store);
  },
};

/** Data the scenarios start from: an open period and a submitted report of 2025:79. */
export async function prepareCrashBase(store: Store): Promise<void> {
  await openPeriodAs(store, "test", CRASH_PERIOD, "2026-12-31");
  await fillAndSubmit(store, APPROVE_KEY);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const name = process.argv[3] ?? "approve";
  const scenario = CRASH_SCENARIOS[name];
  if (!scenario) throw new Error(`crash-child: unknown scenario ${name}`);
  const store = await openStore({ dataDir: process.argv[2]! });
  process.stdout.write("go\n");
  await scenario(store);
  process.stdout.write(`${name === "approve" ? "approved" : "done"}\n`);
  await store.close();
}
