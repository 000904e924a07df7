/**
 * `dxm report --release 2026-Q3 --out DIR`: writes the quarterly report of the period's release as
 * `report.html` and `report.pdf` in DIR (created if missing). The command line acts as the operator,
 * so it can render a scheduled release before its time (the report then says it is embargoed).
 * Files are written to a temporary name and renamed, so a failed run leaves no half-written report.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CLI_ACTOR } from "../domain/auth.ts";
import { tryParsePeriod } from "../domain/period.ts";
import { buildQuarterlyReport, reportPdf } from "../services/quarterly-report.ts";
import type { Store } from "../store/db.ts";
import { EXIT, type Output, UsageError } from "./output.ts";

export const REPORT_HELP = `  report --release 2026-Q3 --out DIR [--no-pdf]
                                the quarterly report of a period's release: DIR/report.html and
                                DIR/report.pdf (bilingual, charts rendered on the server)
`;

export interface ReportCommandContext {
  withStore<T>(command: string, fn: (store: Store) => Promise<T>): Promise<T>;
  out: Output;
  chromiumPath: string;
  now?: () => Date;
}

function writeAtomically(path: string, data: string | Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

export async function runReportCommand(args: readonly string[], ctx: ReportCommandContext): Promise<number> {
  let values: { release?: string; out?: string; "no-pdf"?: boolean; format?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        release: { type: "string" },
        out: { type: "string" },
        "no-pdf": { type: "boolean" },
        format: { type: "string" },
      },
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError(`report: ${(e as Error).message}`);
  }
  if (!values.release || !tryParsePeriod(values.release)) {
    throw new UsageError("report: --release is the release's period, e.g. --release 2026-Q3");
  }
  if (!values.out)
    throw new UsageError("report: --out DIR is the folder to write report.html and report.pdf");
  const dir = resolve(values.out);
  const now = (ctx.now ?? (() => new Date()))();
  const noPdf = values["no-pdf"] === true;
  const { report, pdf } = await ctx.withStore("report", async (store) => {
    const report = await buildQuarterlyReport(store, CLI_ACTOR, values.release!, now);
    if (noPdf) return { report, pdf: null };
    ctx.out.info("printing the PDF with Chromium…");
    return { report, pdf: await reportPdf(store, report, ctx.chromiumPath, now) };
  });
  mkdirSync(dir, { recursive: true });
  const html = join(dir, "report.html");
  writeAtomically(html, report.html);
  let pdfPath: string | null = null;
  if (pdf) {
    pdfPath = join(dir, "report.pdf");
    writeAtomically(pdfPath, pdf.pdf);
  }
  ctx.out.result({
    release: report.release.id,
    period: report.period,
    state: report.release.state,
    // A published release's report is the stored one: these hashes match every download of it.
    frozen: report.frozen !== null,
    html,
    html_sha256: report.htmlSha256,
    pdf: pdfPath,
    pdf_sha256: pdf?.sha256 ?? null,
  });
  return EXIT.ok;
}
