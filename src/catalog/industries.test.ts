import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dataElements, findIndicator } from "./indicators.ts";
import { CORE_INDUSTRIES, findIndustry, industries, industryCodes, vaElementCode } from "./industries.ts";

describe("industries", () => {
  it("lists the 21 VSIC 2018 sections and the 7 core digital groups", () => {
    assert.equal(industries.length, 28);
    assert.equal(new Set(industryCodes).size, 28);
    const sections = industries.filter((i) => !i.core).map((i) => i.code);
    assert.deepEqual(sections, [..."ABCDEFGHIJKLMNOPQRSTU"]);
    assert.deepEqual([...CORE_INDUSTRIES], ["C26", "G465", "J582", "J61", "J62", "J631", "S951"]);
    for (const i of industries) {
      assert.equal(i.section, i.code.charAt(0), i.code);
      for (const text of [i.nameVi, i.nameEn, i.vsic]) assert.ok(text.length > 0, i.code);
    }
    assert.equal(findIndustry("A")?.nameVi, "Nông nghiệp, lâm nghiệp và thủy sản");
    assert.equal(findIndustry("J61")?.vsic, "61");
  });

  it("marks the sections that lose core groups as the rest of their section", () => {
    for (const code of ["C", "G", "J", "S"]) {
      assert.match(findIndustry(code)?.vsic ?? "", /\(trừ /, code);
      assert.ok(
        industries.some((i) => i.core && i.section === code),
        code,
      );
    }
  });

  it("has a value-added element and a share-of-GRDP indicator for every industry", () => {
    for (const code of industryCodes) {
      const e = dataElements.find((x) => x.code === vaElementCode(code));
      assert.equal(e?.unit, "vnd_billion", code);
      assert.equal(e?.frequency, "quarterly", code);
      assert.equal(e?.areaAggregation, "sum", code);
      assert.equal(e?.timeAggregation, "sum", code);
      assert.equal(e?.pillar, "digital_economy", code);
      assert.equal(e?.min, 0, code);
      const i = findIndicator(`VA_SHARE_${code}`);
      assert.equal(i?.numerator, `{VA_${code}}`, code);
      assert.equal(i?.denominator, "{GRDP}", code);
      assert.equal(i?.factor, 100, code);
      assert.ok(i?.tags.includes("economic-structure"), code);
      assert.match(i?.nameVi ?? "", /^Tỷ trọng giá trị tăng thêm ngành .+ trong GRDP$/);
    }
  });
});
