/**
 * The quarterly report of a release (DESIGN §5, issue 8): a bilingual HTML page and its PDF, with
 * the national digital-economy share and components, Decision 411 targets with progress classes,
 * provinces' map and ranking, sector spillover, programme status, revision notes and a methods
 * annex. Charts are rendered on the server (ECharts SVG). The public may read it once the release
 * is out (embargo); reviewers, analysts and the command line also before (marked embargoed).
 */
import type { Actor } from "../domain/auth.ts";
import type { Store } from "../store/db.ts";
import { gatherReportData, type ReportData } from "./report/report-data.ts";
import { renderReportHtml } from "./report/report-html.ts";
import { htmlToPdf } from "./report/report-pdf.ts";

export type { ReportData } from "./report/report-data.ts";

export interface QuarterlyReport {
  readonly data: ReportData;
  readonly html: string;
}

export async function buildQuarterlyReport(
  store: Store,
  viewer: Actor | null,
  period: string,
  now: Date,
): Promise<QuarterlyReport> {
  const data = await gatherReportData(store, viewer, period, now);
  return { data, html: renderReportHtml(data) };
}

export function reportPdf(report: QuarterlyReport, chromiumPath: string): Promise<Buffer> {
  return htmlToPdf(report.html, chromiumPath);
}
