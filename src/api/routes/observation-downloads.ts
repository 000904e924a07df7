/**
 * Downloads of published observations for the public pages: `/observations.csv` (streamed) and
 * `/observations.xlsx` (streamed too), with the filters of `/observations` (no paging: every matching row). A
 * minimal, additive pair of routes; the open-data export formats are another part of the API.
 */
import { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { observationsCsv } from "../../services/export.ts";
import { observationsXlsx } from "../../services/export-xlsx.ts";
import type { ObservationQuery } from "../../services/read.ts";
import type { Store } from "../../store/db.ts";
import { observationsQuery } from "./observations.ts";

const downloadQuery = observationsQuery.omit({ limit: true, offset: true });

function toQuery(q: ReturnType<typeof downloadQuery.parse>): Omit<ObservationQuery, "limit" | "offset"> {
  return {
    ...(q.indicator ? { indicator: q.indicator } : {}),
    ...(q.geography ? { geography: q.geography } : {}),
    ...(q.area ? { area: q.area } : {}),
    ...(q.period ? { period: q.period } : {}),
    ...(q.series ? { series: q.series } : {}),
    ...(q.level ? { level: q.level } : {}),
    ...(q.period_kind ? { periodKind: q.period_kind } : {}),
  };
}

/** `dxmonitor-observations-DE_SHARE_GDP` — the first indicator asked for, in safe characters. */
function fileName(q: ReturnType<typeof downloadQuery.parse>, ext: string): string {
  const part = (q.indicator?.[0] ?? "all").replace(/[^A-Za-z0-9_-]/g, "");
  return `dxmonitor-observations-${part}.${ext}`;
}

export const observationDownloadRoutes =
  (store: Store): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/observations.csv",
      {
        schema: {
          summary: "Published observations as CSV (same filters as /observations)",
          tags: ["data"],
          querystring: downloadQuery,
        },
      },
      async (req, reply) => {
        const lines = observationsCsv(store, toQuery(req.query));
        // Pull the header (and the query's validation) before committing to a 200.
        const first = await lines.next();
        async function* body() {
          if (!first.done) yield first.value;
          yield* lines;
        }
        return reply
          .type("text/csv; charset=utf-8")
          .header("Content-Disposition", `attachment; filename="${fileName(req.query, "csv")}"`)
          .send(Readable.from(body()));
      },
    );
    app.get(
      "/observations.xlsx",
      {
        schema: {
          summary: "Published observations as an Excel workbook (same filters as /observations)",
          tags: ["data"],
          querystring: downloadQuery,
        },
      },
      async (req, reply) => {
        const body = await observationsXlsx(store, toQuery(req.query));
        return reply
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("Content-Disposition", `attachment; filename="${fileName(req.query, "xlsx")}"`)
          .send(body);
      },
    );
  };
