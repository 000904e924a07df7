import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkThresholds } from "../methods/maturity.ts";
import {
  ADVICE,
  DEFAULT_LEVEL_THRESHOLDS,
  MATURITY_LEVELS,
  MATURITY_PILLARS,
  PLATFORMS,
  QUESTIONS,
  SECTIONS,
  SIZE_CRITERIA,
  sectorGroupOf,
} from "./assessment-questionnaire.ts";

describe("the self-assessment questionnaire", () => {
  it("has the six DBI pillars with the level names of Decision 1970", () => {
    assert.deepEqual(
      MATURITY_PILLARS.map((p) => p.code),
      ["CUSTOMER", "STRATEGY", "TECHNOLOGY", "OPERATIONS", "CULTURE", "DATA"],
    );
    assert.deepEqual(
      MATURITY_LEVELS.map((l) => l.nameVi),
      ["Chưa chuyển đổi số", "Khởi động", "Bắt đầu", "Hình thành", "Nâng cao", "Dẫn dắt"],
    );
  });

  it("asks 30 questions, five per pillar, with unique codes and both languages", () => {
    assert.equal(QUESTIONS.length, 30);
    assert.equal(new Set(QUESTIONS.map((q) => q.code)).size, 30);
    for (const p of MATURITY_PILLARS)
      assert.equal(QUESTIONS.filter((q) => q.pillar === p.code).length, 5, p.code);
    for (const q of QUESTIONS)
      for (const t of [q.textVi, q.textEn, q.lowVi, q.lowEn, q.highVi, q.highEn])
        assert.ok(t.length > 1, q.code);
  });

  it("gives three bands of advice to every pillar and valid default thresholds", () => {
    for (const p of MATURITY_PILLARS) assert.equal(ADVICE[p.code].length, 3);
    assert.equal(checkThresholds(DEFAULT_LEVEL_THRESHOLDS), undefined);
  });

  it("keeps platform codes unique and within a 31-bit mask", () => {
    assert.equal(new Set(PLATFORMS.map((p) => p.code)).size, PLATFORMS.length);
    assert.ok(PLATFORMS.length <= 31);
  });

  it("groups sections A–F as agriculture, industry and construction, the rest as trade and services", () => {
    assert.equal(SECTIONS.length, 21);
    assert.equal(sectorGroupOf("A"), "agriculture_industry_construction");
    assert.equal(sectorGroupOf("F"), "agriculture_industry_construction");
    assert.equal(sectorGroupOf("G"), "trade_services");
    assert.equal(SIZE_CRITERIA.trade_services[0]?.maxRevenue, 10);
  });
});
