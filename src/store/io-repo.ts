/**
 * Input–output tables. Replacing a year's table is recorded in the audit log with a summary of the
 * table it replaced (name, source, size, when and by whom it was imported), so nothing is lost
 * without a trace.
 */
import type { Kysely } from "kysely";
import type { IoTable } from "../methods/io.ts";
import { markStale } from "./meta-repo.ts";
import { listObservedSeries } from "./observations-repo.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export interface StoredIoTable extends IoTable {
  readonly name: string;
  readonly source: string;
  readonly isDemo: boolean;
  readonly importedBy: string;
  readonly importedAt: Date;
}

export interface IoTableSummary {
  readonly year: number;
  readonly name: string;
  readonly source: string;
  readonly isDemo: boolean;
  readonly industries: number;
  readonly importedBy: string;
  readonly importedAt: Date;
}

export async function saveIoTable(
  db: Db,
  table: IoTable,
  meta: { name: string; source: string; isDemo: boolean },
  actor: string,
): Promise<{ replaced: IoTableSummary | null }> {
  return db.transaction().execute(async (trx) => {
    const old = await trx
      .selectFrom("io_table")
      .select(["year", "name", "source", "is_demo", "codes", "imported_by", "imported_at"])
      .where("year", "=", table.year)
      .executeTakeFirst();
    const values = {
      year: table.year,
      name: meta.name,
      source: meta.source,
      is_demo: meta.isDemo,
      codes: JSON.stringify(table.codes),
      z: JSON.stringify(table.z),
      output: JSON.stringify(table.output),
      value_added: JSON.stringify(table.valueAdded),
      imported_by: actor,
      imported_at: new Date(),
    };
    await trx
      .insertInto("io_table")
      .values(values)
      .onConflict((oc) =>
        oc.column("year").doUpdateSet({
          name: values.name,
          source: values.source,
          is_demo: values.is_demo,
          codes: values.codes,
          z: values.z,
          output: values.output,
          value_added: values.value_added,
          imported_by: values.imported_by,
          imported_at: values.imported_at,
        }),
      )
      .execute();
    // The digital-economy components of every series are derived with this table: all go stale.
    await markStale(trx, await listObservedSeries(trx));
    const replaced: IoTableSummary | null = old
      ? {
          year: old.year,
          name: old.name,
          source: old.source,
          isDemo: old.is_demo,
          industries: old.codes.length,
          importedBy: old.imported_by,
          importedAt: old.imported_at,
        }
      : null;
    await trx
      .insertInto("audit_log")
      .values({
        actor,
        action: replaced ? "replace" : "create",
        entity: "io_table",
        entity_key: String(table.year),
        before: replaced ? JSON.stringify(replaced) : null,
        after: JSON.stringify({ name: meta.name, source: meta.source, industries: table.codes.length }),
      })
      .execute();
    return { replaced };
  });
}

export async function listIoTables(db: Db): Promise<IoTableSummary[]> {
  const rows = await db
    .selectFrom("io_table")
    .select(["year", "name", "source", "is_demo", "codes", "imported_by", "imported_at"])
    .orderBy("year")
    .execute();
  return rows.map((r) => ({
    year: r.year,
    name: r.name,
    source: r.source,
    isDemo: r.is_demo,
    industries: r.codes.length,
    importedBy: r.imported_by,
    importedAt: r.imported_at,
  }));
}

export async function loadIoTables(db: Db): Promise<StoredIoTable[]> {
  const rows = await db.selectFrom("io_table").selectAll().orderBy("year").execute();
  return rows.map((r) => ({
    year: r.year,
    codes: r.codes,
    z: JSON.parse(r.z) as number[][],
    output: r.output,
    valueAdded: r.value_added,
    name: r.name,
    source: r.source,
    isDemo: r.is_demo,
    importedBy: r.imported_by,
    importedAt: r.imported_at,
  }));
}
