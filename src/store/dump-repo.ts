/**
 * Table-level access for backup, restore and integrity checks: the tables of the schema in
 * foreign-key order, their rows as JSON text, loading rows back, resetting sequences, and digests
 * to compare two databases. Works alike on PGlite and PostgreSQL (plain SQL, no client tools): rows
 * go out as `to_jsonb(row)` and come back through `jsonb_populate_recordset`, so every column type
 * (timestamps, jsonb, doubles) round-trips exactly.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

/** Kysely's own bookkeeping: recreated by the migrator, never dumped. */
const MIGRATION_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);

function quote(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain table name: ${name}`);
  return `"${name}"`;
}

/** The tables of the current schema (without Kysely's), parents before the tables that refer to them. */
export async function listTables(db: Db): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c
    WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
    ORDER BY c.relname`.execute(db);
  const edges = await sql<{ child: string; parent: string }>`
    SELECT cc.relname AS child, pc.relname AS parent FROM pg_constraint k
    JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_class pc ON pc.oid = k.confrelid
    WHERE k.contype = 'f' AND cc.relnamespace = current_schema()::regnamespace`.execute(db);
  const names = tables.rows.map((r) => r.name).filter((n) => !MIGRATION_TABLES.has(n));
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges.rows) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (n: string, path: Set<string>) => {
    if (done.has(n)) return;
    if (path.has(n)) throw new Error(`foreign keys form a cycle through ${n}`);
    path.add(n);
    for (const p of [...(parents.get(n) ?? [])].sort()) if (parents.has(p)) visit(p, path);
    path.delete(n);
    done.add(n);
    order.push(n);
  };
  for (const n of names) visit(n, new Set());
  return order;
}

/** The migrations applied, in order. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const exists = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_class
    WHERE relname = 'kysely_migration' AND relnamespace = current_schema()::regnamespace`.execute(db);
  if (!exists.rows[0]?.n) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Every row of a table as JSON text, in a stable order. */
export async function tableRowsJson(db: Db, table: string): Promise<string[]> {
  const t = sql.raw(quote(table));
  const res = await sql<{ r: string }>`SELECT to_jsonb(t)::text AS r FROM ${t} t ORDER BY 1`.execute(db);
  return res.rows.map((r) => r.r);
}

/** Appends rows (JSON objects as text, as `tableRowsJson` gives them) to a table. */
export async function insertRowsJson(db: Db, table: string, rows: readonly string[]): Promise<void> {
  const t = sql.raw(quote(table));
  for (let i = 0; i < rows.length; i += 2000) {
    const batch = `[${rows.slice(i, i + 2000).join(",")}]`;
    await sql`INSERT INTO ${t} SELECT * FROM jsonb_populate_recordset(NULL::${t}, ${batch}::jsonb)`.execute(
      db,
    );
  }
}

/** Sets every serial column's sequence past the largest value stored (after loading rows). */
export async function resetSequences(db: Db): Promise<void> {
  const cols = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`.execute(db);
  for (const c of cols.rows) {
    const t = quote(c.table_name);
    const col = quote(c.column_name);
    await sql
      .raw(
        `SELECT setval(pg_get_serial_sequence('${t}', '${c.column_name}'), coalesce(max(${col}), 0) + 1, false) FROM ${t}`,
      )
      .execute(db);
  }
}

/** Row counts of the tables; a database is empty when every count is 0. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await listTables(db)) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.raw(quote(t))}`.execute(db);
    out[t] = r.rows[0]?.n ?? 0;
  }
  return out;
}

/** Per table: row count and an md5 of its rows, to compare two databases (e.g. before and after restore). */
export async function tableDigests(
  db: Db,
  tables?: readonly string[],
): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const t of tables ?? (await listTables(db))) {
    const r = await sql<{ n: number; h: string }>`
      SELECT count(*)::int AS n, md5(coalesce(string_agg(x.r, '|' ORDER BY x.r), '')) AS h
      FROM (SELECT to_jsonb(t)::text AS r FROM ${sql.raw(quote(t))} t) x`.execute(db);
    out[t] = { rows: r.rows[0]?.n ?? 0, md5: r.rows[0]?.h ?? "" };
  }
  return out;
}

/** Drops every table and function of the current schema, Kysely's included (restore --force). */
export async function dropAllTables(db: Db): Promise<void> {
  const tables = await sql<{ name: string }>`
    SELECT relname AS name FROM pg_class
    WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace`.execute(db);
  if (tables.rows.length) {
    await sql.raw(`DROP TABLE ${tables.rows.map((r) => quote(r.name)).join(", ")} CASCADE`).execute(db);
  }
  // The migrations' trigger functions live in the schema too: without them gone, migrating again
  // fails on "function … already exists".
  const functions = await sql<{ signature: string }>`
    SELECT p.oid::regprocedure::text AS signature FROM pg_proc p
    WHERE p.pronamespace = current_schema()::regnamespace AND p.prokind = 'f'`.execute(db);
  if (functions.rows.length) {
    await sql.raw(`DROP FUNCTION ${functions.rows.map((r) => r.signature).join(", ")} CASCADE`).execute(db);
  }
}

/**
 * A cheap fingerprint of the whole database in one statement, to notice any stored change between
 * two moments: the content hash of small tables and the row count and newest timestamp of large ones
 * (sized when the function is made). `exclude` leaves out tables that change on every request by
 * design (session last-seen times). Returns the function that takes a fingerprint.
 */
export async function databaseFingerprint(
  db: Db,
  options: { exclude?: readonly string[]; hashBelowRows?: number } = {},
): Promise<() => Promise<string>> {
  const counts = await tableCounts(db);
  const parts = Object.entries(counts)
    .filter(([t]) => !options.exclude?.includes(t))
    .map(([t, n]) =>
      n < (options.hashBelowRows ?? 5000)
        ? `(SELECT '${t}:' || count(*) || ':' || md5(coalesce(string_agg(to_jsonb(x)::text, '|' ORDER BY to_jsonb(x)::text), '')) FROM ${quote(t)} x)`
        : `(SELECT '${t}:' || count(*) || ':' || coalesce(max(to_jsonb(x)::text), '') FROM ${quote(t)} x)`,
    );
  const query = sql.raw(`SELECT concat_ws(',', ${parts.join(", ") || "''"}) AS f`);
  return async () => {
    const r = await sql<{ f: string }>`${query}`.execute(db);
    return r.rows[0]?.f ?? "";
  };
}
