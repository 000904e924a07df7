import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatNumber, formatPercent, MISSING } from "./format.ts";

describe("formatPercent", () => {
  it("should write a Vietnamese percentage with a decimal comma and no space", () => {
    assert.equal(formatPercent(16.5, "vi", 1), "16,5%");
  });

  it("should write an English percentage with a decimal point", () => {
    assert.equal(formatPercent(16.5, "en", 1), "16.5%");
  });

  it("should round to the indicator's decimals and pad with zeros", () => {
    assert.equal(formatPercent(14.016, "vi", 2), "14,02%");
    assert.equal(formatPercent(20, "vi", 1), "20,0%");
    assert.equal(formatPercent(20, "en", 0), "20%");
  });

  it("should default to one decimal", () => {
    assert.equal(formatPercent(12.87, "vi"), "12,9%");
  });

  it("should show a dash for a missing or non-finite value", () => {
    assert.equal(formatPercent(null, "vi"), MISSING);
    assert.equal(formatPercent(undefined, "en"), MISSING);
    assert.equal(formatPercent(Number.NaN, "vi"), MISSING);
  });
});

describe("formatNumber", () => {
  it("should group thousands with a dot and use a decimal comma in Vietnamese", () => {
    assert.equal(formatNumber(1234567.891, "vi", 2), "1.234.567,89");
  });

  it("should group thousands with a comma in English", () => {
    assert.equal(formatNumber(1234567.891, "en", 2), "1,234,567.89");
  });

  it("should default to no decimals", () => {
    assert.equal(formatNumber(63.4, "vi"), "63");
  });

  it("should keep the sign of a negative value", () => {
    assert.equal(formatNumber(-0.5, "vi", 1), "-0,5");
  });

  it("should show a dash for a missing value", () => {
    assert.equal(formatNumber(null, "vi"), MISSING);
    assert.equal(formatNumber(Number.POSITIVE_INFINITY, "en"), MISSING);
  });
});
