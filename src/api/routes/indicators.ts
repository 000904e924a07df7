/** Indicator catalogue and targets. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Target } from "../../domain/catalog.ts";
import { getIndicator, getIndicators, getTargets, type IndicatorWithTargets } from "../../services/read.ts";
import type { Store } from "../../store/db.ts";
import { areaCode, geography, indicatorCode, list } from "../params.ts";

export function targetJson(t: Target) {
  return {
    indicator: t.indicator,
    geography: t.geography,
    area: t.area,
    year: t.year,
    comparator: t.comparator,
    value: t.value,
    source: t.source,
    note: t.note,
  };
}

/** The formula as a person reads it: `100 × ({A} + {B}) / ({C})`. */
export function formulaText(i: { numerator: string; denominator: string | null; factor: number }): string {
  const f = i.factor === 1 ? "" : `${i.factor} × `;
  return i.denominator ? `${f}(${i.numerator}) / (${i.denominator})` : `${f}${i.numerator}`;
}

export function indicatorJson(i: IndicatorWithTargets) {
  return {
    code: i.code,
    name_vi: i.nameVi,
    name_en: i.nameEn,
    definition_vi: i.definitionVi,
    definition_en: i.definitionEn,
    unit: i.unit,
    pillar: i.pillar,
    direction: i.direction,
    decimals: i.decimals,
    formula: formulaText(i),
    numerator: i.numerator,
    denominator: i.denominator,
    factor: i.factor,
    frequency: i.frequency,
    source: i.source,
    tags: i.tags,
    targets: i.targets.map(targetJson),
  };
}

export const indicatorRoutes =
  (store: Store): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/indicators",
      { schema: { summary: "The indicator catalogue with formulas and targets", tags: ["catalogue"] } },
      async () => ({ items: (await getIndicators(store)).map(indicatorJson) }),
    );

    app.get(
      "/indicators/:code",
      {
        schema: {
          summary: "One indicator: definition, unit, pillar, direction, formula, targets",
          tags: ["catalogue"],
          params: z.object({ code: indicatorCode }),
        },
      },
      async (req) => indicatorJson(await getIndicator(store, req.params.code)),
    );

    app.get(
      "/targets",
      {
        schema: {
          summary: "Targets with comparator, year, value and legal source",
          tags: ["catalogue"],
          querystring: z.strictObject({
            indicator: list(indicatorCode).optional(),
            geography: list(geography).optional(),
            area: list(areaCode).optional(),
          }),
        },
      },
      async (req) => {
        const q = req.query;
        const targets = await getTargets(store, {
          ...(q.indicator ? { indicator: q.indicator } : {}),
          ...(q.geography ? { geography: q.geography } : {}),
          ...(q.area ? { area: q.area } : {}),
        });
        return { items: targets.map(targetJson) };
      },
    );
  };
