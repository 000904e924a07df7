/**
 * The provincial digital-transformation index (DESIGN §4.6): frameworks, scores with rank bands, one
 * province's profile, the change between two years split by pillar, and the published ranking
 * beside the computed one. Every answer says which framework version, normalisation, aggregation and
 * basis (re-based indicators or mean of former provinces) produced its numbers.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { IndexFramework } from "../../catalog/index-frameworks.ts";
import { findSeries } from "../../catalog/series.ts";
import { GEOMETRIC_FLOOR, pillarGroupScores } from "../../methods/composite-index.ts";
import {
  comparePublished,
  DTI_PUBLISHED_SERIES,
  explainIndexChange,
  frameworkOrThrow,
  getIndexScores,
  getProvinceIndex,
  listFrameworks,
} from "../../services/index-scores.ts";
import type { Store } from "../../store/db.ts";
import type { IndexRunRecord, IndexScoreRecord } from "../../store/index-repo.ts";
import { areaCode, geography, seriesCode } from "../params.ts";

const frameworkId = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, "a framework id is lower-case, e.g. dti-922");
const year = z.coerce
  .number({ error: "a year is a number such as 2024" })
  .int("a year is a whole number")
  .min(2000, "year from 2000")
  .max(2100, "year up to 2100");
const basis = z.enum(["indicators", "mean_of_former"], { error: "basis is indicators or mean_of_former" });

const BASIS_TEXT = {
  indicators: {
    en: "Scored from the geography's own indicator values; for a 2025 unit before the merger these are re-based from its former provinces (ratios of sums).",
    vi: "Tính từ giá trị chỉ tiêu theo đúng địa giới; với đơn vị năm 2025 ở các năm trước sáp nhập, giá trị được quy đổi từ các tỉnh cũ (tỷ số của tổng).",
  },
  mean_of_former: {
    en: "The unweighted mean of the former provinces' scores (2008 geography), as the ministry published DTI 2024 on 34 units.",
    vi: "Trung bình cộng điểm của các tỉnh cũ (địa giới 2008), như cách Bộ công bố DTI 2024 cho 34 đơn vị.",
  },
} as const;

export function frameworkJson(f: IndexFramework) {
  return {
    id: f.id,
    version: f.version,
    name_vi: f.nameVi,
    name_en: f.nameEn,
    source: f.source,
    base_year: f.baseYear,
    aggregation: f.aggregation,
    missing: f.missing,
    clip: f.clip,
    note_vi: f.noteVi,
    note_en: f.noteEn,
    groups: f.groups.map((g) => ({
      code: g.code,
      name_vi: g.nameVi,
      name_en: g.nameEn,
      members: g.members,
      status: g.status,
      note: g.note,
    })),
    pillars: f.pillars.map((p) => ({
      code: p.code,
      name_vi: p.nameVi,
      name_en: p.nameEn,
      weight: p.weight,
      points: p.points,
      aggregation: p.aggregation,
      status: p.status,
      note: p.note,
      indicators: p.indicators.map((i) => ({
        code: i.code,
        weight: i.weight,
        direction: i.direction,
        normalisation: i.normalisation,
        target: i.target,
        target_source: i.targetSource,
        status: i.status,
      })),
    })),
  };
}

/** How the numbers of a run were produced. */
function methodJson(f: IndexFramework, run: IndexRunRecord) {
  return {
    framework: f.id,
    version: f.version,
    series: run.series,
    series_is_demo: findSeries(run.series)?.isDemo ?? false,
    geography: run.geography,
    year: run.year,
    basis: run.basis,
    basis_description: BASIS_TEXT[run.basis].en,
    basis_description_vi: BASIS_TEXT[run.basis].vi,
    normalisation: {
      method: run.normalisation,
      goalposts_year: run.baseYear,
      clip: f.clip,
      indicators: Object.fromEntries(
        f.pillars.flatMap((p) =>
          p.indicators.map((i) => [
            i.code,
            {
              method: i.normalisation,
              direction: i.direction,
              goalposts: run.goalposts[i.code] ?? null,
              target:
                i.normalisation === "target"
                  ? (i.target ??
                    (run.goalposts[i.code]
                      ? i.direction === "higher"
                        ? run.goalposts[i.code]!.hi
                        : run.goalposts[i.code]!.lo
                      : null))
                  : null,
            },
          ]),
        ),
      ),
    },
    aggregation: run.aggregation,
    geometric_floor: GEOMETRIC_FLOOR,
    missing_rule: run.missingRule,
    weights: Object.fromEntries(f.pillars.map((p) => [p.code, p.weight])),
    monte_carlo: {
      draws: run.draws,
      seed: run.seed,
      weights: "each × U(0.75, 1.25), renormalised",
      normalisation: "own or the other (minmax ↔ target), equal chances",
      aggregation: "own or the other (arithmetic ↔ geometric), equal chances",
      percentiles: "nearest rank",
    },
    computed_at: run.computedAt?.toISOString() ?? null,
  };
}

function itemJson(s: IndexScoreRecord, f: IndexFramework) {
  return {
    area: s.area,
    score: s.score,
    rank: s.rank,
    rank_median: s.rankMedian,
    rank_p05: s.rankP05,
    rank_p95: s.rankP95,
    pillars: s.pillars,
    // The framework's pillar groups ("trụ cột"), from the main-index scores (none when it has none).
    groups: pillarGroupScores(
      s.pillars,
      Object.fromEntries(f.pillars.map((p) => [p.code, p.weight])),
      f.groups,
    ),
    missing: s.missing,
    imputed_pillars: s.imputed,
  };
}

const params = z.strictObject({ framework: frameworkId });
const scoresQuery = z.strictObject({
  year: year.optional(),
  geography: geography.default("2025"),
  basis: basis.optional(),
  series: seriesCode.optional(),
});

export const indexRoutes =
  (store: Store): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/index",
      {
        schema: { summary: "Index frameworks (versions) and the results computed for each", tags: ["index"] },
      },
      async () => ({
        items: (await listFrameworks(store)).map((s) => ({
          ...frameworkJson(s.framework),
          computed: s.runs,
        })),
      }),
    );

    app.get(
      "/index/:framework",
      { schema: { summary: "One index framework: pillars, indicators, weights", tags: ["index"], params } },
      async (req) => frameworkJson(frameworkOrThrow(req.params.framework)),
    );

    app.get(
      "/index/:framework/scores",
      {
        schema: {
          summary: "Scores, ranks, Monte Carlo rank bands and pillar scores of every province for one year",
          tags: ["index"],
          params,
          querystring: scoresQuery,
        },
      },
      async (req) => {
        const q = req.query;
        const r = await getIndexScores(store, {
          framework: req.params.framework,
          geography: q.geography,
          year: q.year,
          basis: q.basis,
          series: q.series,
        });
        return { ...methodJson(r.framework, r.run), items: r.items.map((i) => itemJson(i, r.framework)) };
      },
    );

    app.get(
      "/index/:framework/provinces/:code",
      {
        schema: {
          summary: "One province: score, rank band, pillar profile against the best and the median, history",
          tags: ["index"],
          params: z.strictObject({ framework: frameworkId, code: areaCode }),
          querystring: scoresQuery,
        },
      },
      async (req) => {
        const q = req.query;
        const r = await getProvinceIndex(store, {
          framework: req.params.framework,
          area: req.params.code,
          geography: q.geography,
          year: q.year,
          basis: q.basis,
          series: q.series,
        });
        return {
          ...methodJson(r.framework, r.run),
          ...itemJson(r.item, r.framework),
          name_vi: r.area.nameVi,
          name_en: r.area.nameEn,
          ranked: r.count,
          profile: r.profile.map((p) => ({
            pillar: p.pillar,
            score: p.score,
            best: p.best,
            best_area: p.bestArea,
            median: p.median,
          })),
          history: r.history.map((h) => ({
            year: h.year,
            score: h.score,
            rank: h.rank,
            rank_p05: h.rankP05,
            rank_p95: h.rankP95,
          })),
        };
      },
    );

    app.get(
      "/index/:framework/explain",
      {
        schema: {
          summary: "The change of a province's score between two years split into pillar contributions",
          tags: ["index"],
          params,
          querystring: z.strictObject({
            geography: geography.default("2025"),
            area: areaCode,
            from: year,
            to: year,
            basis: basis.optional(),
            series: seriesCode.optional(),
          }),
        },
      },
      async (req) => {
        const q = req.query;
        const r = await explainIndexChange(store, {
          framework: req.params.framework,
          geography: q.geography,
          area: q.area,
          from: q.from,
          to: q.to,
          basis: q.basis,
          series: q.series,
        });
        return {
          framework: r.framework.id,
          version: r.framework.version,
          series: r.series,
          series_is_demo: findSeries(r.series)?.isDemo ?? false,
          geography: r.geography,
          basis: r.basis,
          area: r.area,
          from: r.from,
          to: r.to,
          score_from: r.scoreFrom,
          score_to: r.scoreTo,
          change: r.change,
          contributions: r.contributions,
          weights: Object.fromEntries(r.framework.pillars.map((p) => [p.code, p.weight])),
          aggregation: r.framework.aggregation,
          method:
            r.framework.aggregation === "arithmetic"
              ? "contribution = weight × change of the pillar score (wₚ·Δsₚ); they add up to the change"
              : "contribution = L(Sᵗ, Sᶠ)·wₚ·Δln sₚ (logarithmic mean); they add up to the change",
        };
      },
    );

    app.get(
      "/index/:framework/published",
      {
        schema: {
          summary:
            "The published ranking (series dti_published) beside the computed index, with Spearman's rho",
          tags: ["index"],
          params,
          querystring: z.strictObject({ year: year.optional(), series: seriesCode.optional() }),
        },
      },
      async (req) => {
        const r = await comparePublished(store, {
          framework: req.params.framework,
          year: req.query.year,
          series: req.query.series,
        });
        return {
          framework: r.framework.id,
          version: r.framework.version,
          year: r.year,
          geography: "2008",
          published_series: DTI_PUBLISHED_SERIES,
          computed_series: r.series,
          computed_series_is_demo: findSeries(r.series)?.isDemo ?? false,
          spearman: r.spearman,
          n: r.n,
          items: r.items.map((i) => ({
            area: i.area,
            published_rank: i.publishedRank,
            published_score: i.publishedScore,
            computed_rank: i.computedRank,
            computed_score: i.computedScore,
          })),
        };
      },
    );
  };
