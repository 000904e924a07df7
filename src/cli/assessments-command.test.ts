/** `dxm assessments import|generate` through runAssessmentsCommand, on test databases, JSON output captured. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { QUESTIONS } from "../catalog/assessment-questionnaire.ts";
import { IMPORT_LAYOUT } from "../services/assessments.ts";
import { referenceBackends } from "../services/testing.ts";
import { countAssessments } from "../store/assessments-repo.ts";
import type { Store } from "../store/db.ts";
import { testBackends } from "../store/testing.ts";
import { runAssessmentsCommand } from "./assessments-command.ts";
import { createOutput, UsageError } from "./output.ts";

function sink(): { stream: NodeJS.WriteStream; text(): string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

const row = (
  tax: string,
  province: string,
  value: number | string,
  date: string,
  platforms = "EINVOICE;CRM",
) =>
  [
    tax,
    `"Công ty ${tax}, TNHH"`,
    province,
    "G",
    "small",
    date,
    ...QUESTIONS.map(() => value),
    platforms,
  ].join(",");

const CSV = [
  IMPORT_LAYOUT.join(","),
  row("0100000001", "01", 3, "2025-08-01"),
  row("0100000002", "79", 4, "2025-09-01T09:30:00+07:00"),
  row("01000000", "79", 4, "2025-09-01"), // line 4: bad tax code
  row("0100000003", "79", 6, "2025-09-01"), // line 5: answers out of range
  row("0100000004", "48", 1, "2025-10-05", ""),
].join("\n");

for (const backend of await referenceBackends()) {
  describe(`dxm assessments on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let dir: string;
    before(async () => {
      store = await backend.open();
      dir = mkdtempSync(join(tmpdir(), "dxm-assess-"));
    });
    after(async () => {
      await store?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    async function dxm(argv: string[]) {
      const stdout = sink();
      const stderr = sink();
      const code = await runAssessmentsCommand(argv, {
        withStore: (_c, fn) => fn(store),
        out: createOutput({ format: "json", stdout: stdout.stream, stderr: stderr.stream }),
      });
      const out = stdout.text();
      return { code, json: out ? JSON.parse(out) : undefined, stderr: stderr.text() };
    }

    it("imports a CSV, lists the bad rows by line and reason with exit code 2, and adds nothing on re-import", async () => {
      const file = join(dir, "answers.csv");
      writeFileSync(file, CSV);
      const first = await dxm(["import", file]);
      assert.equal(first.code, 2);
      assert.equal(first.json.rows, 5);
      assert.equal(first.json.stored, 3);
      assert.equal(first.json.rejected, 2);
      const lines = new Set(first.json.errors.map((e: { line: number }) => e.line));
      assert.deepEqual([...lines], [4, 5]);
      assert.equal(first.json.errors[0].field, "taxCode");
      assert.equal(first.json.errors[1].field, "answers.CUS1");
      assert.match(first.json.errors[1].van_de, /số nguyên từ 0 đến 5/);
      const again = await dxm(["import", file]);
      assert.equal(again.json.stored, 0);
      assert.equal(again.json.already_present, 3);
      assert.equal(await countAssessments(store.db), 3);
    });

    it("imports the same layout from an XLSX workbook", async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("answers");
      ws.addRow([...IMPORT_LAYOUT]);
      ws.addRow([
        "0100000009",
        "Hộ kinh doanh Ví Dụ",
        "92",
        "I",
        "micro",
        "2025-11-11",
        ...QUESTIONS.map(() => 2),
        "CASHLESS",
      ]);
      const file = join(dir, "answers.xlsx");
      await wb.xlsx.writeFile(file);
      const r = await dxm(["import", file, "--no-recompute"]);
      assert.equal(r.code, 0, JSON.stringify(r.json));
      assert.equal(r.json.stored, 1);
    });

    it("refuses a file whose header lacks columns, naming them", async () => {
      const file = join(dir, "short.csv");
      writeFileSync(file, "tax_code,name\n0100000001,X\n");
      await assert.rejects(dxm(["import", file]), /lacks the column\(s\) province, sector/);
    });

    it("generates a demo file in the import layout that imports without errors", async () => {
      const file = join(dir, "demo.csv");
      const gen = await dxm([
        "generate",
        "--count",
        "50",
        "--seed",
        "7",
        "--from",
        "2025-07-01",
        "--to",
        "2025-12-31",
        "--output",
        file,
      ]);
      assert.equal(gen.code, 0);
      assert.equal(readFileSync(file, "utf8").trim().split("\n").length, 51);
      const r = await dxm(["import", file, "--no-recompute"]);
      assert.equal(r.code, 0);
      assert.equal(r.json.stored, 50);
    });

    it("explains its usage", async () => {
      await assert.rejects(dxm(["import"]), UsageError);
      await assert.rejects(dxm(["generate", "--count", "0"]), UsageError);
      await assert.rejects(dxm(["frobnicate"]), UsageError);
    });
  });
}

for (const backend of await testBackends()) {
  describe(`dxm assessments import into a database without its catalogue on ${backend.name}`, {
    skip: backend.skip,
  }, () => {
    it("refuses before storing anything and says how to load the catalogue, unless --no-recompute", async () => {
      const store = await backend.open();
      const dir = mkdtempSync(join(tmpdir(), "dxm-assess-bare-"));
      try {
        const file = join(dir, "answers.csv");
        writeFileSync(file, CSV);
        const ctx = {
          withStore: <T>(_c: string, fn: (s: Store) => Promise<T>) => fn(store),
          out: createOutput({ format: "json", stdout: sink().stream, stderr: sink().stream }),
        };
        await assert.rejects(
          runAssessmentsCommand(["import", file], ctx),
          (e: unknown) =>
            e instanceof UsageError && /no catalogue yet/.test(e.message) && /dxm seed/.test(e.message),
        );
        assert.equal(await countAssessments(store.db), 0);
        // Without the refresh the rows need no catalogue.
        await runAssessmentsCommand(["import", file, "--no-recompute"], ctx);
        assert.equal(await countAssessments(store.db), 3);
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
