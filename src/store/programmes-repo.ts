/**
 * Action programmes: the only SQL of programmes. Catalogue programmes are inserted once by key and
 * never overwritten (reviewers change them afterwards). Changes are conditional updates on the
 * expected version (optimistic concurrency): a stale version matches nothing, which the service
 * turns into a 409. Updates are only ever inserted (the table refuses UPDATE and DELETE).
 */
import type { Kysely, Transaction } from "kysely";
import type { Geography } from "../domain/area.ts";
import type { EvidenceLink, ProgrammeStatus, ProgrammeUpdate } from "../domain/programme.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export interface ProgrammeRow {
  readonly id: number;
  readonly key: string | null;
  readonly titleVi: string;
  readonly titleEn: string;
  readonly leadVi: string;
  readonly leadEn: string;
  readonly source: string | null;
  readonly scope: { geography: Geography; area: string } | null;
  readonly start: string;
  readonly deadline: string | null;
  readonly status: ProgrammeStatus | null;
  readonly statusReason: string | null;
  readonly statusSetBy: string | null;
  readonly statusSetAt: Date | null;
  readonly progress: number | null;
  readonly evidence: readonly EvidenceLink[];
  readonly indicators: readonly string[];
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface NewProgramme {
  key: string | null;
  titleVi: string;
  titleEn: string;
  leadVi: string;
  leadEn: string;
  source: string | null;
  scope: { geography: Geography; area: string } | null;
  start: string;
  deadline: string | null;
  progress: number | null;
  evidence: readonly EvidenceLink[];
  indicators: readonly string[];
  createdBy: string;
}

export interface ProgrammeChanges {
  titleVi?: string;
  titleEn?: string;
  leadVi?: string;
  leadEn?: string;
  scope?: { geography: Geography; area: string } | null;
  start?: string;
  deadline?: string | null;
  progress?: number | null;
  evidence?: readonly EvidenceLink[];
  status?: { status: ProgrammeStatus; reason: string; by: string; at: Date } | null;
}

const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

function parseEvidence(v: unknown): EvidenceLink[] {
  const arr: unknown = typeof v === "string" ? JSON.parse(v) : v;
  if (!Array.isArray(arr)) return [];
  return arr.map((e: { url: string; label?: string | null }) => ({ url: e.url, label: e.label ?? null }));
}

export async function listProgrammeRows(db: Db, ids?: readonly number[]): Promise<ProgrammeRow[]> {
  if (ids !== undefined && ids.length === 0) return [];
  let q = db.selectFrom("programme").selectAll();
  if (ids !== undefined) q = q.where("id", "in", [...ids]);
  const rows = await q.orderBy("id").execute();
  if (!rows.length) return [];
  const links = await db
    .selectFrom("programme_indicator")
    .select(["programme_id", "indicator"])
    .where(
      "programme_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("programme_id")
    .orderBy("ordinal")
    .execute();
  const byProgramme = new Map<number, string[]>();
  for (const l of links) {
    const id = Number(l.programme_id);
    byProgramme.set(id, [...(byProgramme.get(id) ?? []), l.indicator]);
  }
  return rows.map((r) => ({
    id: Number(r.id),
    key: r.key,
    titleVi: r.title_vi,
    titleEn: r.title_en,
    leadVi: r.lead_vi,
    leadEn: r.lead_en,
    source: r.source,
    scope:
      r.geography !== null && r.area_code !== null
        ? { geography: r.geography as Geography, area: r.area_code }
        : null,
    start: r.start_date,
    deadline: r.deadline,
    status: r.status as ProgrammeStatus | null,
    statusReason: r.status_reason,
    statusSetBy: r.status_set_by,
    statusSetAt: r.status_set_at === null ? null : toDate(r.status_set_at),
    progress: r.progress === null ? null : Number(r.progress),
    evidence: parseEvidence(r.evidence),
    indicators: byProgramme.get(Number(r.id)) ?? [],
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
  }));
}

export async function getProgrammeRow(db: Db, id: number): Promise<ProgrammeRow | undefined> {
  return (await listProgrammeRows(db, [id]))[0];
}

async function setIndicators(db: Db, id: number, indicators: readonly string[]): Promise<void> {
  await db.deleteFrom("programme_indicator").where("programme_id", "=", id).execute();
  if (indicators.length) {
    await db
      .insertInto("programme_indicator")
      .values(indicators.map((indicator, ordinal) => ({ programme_id: id, indicator, ordinal })))
      .execute();
  }
}

/** Inserts a programme; with a `key` that exists already, nothing happens and undefined is returned. */
export async function insertProgramme(db: Db, p: NewProgramme): Promise<number | undefined> {
  const row = await db
    .insertInto("programme")
    .values({
      key: p.key,
      title_vi: p.titleVi,
      title_en: p.titleEn,
      lead_vi: p.leadVi,
      lead_en: p.leadEn,
      source: p.source,
      geography: p.scope?.geography ?? null,
      area_code: p.scope?.area ?? null,
      start_date: p.start,
      deadline: p.deadline,
      progress: p.progress,
      evidence: JSON.stringify(p.evidence),
      created_by: p.createdBy,
    })
    .onConflict((oc) => oc.column("key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) return undefined;
  const id = Number(row.id);
  await setIndicators(db, id, p.indicators);
  return id;
}

/**
 * Applies the changes when the programme is still at `expectedVersion` (any version when
 * undefined); returns false when it is not (a concurrent change won).
 */
export async function updateProgrammeRow(
  db: Db,
  id: number,
  changes: ProgrammeChanges,
  indicators: readonly string[] | undefined,
  expectedVersion: number | undefined,
  at: Date,
): Promise<boolean> {
  let q = db
    .updateTable("programme")
    .set((eb) => ({
      version: eb("version", "+", 1),
      updated_at: at,
      ...(changes.titleVi !== undefined ? { title_vi: changes.titleVi } : {}),
      ...(changes.titleEn !== undefined ? { title_en: changes.titleEn } : {}),
      ...(changes.leadVi !== undefined ? { lead_vi: changes.leadVi } : {}),
      ...(changes.leadEn !== undefined ? { lead_en: changes.leadEn } : {}),
      ...(changes.scope !== undefined
        ? { geography: changes.scope?.geography ?? null, area_code: changes.scope?.area ?? null }
        : {}),
      ...(changes.start !== undefined ? { start_date: changes.start } : {}),
      ...(changes.deadline !== undefined ? { deadline: changes.deadline } : {}),
      ...(changes.progress !== undefined ? { progress: changes.progress } : {}),
      ...(changes.evidence !== undefined ? { evidence: JSON.stringify(changes.evidence) } : {}),
      ...(changes.status !== undefined
        ? {
            status: changes.status?.status ?? null,
            status_reason: changes.status?.reason ?? null,
            status_set_by: changes.status?.by ?? null,
            status_set_at: changes.status?.at ?? null,
          }
        : {}),
    }))
    .where("id", "=", id);
  if (expectedVersion !== undefined) q = q.where("version", "=", expectedVersion);
  const result = await q.executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  if (indicators !== undefined) await setIndicators(db, id, indicators);
  return true;
}

export async function insertProgrammeUpdate(
  db: Db,
  u: { programmeId: number; at: Date; author: string; text: string },
): Promise<ProgrammeUpdate> {
  const row = await db
    .insertInto("programme_update")
    .values({ programme_id: u.programmeId, at: u.at, author: u.author, text: u.text })
    .returning(["id", "at", "author", "text"])
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), at: toDate(row.at), author: row.author, text: row.text };
}

/** Updates of the programmes, oldest first, grouped by programme id. */
export async function listProgrammeUpdates(
  db: Db,
  programmeIds: readonly number[],
): Promise<Map<number, ProgrammeUpdate[]>> {
  const out = new Map<number, ProgrammeUpdate[]>();
  if (!programmeIds.length) return out;
  const rows = await db
    .selectFrom("programme_update")
    .selectAll()
    .where("programme_id", "in", [...programmeIds])
    .orderBy("programme_id")
    .orderBy("id")
    .execute();
  for (const r of rows) {
    const id = Number(r.programme_id);
    const list = out.get(id) ?? [];
    list.push({ id: Number(r.id), at: toDate(r.at), author: r.author, text: r.text });
    out.set(id, list);
  }
  return out;
}
