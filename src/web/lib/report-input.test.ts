import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkInput, formatPlain, parseInput } from "./report-input.ts";

describe("parseInput", () => {
  it("should read an empty field as no value", () => {
    assert.equal(parseInput("  "), null);
  });

  it("should read a decimal comma and a decimal point alike", () => {
    assert.equal(parseInput("12,5"), 12.5);
    assert.equal(parseInput("12.5"), 12.5);
  });

  it("should read several commas as thousands separators", () => {
    assert.equal(parseInput("1,234,567"), 1234567);
  });

  it("should read text that is not a number as NaN", () => {
    assert.ok(Number.isNaN(parseInput("mười")));
    assert.ok(Number.isNaN(parseInput("12abc")));
    assert.ok(Number.isNaN(parseInput("=1+1")));
  });
});

describe("checkInput", () => {
  const count = { value_type: "integer", min: 0, max: 1000 };
  const share = { value_type: "number", min: 0, max: 100 };

  it("should accept an empty field and a value within bounds", () => {
    assert.equal(checkInput(count, ""), undefined);
    assert.equal(checkInput(share, "99,5"), undefined);
  });

  it("should name text that is not a number", () => {
    assert.deepEqual(checkInput(share, "abc"), { kind: "not_number" });
  });

  it("should refuse a fraction for an integer element", () => {
    assert.deepEqual(checkInput(count, "12,5"), { kind: "not_integer" });
  });

  it("should give the bound a value crosses", () => {
    assert.deepEqual(checkInput(count, "-1"), { kind: "below", limit: 0 });
    assert.deepEqual(checkInput(share, "100.01"), { kind: "above", limit: 100 });
  });

  it("should not check bounds the element does not have", () => {
    assert.equal(checkInput({ value_type: "number", min: null, max: null }, "-1e9"), undefined);
  });
});

describe("formatPlain", () => {
  it("should group thousands and keep only the decimals a value has", () => {
    assert.equal(formatPlain(470000, "vi-VN"), "470.000");
    assert.equal(formatPlain(12.5, "vi-VN"), "12,5");
    assert.equal(formatPlain(12.5, "en-US"), "12.5");
    assert.equal(formatPlain(null, "en-US"), "—");
  });
});
