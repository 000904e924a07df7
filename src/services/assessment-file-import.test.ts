/** importAssessmentFile: a file read in a worker thread, its chunks loaded by the importing thread. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { QUESTIONS } from "../catalog/assessment-questionnaire.ts";
import { DxmError } from "../domain/errors.ts";
import { countAssessments } from "../store/assessments-repo.ts";
import { sql } from "../store/db.ts";
import { importAssessmentFile } from "./assessment-file-import.ts";
import { IMPORT_LAYOUT } from "./assessments.ts";
import { referenceBackends } from "./testing.ts";

const T = [10, 30, 50, 70, 85];
const now = new Date("2026-01-01");

const row = (tax: string, value: number | string, date: string) =>
  [tax, `"Công ty ${tax}, TNHH"`, "01", "G", "small", date, ...QUESTIONS.map(() => value), "EINVOICE"].join(
    ",",
  );

for (const backend of await referenceBackends()) {
  describe(`importing an assessment file on ${backend.name}`, { skip: backend.skip }, () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), "dxm-assess-file-"));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    const indexes = async (db: Parameters<typeof countAssessments>[0]) =>
      (
        await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
          AND tablename IN ('assessment', 'assessment_latest') ORDER BY indexname`.execute(db)
      ).rows.map((r) => r.indexname);

    it("reports bad rows by their line, over several chunks, and stores the rest once", async () => {
      // 45,000 rows: three chunks from the worker, every 10,000th row bad, and the first row again
      // at the end (in a chunk loaded after the others: on PostgreSQL the unique key of a first load
      // stays until then).
      const lines = [IMPORT_LAYOUT.join(",")];
      for (let i = 1; i <= 45_000; i++)
        lines.push(row(`08${String(i).padStart(8, "0")}`, i % 10_000 === 0 ? 9 : i % 6, "2025-08-01"));
      lines.push(lines[1]!);
      // Read as Latin-1 and decoded field by field: a name ending in "à" (bytes C3 A0; A0 alone is
      // a no-break space, which trimming would drop) and a UTF-8 byte order mark.
      lines.push(
        row("0899999999", 2, "2025-08-01").replace('"Công ty 0899999999, TNHH"', "Hộ kinh doanh Bà"),
      );
      lines[0] = `\ufeff${lines[0]}`;
      const file = join(dir, "many.csv");
      writeFileSync(file, lines.join("\n"));
      const store = await backend.open();
      try {
        const before = await indexes(store.db);
        let progress = 0;
        const r = await importAssessmentFile(store, file, {
          thresholds: T,
          now,
          onFileProgress: (done) => {
            progress = done;
          },
        });
        assert.deepEqual([r.rows, r.valid, r.stored], [45_002, 44_998, 44_997]);
        assert.deepEqual([...new Set(r.errors.map((e) => e.line))], [10_001, 20_001, 30_001, 40_001]);
        assert.ok(progress > 0);
        assert.equal(await countAssessments(store.db), 44_997);
        const names = await sql<{ name: string }>`SELECT name FROM assessment
          WHERE tax_code IN ('0800000001', '0899999999') ORDER BY tax_code`.execute(store.db);
        assert.deepEqual(
          names.rows.map((x) => x.name),
          ["Công ty 0800000001, TNHH", "Hộ kinh doanh Bà"],
        );
        assert.deepEqual(await indexes(store.db), before);
        const again = await importAssessmentFile(store, file, { thresholds: T, now });
        assert.deepEqual([again.stored, again.alreadyPresent], [0, 44_998]);
      } finally {
        await store.close();
      }
    });

    it("stores nothing when the file cannot be read, and leaves the tables as they were", async () => {
      const store = await backend.open();
      try {
        const before = await indexes(store.db);
        await assert.rejects(
          importAssessmentFile(store, join(dir, "missing.csv"), { thresholds: T, now }),
          /ENOENT/,
        );
        const short = join(dir, "short.csv");
        writeFileSync(short, "tax_code,name\n0100000001,X\n");
        await assert.rejects(
          importAssessmentFile(store, short, { thresholds: T, now }),
          (e) => e instanceof DxmError && e.code === "invalid_data" && /lacks the column/.test(e.message),
        );
        assert.equal(await countAssessments(store.db), 0);
        assert.deepEqual(await indexes(store.db), before);
      } finally {
        await store.close();
      }
    });
  });
}
