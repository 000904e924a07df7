import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDxmError } from "../domain/errors.ts";
import {
  buildAreas,
  loadAreas,
  PROVINCES_2008_FILE,
  PROVINCES_2025_FILE,
  provincesOf,
  REGIONS_FILE,
  successorUnits,
} from "./areas.ts";
import { readDataFile } from "./csv.ts";

const sources = () => ({
  regions: readDataFile(REGIONS_FILE),
  provinces2008: readDataFile(PROVINCES_2008_FILE),
  provinces2025: readDataFile(PROVINCES_2025_FILE),
});

describe("areas", () => {
  const areas = loadAreas();

  it("has 63 provinces in 2008 and 34 in 2025", () => {
    assert.equal(provincesOf(areas, "2008").length, 63);
    assert.equal(provincesOf(areas, "2025").length, 34);
  });

  it("has the nation VN with no parent in each geography", () => {
    for (const g of ["2008", "2025"] as const) {
      const vn = areas.filter((a) => a.geography === g && a.level === "nation");
      assert.equal(vn.length, 1);
      assert.equal(vn[0]?.code, "VN");
      assert.equal(vn[0]?.parent, null);
    }
  });

  it("has six regions under VN in each geography, and every province's parent is one of them", () => {
    for (const g of ["2008", "2025"] as const) {
      const regions = areas.filter((a) => a.geography === g && a.level === "region");
      assert.equal(regions.length, 6);
      assert.ok(regions.every((r) => r.parent === "VN" && r.kind === null));
      const codes = new Set(regions.map((r) => r.code));
      for (const p of provincesOf(areas, g)) {
        assert.ok(p.parent !== null && codes.has(p.parent), `${g}:${p.code} parent ${p.parent}`);
        assert.ok(p.kind === "city" || p.kind === "province");
      }
    }
  });

  it("identifies areas by geography and code, with no duplicate pair", () => {
    const keys = areas.map((a) => `${a.geography}:${a.code}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it("puts each 2008 province in exactly one 2025 unit", () => {
    const counts = new Map<string, number>();
    for (const unit of provincesOf(areas, "2025")) {
      for (const m of unit.members) counts.set(m, (counts.get(m) ?? 0) + 1);
    }
    for (const p of provincesOf(areas, "2008")) assert.equal(counts.get(p.code), 1, p.code);
    assert.equal(counts.size, 63);
    assert.equal(successorUnits(areas).size, 63);
  });

  it("knows code 15 as Yên Bái in 2008 and as Lào Cai (members 10 and 15) in 2025", () => {
    const y = areas.find((a) => a.geography === "2008" && a.code === "15");
    const l = areas.find((a) => a.geography === "2025" && a.code === "15");
    assert.equal(y?.nameVi, "Yên Bái");
    assert.deepEqual(y?.members, []);
    assert.equal(l?.nameVi, "Lào Cai");
    assert.deepEqual(l?.members, ["10", "15"]);
    assert.equal(successorUnits(areas).get("10"), "15");
  });

  it("gives 2008 provinces and all regions no members", () => {
    assert.ok(
      areas
        .filter((a) => a.geography === "2008" || a.level !== "province")
        .every((a) => a.members.length === 0),
    );
  });

  it("names the file, row and column when a province row is malformed", () => {
    const s = sources();
    const bad = {
      ...s,
      provinces2008: s.provinces2008.replace("04,Cao Bằng,Cao Bang,province", "04,Cao Bằng,Cao Bang,town"),
    };
    assert.throws(
      () => buildAreas(bad),
      (e) =>
        isDxmError(e) &&
        e.code === "invalid_data" &&
        /provinces-2008\.csv: row 4, column "type"/.test(e.message),
    );
  });

  it("refuses a 2008 province that joins two 2025 units", () => {
    const s = sources();
    const bad = { ...s, provinces2025: s.provinces2025.replace("DBSH,01\n", "DBSH,01 02\n") };
    assert.throws(
      () => buildAreas(bad),
      (e) =>
        isDxmError(e) && /provinces-2025\.csv: row 4, column "members": 2008 province 02/.test(e.message),
    );
  });

  it("refuses a region code that the regions file does not define", () => {
    const s = sources();
    const bad = {
      ...s,
      provinces2008: s.provinces2008.replace("01,Hà Nội,Ha Noi,city,DBSH", "01,Hà Nội,Ha Noi,city,XX"),
    };
    assert.throws(() => buildAreas(bad), /provinces-2008\.csv: row 2, column "region"/);
  });
});
