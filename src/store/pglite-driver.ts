/**
 * A Kysely driver for PGlite that serialises access. PGlite has one connection; a query issued by
 * one caller while another holds an open transaction would run inside that transaction and be lost
 * on its rollback (the bug of kysely-pglite 0.6.1, DESIGN §2). Here every Kysely connection is a
 * lease on a mutex: a transaction keeps the lease from BEGIN to COMMIT/ROLLBACK, and any other query
 * waits for it. `exclusive()` gives the same lease to code that talks to PGlite directly (COPY).
 */
import type { PGlite, Results } from "@electric-sql/pglite";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";

/** A FIFO mutex: `acquire()` resolves with a release function once the previous holder released. */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

class PGliteConnection implements DatabaseConnection {
  readonly #pg: PGlite;
  constructor(pg: PGlite) {
    this.#pg = pg;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    let result: Results<R>;
    if (query.parameters.length === 0 && query.sql.includes(";")) {
      // Several statements (migrations): only the simple protocol accepts them.
      const all = (await this.#pg.exec(query.sql)) as Results<R>[];
      result = all[all.length - 1] ?? { rows: [], fields: [] };
    } else {
      result = await this.#pg.query<R>(query.sql, query.parameters as unknown[]);
    }
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: PGlite cannot stream; Kysely only calls this for .stream().
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("PGlite driver: streaming queries are not supported; page with limit/offset instead");
  }
}

class PGliteDriver implements Driver {
  readonly #pg: PGlite;
  readonly #mutex: Mutex;
  readonly #releases = new WeakMap<DatabaseConnection, () => void>();

  constructor(pg: PGlite, mutex: Mutex) {
    this.#pg = pg;
    this.#mutex = mutex;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.acquire();
    const conn = new PGliteConnection(this.#pg);
    this.#releases.set(conn, release);
    return conn;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const iso = settings.isolationLevel ? ` ISOLATION LEVEL ${settings.isolationLevel.toUpperCase()}` : "";
    await conn.executeQuery(CompiledQuery.raw(`BEGIN${iso}`));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("COMMIT"));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("ROLLBACK"));
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    const release = this.#releases.get(conn);
    this.#releases.delete(conn);
    release?.();
  }

  async destroy(): Promise<void> {
    // The owner closes the PGlite instance (it may outlive the Kysely instance).
  }
}

export class PGliteDialect implements Dialect {
  readonly #pg: PGlite;
  readonly #mutex: Mutex;
  constructor(pg: PGlite, mutex: Mutex) {
    this.#pg = pg;
    this.#mutex = mutex;
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.#pg, this.#mutex);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
