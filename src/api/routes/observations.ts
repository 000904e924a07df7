/**
 * Computed observations: published values of indicators for areas, periods and series, in either
 * geography (2008 periods appear in the 2025 geography through re-basing). Paged: `limit`/`offset`,
 * with `next_offset` when more rows match.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { indicatorUnits, observationRecord } from "../../services/export.ts";
import { getObservations } from "../../services/read.ts";
import type { Store } from "../../store/db.ts";
import {
  areaCode,
  geography,
  indicatorCode,
  level,
  list,
  period,
  periodKind,
  seriesCode,
} from "../params.ts";

export const observationsQuery = z.strictObject({
  indicator: list(indicatorCode).optional(),
  geography: list(geography).optional(),
  area: list(areaCode).optional(),
  period: list(period).optional(),
  series: list(seriesCode).optional(),
  level: list(level).optional(),
  period_kind: list(periodKind).optional(),
  limit: z.coerce.number().int().min(1).max(50000).default(10000),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const observationRoutes =
  (store: Store, options: { now?: () => Date } = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const now = options.now ?? (() => new Date());
    app.get(
      "/observations",
      {
        schema: {
          summary: "Published indicator values by indicator, geography, area, period and series",
          tags: ["data"],
          querystring: observationsQuery,
        },
      },
      async (req) => {
        const q = req.query;
        const page = await getObservations(store, {
          ...(q.indicator ? { indicator: q.indicator } : {}),
          ...(q.geography ? { geography: q.geography } : {}),
          ...(q.area ? { area: q.area } : {}),
          ...(q.period ? { period: q.period } : {}),
          ...(q.series ? { series: q.series } : {}),
          ...(q.level ? { level: q.level } : {}),
          ...(q.period_kind ? { periodKind: q.period_kind } : {}),
          at: now(),
          limit: q.limit,
          offset: q.offset,
        });
        const units = await indicatorUnits(store);
        return {
          items: page.items.map((o) => observationRecord({ ...o, unit: units.get(o.indicator) ?? null })),
          next_offset: page.nextOffset,
        };
      },
    );
  };
