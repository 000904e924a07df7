/**
 * Table types for Kysely. Column names are snake_case as in SQL; repositories map rows to domain
 * types. `Generated` marks columns the database fills.
 */
import type { ColumnType, Generated, JSONColumnType } from "kysely";
import type { AssessmentTables } from "./schema-assessments.ts";
import type { AuthTables } from "./schema-auth.ts";
import type { IndexTables } from "./schema-index.ts";
import type { ProgrammeTables } from "./schema-programmes.ts";
import type { ReleaseTables } from "./schema-releases.ts";
import type { ReportTables } from "./schema-reports.ts";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AreaTable {
  geography: string;
  code: string;
  name_vi: string;
  name_en: string;
  level: string;
  parent_code: string | null;
  kind: string | null;
  ordinal: number;
}

export interface AreaMemberTable {
  geography: string;
  code: string;
  member_geography: string;
  member_code: string;
}

export interface PillarTable {
  code: string;
  name_vi: string;
  name_en: string;
  ordinal: number;
}

export interface DataElementTable {
  code: string;
  name_vi: string;
  name_en: string;
  unit: string;
  value_type: string;
  area_aggregation: string;
  time_aggregation: string;
  frequency: string;
  pillar: string;
  min_value: number | null;
  max_value: number | null;
  description_vi: string | null;
  description_en: string | null;
}

export interface IndicatorTable {
  code: string;
  name_vi: string;
  name_en: string;
  definition_vi: string;
  definition_en: string;
  unit: string;
  pillar: string;
  direction: string;
  decimals: number;
  numerator: string;
  denominator: string | null;
  factor: number;
  frequency: string;
  source: string;
  tags: JSONColumnType<string[]>;
  ordinal: number;
}

export interface SeriesTable {
  code: string;
  name_vi: string;
  name_en: string;
  description_vi: string;
  description_en: string;
  is_demo: boolean;
}

export interface TargetTable {
  id: Generated<number>;
  indicator: string;
  geography: string;
  area_code: string;
  year: number;
  comparator: string;
  value: number;
  source: string;
  note: string | null;
}

export interface ObservationTable {
  series: string;
  code: string;
  target: string;
  geography: string;
  area_code: string;
  period: string;
  value: number;
  status: string;
  note: string | null;
  updated_by: string;
  updated_at: Timestamp;
}

export interface ObservationRevisionTable {
  id: Generated<number>;
  series: string;
  code: string;
  target: string;
  geography: string;
  area_code: string;
  period: string;
  old_value: number | null;
  new_value: number | null;
  old_status: string | null;
  new_status: string | null;
  changed_by: string;
  changed_at: Timestamp;
  reason: string | null;
}

export interface ComputedValueTable {
  indicator: string;
  series: string;
  geography: string;
  area_code: string;
  area_level: string;
  hash: string;
  entries: number;
  /** JSON array of StoredEntry, sorted by period end (see computed-repo.ts). */
  periods: string;
  published: boolean;
  computed_at: Timestamp;
}

export interface IoTableTable {
  year: number;
  name: string;
  source: string;
  is_demo: boolean;
  codes: JSONColumnType<string[]>;
  /** JSON array of rows. */
  z: string;
  output: JSONColumnType<number[]>;
  value_added: JSONColumnType<number[]>;
  imported_by: string;
  imported_at: Timestamp;
}

export interface MetaTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor: string;
  action: string;
  entity: string;
  entity_key: string;
  before: JSONColumnType<Record<string, unknown>> | null;
  after: JSONColumnType<Record<string, unknown>> | null;
}

export interface Database
  extends AuthTables,
    ReportTables,
    IndexTables,
    AssessmentTables,
    ReleaseTables,
    ProgrammeTables {
  area: AreaTable;
  area_member: AreaMemberTable;
  pillar: PillarTable;
  data_element: DataElementTable;
  indicator: IndicatorTable;
  series: SeriesTable;
  target: TargetTable;
  observation: ObservationTable;
  observation_revision: ObservationRevisionTable;
  computed_value: ComputedValueTable;
  io_table: IoTableTable;
  meta: MetaTable;
  audit_log: AuditLogTable;
}
