/**
 * The quarterly report of a period's release, as an HTML page or a PDF. Public once the release is
 * out (embargo: before its time the public gets a 404, as for the release itself); reviewers and
 * analysts may read it earlier (it then says it is embargoed). The PDF is printed by Chromium
 * (`chromiumPath` of the configuration); the last few PDFs are kept in memory by the hash of their
 * HTML, so repeated downloads do not start a browser each time.
 */
import { createHash } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { config } from "../../config.ts";
import { buildQuarterlyReport, reportPdf } from "../../services/quarterly-report.ts";
import type { Store } from "../../store/db.ts";
import { period } from "../params.ts";

const PDF_CACHE_SIZE = 4;

export const quarterlyReportRoutes =
  (store: Store, options: { now?: () => Date; chromiumPath?: string } = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const now = options.now ?? (() => new Date());
    const pdfs = new Map<string, Buffer>();
    const params = z.strictObject({ period });

    app.get(
      "/quarterly-reports/:period/report.html",
      {
        schema: {
          summary:
            "The quarterly report of the period's release (bilingual HTML page); public after the release time",
          tags: ["releases"],
          params,
        },
      },
      async (req, reply) => {
        const report = await buildQuarterlyReport(store, req.principal, req.params.period, now());
        return reply.type("text/html; charset=utf-8").send(report.html);
      },
    );

    app.get(
      "/quarterly-reports/:period/report.pdf",
      {
        schema: {
          summary: "The quarterly report of the period's release as a PDF; public after the release time",
          tags: ["releases"],
          params,
        },
      },
      async (req, reply) => {
        const report = await buildQuarterlyReport(store, req.principal, req.params.period, now());
        const key = createHash("sha256").update(report.html).digest("hex");
        let pdf = pdfs.get(key);
        if (!pdf) {
          pdf = await reportPdf(report, options.chromiumPath ?? config().chromiumPath);
          pdfs.set(key, pdf);
          if (pdfs.size > PDF_CACHE_SIZE) pdfs.delete(pdfs.keys().next().value!);
        }
        return reply
          .type("application/pdf")
          .header("Content-Disposition", `inline; filename="dxm-report-${report.data.period}.pdf"`)
          .header(
            "Cache-Control",
            report.data.embargoed ? "private, no-store" : "public, max-age=300, must-revalidate",
          )
          .send(pdf);
      },
    );
  };
