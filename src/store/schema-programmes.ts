/** Table types of action programmes (migration 0008). */
import type { ColumnType, Generated, JSONColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ProgrammeTable {
  id: Generated<number>;
  key: string | null;
  title_vi: string;
  title_en: string;
  lead_vi: string;
  lead_en: string;
  source: string | null;
  geography: string | null;
  area_code: string | null;
  /** YYYY-MM-DD */
  start_date: string;
  /** YYYY-MM-DD */
  deadline: string | null;
  status: string | null;
  status_reason: string | null;
  status_set_by: string | null;
  status_set_at: Date | null;
  progress: number | null;
  evidence: JSONColumnType<{ url: string; label: string | null }[]>;
  version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgrammeIndicatorTable {
  programme_id: number;
  indicator: string;
  ordinal: number;
}

export interface ProgrammeUpdateTable {
  id: Generated<number>;
  programme_id: number;
  at: Timestamp;
  author: string;
  text: string;
}

export interface ProgrammeTables {
  programme: ProgrammeTable;
  programme_indicator: ProgrammeIndicatorTable;
  programme_update: ProgrammeUpdateTable;
}
