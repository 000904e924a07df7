import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DxmError } from "../domain/errors.ts";
import { parseIoCsv } from "./io-tables.ts";

const GOOD = `industry,name,A,C26,K,output,value_added
A,Nông nghiệp,10,1,5,100,84
C26,Điện tử,2,20,3,200,170
K,Tài chính,3,9,4,150,138
`;

function rejects(text: string, pattern: RegExp, field?: RegExp) {
  assert.throws(
    () => parseIoCsv(text, 2022, "io.csv"),
    (e: unknown) => {
      assert.ok(e instanceof DxmError, String(e));
      assert.equal(e.code, "invalid_data");
      assert.match(e.message, pattern);
      if (field) assert.match(e.field ?? "", field);
      assert.ok(e.messageVi.length > 0);
      return true;
    },
  );
}

describe("parseIoCsv", () => {
  it("reads codes, the flow matrix by row, outputs and value added", () => {
    const t = parseIoCsv(GOOD, 2022);
    assert.equal(t.year, 2022);
    assert.deepEqual(t.codes, ["A", "C26", "K"]);
    assert.deepEqual(t.z, [
      [10, 1, 5],
      [2, 20, 3],
      [3, 9, 4],
    ]);
    assert.deepEqual(t.output, [100, 200, 150]);
    assert.deepEqual(t.valueAdded, [84, 170, 138]);
  });

  it("accepts a table without the name column and with a byte-order mark", () => {
    const t = parseIoCsv("\uFEFFindustry,A,K,output,value_added\nA,1,2,10,7\nK,3,4,20,14\n", 2016);
    assert.deepEqual(t.codes, ["A", "K"]);
  });

  it("says the table is not square when rows and columns differ in number", () => {
    rejects(
      "industry,A,K,output,value_added\nA,1,2,10,7\n",
      /not square: 2 industry columns but 1 industry rows/,
    );
  });

  it("names the row and column of a cell that is not a number", () => {
    rejects(
      GOOD.replace("2,20,3", "2,x20,3"),
      /row 3 \(C26\), column 4 \(C26\): "x20" is not a number/,
      /row 3/,
    );
  });

  it("names a row whose industry is not in the same place as its column", () => {
    rejects(GOOD.replace("C26,Điện tử", "K2,Điện tử"), /row 3 is industry "K2" but column 4 is "C26"/);
  });

  it("names a row with a missing cell", () => {
    rejects(GOOD.replace("2,20,3,200,170", "2,20,200,170"), /row 3 has 6 cells, the header has 7/);
  });

  it("requires the header to start with industry and end with output and value_added", () => {
    rejects(GOOD.replace("industry,", "sector,"), /column 1 must be "industry"/);
    rejects(GOOD.replace(",output,value_added", ",value_added,output"), /last two header columns/);
  });
});
