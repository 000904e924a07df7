import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { csvCell, toCsv } from "./csv.ts";

describe("toCsv", () => {
  it("should write a header and rows with CRLF and empty cells for missing values", () => {
    assert.equal(
      toCsv(
        ["a", "b"],
        [
          ["Hà Nội", 1.5],
          [null, undefined],
        ],
      ),
      "a,b\r\nHà Nội,1.5\r\n,\r\n",
    );
  });
  it("should quote cells with commas, quotes and line breaks", () => {
    assert.equal(csvCell('Bà Rịa, "Vũng Tàu"'), '"Bà Rịa, ""Vũng Tàu"""');
  });
  it("should neutralise text a spreadsheet would run as a formula but not negative numbers", () => {
    assert.equal(csvCell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    assert.equal(csvCell("@x"), "'@x");
    assert.equal(csvCell(-2.5), "-2.5");
  });
});
