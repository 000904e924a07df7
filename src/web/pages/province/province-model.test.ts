import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { IndicatorDto, ObservationDto, TargetDto } from "../../data/types.ts";
import { applicableTarget, buildProvinceRows, pillarScores } from "./province-model.ts";

function target(area: string, year: number, value: number): TargetDto {
  return {
    indicator: "X",
    geography: "2025",
    area,
    year,
    comparator: ">=",
    value,
    source: "411",
    note: null,
  };
}

function indicator(
  code: string,
  pillar: string,
  direction: "higher" | "lower" = "higher",
  targets: TargetDto[] = [],
): IndicatorDto {
  return {
    code,
    name_vi: code,
    name_en: code,
    definition_vi: "",
    definition_en: "",
    unit: "percent",
    pillar,
    direction,
    decimals: 1,
    numerator: "{A}",
    denominator: null,
    factor: 1,
    frequency: "annual",
    source: "",
    tags: [],
    targets,
  };
}

function obs(
  indicatorCode: string,
  area: string,
  period: string,
  value: number,
  series = "demo",
): ObservationDto {
  return {
    indicator: indicatorCode,
    geography: "2025",
    area,
    period,
    series,
    value,
    numerator: null,
    denominator: null,
    complete: true,
    missing: [],
    method: "m",
    status: "estimate",
  };
}

describe("applicableTarget", () => {
  it("should prefer the province's own target and else cascade the national one", () => {
    const targets = [target("VN", 2025, 20), target("79", 2025, 25), target("VN", 2030, 30)];
    assert.deepEqual(
      [applicableTarget(targets, "79", 2024)?.value, applicableTarget(targets, "79", 2024)?.scope],
      [25, "own"],
    );
    assert.deepEqual(
      [applicableTarget(targets, "01", 2024)?.value, applicableTarget(targets, "01", 2024)?.scope],
      [20, "national"],
    );
    assert.equal(applicableTarget(targets, "01", 2026)?.value, 30, "the next target not yet due");
  });
});

describe("buildProvinceRows and pillarScores", () => {
  const indicators = [indicator("A", "p1"), indicator("B", "p1", "lower"), indicator("C", "p2")];
  const provinces = [
    obs("A", "01", "2024", 10),
    obs("A", "02", "2024", 20),
    obs("A", "03", "2024", 30),
    obs("B", "01", "2024", 1),
    obs("B", "02", "2024", 2),
    obs("B", "03", "2024", 3),
    obs("C", "01", "2024", 5),
    obs("C", "02", "2024", 5),
  ];
  const rows = buildProvinceRows({
    area: "01",
    indicators,
    own: [
      obs("A", "01", "2023", 9),
      obs("A", "01", "2024", 10),
      obs("B", "01", "2024", 1),
      obs("C", "01", "2024", 5),
    ],
    nation: [obs("A", "VN", "2024", 18)],
    provinces,
  });
  it("should take the latest year, the national value of that year and the rank among provinces", () => {
    const a = rows.find((r) => r.indicator.code === "A");
    assert.deepEqual([a?.year, a?.value, a?.national, a?.rank, a?.ranked], ["2024", 10, 18, 3, 3]);
    assert.equal(
      rows.find((r) => r.indicator.code === "B")?.rank,
      1,
      "lower is better: the smallest ranks first",
    );
  });
  it("should average the position scores of a pillar's indicators", () => {
    const scores = pillarScores(rows);
    assert.deepEqual(
      scores.find((s) => s.pillar === "p1"),
      { pillar: "p1", score: 50, indicators: 2 },
    );
    assert.deepEqual(
      scores.find((s) => s.pillar === "p2"),
      { pillar: "p2", score: 100, indicators: 1 },
      "a tie for first scores 100",
    );
  });
});
