/** The digital-economy measurement toolkit: value added, share and components; spillover. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type DeItem, measure, provinceSpillover } from "../../services/digital-economy.ts";
import { getIoTables } from "../../services/io-tables.ts";
import type { Store } from "../../store/db.ts";
import { areaCode, geography, list, period, periodKind, seriesCode } from "../params.ts";

const method = z.enum(["gso", "mic411"], { error: "method is gso or mic411" });
const intensity = z.enum(["direct", "total"], { error: "intensity is direct or total" });

export function deItemJson(i: DeItem) {
  const m = i.measurement;
  return {
    geography: i.geography,
    area: i.area,
    period: i.period,
    method: i.method,
    intensity: i.intensity,
    series: i.series,
    io_table_year: i.ioTableYear,
    io_table_is_demo: i.ioTableIsDemo,
    value_added: m.valueAdded,
    grdp: i.grdp,
    share: m.share,
    components: { core: m.components.core, platform: m.components.platform, sectoral: m.components.sectoral },
    sectors: m.sectors.map((s) => ({
      sector: s.sector,
      value_added: s.valueAdded,
      intensity: s.intensity,
      digital_value_added: s.digitalValueAdded,
      share_of_sectoral: s.shareOfSectoral,
    })),
    complete: i.complete,
    missing: i.missing,
  };
}

export const digitalEconomyRoutes =
  (store: Store, options: { now?: () => Date } = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const now = options.now ?? (() => new Date());
    app.get(
      "/digital-economy",
      {
        schema: {
          summary:
            "Digital-economy value added, share of GRDP/GDP and components (gso, mic411), with sector spillover",
          tags: ["digital economy"],
          querystring: z.strictObject({
            geography: geography.default("2025"),
            area: list(areaCode).default(["VN"]),
            period: list(period).optional(),
            period_kind: list(periodKind).optional(),
            method: list(method).optional(),
            intensity: intensity.optional(),
            series: list(seriesCode).optional(),
          }),
        },
      },
      async (req) => {
        const q = req.query;
        const items = await measure(store, {
          geography: q.geography,
          area: q.area,
          ...(q.period ? { period: q.period } : {}),
          ...(q.period_kind ? { periodKind: q.period_kind } : {}),
          ...(q.method ? { method: q.method } : {}),
          ...(q.intensity ? { intensity: q.intensity } : {}),
          ...(q.series ? { series: q.series } : {}),
          publishedAt: now(),
        });
        return { items: items.map(deItemJson) };
      },
    );

    app.get(
      "/digital-economy/provinces",
      {
        schema: {
          summary: "Provinces ranked by sectoral digitalisation (sectoral digital value added as % of GRDP)",
          tags: ["digital economy"],
          querystring: z.strictObject({
            geography: geography.default("2025"),
            period,
            method: method.default("gso"),
            intensity: intensity.optional(),
            series: list(seriesCode).optional(),
          }),
        },
      },
      async (req) => {
        const q = req.query;
        const rows = await provinceSpillover(store, {
          geography: q.geography,
          period: q.period,
          method: q.method,
          ...(q.intensity ? { intensity: q.intensity } : {}),
          ...(q.series ? { series: q.series } : {}),
          publishedAt: now(),
        });
        return {
          items: rows.map((r) => ({
            rank: r.rank,
            area: r.area,
            name_vi: r.nameVi,
            name_en: r.nameEn,
            series: r.series,
            period: r.period,
            sectoral_value_added: r.sectoral,
            grdp: r.grdp,
            sectoral_share: r.sectoralShare,
            complete: r.complete,
          })),
        };
      },
    );

    app.get(
      "/io-tables",
      {
        schema: { summary: "The input–output tables loaded (year, source, size)", tags: ["digital economy"] },
      },
      async () => ({
        items: (await getIoTables(store)).map((t) => ({
          year: t.year,
          name: t.name,
          source: t.source,
          is_demo: t.isDemo,
          industries: t.industries,
          imported_by: t.importedBy,
          imported_at: t.importedAt.toISOString(),
        })),
      }),
    );
  };
