/**
 * Releases and their snapshots (migration 0007). A release's snapshot is written once, when it is
 * prepared; afterwards only its schedule and note change, and only until it is published (the
 * database refuses any change after that, see the migration).
 */
import { type Kysely, sql } from "kysely";
import type { ReleaseChangeKind } from "../domain/release.ts";
import { noteLocalWrite } from "./meta-repo.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export interface ReleaseRecord {
  readonly id: number;
  readonly period: string;
  /** As stored: `draft` or `scheduled` (published is derived from the clock). */
  readonly state: "draft" | "scheduled";
  readonly releaseAt: Date | null;
  readonly note: string | null;
  readonly previousId: number | null;
  readonly preparedBy: string;
  readonly preparedAt: Date;
  readonly scheduledBy: string | null;
  readonly scheduledAt: Date | null;
}

export interface ReleaseCounts {
  readonly observations: number;
  readonly values: number;
  readonly new: number;
  readonly revised: number;
  readonly withdrawn: number;
}

export interface ReleaseObservationRow {
  readonly series: string;
  readonly code: string;
  readonly geography: string;
  readonly area: string;
  readonly period: string;
  readonly value: number;
  readonly status: string;
}

export interface ReleaseSnapshotRow {
  readonly indicator: string;
  readonly series: string;
  readonly geography: string;
  readonly area: string;
  readonly areaLevel: string;
  readonly entries: number;
  /** Column-wise JSON as in computed_value. */
  readonly periods: string;
}

export interface ReleaseChange {
  readonly change: ReleaseChangeKind;
  readonly target: "element" | "indicator";
  readonly series: string;
  readonly code: string;
  readonly geography: string;
  readonly area: string;
  readonly period: string;
  readonly oldValue: number | null;
  readonly newValue: number | null;
}

function toRecord(r: {
  id: number;
  period: string;
  state: string;
  release_at: Date | null;
  note: string | null;
  previous_id: number | null;
  prepared_by: string;
  prepared_at: Date;
  scheduled_by: string | null;
  scheduled_at: Date | null;
}): ReleaseRecord {
  return {
    id: r.id,
    period: r.period,
    state: r.state === "scheduled" ? "scheduled" : "draft",
    releaseAt: r.release_at,
    note: r.note,
    previousId: r.previous_id,
    preparedBy: r.prepared_by,
    preparedAt: r.prepared_at,
    scheduledBy: r.scheduled_by,
    scheduledAt: r.scheduled_at,
  };
}

/** Serialises preparing and scheduling releases (call inside the writing transaction). */
export async function lockReleases(trx: Db): Promise<void> {
  await sql`LOCK TABLE release IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
}

/** Releases, newest first (by release time, drafts first, then id). */
export async function listReleaseRecords(db: Db): Promise<ReleaseRecord[]> {
  const rows = await db
    .selectFrom("release")
    .selectAll()
    .orderBy(sql`release_at DESC NULLS FIRST`)
    .orderBy("id", "desc")
    .execute();
  return rows.map(toRecord);
}

export async function findReleaseRecord(db: Db, id: number): Promise<ReleaseRecord | undefined> {
  const r = await db.selectFrom("release").selectAll().where("id", "=", id).executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

/** The release the public sees at `at`: the latest scheduled one whose time has come. */
export async function findPublishedRelease(db: Db, at: Date): Promise<ReleaseRecord | undefined> {
  const r = await db
    .selectFrom("release")
    .selectAll()
    .where("state", "=", "scheduled")
    .where("release_at", "<=", at)
    .orderBy("release_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

/** A release not yet published at `at` (a draft, or scheduled for later), if any. */
export async function findPendingRelease(db: Db, at: Date): Promise<ReleaseRecord | undefined> {
  const r = await db
    .selectFrom("release")
    .selectAll()
    .where((eb) => eb.or([eb("state", "=", "draft"), eb("release_at", ">", at)]))
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

export async function insertRelease(
  trx: Db,
  r: { period: string; note: string | null; previousId: number | null; preparedBy: string; preparedAt: Date },
): Promise<number> {
  const row = await trx
    .insertInto("release")
    .values({
      period: r.period,
      state: "draft",
      note: r.note,
      previous_id: r.previousId,
      prepared_by: r.preparedBy,
      prepared_at: r.preparedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertReleaseSnapshot(
  trx: Db,
  id: number,
  snapshot: {
    observations: readonly ReleaseObservationRow[];
    rows: readonly ReleaseSnapshotRow[];
    changes: readonly ReleaseChange[];
  },
): Promise<void> {
  const batch = 500;
  for (let i = 0; i < snapshot.observations.length; i += batch) {
    await trx
      .insertInto("release_observation")
      .values(
        snapshot.observations.slice(i, i + batch).map((o) => ({
          release_id: id,
          series: o.series,
          code: o.code,
          geography: o.geography,
          area_code: o.area,
          period: o.period,
          value: o.value,
          status: o.status,
        })),
      )
      .execute();
  }
  for (let i = 0; i < snapshot.rows.length; i += batch) {
    await trx
      .insertInto("release_row")
      .values(
        snapshot.rows.slice(i, i + batch).map((r) => ({
          release_id: id,
          indicator: r.indicator,
          series: r.series,
          geography: r.geography,
          area_code: r.area,
          area_level: r.areaLevel,
          entries: r.entries,
          periods: r.periods,
        })),
      )
      .execute();
  }
  for (let i = 0; i < snapshot.changes.length; i += batch) {
    await trx
      .insertInto("release_change")
      .values(
        snapshot.changes.slice(i, i + batch).map((c) => ({
          release_id: id,
          change: c.change,
          target: c.target,
          series: c.series,
          code: c.code,
          geography: c.geography,
          area_code: c.area,
          period: c.period,
          old_value: c.oldValue,
          new_value: c.newValue,
        })),
      )
      .execute();
  }
}

export async function updateReleaseSchedule(
  trx: Db,
  id: number,
  s: { releaseAt: Date; note: string | null; scheduledBy: string; scheduledAt: Date },
): Promise<void> {
  await trx
    .updateTable("release")
    .set({
      state: "scheduled",
      release_at: s.releaseAt,
      note: s.note,
      scheduled_by: s.scheduledBy,
      scheduled_at: s.scheduledAt,
    })
    .where("id", "=", id)
    .execute();
  noteLocalWrite();
}

export async function deleteReleaseRecord(trx: Db, id: number): Promise<void> {
  await trx.deleteFrom("release").where("id", "=", id).execute();
  noteLocalWrite();
}

/** The earliest release time after `at` of a scheduled release: when the public version next changes by the clock. */
export async function findNextReleaseTime(db: Db, at: Date): Promise<Date | undefined> {
  const r = await db
    .selectFrom("release")
    .select("release_at")
    .where("state", "=", "scheduled")
    .where("release_at", ">", at)
    .orderBy("release_at")
    .limit(1)
    .executeTakeFirst();
  return r?.release_at ?? undefined;
}

/** Counts of snapshot values and of changes, per release. */
export async function releaseCounts(db: Db, ids: readonly number[]): Promise<Map<number, ReleaseCounts>> {
  const out = new Map<number, ReleaseCounts>();
  if (!ids.length) return out;
  const [obs, rows, changes] = await Promise.all([
    db
      .selectFrom("release_observation")
      .select(["release_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("release_id", "in", ids)
      .groupBy("release_id")
      .execute(),
    db
      .selectFrom("release_row")
      .select(["release_id", (eb) => eb.fn.sum<number>("entries").as("n")])
      .where("release_id", "in", ids)
      .groupBy("release_id")
      .execute(),
    db
      .selectFrom("release_change")
      .select(["release_id", "change", (eb) => eb.fn.countAll<number>().as("n")])
      .where("release_id", "in", ids)
      .groupBy(["release_id", "change"])
      .execute(),
  ]);
  for (const id of ids) {
    const c = (kind: string) => Number(changes.find((x) => x.release_id === id && x.change === kind)?.n ?? 0);
    out.set(id, {
      observations: Number(obs.find((x) => x.release_id === id)?.n ?? 0),
      values: Number(rows.find((x) => x.release_id === id)?.n ?? 0),
      new: c("new"),
      revised: c("revised"),
      withdrawn: c("withdrawn"),
    });
  }
  return out;
}

export async function listReleaseObservations(db: Db, id: number): Promise<ReleaseObservationRow[]> {
  const rows = await db
    .selectFrom("release_observation")
    .selectAll()
    .where("release_id", "=", id)
    .orderBy("series")
    .orderBy("code")
    .orderBy("geography")
    .orderBy("area_code")
    .orderBy("period")
    .execute();
  return rows.map((r) => ({
    series: r.series,
    code: r.code,
    geography: r.geography,
    area: r.area_code,
    period: r.period,
    value: r.value,
    status: r.status,
  }));
}

export async function listReleaseRows(db: Db, id: number): Promise<ReleaseSnapshotRow[]> {
  const rows = await db.selectFrom("release_row").selectAll().where("release_id", "=", id).execute();
  return rows.map((r) => ({
    indicator: r.indicator,
    series: r.series,
    geography: r.geography,
    area: r.area_code,
    areaLevel: r.area_level,
    entries: r.entries,
    periods: r.periods,
  }));
}

export interface ChangeFilter {
  change?: readonly ReleaseChangeKind[];
  target?: "element" | "indicator";
  limit: number;
  offset: number;
}

/** A release's changes: elements first, then indicators, each by code, area and period. */
export async function listReleaseChanges(db: Db, id: number, f: ChangeFilter): Promise<ReleaseChange[]> {
  let q = db
    .selectFrom("release_change")
    .selectAll()
    .where("release_id", "=", id)
    .orderBy("target")
    .orderBy("series")
    .orderBy("code")
    .orderBy("geography")
    .orderBy("area_code")
    .orderBy("period")
    .limit(f.limit)
    .offset(f.offset);
  if (f.change?.length) q = q.where("change", "in", f.change);
  if (f.target) q = q.where("target", "=", f.target);
  const rows = await q.execute();
  return rows.map((r) => ({
    change: r.change as ReleaseChangeKind,
    target: r.target === "indicator" ? "indicator" : "element",
    series: r.series,
    code: r.code,
    geography: r.geography,
    area: r.area_code,
    period: r.period,
    oldValue: r.old_value,
    newValue: r.new_value,
  }));
}

/** Stored computed rows of the given series (the inputs of a release snapshot). */
export async function listComputedRowsOf(db: Db, series: readonly string[]): Promise<ReleaseSnapshotRow[]> {
  if (!series.length) return [];
  const rows = await db
    .selectFrom("computed_value")
    .select(["indicator", "series", "geography", "area_code", "area_level", "entries", "periods"])
    .where("series", "in", series)
    .orderBy("indicator")
    .orderBy("series")
    .orderBy("geography")
    .orderBy("area_code")
    .execute();
  return rows.map((r) => ({
    indicator: r.indicator,
    series: r.series,
    geography: r.geography,
    area: r.area_code,
    areaLevel: r.area_level,
    entries: r.entries,
    periods: r.periods,
  }));
}

/** Element observations of the given series (the approved values of a release snapshot). */
export async function listElementObservationsOf(
  db: Db,
  series: readonly string[],
): Promise<ReleaseObservationRow[]> {
  if (!series.length) return [];
  const rows = await db
    .selectFrom("observation")
    .select(["series", "code", "geography", "area_code", "period", "value", "status"])
    .where("series", "in", series)
    .where("target", "=", "element")
    .orderBy("series")
    .orderBy("code")
    .orderBy("geography")
    .orderBy("area_code")
    .orderBy("period")
    .execute();
  return rows.map((r) => ({
    series: r.series,
    code: r.code,
    geography: r.geography,
    area: r.area_code,
    period: r.period,
    value: r.value,
    status: r.status,
  }));
}
