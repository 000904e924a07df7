import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { csvRecords } from "./assessment-files.ts";

async function read(chunks: string[]) {
  const out: { line: number; fields: string[] }[] = [];
  for await (const r of csvRecords(
    (async function* () {
      yield* chunks;
    })(),
  ))
    out.push(r);
  return out;
}

describe("the CSV reader of import files", () => {
  it("reads plain and quoted fields, doubled quotes, CR LF, a BOM and records split across chunks", async () => {
    const rows = await read(['\uFEFFa,b,c\r\n1,"x, y",3\r\n4,"say ""hi""",', "6\n7,8,9"]);
    assert.deepEqual(rows, [
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "x, y", "3"] },
      { line: 3, fields: ["4", 'say "hi"', "6"] },
      { line: 4, fields: ["7", "8", "9"] },
    ]);
  });

  it("keeps a line break inside quotes and numbers the record by its first line", async () => {
    const rows = await read(['h1,h2\n"two\nlines",z\nlast,row\n']);
    assert.deepEqual(rows, [
      { line: 1, fields: ["h1", "h2"] },
      { line: 2, fields: ["two\nlines", "z"] },
      { line: 4, fields: ["last", "row"] },
    ]);
  });
});
