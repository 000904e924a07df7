import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { aggregateAreas, aggregateTime, type Cell, type MemberValue, weakerStatus } from "./aggregate.ts";

const from =
  (values: Record<string, MemberValue>) =>
  (key: string): MemberValue =>
    values[key];

describe("aggregateAreas", () => {
  const members = ["2008:10", "2008:15", "2008:01"];

  test("sums the members when all are present", () => {
    // 10 + 20 + 30 = 60
    const r = aggregateAreas("sum", members, from({ "2008:10": 10, "2008:15": 20, "2008:01": 30 }));
    assert.deepEqual(r, { value: 60, complete: true, missing: [], completeness: 1 });
  });

  test("a sum with a missing member is still shown but is incomplete and names the member", () => {
    // 20 + 30 = 50 over 2 of 3 members
    const r = aggregateAreas("sum", members, from({ "2008:15": 20, "2008:01": 30 }));
    assert.equal(r.value, 50);
    assert.equal(r.complete, false);
    assert.deepEqual(r.missing, ["2008:10"]);
    assert.equal(r.completeness, 2 / 3);
  });

  test("a mean is over the present members only", () => {
    // (20 + 30) / 2 = 25
    const r = aggregateAreas("mean", members, from({ "2008:15": 20, "2008:01": 30 }));
    assert.equal(r.value, 25);
    assert.equal(r.complete, false);
  });

  test("a weighted mean weighs each member by the weight element of the same member", () => {
    // (2 × 100 + 4 × 300) / (100 + 300) = 1400 / 400 = 3.5; member 01 has no weight so it is missing
    const values = from({ "2008:10": 2, "2008:15": 4, "2008:01": 9 });
    const weights = from({ "2008:10": 100, "2008:15": 300 });
    const r = aggregateAreas("weighted_mean:POP", members, values, weights);
    assert.equal(r.value, 3.5);
    assert.deepEqual(r.missing, ["2008:01"]);
    assert.equal(r.completeness, 2 / 3);
  });

  test("a weighted mean whose weights sum to zero has no value", () => {
    const r = aggregateAreas("weighted_mean:POP", ["a"], from({ a: 5 }), from({ a: 0 }));
    assert.equal(r.value, null);
  });

  test("an element with rule none is not aggregated", () => {
    const r = aggregateAreas("none", members, from({ "2008:10": 1 }));
    assert.deepEqual(r, { value: null, complete: false, missing: [], completeness: 0 });
  });

  test("no member present gives no value and names them all", () => {
    const r = aggregateAreas("sum", ["2008:10", "2008:15"], from({}));
    assert.deepEqual(r, { value: null, complete: false, missing: ["2008:10", "2008:15"], completeness: 0 });
  });

  test("an incomplete member passes its missing entries and completeness up", () => {
    // member 10 has 3 of 4 quarters (0.75), member 15 is complete: completeness (0.75 + 1) / 2 = 0.875
    const partial: Cell = {
      value: 7,
      complete: false,
      missing: ["2024-Q3"],
      completeness: 0.75,
      status: "preliminary",
    };
    const r = aggregateAreas("sum", ["2008:10", "2008:15"], from({ "2008:10": partial, "2008:15": 3 }));
    assert.equal(r.value, 10);
    assert.equal(r.complete, false);
    assert.deepEqual(r.missing, ["2024-Q3"]);
    assert.equal(r.completeness, 0.875);
    assert.equal(r.status, "preliminary");
  });
});

describe("aggregateTime", () => {
  const quarters = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"];
  const all = from({ "2024-Q1": 10, "2024-Q2": 20, "2024-Q3": 30, "2024-Q4": 40 });

  test("flows sum over the quarters", () => {
    // 10 + 20 + 30 + 40 = 100
    assert.deepEqual(aggregateTime("sum", quarters, all), {
      value: 100,
      complete: true,
      missing: [],
      completeness: 1,
    });
  });

  test("stocks take the last quarter", () => {
    assert.equal(aggregateTime("last", quarters, all).value, 40);
  });

  test("a mean averages the quarters", () => {
    // (10 + 20 + 30 + 40) / 4 = 25
    assert.equal(aggregateTime("mean", quarters, all).value, 25);
  });

  test("a flow with a missing quarter is incomplete and names the quarter", () => {
    // 10 + 20 + 40 = 70 over 3 of 4 quarters
    const r = aggregateTime("sum", quarters, from({ "2024-Q1": 10, "2024-Q2": 20, "2024-Q4": 40 }));
    assert.deepEqual(r, { value: 70, complete: false, missing: ["2024-Q3"], completeness: 0.75 });
  });

  test("a stock does not need the earlier quarters", () => {
    const r = aggregateTime("last", quarters, from({ "2024-Q4": 40 }));
    assert.deepEqual(r, { value: 40, complete: true, missing: [], completeness: 1 });
  });

  test("a stock whose last quarter is missing carries the latest value forward and is incomplete", () => {
    const r = aggregateTime("last", quarters, from({ "2024-Q1": 10, "2024-Q2": 20, "2024-Q3": 30 }));
    assert.deepEqual(r, { value: 30, complete: false, missing: ["2024-Q4"], completeness: 0.75 });
  });
});

describe("weakerStatus", () => {
  test("ranks estimate below preliminary below revised below official", () => {
    assert.equal(weakerStatus("official", "preliminary"), "preliminary");
    assert.equal(weakerStatus("revised", "official"), "revised");
    assert.equal(weakerStatus("estimate", "preliminary"), "estimate");
    assert.equal(weakerStatus(undefined, "official"), "official");
  });
});
