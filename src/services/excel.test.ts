/**
 * The Excel template and the upload parser (issue 4): round trip, every problem code, a 10,000-row
 * sheet, zip bombs, random bytes, an empty file, and the cell-by-cell expansions inside ExcelJS that
 * a tiny crafted file could trigger. Every workbook is generated here (by `buildTemplate`, then
 * edited with ExcelJS or by rewriting its XML), so no binary fixture is checked in.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import type { Workbook, Worksheet } from "exceljs";
import ExcelJS from "exceljs";
import { dataElements, pillars } from "../catalog/indicators.ts";
import type { DataElement } from "../domain/catalog.ts";
import {
  buildTemplate,
  COVER_SHEET,
  MAX_COMMENT_LENGTH,
  type ParsedUpload,
  parseUpload,
  TEMPLATE_VERSION,
  type TemplateInput,
  type UploadProblem,
} from "./excel.ts";

const AREA = { geography: "2025", code: "15", nameVi: "Lào Cai", nameEn: "Lao Cai" } as const;
const PERIOD = "2025-Q3";
const EXPECT = { geography: "2025", area: "15", period: PERIOD, elements: dataElements };

function input(over: Partial<TemplateInput> = {}): TemplateInput {
  return { area: AREA, period: PERIOD, elements: dataElements, pillars, ...over };
}

async function load(buf: Buffer): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

/** Loads a workbook, lets `edit` change it, writes it back. */
async function edit(buf: Buffer, change: (wb: Workbook) => void): Promise<Buffer> {
  const wb = await load(buf);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sheetOf(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  assert.ok(ws, `sheet ${name}`);
  return ws;
}

/** The row of an element in a workbook: [sheet, row number]. */
function rowOf(wb: Workbook, code: string): [Worksheet, number] {
  for (const ws of wb.worksheets) {
    let found = 0;
    ws.eachRow((row, r) => {
      if (!found && row.getCell(1).value === code) found = r;
    });
    if (found) return [ws, found];
  }
  throw new Error(`no row for ${code}`);
}

function codes(p: ParsedUpload): string[] {
  return p.problems.map((x) => x.code);
}

function only(p: ParsedUpload, code: UploadProblem["code"]): UploadProblem {
  assert.deepEqual(codes(p), [code], JSON.stringify(p.problems, null, 1));
  return p.problems[0]!;
}

/** A deterministic value for an element: whole numbers for integer elements. */
function sampleValue(e: DataElement, i: number): number {
  return e.valueType === "integer" ? 1000 + i * 7 : Math.round((123.25 + i * 3.5) * 100) / 100;
}

// --- a minimal ZIP reader and writer (test only) ------------------------------------------------

interface ZipPart {
  name: string;
  data: Buffer;
  /** Stored instead of deflated. */
  store?: boolean;
  /** Size to declare instead of the real one (to lie). */
  declaredSize?: number;
  flags?: number;
  /** Deflated body to write as is (to put a real bomb in). */
  body?: Buffer;
}

function writeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const body = p.body ?? (p.store ? p.data : deflateRawSync(p.data));
    const size = p.declaredSize ?? p.data.length;
    const crc = crc32(p.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.flags ?? 0, 6);
    local.writeUInt16LE(p.store ? 0 : 8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.flags ?? 0, 8);
    central.writeUInt16LE(p.store ? 0 : 8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function readZip(buf: Buffer): ZipPart[] {
  let end = buf.length - 22;
  while (buf.readUInt32LE(end) !== 0x06054b50) end--;
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out: ZipPart[] = [];
  for (let k = 0; k < count; k++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const o = buf.readUInt32LE(p + 42);
    const start = o + 30 + buf.readUInt16LE(o + 26) + buf.readUInt16LE(o + 28);
    const raw = buf.subarray(start, start + csize);
    out.push({ name, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/** Rewrites one XML part of a workbook. */
function rewrite(buf: Buffer, part: string, change: (xml: string) => string): Buffer {
  const parts = readZip(buf);
  const target = parts.find((p) => p.name === part);
  assert.ok(target, `part ${part}`);
  target.data = Buffer.from(change(target.data.toString("utf8")), "utf8");
  return writeZip(parts);
}

// ---------------------------------------------------------------------------------------------

const templateOnce = buildTemplate(input());

describe("buildTemplate", () => {
  it("has a locked cover with version, province and period, and one sheet per pillar with elements", async () => {
    const wb = await load(await templateOnce);
    const names = wb.worksheets.map((w) => w.name);
    const withElements = pillars.filter((p) => dataElements.some((e) => e.pillar === p.code));
    assert.equal(names[0], COVER_SHEET);
    assert.equal(names.length, 1 + withElements.length);
    assert.ok(names.includes("8. Kinh tế số"));
    assert.ok(names.includes("6. An toàn, an ninh mạng"));
    const cover = sheetOf(wb, COVER_SHEET);
    assert.equal(cover.getCell("B3").value, TEMPLATE_VERSION);
    assert.equal(cover.getCell("B4").value, "2025");
    assert.equal(cover.getCell("B5").value, "15");
    assert.equal(cover.getCell("B6").value, "Lào Cai");
    assert.equal(cover.getCell("B8").value, PERIOD);
    const texts: string[] = [];
    cover.eachRow((row) => {
      texts.push(String(row.getCell(1).value));
    });
    assert.ok(texts.includes("Hướng dẫn") && texts.includes("Instructions"));
    for (const ws of wb.worksheets) {
      assert.equal(
        (ws as unknown as { sheetProtection: { sheet: boolean } | null }).sheetProtection?.sheet,
        true,
        ws.name,
      );
    }
    // Every cover cell is locked (no cell unlocked).
    cover.eachRow((row) => {
      row.eachCell((c) => assert.notEqual(c.protection?.locked, false));
    });
  });

  it("lays out each element with Vietnamese names intact, units, previous value; only value and comment unlocked", async () => {
    const buf = await buildTemplate(
      input({
        previous: new Map([["GRDP", 98765.43]]),
        values: new Map([["GRDP", 100000.5]]),
        comments: new Map([["GRDP", '=HYPERLINK("http://x")']]),
      }),
    );
    const wb = await load(buf);
    const [ws, r] = rowOf(wb, "GRDP");
    assert.equal(ws.name, "8. Kinh tế số");
    const header = ws.getRow(3);
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7].map((i) => header.getCell(i).value),
      [
        "Mã / Code",
        "Tên chỉ tiêu / Name (Vietnamese)",
        "Tên tiếng Anh / Name (English)",
        "Đơn vị / Unit",
        "Kỳ trước / Previous period",
        "Giá trị / Value",
        "Ghi chú / Comment",
      ],
    );
    assert.equal(header.getCell(1).font?.bold, true);
    assert.notEqual(header.getCell(6).protection?.locked, false);
    assert.equal(ws.getCell("E2").value, "2025-Q2");
    const row = ws.getRow(r);
    assert.equal(row.getCell(2).value, "Tổng sản phẩm trên địa bàn (GRDP, giá hiện hành)");
    assert.equal(row.getCell(4).value, "tỷ đồng / VND billion");
    assert.equal(row.getCell(5).value, 98765.43);
    assert.equal(row.getCell(6).value, 100000.5);
    // §7: a formula-like comment is written as text with a leading apostrophe.
    assert.equal(row.getCell(7).value, '\'=HYPERLINK("http://x")');
    for (const c of [1, 2, 3, 4, 5]) assert.notEqual(row.getCell(c).protection?.locked, false, `column ${c}`);
    assert.equal(row.getCell(6).protection?.locked, false);
    assert.equal(row.getCell(7).protection?.locked, false);
  });

  it("adds data validation by range (whole or decimal, min–max), not cell by cell", async () => {
    const parts = readZip(await templateOnce);
    const sheets = parts.filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name));
    const all = sheets.map((p) => p.data.toString("utf8")).join("\n");
    const rules = [...all.matchAll(/<dataValidation [^>]*type="(whole|decimal)"[^>]*sqref="([^"]+)"/g)];
    assert.ok(rules.length >= 10);
    assert.ok(rules.every((m) => /^F\d+:F\d+$/.test(m[2]!)));
    assert.ok(rules.some((m) => m[1] === "decimal") && rules.some((m) => m[1] === "whole"));
    const wb = await load(await templateOnce);
    const [ws, r] = rowOf(wb, "GRDP");
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model[`F${r}`];
    assert.equal(dv?.type, "decimal");
    assert.deepEqual(dv?.formulae, [0, 50_000_000]);
  });
});

describe("parseUpload: round trip", () => {
  it("reads back the values and comments filled in with ExcelJS, with the cell of each element", async () => {
    const expected = new Map<string, number | null>();
    const comments = new Map<string, string>();
    const filled = await edit(await templateOnce, (wb) => {
      dataElements.forEach((e, i) => {
        const [ws, r] = rowOf(wb, e.code);
        if (i % 5 === 4) {
          expected.set(e.code, null); // left empty
        } else {
          ws.getCell(`F${r}`).value = sampleValue(e, i);
          expected.set(e.code, sampleValue(e, i));
        }
        if (i % 3 === 0) {
          ws.getCell(`G${r}`).value = `  Số liệu sơ bộ của Sở Tài chính, quý ${i} — đã đối chiếu.  `;
          comments.set(e.code, `Số liệu sơ bộ của Sở Tài chính, quý ${i} — đã đối chiếu.`);
        }
      });
    });
    const parsed = await parseUpload(filled, EXPECT);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.values, expected);
    assert.deepEqual(parsed.comments, comments);
    assert.equal(parsed.cells.size, dataElements.length);
    const wb = await load(filled);
    const [ws, r] = rowOf(wb, "GRDP");
    assert.equal(parsed.cells.get("GRDP"), `${ws.name}!F${r}`);
  });

  it("reads the pre-filled draft back unchanged, formula-like comments included", async () => {
    const values = new Map<string, number | null>(
      dataElements.map((e, i) => [e.code, i % 4 ? sampleValue(e, i) : null]),
    );
    const comments = new Map([
      ["GRDP", "=1+1 là chữ, không phải công thức"],
      ["HAMLETS", "Ghi chú: tăng do sáp nhập xã"],
    ]);
    const buf = await buildTemplate(input({ values, comments }));
    const parsed = await parseUpload(buf, EXPECT);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.values, values);
    assert.deepEqual(parsed.comments, comments);
  });

  it("parses the same file identically twice", async () => {
    const buf = await edit(await templateOnce, (wb) => {
      const [ws, r] = rowOf(wb, "GRDP");
      ws.getCell(`F${r}`).value = "1.234,5";
      ws.getCell(`G${r}`).value = "x";
    });
    const a = await parseUpload(buf, EXPECT);
    const b = await parseUpload(buf, EXPECT);
    assert.deepEqual(a, b);
    assert.equal(a.problems.length, 1);
  });

  it("trims comments, removes control characters and caps them at 2,000 characters", async () => {
    const buf = await edit(await templateOnce, (wb) => {
      const [ws, r] = rowOf(wb, "GRDP");
      ws.getCell(`G${r}`).value = `  ${"ệ".repeat(MAX_COMMENT_LENGTH + 500)}  `;
      const [ws2, r2] = rowOf(wb, "HAMLETS");
      ws2.getCell(`G${r2}`).value = "a\u0007b\r\nc";
      const [ws3, r3] = rowOf(wb, "BUDGET_SPEND");
      ws3.getCell(`G${r3}`).value = "   ";
    });
    const parsed = await parseUpload(buf, EXPECT);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.comments.get("GRDP"), "ệ".repeat(MAX_COMMENT_LENGTH));
    assert.equal(parsed.comments.get("HAMLETS"), "ab\nc");
    assert.equal(parsed.comments.has("BUDGET_SPEND"), false);
  });

  it("reads a 10,000-row sheet", async () => {
    const many: DataElement[] = Array.from({ length: 10_000 }, (_, i) => ({
      ...dataElements[0]!,
      code: `E${String(i).padStart(5, "0")}`,
      nameVi: `Chỉ tiêu số ${i}`,
      nameEn: `Element ${i}`,
      pillar: "digital_economy",
    }));
    const values = new Map<string, number | null>(many.map((e, i) => [e.code, i % 10 ? i * 1.5 : null]));
    const buf = await buildTemplate(input({ elements: many, values }));
    const parsed = await parseUpload(buf, { ...EXPECT, elements: many });
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.values.size, 10_000);
    assert.deepEqual(parsed.values, values);
    assert.equal(parsed.cells.get("E09999"), "8. Kinh tế số!F10003");
  });
});

describe("parseUpload: bad files", () => {
  it("an empty file → not_xlsx", async () => {
    only(await parseUpload(Buffer.alloc(0), EXPECT), "not_xlsx");
  });

  it("random bytes → not_xlsx, whatever the seed", async () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed & 0xff;
    };
    for (const n of [1, 21, 22, 100, 4096, 100_000]) {
      const bytes = Buffer.from(Array.from({ length: n }, next));
      only(await parseUpload(bytes, EXPECT), "not_xlsx");
      // Random bytes after a ZIP signature, too.
      if (n >= 4) {
        bytes.writeUInt32LE(0x04034b50, 0);
        only(await parseUpload(bytes, EXPECT), "not_xlsx");
      }
    }
  });

  it("text, an .xls/encrypted file, a plain ZIP, a truncated workbook → not_xlsx", async () => {
    only(await parseUpload(Buffer.from("code,value\nGRDP,1\n"), EXPECT), "not_xlsx");
    const cfb = Buffer.alloc(512);
    cfb.writeUInt32BE(0xd0cf11e0, 0);
    cfb.writeUInt32BE(0xa1b11ae1, 4);
    assert.match(only(await parseUpload(cfb, EXPECT), "not_xlsx").message, /password|\.xls/);
    only(await parseUpload(writeZip([{ name: "hello.txt", data: Buffer.from("hi") }]), EXPECT), "not_xlsx");
    const full = await templateOnce;
    for (const cut of [0.1, 0.5, 0.9, 0.999]) {
      only(await parseUpload(full.subarray(0, Math.floor(full.length * cut)), EXPECT), "not_xlsx");
    }
    // One flipped byte in the middle of compressed data: damaged, never a throw.
    const flipped = Buffer.from(full);
    flipped[Math.floor(full.length / 3)]! ^= 0xff;
    const p = await parseUpload(flipped, EXPECT);
    assert.ok(p.problems.length >= 1);
  });

  it("mangled XML inside a well-formed ZIP never throws nor hangs", async () => {
    const parts = readZip(await templateOnce);
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const junk = ["<", ">", '"', "&", "</row>", '<c r="ZZZZ0">', "\u0000", "", '<row r="-1">'];
    for (let i = 0; i < 60; i++) {
      const victim = parts.filter((p) => p.name.endsWith(".xml"))[i % 8]!;
      const xml = victim.data.toString("utf8");
      const at = rand(xml.length);
      const mangled = xml.slice(0, at) + junk[rand(junk.length)]! + xml.slice(at + rand(20));
      const buf = writeZip(
        parts.map((p) => (p === victim ? { ...p, data: Buffer.from(mangled, "utf8") } : p)),
      );
      const parsed = await parseUpload(buf, EXPECT);
      assert.ok(parsed.values instanceof Map);
    }
  });

  it("an encrypted ZIP entry or an XML entity declaration → not_xlsx", async () => {
    const parts = readZip(await templateOnce);
    const enc = writeZip(parts.map((p, i) => (i === 0 ? { ...p, flags: 1 } : p)));
    assert.match(only(await parseUpload(enc, EXPECT), "not_xlsx").message, /encrypted/);
    const laughs = rewrite(await templateOnce, "xl/workbook.xml", (xml) =>
      xml.replace(
        "?>",
        '?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>',
      ),
    );
    assert.match(only(await parseUpload(laughs, EXPECT), "not_xlsx").message, /DOCTYPE/);
  });

  it("an oversized file → too_large", async () => {
    const p = only(await parseUpload(await templateOnce, EXPECT, { maxBytes: 10_000 }), "too_large");
    assert.match(p.message, /limit/);
    assert.match(p.messageVi, /giới hạn/);
  });

  it("a zip bomb is refused from its declared sizes, before it is unpacked", async () => {
    const parts = readZip(await templateOnce);
    // Declares a 4 GB sheet (with a tiny body): refused from the central directory alone.
    const declared = writeZip(
      parts.map((p) => (p.name === "xl/worksheets/sheet2.xml" ? { ...p, declaredSize: 0xfffffffe } : p)),
    );
    assert.match(only(await parseUpload(declared, EXPECT), "too_large").message, /unpack/);
    // A real one: 200 MB of zeros compress to ~200 KB.
    const zeros = deflateRawSync(Buffer.alloc(200 * 1024 * 1024));
    assert.ok(zeros.length < 300_000);
    const bombPart = { name: "xl/media/zeros.bin", data: Buffer.alloc(0), body: zeros };
    const real = writeZip([...parts, { ...bombPart, declaredSize: 200 * 1024 * 1024 }]);
    only(await parseUpload(real, EXPECT), "too_large");
    // The same entry lying about its size (declares 1 KB): caught while inflating, capped at 1 KB.
    const lying = writeZip([...parts, { ...bombPart, declaredSize: 1024 }]);
    assert.match(only(await parseUpload(lying, EXPECT), "too_large").message, /larger than it declares/);
    // The limit is configurable.
    only(await parseUpload(await templateOnce, EXPECT, { maxUncompressedBytes: 50_000 }), "too_large");
  });

  // An expansion would take minutes and gigabytes: the test's timeout is the guard, not a clock.
  it("a cell-by-cell expansion in ExcelJS cannot be triggered by a tiny file", {
    timeout: 60_000,
  }, async () => {
    const base = await templateOnce;
    const sheet = "xl/worksheets/sheet9.xml";
    // A data validation and column definitions over the whole sheet: skipped, the file parses.
    const dv = rewrite(base, sheet, (xml) =>
      xml
        .replace(/sqref="F4:F\d+"/, 'sqref="A1:XFD1048576"')
        .replace(/<cols>/, '<cols><col min="100" max="2000000000" width="9"/>'),
    );
    assert.deepEqual((await parseUpload(dv, EXPECT)).problems, []);
    // A merge over the whole sheet: a layout problem, found in the XML.
    const merged = rewrite(base, sheet, (xml) =>
      xml.replace(
        "</sheetData>",
        '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      ),
    );
    const p = only(await parseUpload(merged, EXPECT), "layout");
    assert.equal(p.cell, "A1:XFD1048576");
    assert.equal(p.sheet, "8. Kinh tế số");
    // A named range over the whole sheet: refused before ExcelJS.
    const named = rewrite(base, "xl/workbook.xml", (xml) =>
      xml.replace(
        "</sheets>",
        "</sheets><definedNames><definedName name=\"all\">'8. Kinh tế số'!$A$1:$XFD$1048576</definedName></definedNames>",
      ),
    );
    only(await parseUpload(named, EXPECT), "too_large");
  });

  it("wrong or missing template version → template_version", async () => {
    const old = await edit(await templateOnce, (wb) => {
      sheetOf(wb, COVER_SHEET).getCell("B3").value = "dxm-report-0";
    });
    const p = only(await parseUpload(old, EXPECT), "template_version");
    assert.equal(p.sheet, COVER_SHEET);
    assert.equal(p.cell, "B3");
    assert.match(p.message, /dxm-report-0/);
    const noCover = await edit(await templateOnce, (wb) => {
      wb.removeWorksheet(sheetOf(wb, COVER_SHEET).id);
    });
    only(await parseUpload(noCover, EXPECT), "template_version");
    // Any other workbook: a blank one.
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet("Sheet1").getCell("A1").value = 1;
    only(await parseUpload(Buffer.from(await blank.xlsx.writeBuffer()), EXPECT), "template_version");
  });

  it("another province or period than the report's → wrong_area / wrong_period, nothing read", async () => {
    const buf = await templateOnce;
    const a = await parseUpload(buf, { ...EXPECT, area: "01" });
    const pa = only(a, "wrong_area");
    assert.equal(pa.cell, "B5");
    assert.match(pa.message, /2025:15 \(Lào Cai\).*2025:01/);
    assert.equal(a.values.size, 0);
    only(await parseUpload(buf, { ...EXPECT, geography: "2008" }), "wrong_area");
    const p = await parseUpload(buf, { ...EXPECT, period: "2025-Q4" });
    assert.match(only(p, "wrong_period").message, /2025-Q3.*2025-Q4/);
    assert.deepEqual(codes(await parseUpload(buf, { ...EXPECT, area: "01", period: "2025-Q4" })), [
      "wrong_area",
      "wrong_period",
    ]);
  });

  it("text in a value cell → not_a_number naming sheet and cell, with a hint for Vietnamese formatting", async () => {
    let where = "";
    const buf = await edit(await templateOnce, (wb) => {
      const [ws, r] = rowOf(wb, "GRDP");
      ws.getCell(`F${r}`).value = "1.234,5";
      where = `${ws.name}!F${r}`;
      const [ws2, r2] = rowOf(wb, "HAMLETS");
      ws2.getCell(`F${r2}`).value = "khoảng 300";
      const [ws3, r3] = rowOf(wb, "BUDGET_SPEND");
      ws3.getCell(`F${r3}`).value = "1234.5";
      const [ws4, r4] = rowOf(wb, "HAMLETS_CDT_TEAM");
      ws4.getCell(`F${r4}`).value = true;
    });
    const parsed = await parseUpload(buf, EXPECT);
    assert.deepEqual(codes(parsed), ["not_a_number", "not_a_number", "not_a_number", "not_a_number"]);
    const grdp = parsed.problems.find((p) => p.element === "GRDP")!;
    assert.equal(`${grdp.sheet}!${grdp.cell}`, where);
    assert.match(
      grdp.message,
      /^Sheet "8\. Kinh tế số", cell F\d+: GRDP: "1\.234,5" is text.*Vietnamese separators/,
    );
    assert.match(grdp.messageVi, /^Trang "8\. Kinh tế số", ô F\d+: .*kiểu Việt Nam/);
    assert.match(parsed.problems.find((p) => p.element === "BUDGET_SPEND")!.message, /looks like a number/);
    assert.match(parsed.problems.find((p) => p.element === "HAMLETS_CDT_TEAM")!.message, /TRUE/);
    // Not guessed, not stored; the other values still are.
    assert.equal(parsed.values.has("GRDP"), false);
    assert.equal(parsed.values.get("DE_CORE_VA"), null);
    assert.equal(parsed.cells.get("GRDP"), where);
  });

  it("a formula → formula, neither evaluated nor stored (value or comment cell)", async () => {
    const buf = await edit(await templateOnce, (wb) => {
      const [ws, r] = rowOf(wb, "GRDP");
      ws.getCell(`F${r}`).value = { formula: "SUM(1,2)", result: 3 };
      const [ws2, r2] = rowOf(wb, "HAMLETS");
      ws2.getCell(`G${r2}`).value = { formula: 'HYPERLINK("http://evil","x")', result: "x" };
      ws2.getCell(`F${r2}`).value = 12;
    });
    const parsed = await parseUpload(buf, EXPECT);
    assert.deepEqual(codes(parsed), ["formula", "formula"]);
    const f = parsed.problems.find((p) => p.element === "GRDP")!;
    assert.match(f.message, /=SUM\(1,2\).*neither evaluated nor stored/);
    assert.equal(parsed.values.has("GRDP"), false);
    assert.equal(parsed.values.get("HAMLETS"), 12);
    assert.equal(parsed.comments.has("HAMLETS"), false);
  });

  it("an unknown code → unknown_element; a code twice → duplicate_element", async () => {
    const buf = await edit(await templateOnce, (wb) => {
      const [ws, r] = rowOf(wb, "GRDP");
      ws.getCell(`A${r}`).value = "NOT_AN_ELEMENT";
      ws.getCell(`F${r}`).value = 5;
      const [ws2, r2] = rowOf(wb, "HAMLETS");
      ws2.getCell(`A${r2 + 1}`).value = "HAMLETS";
      ws2.getCell(`F${r2 + 1}`).value = 7;
    });
    const parsed = await parseUpload(buf, EXPECT);
    assert.deepEqual(codes(parsed).sort(), ["duplicate_element", "unknown_element"]);
    const u = parsed.problems.find((p) => p.code === "unknown_element")!;
    assert.equal(u.element, "NOT_AN_ELEMENT");
    assert.match(u.cell!, /^A\d+$/);
    const d = parsed.problems.find((p) => p.code === "duplicate_element")!;
    assert.equal(d.element, "HAMLETS");
    assert.match(d.message, /first at 1\. Nhận thức số!F4/);
    assert.equal(parsed.values.get("HAMLETS"), null);
    assert.equal(parsed.values.has("NOT_AN_ELEMENT"), false);
  });

  it("a hidden sheet holding data → hidden_sheet; a hidden empty sheet is ignored", async () => {
    const hiddenData = await edit(await templateOnce, (wb) => {
      sheetOf(wb, "8. Kinh tế số").state = "hidden";
      const extra = wb.addWorksheet("Nháp");
      extra.getCell("A1").value = "GRDP";
      extra.getCell("F1").value = 5;
      extra.state = "veryHidden";
      wb.addWorksheet("Trống").state = "hidden";
    });
    const parsed = await parseUpload(hiddenData, EXPECT);
    assert.deepEqual(codes(parsed), ["hidden_sheet", "hidden_sheet"]);
    assert.deepEqual(
      parsed.problems.map((p) => p.sheet),
      ["8. Kinh tế số", "Nháp"],
    );
    assert.equal(parsed.values.has("GRDP"), false);
  });

  it("moved, inserted or merged cells, added sheets and rows → layout", async () => {
    const inserted = await edit(await templateOnce, (wb) => {
      sheetOf(wb, "9. Xã hội số").spliceColumns(2, 0, []);
    });
    const a = only(await parseUpload(inserted, EXPECT), "layout");
    assert.equal(a.sheet, "9. Xã hội số");
    assert.equal(a.cell, "B3");
    assert.match(a.message, /columns were moved/);

    const renamed = await edit(await templateOnce, (wb) => {
      const ws = sheetOf(wb, "9. Xã hội số");
      ws.getCell("F3").value = "Value";
    });
    assert.equal(only(await parseUpload(renamed, EXPECT), "layout").cell, "F3");

    const merged = await edit(await templateOnce, (wb) => {
      sheetOf(wb, "8. Kinh tế số").mergeCells("F5:G5");
      sheetOf(wb, "1. Nhận thức số").mergeCells("A1:G1"); // the title row: harmless
    });
    const m = only(await parseUpload(merged, EXPECT), "layout");
    assert.deepEqual([m.sheet, m.cell], ["8. Kinh tế số", "F5:G5"]);

    const extraSheet = await edit(await templateOnce, (wb) => {
      wb.addWorksheet("Tính toán").getCell("B2").value = 123;
      wb.addWorksheet("Empty");
    });
    const s = only(await parseUpload(extraSheet, EXPECT), "layout");
    assert.equal(s.sheet, "Tính toán");
    assert.match(s.message, /not a sheet of the template/);

    const extraRow = await edit(await templateOnce, (wb) => {
      const ws = sheetOf(wb, "1. Nhận thức số");
      ws.getCell(`F${ws.rowCount + 2}`).value = 99;
    });
    assert.match(only(await parseUpload(extraRow, EXPECT), "layout").message, /without an element code/);
  });

  it("more rows than the limit → too_many_rows, before ExcelJS reads the sheet", async () => {
    const p = only(await parseUpload(await templateOnce, EXPECT, { maxRows: 20 }), "too_many_rows");
    assert.equal(p.sheet, "8. Kinh tế số");
    assert.match(p.message, /limit is 20/);
    const many: DataElement[] = Array.from({ length: 25_000 }, (_, i) => ({
      ...dataElements[0]!,
      code: `E${i}`,
    }));
    const big = await buildTemplate(input({ elements: many }));
    only(await parseUpload(big, { ...EXPECT, elements: many }), "too_many_rows");
  });

  it("lists at most 1,000 problems, then says how many more there are", async () => {
    const many: DataElement[] = Array.from({ length: 1500 }, (_, i) => ({
      ...dataElements[0]!,
      code: `E${i}`,
    }));
    const buf = await buildTemplate(input({ elements: many }));
    const bad = await edit(buf, (wb) => {
      const ws = wb.worksheets[1]!;
      for (let i = 0; i < 1500; i++) ws.getCell(`F${4 + i}`).value = "n/a";
    });
    const parsed = await parseUpload(bad, { ...EXPECT, elements: many });
    assert.equal(parsed.problems.length, 1001);
    assert.match(parsed.problems[1000]!.message, /500 more/);
  });
});
