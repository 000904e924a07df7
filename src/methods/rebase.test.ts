import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DxmError } from "../domain/errors.ts";
import { parsePeriod } from "../domain/period.ts";
import { isRebased, mergerMap, rebaseTo2025, successors } from "./rebase.ts";
import { area, element, miniAreas } from "./test-fixtures.ts";

const merger = mergerMap(miniAreas());
const y2024 = parsePeriod("2024");

describe("mergerMap", () => {
  test("lists each 2025 province's 2008 members", () => {
    assert.deepEqual(merger.get("15"), ["10", "15"]);
    assert.deepEqual(merger.get("01"), ["01"]);
    assert.equal(successors(merger).get("10"), "15");
  });

  test("a 2008 province in two 2025 units is an error", () => {
    assert.throws(
      () =>
        mergerMap([
          area("2025", "15", "province", "R", ["10", "15"]),
          area("2025", "08", "province", "R", ["15"]),
        ]),
      (e: unknown) => e instanceof DxmError && e.code === "invalid_area",
    );
  });
});

describe("rebaseTo2025", () => {
  test("2025 Lào Cai (15) for 2024 is the sum of 2008 Lào Cai (10) and Yên Bái (15)", () => {
    // 120 + 80 = 200
    const r = rebaseTo2025(element("VA"), "15", y2024, merger, (c) => ({ "10": 120, "15": 80 })[c]);
    assert.deepEqual(r, { value: 200, complete: true, missing: [], completeness: 1 });
  });

  test("a mean element is re-based as the mean of its members", () => {
    // (4 + 6) / 2 = 5
    const r = rebaseTo2025(
      element("P", { area: "mean" }),
      "15",
      y2024,
      merger,
      (c) => ({ "10": 4, "15": 6 })[c],
    );
    assert.equal(r?.value, 5);
  });

  test("a weighted-mean element uses the weight element of the same 2008 members", () => {
    // (4 × 1 + 10 × 3) / (1 + 3) = 34 / 4 = 8.5
    const r = rebaseTo2025(
      element("PRICE", { area: "weighted_mean:QTY" }),
      "15",
      y2024,
      merger,
      (c) => ({ "10": 4, "15": 10 })[c],
      (c) => ({ "10": 1, "15": 3 })[c],
    );
    assert.equal(r?.value, 8.5);
  });

  test("a missing member makes the re-based value incomplete and names it as 2008:CODE", () => {
    const r = rebaseTo2025(element("VA"), "15", y2024, merger, (c) => ({ "10": 120 })[c]);
    assert.deepEqual(r, { value: 120, complete: false, missing: ["2008:15"], completeness: 0.5 });
  });

  test("an element with rule none is not re-based", () => {
    const el = element("RANK", { area: "none" });
    assert.equal(isRebased(el), false);
    assert.equal(
      rebaseTo2025(el, "15", y2024, merger, () => 1),
      null,
    );
  });

  test("a period of the 2025 geography is refused: nothing is split back or re-based", () => {
    assert.throws(
      () => rebaseTo2025(element("VA"), "15", parsePeriod("2025-Q3"), merger, () => 1),
      (e: unknown) => e instanceof DxmError && e.code === "invalid_period",
    );
    // The year 2025 ends in the 2025 geography, so it is not re-based either; 2025-S1 is.
    assert.throws(() => rebaseTo2025(element("VA"), "15", parsePeriod("2025"), merger, () => 1));
    assert.equal(rebaseTo2025(element("VA"), "15", parsePeriod("2025-S1"), merger, () => 1)?.value, 2);
  });

  test("a code that is not a 2025 province is an error", () => {
    assert.throws(
      () => rebaseTo2025(element("VA"), "10", y2024, merger, () => 1),
      (e: unknown) => e instanceof DxmError && e.code === "invalid_area",
    );
  });
});
