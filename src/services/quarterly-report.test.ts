import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Output } from "../cli/output.ts";
import { runReportCommand } from "../cli/report-command.ts";
import { loadConfig } from "../config.ts";
import { CLI_ACTOR } from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";
import type { Observation } from "../domain/observation.ts";
import type { Store } from "../store/db.ts";
import { upsertObservations } from "../store/observations-repo.ts";
import {
  buildQuarterlyReport,
  listReportVersions,
  pdfPrintCount,
  releaseReport,
  reportPdf,
} from "./quarterly-report.ts";
import { recompute } from "./recompute.ts";
import { prepareRelease, scheduleRelease } from "./releases.ts";
import { findReportRelease, gatherReportData } from "./report/report-data.ts";
import { demoBackends } from "./testing.ts";

const cfg = loadConfig();
const PREPARED = new Date("2026-10-10T02:00:00Z");
const RELEASE_AT = new Date("2026-10-15T02:00:00Z"); // 09:00 in Vietnam
const AFTER = new Date(RELEASE_AT.getTime() + 1000);
const BEFORE = new Date(RELEASE_AT.getTime() - 1000);

/** Section ids and their Vietnamese headings: every section must be there. */
const SECTIONS: [string, RegExp][] = [
  ["national", /Tỷ trọng kinh tế số trong GDP và các thành phần/],
  ["targets", /Mục tiêu của Quyết định 411 và tiến độ/],
  ["provinces", /bản đồ và xếp hạng/],
  ["spillover", /Lan tỏa sang các ngành/],
  ["programmes", /Chương trình hành động/],
  ["revisions", /Ghi chú điều chỉnh/],
  ["methods", /Phụ lục: phương pháp/],
];

function obs(area: string, element: string, value: number, period: string): Observation {
  return {
    series: "reported",
    code: element,
    target: "element",
    geography: "2025",
    area,
    period,
    value,
    status: "preliminary",
    note: null,
  };
}

/** Approved values as the reporting workflow stores them, then the recompute that follows. */
async function approve(store: Store, values: Observation[]): Promise<void> {
  await upsertObservations(store.db, values, "rev@test", "approval");
  await recompute(store, { series: ["reported"] });
}

function silentOutput(results: Record<string, unknown>[]): Output {
  return {
    format: "json",
    rows: () => {},
    result: (v) => {
      results.push(v);
    },
    write: () => {},
    info: () => {},
    progress: () => ({ update: () => {}, stop: () => {} }),
  };
}

for (const backend of await demoBackends()) {
  describe(`the quarterly report on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
      // A first release (2026-Q2), then a value of it corrected and a new quarter approved: the
      // 2026-Q3 release lists the correction as revised old → new.
      await approve(store, [obs("79", "ECOM_REVENUE", 100, "2026-Q2")]);
      const first = await prepareRelease(
        store,
        CLI_ACTOR,
        { period: "2026-Q2" },
        new Date("2026-07-10T02:00:00Z"),
      );
      await scheduleRelease(
        store,
        CLI_ACTOR,
        first.id,
        { at: new Date("2026-07-15T02:00:00Z") },
        new Date("2026-07-10T02:00:00Z"),
      );
      await approve(store, [
        obs("79", "ECOM_REVENUE", 120, "2026-Q2"),
        obs("79", "ECOM_REVENUE", 130, "2026-Q3"),
      ]);
      const r = await prepareRelease(
        store,
        CLI_ACTOR,
        { period: "2026-Q3", note: "Số liệu quý 3/2026 của các tỉnh, thành phố" },
        PREPARED,
      );
      await scheduleRelease(store, CLI_ACTOR, r.id, { at: RELEASE_AT }, PREPARED);
    });
    after(async () => {
      await store?.close();
    });

    it("is hidden from the public one second before the release time, and there one second after", async () => {
      await assert.rejects(
        buildQuarterlyReport(store, null, "2026-Q3", BEFORE),
        (e) => e instanceof DxmError && e.code === "not_found",
      );
      const report = await buildQuarterlyReport(store, null, "2026-Q3", AFTER);
      assert.equal(report.embargoed, false);
      assert.doesNotMatch(report.html, /CẤM CÔNG BỐ/);
    });

    it("marks a copy made before the release time as embargoed (command line)", async () => {
      const report = await buildQuarterlyReport(store, CLI_ACTOR, "2026-Q3", BEFORE);
      assert.equal(report.embargoed, true);
      assert.equal(report.frozen, null, "a preview is not stored");
      assert.match(report.html, /CẤM CÔNG BỐ TRƯỚC 2026-10-15T09:00:00\+07:00/);
    });

    it("has every section, server-rendered charts, the revision note and bilingual headings", async () => {
      const { html } = await buildQuarterlyReport(store, null, "2026-Q3", AFTER);
      const data = await gatherReportData(
        store,
        null,
        await findReportRelease(store, null, "2026-Q3", AFTER),
        AFTER,
      );
      for (const [id, heading] of SECTIONS) {
        assert.match(html, new RegExp(`<section id="${id}"`), id);
        assert.match(html, heading, id);
      }
      assert.match(html, /Digital economy share of GDP and its components/);
      assert.ok((html.match(/<svg /g) ?? []).length >= 3, "trend, map and spillover charts");
      assert.match(html, /Số liệu quý 3\/2026 của các tỉnh, thành phố/, "the release note");
      assert.ok(
        data.revisions.some(
          (r) =>
            r.code === "ECOM_REVENUE" && r.period === "2026-Q2" && r.oldValue === 100 && r.newValue === 120,
        ),
        "the correction of 2026-Q2 is a revision",
      );
      assert.match(
        html,
        /điều chỉnh \/ revised<\/td><td>ECOM_REVENUE<\/td><td>2025:79<\/td><td>2026-Q2<\/td><td class="num">100,00 → 120,00/,
      );
      assert.equal(data.provinces.rows.length, 34);
      assert.equal(data.provinces.rows[0]!.rank, 1);
      assert.ok(data.targets.some((t) => t.indicator === "DE_SHARE_GDP" && t.class !== null));
      assert.equal(data.programmes.length, 10);
      assert.match(html, /Có dữ liệu minh họa \(demo\)/, "demo data are labelled");
      assert.match(html, /@font-face\{font-family:'Noto Sans'.*base64/, "the font travels with the page");
      assert.doesNotMatch(html, /(src|href)="https?:/, "no request leaves the file");
    });

    if (backend.name === "pglite") {
      it("is written by `dxm report` as report.html and a PDF whose text keeps Vietnamese diacritics", async () => {
        const out = mkdtempSync(join(tmpdir(), "dxm-report-"));
        try {
          const results: Record<string, unknown>[] = [];
          const code = await runReportCommand(["--release", "2026-Q3", "--out", out], {
            withStore: (_c, fn) => fn(store),
            out: silentOutput(results),
            chromiumPath: cfg.chromiumPath,
            now: () => AFTER,
          });
          assert.equal(code, 0);
          assert.ok(existsSync(join(out, "report.html")));
          const pdf = readFileSync(join(out, "report.pdf"));
          assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
          assert.match(pdf.toString("latin1"), /\/FontName \/[A-Z]{6}\+NotoSans/, "Noto Sans is embedded");
          assert.deepEqual(results[0]?.pdf, join(out, "report.pdf"));
          const text = spawnSync("pdftotext", ["-layout", join(out, "report.pdf"), "-"], {
            encoding: "utf8",
          });
          if (text.error && !cfg.ci) return; // poppler-utils missing: the font check above stands
          assert.equal(text.status, 0, text.stderr);
          for (const phrase of [
            "Báo cáo kinh tế số quý 3/2026",
            "Tỷ trọng kinh tế số",
            "Đắk Lắk",
            "Trễ hạn",
          ]) {
            assert.ok(text.stdout.includes(phrase), `PDF text has "${phrase}"`);
          }
        } finally {
          if (!process.env.DXM_KEEP_REPORT) rmSync(out, { recursive: true, force: true });
        }
      });
    }

    it("is frozen at publication: a correction makes a new version and the old one keeps its bytes", async () => {
      const first = await buildQuarterlyReport(store, null, "2026-Q3", AFTER);
      assert.ok(first.frozen, "the published report is stored");
      assert.equal(first.frozen.dataAt.getTime(), RELEASE_AT.getTime(), "read as at the release time");
      const firstPdf =
        backend.name === "pglite" && existsSync(cfg.chromiumPath)
          ? await reportPdf(store, first, cfg.chromiumPath, AFTER)
          : null;

      // A correction of 2026-Q3, released five days later.
      const fixedAt = new Date("2026-10-20T02:00:00Z");
      const releasedAt = new Date("2026-10-21T02:00:00Z");
      const later = new Date("2026-10-22T02:00:00Z");
      await approve(store, [obs("79", "ECOM_REVENUE", 150, "2026-Q3")]);
      const fix = await prepareRelease(
        store,
        CLI_ACTOR,
        { period: "2026-Q3", note: "Hiệu chỉnh doanh thu thương mại điện tử quý 3" },
        fixedAt,
      );
      await scheduleRelease(store, CLI_ACTOR, fix.id, { at: releasedAt }, fixedAt);

      // Between the correction's scheduling and its time, the public still reads the first version.
      const still = await buildQuarterlyReport(store, null, "2026-Q3", new Date(releasedAt.getTime() - 1000));
      assert.equal(still.release.id, first.release.id);
      assert.equal(still.html, first.html);

      const old = await releaseReport(store, null, first.release.id, later);
      assert.equal(old.html, first.html, "the old report's HTML is byte for byte the same");
      assert.equal(old.htmlSha256, first.htmlSha256);
      // The correction's report is first read by three readers at once: made once, the same for all.
      const [current, ...alsoCurrent] = await Promise.all(
        [1, 2, 3].map(() => buildQuarterlyReport(store, null, "2026-Q3", later)),
      );
      assert.ok(current);
      for (const other of alsoCurrent) assert.equal(other.htmlSha256, current.htmlSha256);
      assert.equal(current.release.id, fix.id);
      assert.notEqual(current.htmlSha256, first.htmlSha256, "the correction's report differs");
      assert.match(current.html, /Hiệu chỉnh doanh thu thương mại điện tử quý 3/);
      assert.match(current.html, /2026-Q3<\/td><td class="num">130,00 → 150,00/);
      assert.doesNotMatch(old.html, /130,00 → 150,00/);

      const versions = await listReportVersions(store, null, "2026-Q3", later);
      assert.deepEqual(
        versions.map((v) => [v.release.id, v.current, v.stored?.htmlSha256]),
        [
          [fix.id, true, current.htmlSha256],
          [first.release.id, false, first.htmlSha256],
        ],
      );

      if (firstPdf) {
        const again = await reportPdf(store, old, cfg.chromiumPath, later);
        assert.ok(again.pdf.equals(firstPdf.pdf), "the old PDF is byte for byte the same");
        assert.equal(again.sha256, firstPdf.sha256);
        const printed = pdfPrintCount();
        const [fresh, ...alsoFresh] = await Promise.all(
          [1, 2, 3].map(() => reportPdf(store, current, cfg.chromiumPath, later)),
        );
        assert.equal(pdfPrintCount() - printed, 1, "three first readers of the PDF at once: one print");
        for (const other of alsoFresh) assert.equal(other.sha256, fresh!.sha256);
        assert.notEqual(fresh!.sha256, firstPdf.sha256);
      }

      // The database itself refuses to rewrite or delete a stored report.
      await assert.rejects(
        store.db
          .updateTable("release_report")
          .set({ html: "<p>rewritten</p>" })
          .where("release_id", "=", first.release.id)
          .execute(),
        /cannot be changed/,
      );
      await assert.rejects(
        store.db.deleteFrom("release_report").where("release_id", "=", first.release.id).execute(),
        /cannot be deleted/,
      );
    });

    it("makes a release's report from that release's data even when first read after a later release", async () => {
      // The 2026-Q2 release was never read; since then 2026-Q2's value was revised 100 → 120.
      const r = await findReportRelease(store, null, "2026-Q2", AFTER);
      const data = await gatherReportData(store, null, r, AFTER);
      const q2 = await releaseReport(store, null, r.id, AFTER);
      assert.equal(q2.frozen?.dataAt.getTime(), new Date("2026-07-15T02:00:00Z").getTime());
      assert.deepEqual(data.revisions, [], "the first release revises nothing");
      assert.doesNotMatch(q2.html, /100,00 → 120,00/);
      assert.doesNotMatch(q2.html, /Số liệu quý 3\/2026/, "not the later release's note");
    });
  });
}
