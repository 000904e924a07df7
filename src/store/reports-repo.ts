/**
 * Reports: the only SQL of the reporting workflow. State changes are conditional updates on the
 * expected state and version (optimistic concurrency): of two reviewers acting at once, one update
 * matches and the other matches nothing, which the service turns into a 409.
 */
import type { Kysely, Transaction } from "kysely";
import type { Geography } from "../domain/area.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type ReportState = "draft" | "submitted" | "returned" | "approved";

export interface ReportRow {
  id: number;
  geography: Geography;
  area: string;
  period: string;
  state: ReportState;
  version: number;
  updatedAt: Date;
  submittedAt: Date | null;
  submittedBy: string | null;
  approvedAt: Date | null;
  approvedBy: string | null;
}

export interface ReportingPeriod {
  period: string;
  geography: Geography;
  deadline: string;
  open: boolean;
}

const REPORT_COLUMNS = [
  "id",
  "geography",
  "area_code",
  "period",
  "state",
  "version",
  "updated_at",
  "submitted_at",
  "submitted_by",
  "approved_at",
  "approved_by",
] as const;

function mapReport(r: {
  id: number;
  geography: string;
  area_code: string;
  period: string;
  state: string;
  version: number;
  updated_at: Date;
  submitted_at: Date | null;
  submitted_by: string | null;
  approved_at: Date | null;
  approved_by: string | null;
}): ReportRow {
  return {
    id: r.id,
    geography: r.geography as Geography,
    area: r.area_code,
    period: r.period,
    state: r.state as ReportState,
    version: r.version,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    approvedAt: r.approved_at,
    approvedBy: r.approved_by,
  };
}

export async function upsertReportingPeriod(db: Db, p: ReportingPeriod, actor: string): Promise<void> {
  await db
    .insertInto("reporting_period")
    .values({
      period: p.period,
      geography: p.geography,
      deadline: p.deadline,
      open: p.open,
      opened_by: actor,
    })
    .onConflict((oc) => oc.column("period").doUpdateSet({ deadline: p.deadline, open: p.open }))
    .execute();
}

export async function listReportingPeriods(db: Db, onlyOpen = false): Promise<ReportingPeriod[]> {
  let q = db
    .selectFrom("reporting_period")
    .select(["period", "geography", "deadline", "open"])
    .orderBy("period", "desc");
  if (onlyOpen) q = q.where("open", "=", true);
  const rows = await q.execute();
  return rows.map((r) => ({
    period: r.period,
    geography: r.geography as Geography,
    deadline: r.deadline,
    open: r.open,
  }));
}

export async function findReport(
  db: Db,
  geography: string,
  area: string,
  period: string,
): Promise<ReportRow | undefined> {
  const r = await db
    .selectFrom("report")
    .select(REPORT_COLUMNS)
    .where("geography", "=", geography)
    .where("area_code", "=", area)
    .where("period", "=", period)
    .executeTakeFirst();
  return r ? mapReport(r) : undefined;
}

/** The report of (geography, area, period), created as a draft when it does not exist yet. */
export async function getOrCreateReport(
  db: Db,
  geography: string,
  area: string,
  period: string,
): Promise<ReportRow> {
  await db
    .insertInto("report")
    .values({ geography, area_code: area, period, state: "draft" })
    .onConflict((oc) => oc.columns(["geography", "area_code", "period"]).doNothing())
    .execute();
  return (await findReport(db, geography, area, period))!;
}

export interface ReportFilter {
  period?: readonly string[];
  geography?: readonly string[];
  area?: readonly string[];
  state?: readonly string[];
}

export async function listReports(db: Db, f: ReportFilter): Promise<ReportRow[]> {
  let q = db
    .selectFrom("report")
    .select(REPORT_COLUMNS)
    .orderBy("period", "desc")
    .orderBy("geography")
    .orderBy("area_code");
  if (f.period?.length) q = q.where("period", "in", f.period);
  if (f.geography?.length) q = q.where("geography", "in", f.geography);
  if (f.area?.length) q = q.where("area_code", "in", f.area);
  if (f.state?.length) q = q.where("state", "in", f.state);
  return (await q.execute()).map(mapReport);
}

export interface ReportValue {
  element: string;
  value: number | null;
  comment: string | null;
}

export async function listReportValues(db: Db, reportId: number): Promise<ReportValue[]> {
  return db
    .selectFrom("report_value")
    .select(["element", "value", "comment"])
    .where("report_id", "=", reportId)
    .orderBy("element")
    .execute();
}

export async function upsertReportValues(
  db: Db,
  reportId: number,
  values: readonly ReportValue[],
  actor: string,
): Promise<void> {
  if (!values.length) return;
  await db
    .insertInto("report_value")
    .values(
      values.map((v) => ({
        report_id: reportId,
        element: v.element,
        value: v.value,
        comment: v.comment,
        updated_by: actor,
        updated_at: new Date(),
      })),
    )
    .onConflict((oc) =>
      oc.columns(["report_id", "element"]).doUpdateSet((eb) => ({
        value: eb.ref("excluded.value"),
        comment: eb.ref("excluded.comment"),
        updated_by: eb.ref("excluded.updated_by"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    )
    .execute();
}

/**
 * Moves a report from one state to another if it is still in `from` at `version`; returns the
 * updated row, or undefined when another request changed it first.
 */
export async function transitionReport(
  db: Db,
  id: number,
  from: readonly ReportState[],
  version: number,
  to: ReportState,
  stamp: { submittedBy?: string; approvedBy?: string; clearApproval?: boolean },
): Promise<ReportRow | undefined> {
  const now = new Date();
  const r = await db
    .updateTable("report")
    .set({
      state: to,
      version: version + 1,
      updated_at: now,
      ...(stamp.submittedBy ? { submitted_at: now, submitted_by: stamp.submittedBy } : {}),
      ...(stamp.approvedBy ? { approved_at: now, approved_by: stamp.approvedBy } : {}),
      ...(stamp.clearApproval ? { approved_at: null, approved_by: null } : {}),
    })
    .where("id", "=", id)
    .where("state", "in", from)
    .where("version", "=", version)
    .returning(REPORT_COLUMNS)
    .executeTakeFirst();
  return r ? mapReport(r) : undefined;
}

export async function recordReportEvent(
  db: Db,
  e: {
    reportId: number;
    action: string;
    actor: string;
    from: string | null;
    to: string | null;
    comment: string | null;
  },
): Promise<void> {
  await db
    .insertInto("report_event")
    .values({
      report_id: e.reportId,
      action: e.action,
      actor: e.actor,
      from_state: e.from,
      to_state: e.to,
      comment: e.comment,
    })
    .execute();
}

export interface ReportEvent {
  action: string;
  actor: string;
  at: Date;
  from: string | null;
  to: string | null;
  comment: string | null;
}

export async function listReportEvents(db: Db, reportId: number): Promise<ReportEvent[]> {
  const rows = await db
    .selectFrom("report_event")
    .select(["action", "actor", "at", "from_state", "to_state", "comment"])
    .where("report_id", "=", reportId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    action: r.action,
    actor: r.actor,
    at: r.at,
    from: r.from_state,
    to: r.to_state,
    comment: r.comment,
  }));
}

export interface StoredRule {
  id: string;
  rule: Record<string, unknown>;
  enabled: boolean;
}

export async function listValidationRules(db: Db): Promise<StoredRule[]> {
  return db.selectFrom("validation_rule").select(["id", "rule", "enabled"]).orderBy("id").execute();
}

export async function upsertValidationRule(
  db: Db,
  r: StoredRule,
  actor: string,
): Promise<StoredRule | undefined> {
  const before = await db
    .selectFrom("validation_rule")
    .select(["id", "rule", "enabled"])
    .where("id", "=", r.id)
    .executeTakeFirst();
  await db
    .insertInto("validation_rule")
    .values({
      id: r.id,
      rule: JSON.stringify(r.rule),
      enabled: r.enabled,
      updated_by: actor,
      updated_at: new Date(),
    })
    .onConflict((oc) =>
      oc.column("id").doUpdateSet({
        rule: JSON.stringify(r.rule),
        enabled: r.enabled,
        updated_by: actor,
        updated_at: new Date(),
      }),
    )
    .execute();
  return before;
}

/** Seeds rules that do not exist yet (an admin's edits are never overwritten). */
export async function insertMissingRules(
  db: Db,
  rules: readonly StoredRule[],
  actor: string,
): Promise<number> {
  if (!rules.length) return 0;
  const res = await db
    .insertInto("validation_rule")
    .values(
      rules.map((r) => ({ id: r.id, rule: JSON.stringify(r.rule), enabled: r.enabled, updated_by: actor })),
    )
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}
