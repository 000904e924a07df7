import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Principal } from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";
import { queryComputed } from "../store/computed-repo.ts";
import type { Store } from "../store/db.ts";
import { listRevisions } from "../store/observations-repo.ts";
import {
  approveReport,
  completeness,
  getReport,
  listVisibleReports,
  openPeriodAs,
  reopenReport,
  returnReport,
  saveValues,
  submitReport,
} from "./reporting.ts";
import { referenceBackends } from "./testing.ts";

const reporter79: Principal = {
  kind: "user",
  id: 101,
  email: "r79@test",
  name: "R79",
  role: "reporter",
  areas: [{ geography: "2025", code: "79" }],
};
const reporter01: Principal = {
  kind: "user",
  id: 102,
  email: "r01@test",
  name: "R01",
  role: "reporter",
  areas: [{ geography: "2025", code: "01" }],
};
const reviewer: Principal = {
  kind: "user",
  id: 103,
  email: "rev@test",
  name: "Rev",
  role: "reviewer",
  areas: [],
};
const reviewer2: Principal = {
  kind: "user",
  id: 104,
  email: "rev2@test",
  name: "Rev2",
  role: "reviewer",
  areas: [],
};
const analyst: Principal = {
  kind: "user",
  id: 105,
  email: "an@test",
  name: "An",
  role: "analyst",
  areas: [],
};

const KEY = { geography: "2025" as const, area: "79", period: "2026-Q3" };

function code(e: unknown): string {
  return e instanceof DxmError ? e.code : String(e);
}

/** Values that pass validation: every element of the form, consistent with each other. */
async function validValues(store: Store): Promise<Record<string, number>> {
  const view = await getReport(store, reviewer, KEY);
  const values: Record<string, number> = {};
  for (const e of view.elements) values[e.code] = e.unit === "percent" ? 50 : 1000;
  // Numerators never exceed their denominators: give denominators a larger value.
  for (const i of view.validation.issues) void i;
  return values;
}

for (const backend of await referenceBackends()) {
  describe(`quarterly reporting workflow on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
      await openPeriodAs(store, "test", "2026-Q3", "2026-10-31");
    });
    after(async () => {
      await store?.close();
    });

    it("refuses a reporter reading or writing another province's report, and stores nothing", async () => {
      await assert.rejects(getReport(store, reporter01, KEY), (e) => code(e) === "forbidden");
      await assert.rejects(
        saveValues(store, reporter01, KEY, { values: { GRDP: 1 } }),
        (e) => code(e) === "forbidden",
      );
      await assert.rejects(submitReport(store, reporter01, KEY), (e) => code(e) === "forbidden");
      await assert.rejects(getReport(store, null, KEY), (e) => code(e) === "unauthorized");
      assert.equal((await getReport(store, reviewer, KEY)).report, null, "no report was created");
    });

    it("refuses reviewers and analysts writing values, and reporters approving", async () => {
      await assert.rejects(
        saveValues(store, reviewer, KEY, { values: { GRDP: 1 } }),
        (e) => code(e) === "forbidden",
      );
      await assert.rejects(
        saveValues(store, analyst, KEY, { values: { GRDP: 1 } }),
        (e) => code(e) === "forbidden",
      );
      await assert.rejects(approveReport(store, reporter79, KEY), (e) => code(e) === "forbidden");
    });

    it("rejects an unknown element, a non-finite or huge value, naming the field", async () => {
      await assert.rejects(
        saveValues(store, reporter79, KEY, { values: { NOT_AN_ELEMENT: 1 } }),
        (e) => e instanceof DxmError && e.field === "values.NOT_AN_ELEMENT",
      );
      await assert.rejects(
        saveValues(store, reporter79, KEY, { values: { GRDP: Number.POSITIVE_INFINITY } }),
        (e) => e instanceof DxmError && e.field === "values.GRDP",
      );
      await assert.rejects(
        saveValues(store, reporter79, KEY, { values: { GRDP: 1e300 } }),
        (e) => e instanceof DxmError && e.field === "values.GRDP",
      );
    });

    it("saves a draft, blocks submission while validation finds errors, then submits", async () => {
      const draft = await saveValues(store, reporter79, KEY, { values: { GRDP: 500_000 } });
      assert.equal(draft.report?.state, "draft");
      assert.equal(draft.values.get("GRDP"), 500_000);
      assert.ok(draft.validation.errors > 0, "missing required values are errors");
      await assert.rejects(submitReport(store, reporter79, KEY), (e) => code(e) === "invalid_data");
      const values = await validValues(store);
      let view = await saveValues(store, reporter79, KEY, { values });
      // Comment every warning so that only errors can block.
      const comments: Record<string, string> = {};
      for (const i of view.validation.issues) for (const el of i.elements) comments[el] = "explained";
      view = await saveValues(store, reporter79, KEY, { values, comments });
      const errors = view.validation.issues.filter((i) => i.severity === "error");
      assert.deepEqual(errors, [], JSON.stringify(errors.slice(0, 3)));
      const submitted = await submitReport(store, reporter79, KEY);
      assert.equal(submitted.state, "submitted");
    });

    it("locks a submitted report against edits by its reporter", async () => {
      await assert.rejects(
        saveValues(store, reporter79, KEY, { values: { GRDP: 1 } }),
        (e) => code(e) === "conflict",
      );
    });

    it("returns with a comment, which makes it editable again, and resubmits", async () => {
      await assert.rejects(returnReport(store, reviewer, KEY, "  "), (e) => code(e) === "invalid_body");
      const returned = await returnReport(store, reviewer, KEY, "GRDP looks low");
      assert.equal(returned.state, "returned");
      const view = await saveValues(store, reporter79, KEY, { values: { GRDP: 520_000 } });
      assert.equal(view.report?.state, "draft");
      assert.ok(view.events.some((e) => e.action === "return" && e.comment === "GRDP looks low"));
      await submitReport(store, reporter79, KEY);
    });

    it("lets one of two reviewers approving at once win; the other gets a 409 and nothing is lost", async () => {
      const results = await Promise.allSettled([
        approveReport(store, reviewer, KEY),
        approveReport(store, reviewer2, KEY),
      ]);
      const ok = results.filter((r) => r.status === "fulfilled");
      const failed = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
      assert.equal(ok.length, 1);
      assert.equal(failed.length, 1);
      assert.equal(code(failed[0]!.reason), "conflict");
      const view = await getReport(store, reviewer, KEY);
      assert.equal(view.report?.state, "approved");
      assert.equal(view.values.get("GRDP"), 520_000);
    });

    it("turns approved values into observations of the series reported, with revisions, and recomputes", async () => {
      const revs = await listRevisions(store.db, {
        series: "reported",
        code: "GRDP",
        area: "79",
        period: "2026-Q3",
      });
      assert.equal(revs.length, 1);
      assert.equal(revs[0]!.newValue, 520_000);
      const rows = await queryComputed(store.db, {
        indicator: ["DE_SHARE_GDP"],
        series: ["reported"],
        area: ["79"],
        period: ["2026-Q3"],
      });
      assert.equal(rows.length, 1);
      const pub = await queryComputed(store.db, {
        indicator: ["DE_SHARE_GDP"],
        series: ["reported"],
        publishedOnly: true,
      });
      assert.deepEqual(pub, [], "reported values are not public before a release");
    });

    it("records reopening as a reviewer's act; a re-approval revises the observation", async () => {
      await assert.rejects(reopenReport(store, reporter79, KEY, null), (e) => code(e) === "forbidden");
      const reopened = await reopenReport(store, reviewer, KEY, "correction from the province");
      assert.equal(reopened.state, "draft");
      await saveValues(store, reporter79, KEY, { values: { GRDP: 530_000 } });
      await submitReport(store, reporter79, KEY);
      await approveReport(store, reviewer, KEY);
      const revs = await listRevisions(store.db, {
        series: "reported",
        code: "GRDP",
        area: "79",
        period: "2026-Q3",
      });
      assert.deepEqual(
        revs.map((r) => [r.oldValue, r.newValue]),
        [
          [null, 520_000],
          [520_000, 530_000],
        ],
      );
    });

    it("shows reporters only their own provinces' reports", async () => {
      assert.equal((await listVisibleReports(store, reporter79, {})).length, 1);
      assert.equal((await listVisibleReports(store, reporter01, {})).length, 0);
      assert.equal((await listVisibleReports(store, reviewer, {})).length, 1);
    });

    it("shows completeness: who has not submitted and who is late", async () => {
      const c = await completeness(store, reviewer, "2026-Q3", "2026-11-23");
      assert.equal(c.rows.length, 34);
      const hcm = c.rows.find((r) => r.area === "79")!;
      assert.equal(hcm.state, "approved");
      const hanoi = c.rows.find((r) => r.area === "01")!;
      assert.equal(hanoi.state, "not_started");
      assert.equal(hanoi.late, true, "past the deadline 2026-10-31");
      await assert.rejects(
        completeness(store, reporter79, "2026-Q3", "2026-11-23"),
        (e) => code(e) === "forbidden",
      );
    });
  });
}
