import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  checkTaxCode,
  checkThresholds,
  levelOf,
  overallScore,
  percentileRank,
  pillarScores,
  pillarScoresOfArray,
  platformCount,
  platformMask,
  sizeClassOf,
  weakestPillars,
} from "./maturity.ts";

const pillars = ["A", "B", "C", "D", "E", "F"].map((code) => ({ code, weight: 1 }));
const questions = pillars.flatMap((p) =>
  [1, 2, 3, 4, 5].map((i) => ({ code: `${p.code}${i}`, pillar: p.code })),
);
const T = [10, 30, 50, 70, 85];

describe("maturity scoring", () => {
  it("scores a pillar as its mean answer over 5, times 100", () => {
    // A: 3,4,2,5,1 → mean 15/5 = 3 → 3/5 × 100 = 60
    const s = pillarScores({ A1: 3, A2: 4, A3: 2, A4: 5, A5: 1 }, questions, pillars);
    assert.equal(s.A, 60);
    assert.equal(s.B, null);
  });

  it("weights the pillars into the overall score and finds level 3 for 50 (the worked example)", () => {
    const answers: Record<string, number> = {};
    // pillar means 3, 2, 4, 1, 5, 0 → scores 60, 40, 80, 20, 100, 0
    const means = [3, 2, 4, 1, 5, 0];
    pillars.forEach((p, i) => {
      for (let k = 1; k <= 5; k++) answers[`${p.code}${k}`] = means[i]!;
    });
    const s = pillarScores(answers, questions, pillars);
    assert.deepEqual(Object.values(s), [60, 40, 80, 20, 100, 0]);
    const overall = overallScore(s, pillars)!;
    assert.equal(overall, 50); // 300 / 6
    assert.equal(levelOf(overall, T), 3);
  });

  it("gives the same pillar scores from an answer array in questionnaire order", () => {
    const answers = questions.map((_, i) => (i * 7) % 6);
    const byCode = Object.fromEntries(questions.map((q, i) => [q.code, answers[i]!]));
    const pillarOf = questions.map((q) => pillars.findIndex((p) => p.code === q.pillar));
    assert.deepEqual(
      pillarScoresOfArray(answers, pillarOf, 6),
      Object.values(pillarScores(byCode, questions, pillars)),
    );
  });

  it("uses unequal weights as a weighted mean", () => {
    // (2×60 + 1×30) / 3 = 150/3 = 50
    const w = [
      { code: "A", weight: 2 },
      { code: "B", weight: 1 },
    ];
    assert.equal(overallScore({ A: 60, B: 30 }, w), 50);
    assert.equal(overallScore({ A: null, B: null }, w), null);
  });

  it("places scores on the level boundaries in the upper level", () => {
    assert.deepEqual(
      [0, 9.99, 10, 29.9, 30, 50, 69.9, 70, 84.9, 85, 100].map((s) => levelOf(s, T)),
      [0, 0, 1, 1, 2, 3, 3, 4, 4, 5, 5],
    );
  });

  it("rejects thresholds that are not five increasing numbers in 0–100", () => {
    assert.equal(checkThresholds(T), undefined);
    assert.match(checkThresholds([10, 30, 50, 70])!, /five/);
    assert.match(checkThresholds([10, 30, 30, 70, 85])!, /increase/);
    assert.match(checkThresholds([10, 30, 50, 70, 120])!, /at most 100/);
  });

  it("names the weakest pillars, lowest first", () => {
    assert.deepEqual(weakestPillars({ A: 60, B: 40, C: 80, D: 20, E: 100, F: 40 }, pillars, 2), ["D", "B"]);
  });
});

describe("size class by Decree 80/2021 limits", () => {
  const trade = [
    { size: "micro", maxEmployees: 10, maxRevenue: 10, maxCapital: 3 },
    { size: "small", maxEmployees: 50, maxRevenue: 100, maxCapital: 50 },
    { size: "medium", maxEmployees: 100, maxRevenue: 300, maxCapital: 100 },
  ];
  it("classes a shop of 8 people with 9 billion revenue as micro", () => {
    assert.equal(sizeClassOf({ employees: 8, revenue: 9 }, trade), "micro");
  });
  it("lets capital stand in for revenue (either criterion)", () => {
    // revenue 150 > 100 but capital 40 ≤ 50 → small
    assert.equal(sizeClassOf({ employees: 40, revenue: 150, capital: 40 }, trade), "small");
  });
  it("needs the employee limit in every case", () => {
    assert.equal(sizeClassOf({ employees: 11, revenue: 1, capital: 1 }, trade), "small");
    assert.equal(sizeClassOf({ employees: 101, revenue: 1, capital: 1 }, trade), "large");
  });
  it("makes a firm with neither revenue nor capital within limits large", () => {
    assert.equal(sizeClassOf({ employees: 90, revenue: 400, capital: 200 }, trade), "large");
    assert.equal(sizeClassOf({ employees: 5 }, trade), "large");
  });
});

describe("tax code format", () => {
  it("accepts 10 digits and 10 digits with a 3-digit dependent-unit suffix", () => {
    assert.deepEqual(checkTaxCode("0101234567"), { ok: true, code: "0101234567" });
    assert.deepEqual(checkTaxCode(" 0101234567-001 "), { ok: true, code: "0101234567-001" });
  });
  it("names what is wrong", () => {
    assert.deepEqual(checkTaxCode(""), { ok: false, problem: "empty" });
    assert.deepEqual(checkTaxCode("01012345a7"), { ok: false, problem: "characters" });
    assert.deepEqual(checkTaxCode("010123456"), { ok: false, problem: "length" });
    assert.deepEqual(checkTaxCode("01012345678"), { ok: false, problem: "length" });
    assert.deepEqual(checkTaxCode("0101234567-01"), { ok: false, problem: "branch" });
    assert.deepEqual(checkTaxCode("0101234567-001-1"), { ok: false, problem: "length" });
  });
});

describe("comparison with peers", () => {
  it("ranks by mid-rank percentile", () => {
    // 6 below, 2 equal, 12 peers → (6 + 1)/12 = 58.33…
    assert.ok(Math.abs(percentileRank(6, 2, 12)! - 58.333333) < 1e-5);
    assert.equal(percentileRank(0, 4, 4), 50);
    assert.equal(percentileRank(0, 0, 0), null);
  });
  it("keeps platforms as a bit mask by position", () => {
    const list = [{ code: "X" }, { code: "Y" }, { code: "Z" }];
    assert.equal(platformMask(["Z", "X"], list), 0b101);
    assert.equal(platformCount(0b101), 2);
    assert.equal(platformCount(0), 0);
  });
});
