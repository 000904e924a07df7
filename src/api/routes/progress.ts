/** Progress toward targets (DESIGN §4.4). Growth rates are fractions: 0.211 means 21.1 %. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getProgress, type ProgressItem } from "../../services/progress.ts";
import type { Store } from "../../store/db.ts";
import { areaCode, geography, indicatorCode, list, seriesCode } from "../params.ts";
import { targetJson } from "./indicators.ts";

export function progressJson(p: ProgressItem) {
  return {
    indicator: p.indicator,
    geography: p.geography,
    area: p.area,
    series: p.series,
    target: { ...targetJson(p.target), scope: p.target.scope },
    class: p.class,
    ratio: p.ratio,
    growth_basis: p.growth_basis,
    growth_actual: p.growth_actual,
    growth_required: p.growth_required,
    growth_required_from_now: p.growth_required_from_now,
    numerator_growth_required: p.numerator_growth_required,
    projection: p.projection,
    target_path: p.target_path,
    path_gap: p.path_gap,
    notes: p.notes.map((n) => ({ code: n.code, message: n.message, message_vi: n.messageVi })),
    inputs: p.inputs,
  };
}

export const progressRoutes =
  (store: Store, options: { now?: () => Date } = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const now = options.now ?? (() => new Date());
    app.get(
      "/progress",
      {
        schema: {
          summary:
            "Progress toward every target: class, growth actual and required, target path, projection, inputs",
          tags: ["progress"],
          querystring: z.strictObject({
            indicator: list(indicatorCode).optional(),
            geography: geography.default("2025"),
            area: list(areaCode).optional(),
            series: list(seriesCode).optional(),
            baseline: z.coerce.number().int().min(1990).max(2100).optional(),
            gdp_growth: z.coerce
              .number()
              .min(-50, "gdp_growth is a percentage a year, from -50 to 100")
              .max(100, "gdp_growth is a percentage a year, from -50 to 100")
              .optional(),
          }),
        },
      },
      async (req) => {
        const q = req.query;
        const items = await getProgress(store, {
          geography: q.geography,
          ...(q.indicator ? { indicator: q.indicator } : {}),
          ...(q.area ? { area: q.area } : {}),
          ...(q.series ? { series: q.series } : {}),
          ...(q.baseline !== undefined ? { baseline: q.baseline } : {}),
          ...(q.gdp_growth !== undefined ? { gdpGrowth: q.gdp_growth / 100 } : {}),
          publishedAt: now(),
        });
        return { items: items.map(progressJson) };
      },
    );
  };
