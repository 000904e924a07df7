import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { QUESTIONS } from "../catalog/assessment-questionnaire.ts";
import { DxmError } from "../domain/errors.ts";
import { countAssessments } from "../store/assessments-repo.ts";
import { queryComputed } from "../store/computed-repo.ts";
import type { Store } from "../store/db.ts";
import { sql } from "../store/db.ts";
import {
  checkSubmission,
  getResult,
  getStats,
  importAssessments,
  importColumns,
  type RecordLine,
  submitAssessment,
  syncAssessmentObservations,
} from "./assessments.ts";
import { recompute } from "./recompute.ts";
import { referenceBackends } from "./testing.ts";

const T = [10, 30, 50, 70, 85];

/** Every answer `v` except the CUSTOMER pillar, which gets `customer`. */
function answers(v: number, customer = v): Record<string, number> {
  return Object.fromEntries(QUESTIONS.map((q) => [q.code, q.pillar === "CUSTOMER" ? customer : v]));
}

const firm = (over: Record<string, unknown> = {}) => ({
  taxCode: "0101234567",
  name: "Công ty TNHH Thử Nghiệm",
  province: { geography: "2025", code: "79" },
  sector: "G",
  size: "small",
  answers: answers(3),
  platforms: ["EINVOICE", "CASHLESS", "MARKETPLACE"],
  ...over,
});

function importLine(line: number, r: Record<string, string | number>): RecordLine {
  return { line, record: Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])) };
}

function csvRow(taxCode: string, province: string, value: number, date: string, platforms = "EINVOICE") {
  return {
    tax_code: taxCode,
    name: `Firm ${taxCode}`,
    province,
    sector: "C",
    size: "micro",
    submitted_at: date,
    platforms,
    ...Object.fromEntries(QUESTIONS.map((q) => [q.code, value])),
  };
}

describe("checking a submission", () => {
  it("lists every bad field at once, each by name, in English and Vietnamese", () => {
    const r = checkSubmission({
      taxCode: "12345",
      name: "",
      province: { geography: "2025", code: "99" },
      sector: "Z",
      size: "huge",
      answers: { ...answers(3), CUS1: 7, XYZ: 1, DAT5: undefined },
      platforms: ["EINVOICE", "FAX", "EINVOICE"],
    });
    assert.equal(r.ok, false);
    if (r.ok) return;
    const fields = r.errors.map((e) => e.field);
    assert.deepEqual(fields, [
      "taxCode",
      "name",
      "province.code",
      "sector",
      "size",
      "answers.CUS1",
      "answers.DAT5",
      "answers.XYZ",
      "platforms[1]",
      "platforms[2]",
    ]);
    for (const e of r.errors) {
      assert.ok(e.message.startsWith(`${e.field}: `));
      assert.ok(e.messageVi.startsWith(`${e.field}: `) && e.messageVi !== e.message, e.field);
    }
  });

  it("maps a 2008 province code to the 2025 unit it joined", () => {
    const r = checkSubmission(firm({ province: { geography: "2008", code: "74" } }));
    assert.ok(r.ok);
    if (r.ok) assert.equal(r.value.province, "79"); // Bình Dương → TP.HCM
  });
});

for (const backend of await referenceBackends()) {
  describe(`self-assessments on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
    });
    after(async () => {
      await store?.close();
    });

    it("scores a submission, returns its result by token, and recognises a duplicate within minutes", async () => {
      const now = new Date("2025-10-01T03:00:00Z");
      // CUSTOMER answers 5 → 100; the five other pillars 3 → 60; overall (100 + 5×60)/6 = 66.67 → level 3
      const first = await submitAssessment(store, firm({ answers: answers(3, 5) }), { now, thresholds: T });
      assert.equal(first.duplicate, false);
      assert.ok(Math.abs(first.result.overall - 400 / 6) < 1e-9);
      assert.equal(first.result.level, 3);
      assert.equal(first.result.level_name_vi, "Hình thành");
      assert.equal(first.result.pillars[0]?.score, 100);
      assert.deepEqual(
        first.result.platforms,
        ["MARKETPLACE", "CASHLESS", "EINVOICE"].sort(
          (a, b) =>
            ["EINVOICE", "MARKETPLACE", "CASHLESS"].indexOf(a) -
            ["EINVOICE", "MARKETPLACE", "CASHLESS"].indexOf(b),
        ),
      );
      assert.equal(first.result.next_steps.length, 2);
      assert.equal(first.result.peers.count, 1);
      assert.equal(first.result.peers.percentile, 50);

      const again = await submitAssessment(store, firm({ answers: answers(3, 5) }), {
        now: new Date(now.getTime() + 5 * 60_000),
        thresholds: T,
      });
      assert.equal(again.duplicate, true);
      assert.equal(again.result.id, first.result.id);
      assert.equal(await countAssessments(store.db), 1);
      // The fresh token reads the result; the first one no longer does.
      assert.equal((await getResult(store, again.token, T)).id, first.result.id);
      await assert.rejects(
        getResult(store, first.token, T),
        (e) => e instanceof DxmError && e.code === "not_found",
      );
    });

    it("keeps a retake as history and counts only the latest in the statistics", async () => {
      const later = await submitAssessment(store, firm({ answers: answers(4) }), {
        now: new Date("2025-12-01T03:00:00Z"),
        thresholds: T,
      });
      assert.equal(later.duplicate, false);
      assert.equal(await countAssessments(store.db), 2);
      const stats = await getStats(store, { area: "79" });
      assert.equal(stats.count, 1);
      assert.equal(stats.mean_overall, 80);
      assert.deepEqual(
        stats.trend.map((t) => [t.quarter, t.submissions]),
        [["2025-Q4", 2]],
      );
    });

    it("imports good rows, reports bad rows by line and reason, and adds nothing on re-import", async () => {
      const lines = [
        importLine(2, csvRow("0300000001", "01", 1, "2025-08-15")),
        importLine(3, csvRow("0300000002", "01", 5, "2025-09-20", "EINVOICE;CRM;HRM")),
        importLine(4, { ...csvRow("03000", "01", 2, "2025-09-20"), CUS2: 9 }),
        importLine(5, csvRow("0300000003", "99", 2, "not a date")),
        importLine(6, csvRow("0300000004", "04", 0, "2025-07-02T10:00:00+07:00", "")),
      ];
      const report = await importAssessments(store, lines, { thresholds: T, now: new Date("2026-01-01") });
      assert.equal(report.rows, 5);
      assert.equal(report.valid, 3);
      assert.equal(report.stored, 3);
      assert.deepEqual(
        report.errors.map((e) => [e.line, e.field]),
        [
          [4, "taxCode"],
          [4, "answers.CUS2"],
          [5, "province.code"],
          [5, "submitted_at"],
        ],
      );
      const again = await importAssessments(store, lines, { thresholds: T, now: new Date("2026-01-01") });
      assert.equal(again.stored, 0);
      assert.equal(again.alreadyPresent, 3);
      assert.equal(await countAssessments(store.db), 5);

      // Hà Nội (01) and Cao Bằng (04) are in different regions; the nation has all four firms.
      const nation = await getStats(store, {});
      assert.equal(nation.count, 4);
      assert.deepEqual(
        nation.levels.map((l) => l.count),
        [1, 1, 0, 0, 1, 1], // 0 → level 0, 20 → 1, 80 (the web firm) → 4, 100 → 5
      );
      const hanoi = await getStats(store, { area: "01" });
      assert.equal(hanoi.count, 2);
      assert.equal(hanoi.platforms.find((p) => p.code === "EINVOICE")?.share, 100);
      assert.equal(hanoi.regular_platform_share, 50);
      assert.equal((await getStats(store, { area: "01", sector: "G" })).count, 0);
    });

    it("rejects statistics for an unknown area or geography, naming the parameter", async () => {
      await assert.rejects(
        getStats(store, { area: "XX" }),
        (e) => e instanceof DxmError && e.field === "area",
      );
      await assert.rejects(
        getStats(store, { geography: "2030" }),
        (e) => e instanceof DxmError && e.field === "geography",
      );
      // 74 (Bình Dương) is a 2008 province, not a 2025 one.
      await assert.rejects(
        getStats(store, { geography: "2025", area: "74" }),
        (e) => e instanceof DxmError && e.field === "area",
      );
    });

    it("feeds the series `assessment`, from which recompute derives the share of self-assessed SMEs using platforms", async () => {
      const rows = await syncAssessmentObservations(store);
      assert.ok(rows > 0);
      await recompute(store, { series: ["assessment"] });
      const value = async (area: string, period: string) =>
        (
          await queryComputed(store.db, {
            indicator: ["SME_ASSESSED_PLATFORM_SHARE"],
            series: ["assessment"],
            geography: ["2025"],
            area: [area],
            period: [period],
          })
        )[0]?.value;
      // Both Hà Nội firms use at least one platform.
      assert.equal(await value("01", "2025-Q4"), 100);
      // Nation, 2025-Q4: 3 imported firms + 1 from the web (its latest counts once); 1 without platforms → 75 %.
      assert.equal(await value("VN", "2025-Q4"), 75);
      // 2025-Q3 ends before the web firm's first submission (1 October 2025 10:00 in Vietnam): 2 of 3.
      assert.ok(Math.abs((await value("VN", "2025-Q3"))! - 200 / 3) < 1e-9);
    });

    it("places a firm in a 2008 province only when that province is known, and reports the firms it cannot place", async () => {
      // Rows as the CSV reader gives them (fields by position): the importer's fast path.
      const header = [...Object.keys(csvRow("0", "", 0, "")), "province_2008"];
      const columns = importColumns(header);
      const rowOf = (line: number, r: Record<string, string | number>) => ({
        line,
        fields: header.map((h) => String(r[h] ?? "")),
        columns,
      });
      const rows = [
        // TP.HCM (2025, 79) merged 79, 74 (Bình Dương) and 77 (Bà Rịa–Vũng Tàu) of 2008.
        rowOf(2, csvRow("0400000001", "79", 2, "2025-10-01")), // 2025 only: cannot be placed
        rowOf(3, { ...csvRow("0400000002", "", 3, "2025-10-01"), province_2008: "74" }),
        rowOf(4, { ...csvRow("0400000003", "79", 4, "2025-10-01"), province_2008: "77" }),
        rowOf(5, csvRow("0400000004", "12", 3, "2025-10-01")), // Lai Châu, not merged: implied
        rowOf(6, { ...csvRow("0400000005", "01", 3, "2025-10-01"), province_2008: "74" }), // disagree
      ];
      const now = new Date("2026-01-01");
      const report = await importAssessments(store, rows, { thresholds: T, now });
      assert.equal(report.stored, 4);
      assert.deepEqual(
        report.errors.map((e) => [e.line, e.field]),
        [[6, "province"]],
      );
      // The general path (records by name) stores the same rows: a re-import that way adds nothing.
      const asRecords: RecordLine[] = rows.slice(0, 4).map((r) => ({
        line: r.line,
        record: Object.fromEntries(header.map((h, i) => [h, r.fields[i]!])),
      }));
      const again = await importAssessments(store, asRecords, { thresholds: T, now });
      assert.equal(again.stored, 0);
      assert.equal(again.alreadyPresent, 4);

      const bd = await getStats(store, { geography: "2008", area: "74" });
      assert.equal(bd.count, 1);
      assert.equal(bd.geography, "2008");
      assert.equal(bd.coverage?.complete, false);
      const hcm = bd.coverage?.unplaced_by_2025.find((u) => u.code === "79");
      assert.ok(hcm && hcm.count >= 1, "firms that gave only TP.HCM (2025) are reported as not placed");
      assert.deepEqual([...(hcm?.former ?? [])].sort(), ["74", "77", "79"]);
      assert.equal((await getStats(store, { geography: "2008", area: "77" })).count, 1);
      const laiChau = await getStats(store, { geography: "2008", area: "12" });
      assert.equal(laiChau.count, 1);
      assert.equal(laiChau.coverage?.complete, true);
      assert.deepEqual(laiChau.coverage?.unchanged, ["12"]);
      // In 2025, TP.HCM counts its firms whether or not they named a 2008 province.
      const hcm2025 = await getStats(store, { geography: "2025", area: "79" });
      const placed = (await getStats(store, { geography: "2008", area: "79" })).count;
      assert.equal(hcm2025.count, 1 + 1 + placed + (hcm?.count ?? 0));
      assert.equal(hcm2025.coverage, null);
      // The nation is the same in both geographies; the 2008 province list holds placed firms only.
      const nation2008 = await getStats(store, { geography: "2008" });
      assert.equal(nation2008.count, (await getStats(store, {})).count);
      assert.ok(nation2008.provinces.some((p) => p.code === "74" && p.count === 1));
    });

    it("stores the same in a bulk merge: a row given twice once, the latest per firm, nothing more on re-import", async () => {
      // Thừa Thiên Huế (46), not used by the other cases. The bulk merge (indexes dropped and built
      // again, duplicates found by anti-joins) is what a large file takes; forced here on five rows.
      const lines = [
        importLine(2, csvRow("0500000001", "46", 2, "2025-08-01")),
        importLine(3, csvRow("0500000001", "46", 2, "2025-08-01")), // the same submission again
        importLine(4, csvRow("0500000002", "46", 1, "2025-08-01")),
        importLine(5, csvRow("0500000002", "46", 4, "2025-09-01", "")),
        importLine(6, { ...csvRow("0500000003", "46", 3, "2025-08-01"), size: "huge" }),
      ];
      const now = new Date("2026-01-01");
      const first = await importAssessments(store, lines, { thresholds: T, now, bulk: true });
      assert.deepEqual([first.valid, first.stored, first.alreadyPresent], [4, 3, 1]);
      assert.deepEqual(
        first.errors.map((e) => [e.line, e.field]),
        [[6, "size"]],
      );
      const stats = await getStats(store, { area: "46" });
      assert.equal(stats.count, 2);
      assert.equal(stats.mean_overall, 60); // 40 (answers 2) and 80 (the later answers 4)
      assert.equal(stats.any_platform_share, 50);
      assert.deepEqual(
        stats.trend.map((t) => [t.quarter, t.submissions]),
        [["2025-Q3", 3]],
      );
      const again = await importAssessments(store, lines, { thresholds: T, now, bulk: true });
      assert.deepEqual([again.stored, again.alreadyPresent], [0, 4]);
      assert.deepEqual(await getStats(store, { area: "46" }), stats);
      // Into empty tables (a first load takes a shorter way to the latest per firm): the same sums.
      const fresh = await backend.open();
      try {
        const load = await importAssessments(fresh, lines, { thresholds: T, now, bulk: true });
        assert.equal(load.stored, 3);
        assert.deepEqual(await getStats(fresh, { area: "46" }), stats);
      } finally {
        await fresh.close();
      }
      const indexes = await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename IN ('assessment', 'assessment_latest')
        ORDER BY indexname`.execute(store.db);
      assert.deepEqual(
        indexes.rows.map((r) => r.indexname),
        [
          "assessment_latest_peers",
          "assessment_latest_pkey",
          "assessment_pkey",
          "assessment_tax_code_submitted_at_fingerprint_key",
          "assessment_token",
        ],
      );
    });

    it("loads a first import straight into empty tables, storing what the staging way stores, and a re-import adds nothing", async () => {
      const now = new Date("2026-01-01");
      // Without repeats (the reader finds the latest per firm and the quarter sums itself), and with a
      // row given twice and two rows of one firm at one instant (the database sorts them out).
      const plain = [
        importLine(2, csvRow("0700000001", "46", 2, "2025-08-01")),
        importLine(3, csvRow("0700000002", "46", 1, "2025-08-01T10:00:00+07:00", "")),
        importLine(4, csvRow("0700000001", "46", 4, "2025-10-02")), // a retake, the next quarter
        importLine(5, { ...csvRow("0700000003", "", 5, "2025-07-31T23:30:00+07:00"), province_2008: "74" }),
        importLine(6, csvRow("0700000002", "46", 3, "2025-07-15")), // older than line 3
        importLine(7, { ...csvRow("0700000004", "46", 3, "2025-08-01"), size: "huge" }),
        // A dependent unit is a firm of its own, and one using many platforms counts as a regular user.
        importLine(
          10,
          csvRow("0700000001-001", "46", 3, "2025-08-02", "EINVOICE;ECONTRACT;DIGITAL_SIGNATURE;CRM;WEBSHOP"),
        ),
      ];
      const repeated = [
        ...plain,
        importLine(8, csvRow("0700000001", "46", 2, "2025-08-01")), // line 2 again
        importLine(9, csvRow("0700000003", "79", 1, "2025-07-31T23:30:00+07:00")), // line 5's instant
      ];
      const tables = async (s: Store) => {
        const q = async (text: string) => (await sql.raw(text).execute(s.db)).rows;
        return {
          assessment:
            await q(`SELECT tax_code, name, province, province_2008, sector, size, answers, platform_mask, overall,
            level, fingerprint, source, submitted_at FROM assessment ORDER BY tax_code, submitted_at, fingerprint`),
          latest: await q("SELECT * FROM assessment_latest ORDER BY tax_code"),
          cells: await q("SELECT * FROM assessment_cell ORDER BY province, province_2008, sector, size"),
          quarters: await q(
            "SELECT * FROM assessment_quarter ORDER BY quarter, province, province_2008, sector, size",
          ),
        };
      };
      for (const lines of [plain, repeated]) {
        const direct = await backend.open();
        const staged = await backend.open();
        try {
          const a = await importAssessments(direct, lines, { thresholds: T, now });
          const b = await importAssessments(staged, lines, { thresholds: T, now, firstLoad: false });
          assert.deepEqual([a.valid, a.stored, a.alreadyPresent], [b.valid, b.stored, b.alreadyPresent]);
          assert.equal(a.stored, lines === plain ? 6 : 7);
          assert.deepEqual(
            a.errors.map((e) => [e.line, e.field]),
            [[7, "size"]],
          );
          const stored = await tables(direct);
          assert.deepEqual(stored, await tables(staged));
          assert.equal(stored.quarters.length, lines === plain ? 3 : 4);
          const again = await importAssessments(direct, lines, { thresholds: T, now });
          assert.deepEqual([again.stored, again.alreadyPresent], [0, a.valid]);
          assert.deepEqual(await tables(direct), stored);
          // Ids go on from the last loaded one.
          const web = await submitAssessment(direct, firm({ taxCode: "0700000009" }), { now, thresholds: T });
          const max = await sql<{
            id: number;
          }>`SELECT max(id)::int AS id FROM assessment WHERE tax_code <> '0700000009'`.execute(direct.db);
          assert.ok(web.result.id > Number(max.rows[0]?.id));
        } finally {
          await direct.close();
          await staged.close();
        }
      }
    });

    it("stages long names and many rows unchanged (the COPY buffer grows between rows, never within one)", async () => {
      // 25,000 rows with 200-character Vietnamese names: over 16 MB of COPY data in the first chunk.
      const name = "Công ty TNHH Đầu tư Phát triển Số ".repeat(6).slice(0, 200);
      const lines = Array.from({ length: 25_000 }, (_, i) =>
        importLine(i + 2, {
          ...csvRow(`06${String(i).padStart(8, "0")}`, "38", (i % 6) as number, "2025-08-02"),
          name,
        }),
      );
      const r = await importAssessments(store, lines, { thresholds: T, now: new Date("2026-01-01") });
      assert.deepEqual([r.errors.length, r.stored], [0, 25_000]);
      const rows = await sql<{ name: string; answers: number[]; overall: number; n: number }>`
        SELECT name, answers, overall, count(*) OVER ()::int AS n FROM assessment
        WHERE tax_code IN ('0600000000', '0600012345', '0600024999') ORDER BY tax_code`.execute(store.db);
      assert.deepEqual(
        rows.rows.map((x) => [x.name, x.answers.join(""), x.overall, x.n]),
        [
          [name, "0".repeat(QUESTIONS.length), 0, 3],
          [name, "3".repeat(QUESTIONS.length), 60, 3],
          [name, "3".repeat(QUESTIONS.length), 60, 3],
        ],
      );
    });
  });
}
