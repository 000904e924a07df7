/** Health and reference reads: areas, series. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Area } from "../../domain/area.ts";
import { getAreas, getSeries } from "../../services/read.ts";
import type { Store } from "../../store/db.ts";
import { geography, level, list } from "../params.ts";

export function areaJson(a: Area) {
  return {
    geography: a.geography,
    code: a.code,
    name_vi: a.nameVi,
    name_en: a.nameEn,
    level: a.level,
    parent: a.parent,
    kind: a.kind,
    ...(a.members.length ? { members: a.members } : {}),
  };
}

export const metaRoutes =
  (store: Store): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/health",
      { schema: { summary: "Service health and database kind", tags: ["meta"] } },
      async (_req, reply) => {
        await store.db.selectFrom("meta").select("key").limit(1).execute();
        reply.header("Cache-Control", "no-store");
        return { status: "ok", database: store.kind };
      },
    );

    app.get(
      "/areas",
      {
        schema: {
          summary: "Areas of both geographies (nation, regions, provinces) and the 2025 merger map",
          tags: ["reference"],
          querystring: z.strictObject({
            geography: list(geography).optional(),
            level: list(level).optional(),
          }),
        },
      },
      async (req) => {
        const areas = await getAreas(store, {
          ...(req.query.geography ? { geography: req.query.geography } : {}),
          ...(req.query.level ? { level: req.query.level } : {}),
        });
        return { items: areas.map(areaJson) };
      },
    );

    app.get(
      "/series",
      {
        schema: { summary: "Data series (official, ministry estimate, demo, reported)", tags: ["reference"] },
      },
      async () => {
        const series = await getSeries(store);
        return {
          items: series.map((s) => ({
            code: s.code,
            name_vi: s.nameVi,
            name_en: s.nameEn,
            description_vi: s.descriptionVi,
            description_en: s.descriptionEn,
            is_demo: s.isDemo,
          })),
        };
      },
    );
  };
