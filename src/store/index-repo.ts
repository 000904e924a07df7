/**
 * Computed composite-index results (migration 0005): written by the index service after a recompute,
 * read by the API. A framework's results for one series are replaced as a whole, in one transaction,
 * so a reader never sees half of a recompute.
 */
import type { Kysely } from "kysely";
import type { Geography } from "../domain/area.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export type IndexBasis = "indicators" | "mean_of_former";

export interface IndexRunRecord {
  readonly framework: string;
  readonly version: string;
  readonly series: string;
  readonly geography: Geography;
  readonly year: number;
  readonly basis: IndexBasis;
  readonly baseYear: number;
  readonly normalisation: string;
  readonly aggregation: string;
  readonly missingRule: string;
  readonly draws: number;
  readonly seed: number;
  readonly goalposts: Readonly<Record<string, { lo: number; hi: number }>>;
  readonly computedAt?: Date;
}

export interface IndexScoreRecord {
  readonly area: string;
  readonly score: number | null;
  readonly rank: number | null;
  readonly rankMedian: number | null;
  readonly rankP05: number | null;
  readonly rankP95: number | null;
  readonly pillars: Readonly<Record<string, number | null>>;
  readonly missing: readonly string[];
  readonly imputed: readonly string[];
}

export interface IndexRunWithScores extends IndexRunRecord {
  readonly scores: readonly IndexScoreRecord[];
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** Replaces every stored run of (framework, series) with `runs`. Returns the score rows written. */
export async function replaceIndexResults(
  db: Db,
  framework: string,
  series: string,
  runs: readonly IndexRunWithScores[],
): Promise<number> {
  let written = 0;
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("index_run")
      .where("framework", "=", framework)
      .where("series", "=", series)
      .execute();
    for (const r of runs) {
      if (r.framework !== framework || r.series !== series)
        throw new Error(
          `replaceIndexResults(${framework}, ${series}) got a run of ${r.framework}, ${r.series}`,
        );
      const key = { framework, series, geography: r.geography, year: r.year, basis: r.basis };
      await trx
        .insertInto("index_run")
        .values({
          ...key,
          version: r.version,
          base_year: r.baseYear,
          normalisation: r.normalisation,
          aggregation: r.aggregation,
          missing_rule: r.missingRule,
          draws: r.draws,
          seed: r.seed,
          goalposts: JSON.stringify(r.goalposts),
        })
        .execute();
      if (r.scores.length === 0) continue;
      await trx
        .insertInto("index_score")
        .values(
          r.scores.map((s) => ({
            ...key,
            area_code: s.area,
            score: s.score,
            rank: s.rank,
            rank_median: s.rankMedian,
            rank_p05: s.rankP05,
            rank_p95: s.rankP95,
            pillars: JSON.stringify(s.pillars),
            missing: JSON.stringify(s.missing),
            imputed: JSON.stringify(s.imputed),
          })),
        )
        .execute();
      written += r.scores.length;
    }
  });
  return written;
}

export interface IndexRunFilter {
  framework?: string;
  series?: string;
  geography?: Geography;
  year?: number;
  basis?: IndexBasis;
}

/** Runs (without their scores) matching the filter, by framework, series, geography, year, basis. */
export async function listIndexRuns(db: Db, f: IndexRunFilter = {}): Promise<IndexRunRecord[]> {
  let q = db
    .selectFrom("index_run")
    .selectAll()
    .orderBy("framework")
    .orderBy("series")
    .orderBy("geography")
    .orderBy("year")
    .orderBy("basis");
  if (f.framework !== undefined) q = q.where("framework", "=", f.framework);
  if (f.series !== undefined) q = q.where("series", "=", f.series);
  if (f.geography !== undefined) q = q.where("geography", "=", f.geography);
  if (f.year !== undefined) q = q.where("year", "=", f.year);
  if (f.basis !== undefined) q = q.where("basis", "=", f.basis);
  return (await q.execute()).map((r) => ({
    framework: r.framework,
    version: r.version,
    series: r.series,
    geography: r.geography as Geography,
    year: r.year,
    basis: r.basis as IndexBasis,
    baseYear: r.base_year,
    normalisation: r.normalisation,
    aggregation: r.aggregation,
    missingRule: r.missing_rule,
    draws: r.draws,
    seed: Number(r.seed),
    goalposts: JSON.parse(r.goalposts) as IndexRunRecord["goalposts"],
    computedAt: r.computed_at,
  }));
}

/** Scores of the runs matching the filter, optionally of some areas only, with their run's year. */
export async function listIndexScores(
  db: Db,
  f: Required<Pick<IndexRunFilter, "framework" | "series" | "geography" | "basis">> & {
    year?: number;
    area?: string;
  },
): Promise<(IndexScoreRecord & { year: number })[]> {
  let q = db
    .selectFrom("index_score")
    .selectAll()
    .where("framework", "=", f.framework)
    .where("series", "=", f.series)
    .where("geography", "=", f.geography)
    .where("basis", "=", f.basis)
    .orderBy("year")
    .orderBy("rank")
    .orderBy("area_code");
  if (f.year !== undefined) q = q.where("year", "=", f.year);
  if (f.area !== undefined) q = q.where("area_code", "=", f.area);
  return (await q.execute()).map((r) => ({
    year: r.year,
    area: r.area_code,
    score: num(r.score),
    rank: num(r.rank),
    rankMedian: num(r.rank_median),
    rankP05: num(r.rank_p05),
    rankP95: num(r.rank_p95),
    pillars: JSON.parse(r.pillars) as Record<string, number | null>,
    missing: JSON.parse(r.missing) as string[],
    imputed: JSON.parse(r.imputed) as string[],
  }));
}
