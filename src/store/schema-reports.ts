/** Table types of provincial reports, their values, events and validation rules (migration 0004). */
import type { ColumnType, Generated, JSONColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ReportingPeriodTable {
  period: string;
  geography: string;
  /** YYYY-MM-DD */
  deadline: string;
  open: boolean;
  opened_by: string;
  opened_at: Timestamp;
}

export interface ReportTable {
  id: Generated<number>;
  geography: string;
  area_code: string;
  period: string;
  state: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Date | null;
  submitted_by: string | null;
  approved_at: Date | null;
  approved_by: string | null;
}

export interface ReportValueTable {
  report_id: number;
  element: string;
  value: number | null;
  comment: string | null;
  updated_by: string;
  updated_at: Timestamp;
}

export interface ReportEventTable {
  id: Generated<number>;
  report_id: number;
  action: string;
  actor: string;
  at: Timestamp;
  from_state: string | null;
  to_state: string | null;
  comment: string | null;
}

export interface ValidationRuleTable {
  id: string;
  rule: JSONColumnType<Record<string, unknown>>;
  enabled: boolean;
  updated_by: string;
  updated_at: Timestamp;
}

export interface ReportTables {
  reporting_period: ReportingPeriodTable;
  report: ReportTable;
  report_value: ReportValueTable;
  report_event: ReportEventTable;
  validation_rule: ValidationRuleTable;
}
