/**
 * The quarterly report of a period's release, as an HTML page or a PDF, and its versions. Public
 * once the release is out (embargo: before its time the public gets a 404, as for the release
 * itself); reviewers and analysts may read a preview earlier (marked embargoed, `private, no-store`,
 * never stored nor shared by a cache).
 *
 * A published release's report is frozen (services/quarterly-report.ts): the bytes served are the
 * stored ones, with their SHA-256 as the ETag and in `X-Content-SHA256`. The period's report is the
 * newest published release's (it changes when a correction is released: clients revalidate); the
 * report of one release (`/releases/{id}/report.*`) never changes: `immutable`.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { config } from "../../config.ts";
import {
  buildQuarterlyReport,
  listReportVersions,
  type QuarterlyReport,
  releaseReport,
  reportPdf,
} from "../../services/quarterly-report.ts";
import type { Store } from "../../store/db.ts";
import { period } from "../params.ts";
import { releaseId } from "./releases.ts";

const CURRENT = "public, max-age=300, must-revalidate";
const IMMUTABLE = "public, max-age=31536000, immutable";
const PREVIEW = "private, no-store";

/** Sends a report's bytes with its hash; answers 304 to a client that has them. */
function sendReport(
  req: FastifyRequest,
  reply: FastifyReply,
  report: QuarterlyReport,
  body: { bytes: Buffer; sha256: string; type: string; filename?: string },
  frozenPolicy: string,
) {
  reply.header("X-Release-Id", String(report.release.id));
  reply.header("X-Content-SHA256", body.sha256);
  if (body.filename) reply.header("Content-Disposition", `inline; filename="${body.filename}"`);
  if (!report.frozen) {
    // An embargoed preview: for the logged-in reader only, never kept by any cache.
    reply.header("Cache-Control", PREVIEW);
    return reply.type(body.type).send(body.bytes);
  }
  const etag = `"${body.sha256}"`;
  reply.header("ETag", etag).header("Cache-Control", frozenPolicy);
  const inm = req.headers["if-none-match"];
  if (inm?.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
    return reply.code(304).send();
  }
  // A Buffer body: the generic public-caching hook leaves our ETag alone.
  return reply.type(body.type).send(body.bytes);
}

const htmlBody = (r: QuarterlyReport) => ({
  bytes: Buffer.from(r.html, "utf8"),
  sha256: r.htmlSha256,
  type: "text/html; charset=utf-8",
});

const reportHeaders = z
  .unknown()
  .describe(
    "The report; `X-Release-Id` names its release and `X-Content-SHA256` its bytes' hash (also the ETag once published)",
  );

export const quarterlyReportRoutes =
  (store: Store, options: { now?: () => Date; chromiumPath?: string } = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const now = options.now ?? (() => new Date());
    const chromium = () => options.chromiumPath ?? config().chromiumPath;
    const params = z.strictObject({ period });

    const pdfOf = async (report: QuarterlyReport) => {
      const { pdf, sha256 } = await reportPdf(store, report, chromium(), now());
      return {
        bytes: pdf,
        sha256,
        type: "application/pdf",
        filename: `dxm-report-${report.period}-r${report.release.id}.pdf`,
      };
    };

    app.get(
      "/quarterly-reports/:period/report.html",
      {
        schema: {
          summary:
            "The quarterly report of the period's latest release (bilingual HTML page); public after the release time",
          tags: ["releases"],
          params,
          response: { 200: reportHeaders, 304: z.unknown().describe("Not modified") },
        },
      },
      async (req, reply) => {
        const report = await buildQuarterlyReport(store, req.principal, req.params.period, now());
        return sendReport(req, reply, report, htmlBody(report), CURRENT);
      },
    );

    app.get(
      "/quarterly-reports/:period/report.pdf",
      {
        schema: {
          summary:
            "The quarterly report of the period's latest release as a PDF; public after the release time",
          tags: ["releases"],
          params,
          response: { 200: reportHeaders, 304: z.unknown().describe("Not modified") },
        },
      },
      async (req, reply) => {
        const report = await buildQuarterlyReport(store, req.principal, req.params.period, now());
        return sendReport(req, reply, report, await pdfOf(report), CURRENT);
      },
    );

    app.get(
      "/quarterly-reports/:period/versions",
      {
        schema: {
          summary:
            "Every version of the period's report, newest first: one per release of the period (a correction adds one)",
          tags: ["releases"],
          params,
          response: {
            200: z
              .unknown()
              .describe(
                "`{ items: [{ release_id, release_at, release_at_local, note, current, embargoed, html_sha256, pdf_sha256, generated_at, html_url, pdf_url }] }`",
              ),
          },
        },
      },
      async (req, reply) => {
        const versions = await listReportVersions(store, req.principal, req.params.period, now());
        const staff = versions.some((v) => v.embargoed);
        reply.header("Cache-Control", staff || req.principal ? PREVIEW : "public, no-cache");
        return {
          items: versions.map((v) => ({
            release_id: v.release.id,
            period: v.release.period,
            release_at: v.release.releaseAt?.toISOString() ?? null,
            release_at_local: v.release.releaseAtLocal,
            note: v.release.note,
            current: v.current,
            embargoed: v.embargoed,
            html_sha256: v.stored?.htmlSha256 ?? null,
            pdf_sha256: v.stored?.pdfSha256 ?? null,
            generated_at: v.stored?.generatedAt.toISOString() ?? null,
            html_url: `/api/v1/releases/${v.release.id}/report.html`,
            pdf_url: `/api/v1/releases/${v.release.id}/report.pdf`,
          })),
        };
      },
    );

    app.get(
      "/releases/:id/report.html",
      {
        schema: {
          summary: "The report of one release (a version of its period's report), frozen once published",
          tags: ["releases"],
          params: releaseId,
          response: { 200: reportHeaders, 304: z.unknown().describe("Not modified") },
        },
      },
      async (req, reply) => {
        const report = await releaseReport(store, req.principal, req.params.id, now());
        return sendReport(req, reply, report, htmlBody(report), IMMUTABLE);
      },
    );

    app.get(
      "/releases/:id/report.pdf",
      {
        schema: {
          summary: "The PDF report of one release, frozen once published",
          tags: ["releases"],
          params: releaseId,
          response: { 200: reportHeaders, 304: z.unknown().describe("Not modified") },
        },
      },
      async (req, reply) => {
        const report = await releaseReport(store, req.principal, req.params.id, now());
        return sendReport(req, reply, report, await pdfOf(report), IMMUTABLE);
      },
    );
  };
