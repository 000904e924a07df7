/**
 * Computed composite-index results (DESIGN §4.6): one run per (framework, series, geography, year,
 * basis) with how it was produced (version, normalisation, aggregation, goalposts, Monte Carlo draws
 * and seed), and one row per area with its score, rank, rank band and pillar scores. Results are
 * recomputed from the stored indicator values, so the API reads them without computing.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE index_run (
      framework text NOT NULL,
      version text NOT NULL,
      series text NOT NULL,
      geography text NOT NULL CHECK (geography IN ('2008', '2025')),
      year integer NOT NULL,
      basis text NOT NULL CHECK (basis IN ('indicators', 'mean_of_former')),
      base_year integer NOT NULL,
      normalisation text NOT NULL,
      aggregation text NOT NULL,
      missing_rule text NOT NULL,
      draws integer NOT NULL,
      seed bigint NOT NULL,
      goalposts text NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (framework, series, geography, year, basis)
    );
    CREATE TABLE index_score (
      framework text NOT NULL,
      series text NOT NULL,
      geography text NOT NULL,
      year integer NOT NULL,
      basis text NOT NULL,
      area_code text NOT NULL,
      score double precision,
      rank integer,
      rank_median integer,
      rank_p05 integer,
      rank_p95 integer,
      pillars text NOT NULL,
      missing text NOT NULL,
      imputed text NOT NULL,
      PRIMARY KEY (framework, series, geography, year, basis, area_code),
      FOREIGN KEY (framework, series, geography, year, basis)
        REFERENCES index_run (framework, series, geography, year, basis) ON DELETE CASCADE,
      FOREIGN KEY (geography, area_code) REFERENCES area (geography, code)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE index_score, index_run`.execute(db);
}
