/**
 * The audit log (table `audit_log` of migration 0001): append-only rows of who did what to which
 * entity, with the state before and after as JSON. Read newest first, filtered and paged by id.
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export interface AuditRow {
  readonly id: number;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityKey: string;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
}

export interface NewAuditRow {
  actor: string;
  action: string;
  entity: string;
  entityKey: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export async function insertAudit(db: Db, row: NewAuditRow): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor: row.actor,
      action: row.action,
      entity: row.entity,
      entity_key: row.entityKey,
      before: row.before === null ? null : JSON.stringify(row.before),
      after: row.after === null ? null : JSON.stringify(row.after),
    })
    .execute();
}

export interface AuditFilter {
  entity?: string;
  entityKey?: string;
  actor?: string;
  action?: string;
  since?: Date;
  /** Only rows strictly before this moment. */
  until?: Date;
  /** Only rows with an id below this (paging newest first). */
  beforeId?: number;
}

/** Rows matching the filter, newest first; `limit + 1` are read so the caller knows if more follow. */
export async function listAudit(db: Db, filter: AuditFilter, limit: number, offset = 0): Promise<AuditRow[]> {
  let q = db.selectFrom("audit_log").selectAll();
  if (filter.entity !== undefined) q = q.where("entity", "=", filter.entity);
  if (filter.entityKey !== undefined) q = q.where("entity_key", "=", filter.entityKey);
  if (filter.actor !== undefined) q = q.where("actor", "=", filter.actor);
  if (filter.action !== undefined) q = q.where("action", "=", filter.action);
  if (filter.since !== undefined) q = q.where("at", ">=", filter.since);
  if (filter.until !== undefined) q = q.where("at", "<", filter.until);
  if (filter.beforeId !== undefined) q = q.where("id", "<", filter.beforeId);
  const rows = await q.orderBy("id", "desc").limit(limit).offset(offset).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at instanceof Date ? r.at : new Date(r.at),
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityKey: r.entity_key,
    before: parseJson(r.before),
    after: parseJson(r.after),
  }));
}

/** jsonb comes back parsed from both drivers; a string (written by older code) is parsed here. */
function parseJson(v: unknown): Record<string, unknown> | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") {
    try {
      const parsed: unknown = JSON.parse(v);
      return parsed !== null && typeof parsed === "object"
        ? (parsed as Record<string, unknown>)
        : { value: parsed };
    } catch {
      return { value: v };
    }
  }
  return typeof v === "object" ? (v as Record<string, unknown>) : { value: v };
}
