import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadProgrammes } from "./programmes.ts";

describe("action programmes of the 2023 forum", () => {
  it("loads the 10 programmes with bilingual leads, checked indicators and blank deadlines kept blank", () => {
    const ps = loadProgrammes();
    assert.equal(ps.length, 10);
    assert.deepEqual(
      ps.map((p) => p.key),
      Array.from({ length: 10 }, (_, i) => `forum-2023-${String(i + 1).padStart(2, "0")}`),
    );
    const first = ps[0]!;
    assert.equal(first.leadEn, "Ministry of Information and Communications; provinces");
    assert.equal(first.leadVi, "Bộ Thông tin và Truyền thông; Các tỉnh, thành phố");
    assert.equal(first.deadline, "2024-12-31");
    assert.deepEqual(first.indicators, ["SMARTPHONE_ADULTS", "FIBRE_HOUSEHOLDS"]);
    assert.equal(ps[2]!.deadline, null);
    assert.equal(ps[7]!.leadVi, "Bộ Thông tin và Truyền thông; Tổng cục Thống kê");
    assert.deepEqual(ps[7]!.indicators, ["DE_SHARE_GDP"]);
  });
});
