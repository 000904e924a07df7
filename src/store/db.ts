/**
 * Opens the database: PGlite (embedded PostgreSQL, data in a folder, or in memory for tests) or a
 * PostgreSQL server through `pg` when a URL is given. Both speak the same SQL through Kysely.
 * Differences are absorbed here: int8 and numeric come back as numbers from both; bulk loads use
 * COPY on both (PGlite reads from a blob, the server from a stream).
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, Migrator, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { DxmError } from "../domain/errors.ts";
import { lockDataDir } from "./lock.ts";
import { migrations } from "./migrations/index.ts";
import { Mutex, PGliteDialect } from "./pglite-driver.ts";
import type { Database } from "./schema.ts";

export type DatabaseKind = "pglite" | "postgres";

export type CopyValue = string | number | boolean | null | readonly unknown[] | Record<string, unknown>;

export interface ReplaceRowsSpec {
  table: keyof Database & string;
  columns: readonly string[];
  rows: Iterable<readonly CopyValue[]>;
  /**
   * Rows in COPY's binary format (signature, tuples, trailer), loaded instead of `rows`:
   * nothing to parse per value, which on PGlite (in-thread WASM) is most of what a text COPY costs.
   */
  binary?: { data: Uint8Array; rows: number };
  /** Rows matching these column = value pairs are deleted first, in the same transaction. */
  deleteWhere?: Readonly<Record<string, string>>;
  /** Further statements run in the same transaction before the COPY. */
  before?: readonly Statement[];
  /** Statements run in the same transaction after the COPY. */
  after?: readonly Statement[];
}

export interface Statement {
  text: string;
  values: readonly unknown[];
}

/**
 * One transaction on one connection, for a load that interleaves its own work with COPYs (a first
 * import streamed straight into its table): committed when the function returns, rolled back when
 * it throws (or the process dies), so nothing of it is ever half stored. On PGlite the database is
 * held for the duration; on PostgreSQL other connections go on.
 */
export interface CopySession {
  /** Runs one statement (no parameters: callers inline only values they generated). */
  query<R = Record<string, unknown>>(text: string): Promise<{ rows: R[]; affected: number }>;
  /**
   * COPYs rows in COPY's binary format (signature, tuples, trailer) into the table's columns.
   * `freeze`: COPY … FREEZE, for a table emptied by TRUNCATE in this transaction (the rows are
   * stored frozen, so nothing reads the commit log for them nor sets their hint bits later).
   */
  copyBinary(
    table: keyof Database & string,
    columns: readonly string[],
    data: Uint8Array,
    options?: { freeze?: boolean },
  ): Promise<void>;
}

export interface Store {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** PostgreSQL schema the store works in, when not the default (tests). */
  readonly schema?: string;
  /** Deletes the matching rows and COPYs the new ones in, in one transaction. Returns rows loaded. */
  replaceRows(spec: ReplaceRowsSpec): Promise<number>;
  /** Runs `fn` in one transaction with COPY at hand (see {@link CopySession}). */
  copySession<T>(fn: (session: CopySession) => Promise<T>): Promise<T>;
  /** PGlite only: the data folder as a tarball (used to clone test databases). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; when absent PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder; absent = in memory. */
  dataDir?: string;
  /** PGlite: start from this dumped data folder (tarball) instead of an empty database. */
  loadDataDir?: Blob;
  /** PostgreSQL: use (and create) this schema, for isolated tests. */
  schema?: string;
  /** Who holds the PGlite data folder's lock (shown to a second process). */
  lockOwner?: string;
}

// int8 → number, numeric → number: statistics values and counts fit in a double.
const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

const NEEDS_QUOTES = /[",\r\n\\]/;

function csvField(v: CopyValue): string {
  if (v === null) return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`COPY: non-finite number ${v}`);
    return String(v);
  }
  if (typeof v === "boolean") return v ? "t" : "f";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  // Quote only when needed (most fields of a bulk load are codes and numbers): an empty string must
  // be quoted to stay distinct from NULL; quotes, commas and line breaks need quoting, and a
  // backslash is quoted too so that a lone `\.` can never read as COPY's end-of-data marker.
  if (s !== "" && !NEEDS_QUOTES.test(s)) return s;
  return `"${s.replaceAll('"', '""')}"`;
}

function* csvLines(rows: Iterable<readonly CopyValue[]>, counter: { n: number }): Generator<string> {
  let chunk: string[] = [];
  for (const row of rows) {
    chunk.push(`${row.map(csvField).join(",")}\n`);
    counter.n++;
    if (chunk.length >= 5000) {
      yield chunk.join("");
      chunk = [];
    }
  }
  if (chunk.length) yield chunk.join("");
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return `"${name}"`;
}

function deleteSql(spec: ReplaceRowsSpec): { text: string; values: string[] } | undefined {
  const entries = Object.entries(spec.deleteWhere ?? {});
  if (!spec.deleteWhere) return undefined;
  const where = entries.map(([c], i) => `${ident(c)} = $${i + 1}`).join(" AND ");
  return {
    text: `DELETE FROM ${ident(spec.table)}${entries.length ? ` WHERE ${where}` : ""}`,
    values: entries.map(([, v]) => v),
  };
}

function copySql(
  table: string,
  columns: readonly string[],
  source: string,
  options: { binary?: boolean; freeze?: boolean } = {},
): string {
  return `COPY ${ident(table)} (${columns.map(ident).join(", ")}) FROM ${source} WITH (FORMAT ${options.binary ? "binary" : "csv"}${options.freeze ? ", FREEZE" : ""})`;
}

async function openPGlite(options: OpenOptions): Promise<Store> {
  const release = options.dataDir ? lockDataDir(options.dataDir, options.lockOwner ?? "dxm") : () => {};
  let pgl: PGlite;
  try {
    pgl = await PGlite.create({
      parsers: { 20: (v: string) => Number(v), 1700: (v: string) => Number(v) },
      // In memory, PostgreSQL's posix_fallocate lands in Emscripten's MEMFS as a resize that copies
      // the whole file on every extension of a table: loading 1,000,000 rows grew quadratic (each
      // 200,000 rows took longer than the last, 8 s → 52 s). Writing zeros grows the file
      // geometrically instead. A data folder (NodeFS) has a real fallocate and keeps the default.
      // Also in memory, the WAL serves no reader (no replica, no archive, nothing outlives the
      // process): at wal_level minimal a table emptied in the loading transaction is written
      // without it (a first import of assessments, DESIGN §11).
      ...(options.dataDir
        ? {}
        : {
            startParams: [
              ...PGlite.defaultStartParams,
              "-c",
              "file_extend_method=write_zeros",
              "-c",
              "wal_level=minimal",
              "-c",
              "max_wal_senders=0",
            ],
          }),
      ...(options.dataDir ? { dataDir: `${options.dataDir}/pglite` } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (e) {
    release();
    throw new DxmError(
      "database_unavailable",
      `Could not open the embedded database: ${(e as Error).message}`,
      {
        cause: e,
      },
    );
  }
  const mutex = new Mutex();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pgl, mutex) });
  let closed = false;
  return {
    db,
    kind: "pglite",
    async replaceRows(spec) {
      const counter = { n: 0 };
      let body: BlobPart;
      if (spec.binary) {
        body = spec.binary.data as Uint8Array<ArrayBuffer>;
        counter.n = spec.binary.rows;
      } else {
        body = [...csvLines(spec.rows, counter)].join("");
      }
      const del = deleteSql(spec);
      await mutex.run(() =>
        pgl.transaction(async (tx) => {
          if (del) await tx.query(del.text, del.values);
          for (const st of spec.before ?? []) await tx.query(st.text, [...st.values]);
          if (counter.n > 0)
            await tx.query(
              copySql(spec.table, spec.columns, "'/dev/blob'", { binary: spec.binary !== undefined }),
              [],
              {
                blob: new Blob([body]),
              },
            );
          for (const st of spec.after ?? []) await tx.query(st.text, [...st.values]);
        }),
      );
      return counter.n;
    },
    async copySession(fn) {
      return mutex.run(() =>
        pgl.transaction((tx) =>
          fn({
            async query<R>(text: string) {
              const r = await tx.query<R>(text);
              return { rows: r.rows, affected: r.affectedRows ?? 0 };
            },
            async copyBinary(table, columns, data, options) {
              await tx.query(copySql(table, columns, "'/dev/blob'", { binary: true, ...options }), [], {
                blob: new Blob([data as Uint8Array<ArrayBuffer>]),
              });
            },
          }),
        ),
      );
    },
    async dumpDataDir() {
      return mutex.run(async () => (await pgl.dumpDataDir("none")) as Blob);
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await mutex.run(() => pgl.close());
      release();
    },
  };
}

async function openPostgres(options: OpenOptions & { databaseUrl: string }): Promise<Store> {
  const schema = options.schema;
  if (schema && !IDENT.test(schema)) throw new Error(`schema name must be a plain identifier: ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString: options.databaseUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 10,
    types: pgTypes,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on("error", () => {
    // An idle client lost its connection; the next query reconnects. Nothing to do here.
  });
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end();
    throw new DxmError(
      "database_unavailable",
      `Could not connect to PostgreSQL at ${redact(options.databaseUrl)}: ${(e as Error).message}`,
      { field: "DATABASE_URL", cause: e },
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    kind: "postgres",
    ...(schema ? { schema } : {}),
    async replaceRows(spec) {
      const client = await pool.connect();
      const counter = { n: 0 };
      try {
        await client.query("BEGIN");
        const del = deleteSql(spec);
        if (del) await client.query(del.text, del.values);
        for (const st of spec.before ?? []) await client.query(st.text, [...st.values]);
        const stream = client.query(
          copyFrom(copySql(spec.table, spec.columns, "STDIN", { binary: spec.binary !== undefined })),
        );
        const binary = spec.binary;
        async function* all() {
          if (binary) {
            yield binary.data;
            return;
          }
          yield* csvLines(spec.rows, counter);
        }
        await pipeline(Readable.from(all()), stream);
        if (binary) counter.n = binary.rows;
        for (const st of spec.after ?? []) await client.query(st.text, [...st.values]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        client.release();
      }
      return counter.n;
    },
    async copySession(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const out = await fn({
          async query<R>(text: string) {
            const r = await client.query(text);
            return { rows: r.rows as R[], affected: r.rowCount ?? 0 };
          },
          async copyBinary(table, columns, data, options) {
            const stream = client.query(
              copyFrom(copySql(table, columns, "STDIN", { binary: true, ...options })),
            );
            await pipeline(Readable.from([data]), stream);
          },
        });
        await client.query("COMMIT");
        return out;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/** Hides the password of a connection string in messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

export async function openStore(options: OpenOptions = {}): Promise<Store> {
  if (options.databaseUrl) return openPostgres({ ...options, databaseUrl: options.databaseUrl });
  return openPGlite(options);
}

/** Brings the schema to the latest migration (or to `target`, e.g. a backup's). Idempotent. */
export async function migrateToLatest(store: Store, target?: string): Promise<string[]> {
  if (target === undefined && (await allMigrationsRecorded(store))) return [];
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrations },
    // Name the schema: otherwise Kysely may find another schema's migration tables and skip creating
    // its own (parallel test schemas on one server).
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
  const { error, results } = await (target === undefined
    ? migrator.migrateToLatest()
    : migrator.migrateTo(target));
  if (error) {
    throw new DxmError("internal", `Migration failed: ${(error as Error).message ?? String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/**
 * True when every migration is recorded as run and no other is: the usual case at start-up, which
 * then skips Kysely's migrator — its checks that the migration tables exist read the whole system
 * catalogue (≈0.8 s of a 2 s second start on PGlite). A new database has no table yet: false.
 */
async function allMigrationsRecorded(store: Store): Promise<boolean> {
  const table = store.schema ? `${ident(store.schema)}.kysely_migration` : "kysely_migration";
  const found = await sql<{ t: string | null }>`SELECT to_regclass(${table})::text AS t`.execute(store.db);
  if (!found.rows[0]?.t) return false;
  const { rows } = await sql<{ name: string }>`SELECT name FROM ${sql.raw(table)}`.execute(store.db);
  const names = Object.keys(migrations);
  return rows.length === names.length && rows.every((r) => names.includes(r.name));
}

/** Drops a test schema (PostgreSQL). */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

export { sql };
