/**
 * Property-based tests of the Excel upload parser (fast-check): random bytes, ZIP-looking garbage,
 * valid templates with random bytes flipped, and valid templates with random cell contents. The
 * parser never throws: it answers with values for known elements only (finite numbers or empty) or
 * with problems, each in both languages.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { dataElements, pillars } from "../catalog/indicators.ts";
import { buildTemplate, type ParsedUpload, parseUpload } from "./excel.ts";

const AREA = { geography: "2025", code: "15", nameVi: "Lào Cai", nameEn: "Lao Cai" } as const;
const PERIOD = "2025-Q3";
const EXPECT = { geography: "2025", area: "15", period: PERIOD, elements: dataElements };
const known = new Set(dataElements.map((e) => e.code));

function wellFormed(p: ParsedUpload): void {
  for (const [code, v] of p.values) {
    assert.ok(known.has(code), `value for unknown element ${code}`);
    assert.ok(v === null || Number.isFinite(v), `${code} = ${v}`);
  }
  for (const [code, c] of p.comments) {
    assert.ok(known.has(code));
    assert.equal(typeof c, "string");
  }
  for (const q of p.problems) assert.ok(q.message.length > 0 && q.messageVi.length > 0);
}

describe("the upload parser under generated files", () => {
  let template: Buffer;
  before(async () => {
    template = await buildTemplate({ area: AREA, period: PERIOD, elements: dataElements, pillars });
  });

  it("answers random bytes and ZIP-looking garbage with problems, never an exception", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 4096 }),
          fc.uint8Array({ maxLength: 4096 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])),
        ),
        async (bytes) => {
          const p = await parseUpload(Buffer.from(bytes), EXPECT);
          wellFormed(p);
          assert.ok(p.problems.length > 0, "garbage is not a valid report");
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("answers a valid template with random bytes flipped, never an exception", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (flips, cut) => {
          const buf = Buffer.from(template);
          for (const [at, byte] of flips) buf[at % buf.length] = byte;
          const p = await parseUpload(cut === undefined ? buf : buf.subarray(0, cut % buf.length), EXPECT);
          wellFormed(p);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads a template filled with random cell contents as values or problems, never an exception", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
    // The value cells of the template: column D of every row whose column A is an element code.
    const cells: ExcelJS.Cell[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => {
        if (known.has(String(row.getCell(1).value))) cells.push(row.getCell(4));
      });
    }
    assert.ok(cells.length > 10);
    const content = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.string({ maxLength: 30 }),
      fc.constantFrom("=1+1", "1e309", "-0", "NaN", "Infinity", "1,5", "1.234.567", " 12 ", "", "@SUM(A1)"),
      fc.constant(null),
      fc.date({ noInvalidDate: true }),
      fc.boolean(),
      fc.constant({ formula: "1/0" }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), content), { maxLength: 12 }), async (edits) => {
        for (const c of cells) c.value = null;
        for (const [at, v] of edits) cells[at % cells.length]!.value = v as ExcelJS.CellValue;
        const buf = Buffer.from(await wb.xlsx.writeBuffer());
        const p = await parseUpload(buf, EXPECT);
        wellFormed(p);
      }),
      { numRuns: 60 },
    );
  });
});
