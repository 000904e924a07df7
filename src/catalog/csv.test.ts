import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDxmError } from "../domain/errors.ts";
import { parseCsvTable } from "./csv.ts";

describe("reference CSV reading", () => {
  it("names the file, row and column of a cell that is not a number", () => {
    const rows = parseCsvTable("facts/x.csv", "year,value\n2020,12.5\n2021,abc\n", ["year", "value"]);
    assert.equal(rows[0]?.number("value"), 12.5);
    assert.throws(
      () => rows[1]?.number("value"),
      (e) =>
        isDxmError(e) &&
        e.code === "invalid_data" &&
        e.field === "facts/x.csv:3:value" &&
        e.message === 'facts/x.csv: row 3, column "value": "abc" is not a number' &&
        e.messageVi.includes("dòng 3"),
    );
  });

  it("reports a column missing from the header", () => {
    assert.throws(
      () => parseCsvTable("a.csv", "year\n2020\n", ["year", "value"]),
      /a\.csv: row 1, column "value": missing column/,
    );
  });

  it("reports a row with a different number of cells than the header", () => {
    assert.throws(
      () => parseCsvTable("a.csv", "a,b\n1,2\n1,2,3\n", ["a"]),
      /a\.csv: row 3: has 3 cells, the header has 2/,
    );
  });

  it("refuses an empty required cell and a value outside a list", () => {
    const [row] = parseCsvTable("a.csv", "kind,name\nbig,\n", ["kind", "name"]);
    assert.throws(() => row?.required("name"), /row 2, column "name": is empty/);
    assert.throws(() => row?.oneOf("kind", ["city", "province"]), /"big" is not one of city, province/);
  });
});
