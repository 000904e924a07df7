import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ProgressDto } from "../data/types.ts";
import { headlineProgress, isDecision411, longestTargetPath } from "./progress-model.ts";

function item(series: string, year: number, tc: number | null, path = 0): ProgressDto {
  return {
    indicator: "X",
    geography: "2025",
    area: "VN",
    series,
    target: {
      indicator: "X",
      geography: "2025",
      area: "VN",
      year,
      comparator: ">=",
      value: 20,
      source: "Quyết định 411/QĐ-TTg",
      note: null,
      scope: "national",
    },
    class: "on_track",
    ratio: 1,
    growth_basis: "geometric",
    growth_actual: 0.1,
    growth_required: 0.1,
    growth_required_from_now: null,
    numerator_growth_required: null,
    projection: null,
    target_path: Array.from({ length: path }, (_, i) => ({ year: 2020 + i, value: i })),
    path_gap: null,
    notes: [],
    inputs: {
      x0: 1,
      t0: 2020,
      xc: tc === null ? null : 2,
      tc,
      xstar: 20,
      T: year,
      d: 1,
      comparator: ">=",
      gdp_growth: null,
    },
  };
}

describe("headlineProgress", () => {
  it("should prefer the official series and the next target not yet due", () => {
    const items = [
      item("demo", 2025, 2026),
      item("gso_official", 2023, 2024),
      item("gso_official", 2025, 2024),
      item("gso_official", 2030, 2024),
    ];
    const p = headlineProgress(items, "X");
    assert.equal(p?.series, "gso_official");
    assert.equal(p?.target.year, 2025);
  });
  it("should take the last target once every target is due, and skip series without a value", () => {
    const items = [item("gso_official", 2025, null), item("demo", 2023, 2026), item("demo", 2025, 2026)];
    const p = headlineProgress(items, "X");
    assert.equal(p?.series, "demo");
    assert.equal(p?.target.year, 2025);
  });
  it("should give nothing when no series has a value", () => {
    assert.equal(headlineProgress([item("demo", 2025, null)], "X"), undefined);
  });
});

describe("longestTargetPath and isDecision411", () => {
  it("should pick the path to the furthest target of the series", () => {
    assert.equal(
      longestTargetPath([item("demo", 2025, 2024, 6), item("demo", 2030, 2024, 11)], "X", "demo")?.target
        .year,
      2030,
    );
  });
  it("should recognise Decision 411 in a legal source", () => {
    assert.equal(isDecision411("Quyết định 411/QĐ-TTg ngày 31/3/2022"), true);
    assert.equal(isDecision411("Kế hoạch năm 2023"), false);
  });
});
