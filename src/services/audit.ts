/**
 * The audit log of every write (DESIGN §7): who, when, what, before → after. `recordAudit` is
 * called inside the writing transaction, so a write and its trace commit or roll back together.
 * Secrets never enter it: keys that name a password, a token, a secret or a hash are replaced by
 * "[redacted]" at any depth, as a second line of defence behind callers that leave them out.
 * Reading and exporting the log is for admins.
 */
import type { Kysely } from "kysely";
import type { Actor } from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";
import { type AuditFilter, type AuditRow, insertAudit, listAudit } from "../store/audit-repo.ts";
import type { Store } from "../store/db.ts";
import type { Database } from "../store/schema.ts";
import { csvCell } from "./export.ts";
import { assertCan, canAdmin } from "./permissions.ts";

export type { AuditRow } from "../store/audit-repo.ts";

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityKey: string;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = new Set([
  "password",
  "passwordhash",
  "newpassword",
  "currentpassword",
  "secret",
  "token",
  "tokenhash",
  "csrftoken",
  "idhash",
  "sessionid",
  "session",
]);

function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase().replace(/[_-]/g, ""));
}

function redact(v: unknown, depth = 0): unknown {
  if (depth > 20) return "[too deep]";
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => redact(x, depth + 1));
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = isSecretKey(k) ? "[redacted]" : redact(x, depth + 1);
    return out;
  }
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (typeof v === "bigint") return v.toString();
  return v;
}

function snapshot(v: unknown): Record<string, unknown> | null {
  if (v === undefined || v === null) return null;
  const r = redact(v);
  return r !== null && typeof r === "object" && !Array.isArray(r)
    ? (r as Record<string, unknown>)
    : { value: r };
}

/** Appends one entry to the audit log; pass the transaction of the write it records. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await insertAudit(db, {
    actor: entry.actor.slice(0, 500),
    action: entry.action.slice(0, 100),
    entity: entry.entity.slice(0, 100),
    entityKey: entry.entityKey.slice(0, 500),
    before: snapshot(entry.before),
    after: snapshot(entry.after),
  });
}

export interface AuditQuery {
  entity?: string;
  entityKey?: string;
  actor?: string;
  action?: string;
  since?: Date;
  /** Exclusive upper bound. */
  until?: Date;
  limit?: number;
  offset?: number;
}

export interface AuditPage {
  items: AuditRow[];
  nextOffset: number | null;
}

function filterOf(q: AuditQuery): AuditFilter {
  return {
    ...(q.entity !== undefined ? { entity: q.entity } : {}),
    ...(q.entityKey !== undefined ? { entityKey: q.entityKey } : {}),
    ...(q.actor !== undefined ? { actor: q.actor } : {}),
    ...(q.action !== undefined ? { action: q.action } : {}),
    ...(q.since !== undefined ? { since: q.since } : {}),
    ...(q.until !== undefined ? { until: q.until } : {}),
  };
}

function assertAdmin(by: Actor | null, what: string): asserts by is Actor {
  if (by?.kind === "system") return;
  assertCan(canAdmin(by), by, what);
}

/** The log, newest first, for admins. */
export async function getAudit(store: Store, by: Actor | null, q: AuditQuery): Promise<AuditPage> {
  assertAdmin(by, "read the audit log");
  const limit = q.limit ?? 100;
  const offset = q.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new DxmError("invalid_parameter", "limit is from 1 to 1000", { field: "limit" });
  }
  const rows = await listAudit(store.db, filterOf(q), limit + 1, offset);
  return { items: rows.slice(0, limit), nextOffset: rows.length > limit ? offset + limit : null };
}

export const AUDIT_CSV_COLUMNS = ["id", "at", "actor", "action", "entity", "entity_key", "before", "after"];
const CSV_MAX_ROWS = 100_000;

/**
 * The log as CSV lines (header first), newest first, at most 100,000 rows. Every cell goes through
 * `csvCell`, so text that starts with `= + - @` cannot become a spreadsheet formula.
 */
export async function* auditCsv(store: Store, by: Actor | null, q: AuditQuery): AsyncGenerator<string> {
  assertAdmin(by, "export the audit log");
  yield `${AUDIT_CSV_COLUMNS.join(",")}\n`;
  const filter = filterOf(q);
  let beforeId: number | undefined;
  let n = 0;
  const pageSize = 2000;
  while (n < CSV_MAX_ROWS) {
    const rows = await listAudit(
      store.db,
      { ...filter, ...(beforeId !== undefined ? { beforeId } : {}) },
      Math.min(pageSize, CSV_MAX_ROWS - n),
    );
    if (!rows.length) break;
    const lines = rows.map(
      (r) =>
        `${[
          r.id,
          r.at.toISOString(),
          r.actor,
          r.action,
          r.entity,
          r.entityKey,
          r.before === null ? null : JSON.stringify(r.before),
          r.after === null ? null : JSON.stringify(r.after),
        ]
          .map(csvCell)
          .join(",")}\n`,
    );
    yield lines.join("");
    n += rows.length;
    beforeId = rows[rows.length - 1]!.id;
    if (rows.length < pageSize) break;
  }
}
