import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchesVi, normalizeVi } from "./normalize.ts";

describe("normalizeVi", () => {
  it("should remove tone and vowel marks and lower the case", () => {
    assert.equal(normalizeVi("Hồ Chí Minh"), "ho chi minh");
    assert.equal(normalizeVi("Thừa Thiên Huế"), "thua thien hue");
    assert.equal(normalizeVi("Ưu tiên ƠN"), "uu tien on");
  });

  it("should map đ and Đ to d", () => {
    assert.equal(normalizeVi("Đắk Lắk"), "dak lak");
    assert.equal(normalizeVi("Đà Nẵng"), "da nang");
    assert.equal(normalizeVi("đường"), "duong");
  });

  it("should give the same result for precomposed and decomposed input", () => {
    const precomposed = "Đắk Nông".normalize("NFC");
    const decomposed = "Đắk Nông".normalize("NFD");
    assert.equal(normalizeVi(precomposed), normalizeVi(decomposed));
  });

  it("should turn punctuation into spaces and collapse spaces", () => {
    assert.equal(normalizeVi("  TP.  Hồ Chí Minh "), "tp ho chi minh");
    assert.equal(normalizeVi("Bà Rịa - Vũng Tàu"), "ba ria vung tau");
  });
});

describe("matchesVi", () => {
  it("should find Đắk Lắk by 'dak lak'", () => {
    assert.equal(matchesVi("dak lak", "Đắk Lắk"), true);
  });

  it("should find Hồ Chí Minh by 'ho chi minh' and by 'HO CHI'", () => {
    assert.equal(matchesVi("ho chi minh", "Thành phố Hồ Chí Minh"), true);
    assert.equal(matchesVi("HO CHI", "Hồ Chí Minh"), true);
  });

  it("should ignore spaces so that 'daklak' also finds Đắk Lắk", () => {
    assert.equal(matchesVi("daklak", "Đắk Lắk"), true);
  });

  it("should match when any of several texts matches", () => {
    assert.equal(matchesVi("ha noi", "Thủ đô", "Hà Nội"), true);
  });

  it("should not match an unrelated name", () => {
    assert.equal(matchesVi("dak lak", "Đắk Nông", "Lâm Đồng"), false);
  });

  it("should match everything for an empty query", () => {
    assert.equal(matchesVi("   ", "Hà Nội"), true);
  });
});
