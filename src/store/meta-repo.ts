/** Small key/value facts about the database itself (what was seeded, with which version). */
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

export async function getMeta(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom("meta").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value;
}

export async function setMeta(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto("meta")
    .values({ key, value, updated_at: new Date() })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: new Date() }))
    .execute();
  noteLocalWrite();
}

let localWrites = 0;

/**
 * Counts this process's writes that can change what the public reads (meta such as the data version,
 * a release's schedule), so an in-process memo of the public data version knows at once that it is
 * out of date; writes by other processes are seen when the memo expires.
 */
export function noteLocalWrite(): void {
  localWrites++;
}

export function localWriteGeneration(): number {
  return localWrites;
}

/**
 * Stale marks: a write to a series' observations marks the series stale (`stale:<series>`) in the
 * same transaction; recompute clears the mark it started from once the computed values are written.
 * A process killed between the two leaves the mark, so the next start (or `dxm recompute`) finishes
 * the job and `dxm check` reports it meanwhile. Each mark holds a fresh token: a mark renewed during
 * a recompute is not cleared by it.
 */
export async function markStale(db: Kysely<Database>, series: readonly string[]): Promise<void> {
  for (const s of new Set(series)) await setMeta(db, `stale:${s}`, `${Date.now()}-${Math.random()}`);
}

/** The statement that marks a series stale, to run inside a bulk load's own transaction. */
export function markStaleStatement(series: string): { text: string; values: string[] } {
  return {
    text: "INSERT INTO meta (key, value, updated_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    values: [`stale:${series}`, `${Date.now()}-${Math.random()}`],
  };
}

/** The stale series with their tokens. */
export async function staleSeries(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom("meta").select(["key", "value"]).where("key", "like", "stale:%").execute();
  return new Map(rows.map((r) => [r.key.slice("stale:".length), r.value]));
}

/** Clears a series' stale mark if it still holds `token`. */
export async function clearStale(db: Kysely<Database>, series: string, token: string): Promise<void> {
  await db.deleteFrom("meta").where("key", "=", `stale:${series}`).where("value", "=", token).execute();
}

/**
 * The version of the published data: changes whenever a recompute ends or the catalogue is
 * re-seeded, in this process or another (one small read; used to invalidate cached public answers).
 */
export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const rows = await db
    .selectFrom("meta")
    .select(["key", "value"])
    .where("key", "in", ["recomputed_at", "catalog_hash"])
    .orderBy("key")
    .execute();
  return rows.map((r) => `${r.key}=${r.value}`).join(";");
}
