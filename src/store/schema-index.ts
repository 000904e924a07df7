/** Table types of computed composite-index results (migration 0005). */
import type { ColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface IndexRunTable {
  framework: string;
  version: string;
  series: string;
  geography: string;
  year: number;
  /** `indicators` (scored from the geography's own, possibly re-based, values) or `mean_of_former`. */
  basis: string;
  base_year: number;
  normalisation: string;
  aggregation: string;
  missing_rule: string;
  draws: number;
  /** int8: PGlite returns a number, pg a string; the repository normalises. */
  seed: ColumnType<number | string, number, number>;
  /** JSON: indicator code → {lo, hi}. */
  goalposts: string;
  computed_at: Timestamp;
}

export interface IndexScoreTable {
  framework: string;
  series: string;
  geography: string;
  year: number;
  basis: string;
  area_code: string;
  score: number | null;
  rank: number | null;
  rank_median: number | null;
  rank_p05: number | null;
  rank_p95: number | null;
  /** JSON: pillar code → score. */
  pillars: string;
  /** JSON: missing indicator codes. */
  missing: string;
  /** JSON: imputed pillar codes. */
  imputed: string;
}

export interface IndexTables {
  index_run: IndexRunTable;
  index_score: IndexScoreTable;
}
