/** Table types of the enterprise self-assessments (migration 0006). */
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface AssessmentScores {
  s_customer: number;
  s_strategy: number;
  s_technology: number;
  s_operations: number;
  s_culture: number;
  s_data: number;
  overall: number;
  level: number;
}

export interface AssessmentTable extends AssessmentScores {
  id: Generated<number>;
  tax_code: string;
  name: string;
  province: string;
  province_2008: Generated<string>;
  sector: string;
  size: string;
  /** Answers 0–5 in the questionnaire's order. */
  answers: number[];
  platform_mask: number;
  fingerprint: string;
  source: string;
  result_token_hash: string | null;
  submitted_at: Timestamp;
}

export interface AssessmentLatestTable extends AssessmentScores {
  tax_code: string;
  province: string;
  province_2008: Generated<string>;
  sector: string;
  size: string;
  platform_mask: number;
  source: string;
  submitted_at: Timestamp;
}

export interface AssessmentCellTable {
  province: string;
  province_2008: Generated<string>;
  sector: string;
  size: string;
  n: number;
  demo: number;
  levels: number[];
  sum_pillars: number[];
  sum_overall: number;
  platforms: number[];
  any_platform: number;
  regular_platform: number;
}

export interface AssessmentQuarterTable {
  quarter: string;
  province: string;
  province_2008: Generated<string>;
  sector: string;
  size: string;
  n: number;
  demo: number;
  sum_overall: number;
  any_platform: number;
}

export interface AssessmentImportTable extends AssessmentScores {
  batch: string;
  tax_code: string;
  name: string;
  province: string;
  province_2008: Generated<string>;
  sector: string;
  size: string;
  answers: string;
  platform_mask: number;
  fingerprint: string;
  source: string;
  submitted_at: Timestamp;
}

export interface AssessmentTables {
  assessment: AssessmentTable;
  assessment_latest: AssessmentLatestTable;
  assessment_cell: AssessmentCellTable;
  assessment_quarter: AssessmentQuarterTable;
  assessment_import: AssessmentImportTable;
}
