import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type SearchHit, searchSite } from "./search.ts";

const CANDIDATES: SearchHit[] = [
  { kind: "province", geography: "2008", code: "67", name_vi: "Đắk Nông", name_en: "Dak Nong" },
  { kind: "province", geography: "2025", code: "66", name_vi: "Đắk Lắk", name_en: "Dak Lak" },
  { kind: "province", geography: "2008", code: "66", name_vi: "Đắk Lắk", name_en: "Dak Lak" },
  { kind: "province", geography: "2025", code: "79", name_vi: "Hồ Chí Minh", name_en: "Ho Chi Minh City" },
  {
    kind: "indicator",
    code: "ECOM_SHARE_RETAIL",
    name_vi: "Tỷ trọng thương mại điện tử trong tổng mức bán lẻ",
    name_en: "E-commerce share of retail sales",
  },
  {
    kind: "indicator",
    code: "DE_SHARE_GDP",
    name_vi: "Tỷ trọng kinh tế số trong GDP",
    name_en: "Digital economy share of GDP",
  },
];

describe("searchSite", () => {
  it("should find Đắk Nông by 'dak nong'", () => {
    assert.deepEqual(
      searchSite("dak nong", CANDIDATES).map((h) => h.name_vi),
      ["Đắk Nông"],
    );
  });
  it("should find the e-commerce indicator by 'thuong mai dien tu'", () => {
    assert.deepEqual(
      searchSite("thuong mai dien tu", CANDIDATES).map((h) => h.code),
      ["ECOM_SHARE_RETAIL"],
    );
  });
  it("should match words in any order and the name written without spaces", () => {
    assert.equal(searchSite("minh ho", CANDIDATES)[0]?.code, "79");
    assert.equal(searchSite("daklak", CANDIDATES)[0]?.code, "66");
  });
  it("should put the 2025 province before the 2008 one of the same name", () => {
    const hits = searchSite("Đắk Lắk", CANDIDATES);
    assert.deepEqual(
      hits.map((h) => (h.kind === "province" ? h.geography : "")),
      ["2025", "2008"],
    );
  });
  it("should find by code and return nothing for an empty query", () => {
    assert.equal(searchSite("de_share_gdp", CANDIDATES)[0]?.code, "DE_SHARE_GDP");
    assert.deepEqual(searchSite("  ", CANDIDATES), []);
  });
});
