import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Principal } from "../domain/auth.ts";
import { openStore, type Store } from "../store/db.ts";
import { listRevisions } from "../store/observations-repo.ts";
import { pgliteTemplate } from "../store/testing.ts";
import { prepareDatabase } from "./bootstrap.ts";
import { buildTemplate } from "./excel.ts";
import { getReport, openPeriodAs, saveValues, submitReport } from "./reporting.ts";

const KEY = { geography: "2025" as const, area: "79", period: "2026-Q3" };
const reporter: Principal = {
  kind: "user",
  id: 2,
  email: "r@test",
  name: "r",
  role: "reporter",
  areas: [{ geography: "2025", code: "79" }],
};
const reviewer: Principal = { kind: "user", id: 3, email: "v@test", name: "v", role: "reviewer", areas: [] };
const root = new URL("../../", import.meta.url).pathname;

/**
 * Runs a write of crash-child.ts (`approve`, or `upload FILE`) in a child and kills it `delayMs`
 * after it says "go" (or lets it finish).
 */
function runAndKill(
  dataDir: string,
  delayMs: number,
  args: readonly string[] = ["approve"],
): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/services/crash-child.ts", dataDir, ...args],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      out += s;
      if (out.includes("go\n") && !child.killed) setTimeout(() => child.kill("SIGKILL"), delayMs);
    });
    child.on("close", () => resolve(out));
  });
}

/** The catalogue-only database, built once and cached like referenceBackends() in testing.ts. */
function referenceTemplate(): Promise<Blob> {
  return pgliteTemplate(
    "reference",
    // The same folders (and so the same cached template) as referenceBackends() in testing.ts.
    ["src/catalog", "src/methods", "src/services", "src/domain", "src/store"],
    async (s) => {
      const { migrateToLatest } = await import("../store/db.ts");
      await migrateToLatest(s);
      await prepareDatabase(s, { demo: false });
    },
  );
}

/** A copy of `base` the child may write to (without the lock of the process that built it). */
function copyOf(base: string, dir: string): string {
  cpSync(base, dir, { recursive: true });
  rmSync(join(dir, "dxm.lock"), { force: true });
  return dir;
}

describe("an approval killed at any moment leaves the database as before or as after it", () => {
  let base: string;
  let work: string;
  before(async () => {
    work = mkdtempSync(join(tmpdir(), "dxm-crash-"));
    base = join(work, "base");
    const store = await openStore({ dataDir: base, loadDataDir: await referenceTemplate() });
    try {
      await openPeriodAs(store, "test", KEY.period, "2026-12-31");
      const view = await getReport(store, reviewer, KEY);
      const values = Object.fromEntries(view.elements.map((e) => [e.code, 1000]));
      const saved = await saveValues(store, reporter, KEY, { values });
      const comments: Record<string, string> = {};
      for (const i of saved.validation.issues) for (const el of i.elements) comments[el] = "checked";
      await saveValues(store, reporter, KEY, { values, comments });
      await submitReport(store, reporter, KEY);
    } finally {
      await store.close();
    }
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const delayMs of [0, 150, 400, 900, 60_000]) {
    it(`keeps report, observations and audit log consistent when killed ${delayMs >= 60_000 ? "never" : `after ${delayMs} ms`}`, async () => {
      const dir = copyOf(base, join(work, `run-${delayMs}`));
      const out = await runAndKill(dir, delayMs);
      let store: Store | undefined;
      try {
        store = await openStore({ dataDir: dir });
        const report = await store.db
          .selectFrom("report")
          .selectAll()
          .where("area_code", "=", "79")
          .executeTakeFirstOrThrow();
        const values = await store.db
          .selectFrom("report_value")
          .select("element")
          .where("report_id", "=", report.id)
          .execute();
        const observations = await store.db
          .selectFrom("observation")
          .select("code")
          .where("series", "=", "reported")
          .where("area_code", "=", "79")
          .execute();
        const revisions = await listRevisions(store.db, { series: "reported", area: "79" });
        const audits = await store.db
          .selectFrom("audit_log")
          .select("action")
          .where("action", "=", "report.approve")
          .execute();
        assert.ok(report.state === "submitted" || report.state === "approved", report.state);
        if (report.state === "approved") {
          assert.equal(observations.length, values.length, "every approved value is an observation");
          assert.equal(revisions.length, values.length, "each with its revision");
          assert.equal(audits.length, 1);
        } else {
          assert.equal(observations.length, 0, "nothing half-written");
          assert.equal(revisions.length, 0);
          assert.equal(audits.length, 0);
        }
        if (delayMs >= 60_000) assert.match(out, /approved/, "left alone, the approval completes");
      } finally {
        await store?.close();
      }
    });
  }
});

describe("the confirm step of an XLSX upload killed at any moment stores all of the file or none of it", () => {
  let base: string;
  let work: string;
  let file: string;
  let elementCount = 0;
  before(async () => {
    work = mkdtempSync(join(tmpdir(), "dxm-crash-upload-"));
    base = join(work, "base");
    const store = await openStore({ dataDir: base, loadDataDir: await referenceTemplate() });
    try {
      await openPeriodAs(store, "test", KEY.period, "2026-12-31");
      const view = await getReport(store, reviewer, KEY);
      elementCount = view.elements.length;
      // Before: a draft holding 500 everywhere. The file: the template with 1000 everywhere.
      await saveValues(store, reporter, KEY, {
        values: Object.fromEntries(view.elements.map((e) => [e.code, 500])),
      });
      const xlsx = await buildTemplate({
        area: {
          geography: KEY.geography,
          code: KEY.area,
          nameVi: view.area.nameVi,
          nameEn: view.area.nameEn,
        },
        period: KEY.period,
        elements: view.elements,
        pillars: view.pillars,
        values: new Map(view.elements.map((e) => [e.code, 1000])),
        previous: view.previous,
        comments: new Map(),
      });
      file = join(work, "upload.xlsx");
      writeFileSync(file, xlsx);
    } finally {
      await store.close();
    }
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  // The store of one report takes tens of milliseconds: the short delays land inside it.
  for (const delayMs of [0, 5, 15, 30, 60, 120, 60_000]) {
    it(`leaves the old values or all the new ones when killed ${delayMs >= 60_000 ? "never" : `${delayMs} ms into the store`}`, async () => {
      const dir = copyOf(base, join(work, `run-${delayMs}`));
      const out = await runAndKill(dir, delayMs, ["upload", file]);
      let store: Store | undefined;
      try {
        store = await openStore({ dataDir: dir });
        const report = await store.db
          .selectFrom("report")
          .selectAll()
          .where("area_code", "=", "79")
          .executeTakeFirstOrThrow();
        const values = await store.db
          .selectFrom("report_value")
          .select(["element", "value"])
          .where("report_id", "=", report.id)
          .execute();
        const uploads = await store.db
          .selectFrom("audit_log")
          .select("action")
          .where("action", "=", "report.upload")
          .execute();
        const events = await store.db
          .selectFrom("report_event")
          .select("action")
          .where("report_id", "=", report.id)
          .where("action", "=", "upload")
          .execute();
        assert.equal(report.state, "draft");
        assert.equal(values.length, elementCount, "one row per element, none lost or doubled");
        const distinct = new Set(values.map((v) => Number(v.value)));
        assert.equal(distinct.size, 1, `never a mix of old and new values: ${[...distinct].join(", ")}`);
        if (distinct.has(1000)) {
          assert.equal(uploads.length, 1, "the stored upload is in the audit log");
          assert.equal(events.length, 1, "and in the report's history");
        } else {
          assert.ok(distinct.has(500));
          assert.equal(uploads.length, 0, "nothing half-written");
          assert.equal(events.length, 0);
        }
        if (delayMs >= 60_000) assert.match(out, /stored/, "left alone, the upload completes");
      } finally {
        await store?.close();
      }
    });
  }
});
