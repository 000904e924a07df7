/** Table types of releases and their snapshots (migrations 0007, 0009). */
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ReleaseTable {
  id: Generated<number>;
  period: string;
  /** `draft` or `scheduled`; published = scheduled with `release_at` ≤ now. */
  state: string;
  release_at: NullableTimestamp;
  note: string | null;
  previous_id: number | null;
  prepared_by: string;
  prepared_at: Timestamp;
  scheduled_by: string | null;
  scheduled_at: NullableTimestamp;
}

export interface ReleaseObservationTable {
  release_id: number;
  series: string;
  code: string;
  geography: string;
  area_code: string;
  period: string;
  value: number;
  status: string;
}

export interface ReleaseRowTable {
  release_id: number;
  indicator: string;
  series: string;
  geography: string;
  area_code: string;
  area_level: string;
  entries: number;
  /** Column-wise JSON as in `computed_value.periods`. */
  periods: string;
}

export interface ReleaseChangeTable {
  release_id: number;
  change: string;
  target: string;
  series: string;
  code: string;
  geography: string;
  area_code: string;
  period: string;
  old_value: number | null;
  new_value: number | null;
}

/** The frozen quarterly report of a published release (migration 0009). */
export interface ReleaseReportTable {
  release_id: number;
  period: string;
  /** The instant the report's data were read as at: the release time. */
  data_at: Timestamp;
  generated_at: Timestamp;
  html: string;
  html_sha256: string;
  pdf: Uint8Array | null;
  pdf_sha256: string | null;
  pdf_generated_at: NullableTimestamp;
}

export interface ReleaseTables {
  release: ReleaseTable;
  release_observation: ReleaseObservationTable;
  release_row: ReleaseRowTable;
  release_change: ReleaseChangeTable;
  release_report: ReleaseReportTable;
}
