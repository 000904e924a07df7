import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { indicators } from "./indicators.ts";
import { loadTargets } from "./targets.ts";

describe("targets", () => {
  const targets = loadTargets();
  const d411 = targets.filter((t) => t.source === "Quyết định 411/QĐ-TTg ngày 31/3/2022");

  it("gives each Decision 411 target to the nation in both geographies", () => {
    // 13 indicators for 2025, 11 of them with a 2030 value: 24 targets, twice.
    assert.equal(d411.length, 48);
    for (const t of d411) {
      assert.equal(t.area, "VN");
      const twin = d411.find(
        (u) => u.indicator === t.indicator && u.year === t.year && u.geography !== t.geography,
      );
      assert.equal(twin?.value, t.value);
    }
    const de = d411.filter((t) => t.indicator === "DE_SHARE_GDP" && t.geography === "2025");
    assert.deepEqual(
      de.map((t) => [t.year, t.comparator, t.value]),
      [
        [2025, ">=", 20],
        [2030, ">=", 30],
      ],
    );
  });

  it("skips the Decision 411 cells for 2030 that were left blank", () => {
    for (const code of ["DIGITAL_SKILLS_BASIC", "FIBRE_HOUSEHOLDS"]) {
      assert.deepEqual(
        d411.filter((t) => t.indicator === code).map((t) => t.year),
        [2025, 2025],
      );
    }
  });

  it("reads a strict target of more than 100 % as at least 100 %, and keeps other comparators", () => {
    const econtract = d411.filter((t) => t.indicator === "ENT_ECONTRACT" && t.geography === "2025");
    assert.deepEqual(
      econtract.map((t) => [t.year, t.comparator, t.value]),
      [
        [2025, ">", 80],
        [2030, ">=", 100],
      ],
    );
  });

  it("keeps the file's note, or null when it is blank", () => {
    const econtract = d411.find((t) => t.indicator === "ENT_ECONTRACT" && t.year === 2030);
    assert.equal(econtract?.note, "2030 value from one secondary source");
    assert.equal(d411.find((t) => t.indicator === "DE_SHARE_GDP")?.note, null);
  });

  it("gives the annual plan targets for their year, citing the committee's plan", () => {
    const sme = targets.filter((t) => t.indicator === "SME_DIGITAL_PLATFORM" && t.year === 2022);
    assert.equal(sme.length, 2);
    assert.equal(sme[0]?.value, 30);
    assert.match(sme[0]?.source ?? "", /Kế hoạch năm 2022 của Ủy ban Quốc gia về chuyển đổi số/);
    assert.match(sme[0]?.note ?? "", /2022 plan/);
    const reached = targets.find((t) => t.indicator === "SME_DIGITAL_PLATFORM_REACHED");
    assert.equal(reached?.comparator, ">");
    assert.equal(reached?.value, 90);
    assert.match(reached?.source ?? "", /30\/8\/2023/);
  });

  it("gives the provincial targets to their province in the 2008 geography", () => {
    const hcmc = targets.filter((t) => t.area === "79" && t.indicator === "DE_SHARE_GDP");
    assert.deepEqual(
      hcmc.map((t) => [t.geography, t.year, t.value]),
      [
        ["2008", 2024, 22],
        ["2008", 2025, 25],
        ["2008", 2030, 40],
      ],
    );
    assert.equal(targets.filter((t) => t.area === "93").length, 6);
    assert.match(targets.find((t) => t.area === "93")?.source ?? "", /Hậu Giang/);
  });

  it("refers only to catalogue indicators", () => {
    const codes = new Set(indicators.map((i) => i.code));
    for (const t of targets) assert.ok(codes.has(t.indicator), t.indicator);
  });
});
