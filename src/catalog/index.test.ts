import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadCatalog } from "./index.ts";

describe("catalogue", () => {
  it("returns areas, pillars, elements, indicators, series, targets and industries, read once", () => {
    const c = loadCatalog();
    assert.equal(loadCatalog(), c);
    assert.equal(c.areas.filter((a) => a.level === "province").length, 97);
    assert.equal(c.pillars.length, 10);
    assert.ok(c.dataElements.length > 40);
    assert.ok(c.indicators.length > 40);
    assert.ok(c.targets.length > 60);
    assert.equal(c.industries.length, 28);
  });

  it("ships one input–output table: the demo table of 2022, named and flagged as demo", () => {
    const { ioTables, industries } = loadCatalog();
    assert.equal(ioTables.length, 1);
    const t = ioTables[0];
    assert.equal(t?.year, 2022);
    assert.equal(t?.isDemo, true);
    assert.match(t?.name ?? "", /minh họa.*Demo/);
    assert.deepEqual(
      t?.codes,
      industries.map((i) => i.code),
    );
  });

  it("flags demo as the only demo series and describes every series in both languages", () => {
    const { series } = loadCatalog();
    assert.deepEqual(
      series.map((s) => s.code),
      ["reported", "gso_official", "mic_estimate", "demo", "assessment", "dti_published"],
    );
    assert.deepEqual(
      series.filter((s) => s.isDemo).map((s) => s.code),
      ["demo"],
    );
    for (const s of series) {
      for (const text of [s.nameVi, s.nameEn, s.descriptionVi, s.descriptionEn])
        assert.ok(text.length > 10, s.code);
    }
  });

  it("numbers the pillars 1 to 10 in order", () => {
    assert.deepEqual(
      loadCatalog().pillars.map((p) => p.ordinal),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
  });
});
