/**
 * Property-based tests of the input–output CSV reader (fast-check): any text gives a square table of
 * finite numbers or our `invalid_data` error naming where, never another exception.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { DxmError } from "../domain/errors.ts";
import { parseIoCsv } from "./io-tables.ts";

const cell = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.constantFrom(
    "",
    "A",
    "B",
    "C",
    "1e309",
    "-",
    "1,5",
    '"',
    '""',
    "NaN",
    " 3 ",
    "industry",
    "name",
    "output",
    "value_added",
  ),
  fc.string({ maxLength: 8 }),
);

/** A table shaped like an I–O table (sometimes correctly), printed as CSV with noise. */
const ioCsv = fc
  .record({
    codes: fc.uniqueArray(fc.constantFrom("A", "B", "C", "D", "E", "F"), { minLength: 0, maxLength: 5 }),
    withName: fc.boolean(),
    cells: fc.array(cell, { minLength: 64, maxLength: 64 }),
    breakShape: fc.nat(6),
    quote: fc.boolean(),
  })
  .map(({ codes, withName, cells, breakShape, quote }) => {
    const header = ["industry", ...(withName ? ["name"] : []), ...codes, "output", "value_added"];
    let k = 0;
    const next = () => cells[k++ % cells.length]!;
    const rows = codes.map((c) => [
      c,
      ...(withName ? [`Ngành ${c}`] : []),
      ...codes.map(() => (breakShape === 0 ? next() : String(k++ % 97))),
      "100",
      "40",
    ]);
    if (breakShape === 1 && rows.length) rows[0]!.pop();
    if (breakShape === 2 && rows.length) rows.reverse();
    if (breakShape === 3) rows.push(["Z", "1"]);
    const q = (s: string) => (quote ? `"${s.replaceAll('"', '""')}"` : s);
    return [header, ...rows].map((r) => r.map(q).join(",")).join(breakShape === 4 ? "\r\n" : "\n");
  });

describe("the input–output CSV reader under generated text", () => {
  it("returns a square table of finite numbers or throws invalid_data, nothing else", () => {
    let tables = 0;
    fc.assert(
      fc.property(
        fc.oneof(ioCsv, fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 })),
        (text) => {
          try {
            const t = parseIoCsv(text, 2022, "fuzz.csv");
            tables++;
            assert.equal(t.z.length, t.codes.length);
            for (const row of t.z) {
              assert.equal(row.length, t.codes.length);
              for (const v of row) assert.ok(Number.isFinite(v));
            }
            for (const v of [...t.output, ...t.valueAdded]) assert.ok(Number.isFinite(v));
          } catch (e) {
            assert.ok(e instanceof DxmError, `unexpected ${String(e)}`);
            assert.equal(e.code, "invalid_data");
            assert.ok(e.field && e.message.includes("fuzz.csv"));
          }
        },
      ),
      { numRuns: 5000 },
    );
    assert.ok(tables > 0, "some generated tables are valid");
  });
});
