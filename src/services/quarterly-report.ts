/**
 * The quarterly report of a release (DESIGN §5, issue 8): a bilingual HTML page and its PDF, with
 * the national digital-economy share and components, Decision 411 targets with progress classes,
 * provinces' map and ranking, sector spillover, programme status, revision notes and a methods
 * annex. Charts are rendered on the server (ECharts SVG).
 *
 * Frozen at publication: once a release is out, its report is made once — from the data as the
 * public reads them at the release time — and stored (`release_report`, HTML and later the PDF
 * printed from that HTML, each with its SHA-256). Every later reader gets those bytes, whatever
 * changed since; a correction is a later release of the period, whose report is a new version
 * beside the old one (`listReportVersions`). Made at the first request after the release time
 * rather than by a job at that second: the data are read as at the release time in either case, and
 * no scheduler has to be running.
 *
 * Before the release time the public sees nothing (404); reviewers, analysts and the command line
 * get a preview made afresh on each request and marked embargoed, never stored.
 */
import { createHash } from "node:crypto";
import type { Actor } from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";
import { formatPeriod, parsePeriod } from "../domain/period.ts";
import type { Store } from "../store/db.ts";
import {
  fillReleaseReportPdf,
  findReleaseReport,
  insertReleaseReport,
  listReleaseReportMeta,
  type ReleaseReportMeta,
} from "../store/release-reports-repo.ts";
import { assertReleaseVisible, listReleases, type ReleaseView } from "./releases.ts";
import { findReportRelease, gatherReportData } from "./report/report-data.ts";

// The renderer (ECharts) and the printer (playwright-core) load on the first report: together they
// took ~2 s of every server start, for a page few requests ask for.
async function renderReportHtml(
  data: Parameters<typeof import("./report/report-html.ts").renderReportHtml>[0],
) {
  return (await import("./report/report-html.ts")).renderReportHtml(data);
}
let prints = 0;
async function htmlToPdf(html: string, chromiumPath: string): Promise<Buffer> {
  prints++;
  return (await import("./report/report-pdf.ts")).htmlToPdf(html, chromiumPath);
}
/** PDFs printed by this process so far (each print starts a Chromium). */
export const pdfPrintCount = (): number => prints;

/**
 * One making of a published release's report at a time per store and release: at the release time
 * many readers ask for the report at once, and each would otherwise render it (ECharts) and print
 * it (a Chromium each, ~150 MB) to store one copy. The others wait for the first and read what it
 * stored. (Another process on the same database may still make its own; the database keeps the
 * first stored.)
 */
const making = new WeakMap<Store, Map<string, Promise<unknown>>>();
function makeOnce<T>(store: Store, key: string, work: () => Promise<T>): Promise<T> {
  const running = making.get(store) ?? new Map<string, Promise<unknown>>();
  making.set(store, running);
  const pending = running.get(key) as Promise<T> | undefined;
  if (pending) return pending;
  const done = work().finally(() => running.delete(key));
  running.set(key, done);
  return done;
}

export type { ReleaseReportMeta } from "../store/release-reports-repo.ts";
export type { ReportData } from "./report/report-data.ts";

export interface QuarterlyReport {
  readonly release: ReleaseView;
  readonly period: string;
  /** True for a preview made before the release time (staff only). */
  readonly embargoed: boolean;
  readonly html: string;
  readonly htmlSha256: string;
  /** The stored report's facts once the release is out; null for an embargoed preview. */
  readonly frozen: ReleaseReportMeta | null;
}

export const sha256 = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

/** The report of one release: the stored one once it is out (stored now if it is the first read). */
async function reportOf(
  store: Store,
  viewer: Actor | null,
  release: ReleaseView,
  now: Date,
): Promise<QuarterlyReport> {
  if (release.state !== "published") {
    const data = await gatherReportData(store, viewer, release, now);
    const html = await renderReportHtml(data);
    return { release, period: release.period, embargoed: true, html, htmlSha256: sha256(html), frozen: null };
  }
  let stored = await findReleaseReport(store.db, release.id);
  if (!stored) {
    stored = await makeOnce(store, `html ${release.id}`, async () => {
      // Made as the public would have read it at the release time: no viewer's privileges.
      const data = await gatherReportData(store, null, release, now);
      const html = await renderReportHtml(data);
      await insertReleaseReport(store.db, {
        releaseId: release.id,
        period: release.period,
        dataAt: release.releaseAt!,
        generatedAt: now,
        html,
        htmlSha256: sha256(html),
      });
      // Another process may have stored it first: the one stored first is the report; read it back.
      return (await findReleaseReport(store.db, release.id))!;
    });
  }
  return {
    release,
    period: release.period,
    embargoed: false,
    html: stored.html,
    htmlSha256: stored.htmlSha256,
    frozen: stored,
  };
}

/**
 * The current report of a period: the newest release of it the viewer may see (the public: the
 * latest published one; staff: also a scheduled one, as an embargoed preview).
 */
export async function buildQuarterlyReport(
  store: Store,
  viewer: Actor | null,
  period: string,
  now: Date,
): Promise<QuarterlyReport> {
  const text = formatPeriod(parsePeriod(period, "release"));
  const release = await findReportRelease(store, viewer, text, now);
  return reportOf(store, viewer, release, now);
}

/** The report of one release (a version of its period's report); 404 for a draft. */
export async function releaseReport(
  store: Store,
  viewer: Actor | null,
  releaseId: number,
  now: Date,
): Promise<QuarterlyReport> {
  const release = await assertReleaseVisible(store, viewer, releaseId, now);
  if (release.state === "draft") {
    throw new DxmError(
      "not_found",
      `Release ${releaseId} is a draft: it has no report until it is scheduled`,
      {
        field: "id",
        messageVi: `Đợt công bố ${releaseId} còn là bản nháp: chưa có báo cáo cho đến khi được lên lịch`,
      },
    );
  }
  return reportOf(store, viewer, release, now);
}

/**
 * The PDF of a report: for a published release, the stored PDF, printed from the stored HTML at the
 * first request and kept (a PDF stored first by a concurrent request wins); for a preview, printed
 * each time.
 */
export async function reportPdf(
  store: Store,
  report: QuarterlyReport,
  chromiumPath: string,
  now: Date,
): Promise<{ pdf: Buffer; sha256: string }> {
  if (!report.frozen) {
    const pdf = await htmlToPdf(report.html, chromiumPath);
    return { pdf, sha256: sha256(pdf) };
  }
  const id = report.frozen.releaseId;
  let stored = await findReleaseReport(store.db, id);
  if (!stored?.pdf) {
    stored = await makeOnce(store, `pdf ${id}`, async () => {
      const pdf = await htmlToPdf(report.html, chromiumPath);
      await fillReleaseReportPdf(store.db, id, { pdf, pdfSha256: sha256(pdf), at: now });
      return findReleaseReport(store.db, id);
    });
  }
  return { pdf: stored!.pdf!, sha256: stored!.pdfSha256! };
}

export interface ReportVersion {
  readonly release: ReleaseView;
  /** Whether this is the version readers of the period get by default (the newest published). */
  readonly current: boolean;
  readonly embargoed: boolean;
  /** The stored report (its hashes); null for an embargoed release (staff only). */
  readonly stored: ReleaseReportMeta | null;
}

/**
 * Every version of a period's report, newest first: one per scheduled release of the period the
 * viewer may see. Listing stores the report of a published release not read yet, so each listed
 * version has its hash.
 */
export async function listReportVersions(
  store: Store,
  viewer: Actor | null,
  period: string,
  now: Date,
): Promise<ReportVersion[]> {
  const text = formatPeriod(parsePeriod(period, "period"));
  const releases = (await listReleases(store, viewer, now))
    .filter((r) => r.period === text && r.state !== "draft")
    .sort((a, b) => b.id - a.id);
  if (!releases.length) {
    throw new DxmError("not_found", `No release of ${text} has been published`, {
      field: "period",
      messageVi: `Chưa có đợt công bố nào của kỳ ${text}`,
    });
  }
  for (const r of releases) if (r.state === "published") await reportOf(store, viewer, r, now);
  const meta = new Map(
    (
      await listReleaseReportMeta(
        store.db,
        releases.map((r) => r.id),
      )
    ).map((m) => [m.releaseId, m]),
  );
  const currentId = releases.find((r) => r.state === "published")?.id;
  return releases.map((r) => ({
    release: r,
    current: r.id === currentId,
    embargoed: r.state !== "published",
    stored: r.state === "published" ? (meta.get(r.id) ?? null) : null,
  }));
}
