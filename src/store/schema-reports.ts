/** Table types of provincial reports, their values, comments and validation rules (migration 0004). */
// biome-ignore lint/suspicious/noEmptyInterface: filled by migration 0004's tables.
export interface ReportTables {}
