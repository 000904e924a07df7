/**
 * Open data downloads: published values per indicator, per release and in bulk, in CSV, XLSX,
 * JSON, SDMX-CSV 2.0 and SDMX-JSON 2.0 (streamed), and the SDMX structure: the data structure
 * definition and its codelists.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  EXPORT_FORMATS,
  type ExportFile,
  exportData,
  sdmxCodelist,
  sdmxDsd,
} from "../../services/open-data.ts";
import { CODELIST_IDS } from "../../services/sdmx.ts";
import type { Store } from "../../store/db.ts";
import { geography, indicatorCode, list, seriesCode } from "../params.ts";
import { releaseId } from "./releases.ts";

const format = z
  .enum(EXPORT_FORMATS, { error: `format is one of ${EXPORT_FORMATS.join(", ")}` })
  .default("csv")
  .describe("csv (default), xlsx, json, sdmx-csv (SDMX-CSV 2.0) or sdmx-json (SDMX-JSON 2.0)");

const fileResponse = {
  200: z
    .unknown()
    .describe(
      "The file (attachment), streamed: CSV/XLSX/JSON with one row per value, or SDMX-CSV 2.0 / SDMX-JSON 2.0 with the dimensions FREQ, REF_AREA, INDICATOR, UNIT_MEASURE, SERIES, TIME_PERIOD, OBS_VALUE and OBS_STATUS",
    ),
};

function sendFile(req: FastifyRequest, reply: FastifyReply, file: ExportFile) {
  reply.header("Content-Disposition", `attachment; filename="${file.filename}"`);
  // A logged-in reader may be downloading an embargoed release: never kept by a shared cache.
  const personal = req.principal !== null || req.headers.authorization !== undefined;
  reply.header("Cache-Control", personal ? "private, no-store" : "public, max-age=60, must-revalidate");
  reply.header("X-Content-Type-Options", "nosniff");
  return reply.type(file.contentType).send(file.body);
}

export const openDataRoutes =
  (store: Store, options: { now?: () => Date } = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const now = options.now ?? (() => new Date());

    app.get(
      "/data",
      {
        schema: {
          summary: "Everything published, in one file (bulk download)",
          tags: ["open data"],
          querystring: z.strictObject({
            format,
            series: list(seriesCode).optional(),
            geography: list(geography).optional(),
          }),
          response: fileResponse,
        },
      },
      async (req, reply) => {
        const q = req.query;
        const file = await exportData(
          store,
          { viewer: req.principal, at: now() },
          { ...(q.series ? { series: q.series } : {}), ...(q.geography ? { geography: q.geography } : {}) },
          q.format,
        );
        return sendFile(req, reply, file);
      },
    );

    app.get(
      "/data/:indicator",
      {
        schema: {
          summary: "One indicator's published values, every series, area and period",
          tags: ["open data"],
          params: z.strictObject({ indicator: indicatorCode }),
          querystring: z.strictObject({
            format,
            series: list(seriesCode).optional(),
            geography: list(geography).optional(),
          }),
          response: fileResponse,
        },
      },
      async (req, reply) => {
        const q = req.query;
        const file = await exportData(
          store,
          { viewer: req.principal, at: now() },
          {
            indicator: [req.params.indicator],
            ...(q.series ? { series: q.series } : {}),
            ...(q.geography ? { geography: q.geography } : {}),
          },
          q.format,
        );
        return sendFile(req, reply, file);
      },
    );

    app.get(
      "/releases/:id/data",
      {
        schema: {
          summary: "The values of one release (its snapshot); before its time for staff only",
          tags: ["open data", "releases"],
          params: releaseId,
          querystring: z.strictObject({ format, indicator: list(indicatorCode).optional() }),
          response: fileResponse,
        },
      },
      async (req, reply) => {
        const file = await exportData(
          store,
          { viewer: req.principal, at: now(), release: req.params.id },
          req.query.indicator ? { indicator: req.query.indicator } : {},
          req.query.format,
        );
        return sendFile(req, reply, file);
      },
    );

    app.get(
      "/sdmx/dsd",
      {
        schema: {
          summary: "The SDMX data structure definition (DSD) with its concepts and codelists (SDMX-JSON 2.0)",
          tags: ["open data"],
          response: { 200: z.unknown().describe("An SDMX-JSON 2.0 structure message") },
        },
      },
      async (_req, reply) => {
        reply.type("application/vnd.sdmx.structure+json; version=2.0.0; charset=utf-8");
        return sdmxDsd(store, now());
      },
    );

    app.get(
      "/sdmx/codelists/:id",
      {
        schema: {
          summary: `One SDMX codelist: ${CODELIST_IDS.join(", ")}`,
          tags: ["open data"],
          params: z.strictObject({
            id: z.enum(CODELIST_IDS, { error: `id is one of ${CODELIST_IDS.join(", ")}` }),
          }),
          querystring: z.strictObject({
            format: z.enum(["json", "csv"], { error: "format is json or csv" }).default("json"),
          }),
          response: {
            200: z
              .unknown()
              .describe("SDMX-JSON 2.0 structure message, or CSV with id, parent, name_vi, name_en"),
          },
        },
      },
      async (req, reply) => {
        const cl = await sdmxCodelist(store, req.params.id, req.query.format, now());
        if (req.query.format === "csv")
          reply.header("Content-Disposition", `attachment; filename="${req.params.id}.csv"`);
        return reply.type(cl.contentType).send(cl.body);
      },
    );
  };
