/**
 * Annual data elements (population, households, …) are reported once a year, in the fourth
 * quarter's report: the Q4 form holds them beside the quarterly ones, with last year's value as
 * "previous"; other quarters refuse them with a hint; an approved Q4 report stores them as the
 * year's observations (period `2026`), the quarterly ones as the quarter's (`2026-Q4`).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Principal } from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";
import type { Store } from "../store/db.ts";
import { upsertObservations } from "../store/observations-repo.ts";
import {
  approveReport,
  getReport,
  openPeriodAs,
  saveValues,
  submitReport,
  valuePeriod,
} from "./reporting.ts";
import { referenceBackends } from "./testing.ts";

const reporter: Principal = {
  kind: "user",
  id: 201,
  email: "r79@annual.test",
  name: "R79",
  role: "reporter",
  areas: [{ geography: "2025", code: "79" }],
};
const reviewer: Principal = {
  kind: "user",
  id: 202,
  email: "rev@annual.test",
  name: "Rev",
  role: "reviewer",
  areas: [],
};
const Q3 = { geography: "2025" as const, area: "79", period: "2026-Q3" };
const Q4 = { geography: "2025" as const, area: "79", period: "2026-Q4" };
const ANNUAL = ["POP_TOTAL", "HOUSEHOLDS", "ADULTS_SMARTPHONE"];

describe("valuePeriod", () => {
  it("should put an annual element of 2026-Q4 in 2026 and keep a quarterly one in its quarter", () => {
    const annual = { frequency: "annual" } as Parameters<typeof valuePeriod>[0];
    const quarterly = { frequency: "quarterly" } as Parameters<typeof valuePeriod>[0];
    assert.equal(valuePeriod(annual, "2026-Q4"), "2026");
    assert.equal(valuePeriod(quarterly, "2026-Q4"), "2026-Q4");
    assert.equal(valuePeriod(undefined, "2026-Q4"), "2026-Q4");
  });
});

for (const backend of await referenceBackends()) {
  describe(`annual elements in the Q4 report on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
      await openPeriodAs(store, "test", Q3.period, "2026-10-31");
      await openPeriodAs(store, "test", Q4.period, "2027-01-31");
      // Last year's approved population of Hồ Chí Minh City.
      await upsertObservations(
        store.db,
        [
          {
            series: "reported",
            code: "POP_TOTAL",
            target: "element",
            geography: "2025",
            area: "79",
            period: "2025",
            value: 14_000_000,
            status: "official",
            note: "test",
          },
        ],
        "test",
      );
    });
    after(async () => {
      await store?.close();
    });

    it("keeps annual elements out of Q1–Q3 forms and refuses them there with a hint", async () => {
      const view = await getReport(store, reviewer, Q3);
      const codes = new Set(view.elements.map((e) => e.code));
      for (const c of ANNUAL) assert.equal(codes.has(c), false, c);
      await assert.rejects(
        saveValues(store, reporter, Q3, { values: { POP_TOTAL: 14_100_000 } }),
        (e) =>
          e instanceof DxmError &&
          e.field === "values.POP_TOTAL" &&
          /annual elements are reported in Q4/.test(e.message) &&
          /quý IV/.test(e.messageVi),
      );
    });

    it("puts them in the Q4 form, required, with last year's value as the previous one", async () => {
      const view = await getReport(store, reviewer, Q4);
      const codes = new Set(view.elements.map((e) => e.code));
      for (const c of ANNUAL) assert.ok(codes.has(c), c);
      assert.ok(codes.has("GRDP"), "the quarterly elements stay");
      assert.equal(view.previous.get("POP_TOTAL"), 14_000_000);
      const missing = view.validation.issues.filter((i) => i.code === "required").flatMap((i) => i.elements);
      assert.ok(missing.includes("POP_TOTAL"), "an annual element is required in Q4");
    });

    it("stores annual values of an approved Q4 report as the year's observations", async () => {
      const view = await getReport(store, reviewer, Q4);
      const values = Object.fromEntries(view.elements.map((e) => [e.code, 1000]));
      values.POP_TOTAL = 14_200_000;
      values.HOUSEHOLDS = 4_000_000;
      let saved = await saveValues(store, reporter, Q4, { values });
      const comments: Record<string, string> = {};
      for (const i of saved.validation.issues) for (const el of i.elements) comments[el] = "checked";
      saved = await saveValues(store, reporter, Q4, { values, comments });
      const errors = saved.validation.issues.filter((i) => i.severity === "error");
      assert.deepEqual(errors, [], JSON.stringify(errors.slice(0, 3)));
      await submitReport(store, reporter, Q4);
      await approveReport(store, reviewer, Q4);
      const rows = await store.db
        .selectFrom("observation")
        .select(["code", "period", "value"])
        .where("series", "=", "reported")
        .where("area_code", "=", "79")
        .where("code", "in", ["POP_TOTAL", "HOUSEHOLDS", "GRDP"])
        .orderBy("code")
        .orderBy("period")
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.code, r.period, r.value]),
        [
          ["GRDP", "2026-Q4", 1000],
          ["HOUSEHOLDS", "2026", 4_000_000],
          ["POP_TOTAL", "2025", 14_000_000],
          ["POP_TOTAL", "2026", 14_200_000],
        ],
      );
    });
  });
}
