/**
 * Test support: the same suite runs on PGlite and on the local PostgreSQL (STYLE: one contract suite,
 * every implementation). PGlite databases are cloned from a template data folder built once and
 * cached on disk (creating one costs seconds and ~1 GB, DESIGN §2); PostgreSQL tests each get a fresh
 * schema. When PostgreSQL is unreachable its tests are skipped with a message saying how to enable
 * them — except under CI, where they fail.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { loadConfig } from "../config.ts";
import { dropSchema, migrateToLatest, openStore, type Store } from "./db.ts";

export type BackendName = "pglite" | "postgres";

const root = new URL("../../", import.meta.url).pathname;
export const testCacheDir = join(root, "node_modules", ".cache", "dxm-test");

/** A hash of the files under the given folders: a template is rebuilt when any of them changes. */
export function sourceHash(folders: readonly string[]): string {
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!name.endsWith(".test.ts")) h.update(p).update(readFileSync(p));
    }
  };
  for (const f of folders) walk(join(root, f));
  return h.digest("hex").slice(0, 16);
}

/**
 * Returns a cached PGlite template (tarball) named `name`, building it with `build` when missing.
 * The cache key includes a hash of the sources the template depends on.
 */
export async function pgliteTemplate(
  name: string,
  folders: readonly string[],
  build: (store: Store) => Promise<void>,
): Promise<Blob> {
  mkdirSync(testCacheDir, { recursive: true });
  const file = join(testCacheDir, `${name}-${sourceHash(folders)}.tar`);
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    // Not built yet: build it below.
  }
  const store = await openStore({});
  try {
    await build(store);
    const blob = await store.dumpDataDir!();
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, file); // atomic: a concurrent builder's file is equally good
    return blob;
  } finally {
    await store.close();
  }
}

let pgReachable: Promise<string | undefined> | undefined;
/** undefined when reachable, otherwise the reason. */
export function postgresUnavailable(): Promise<string | undefined> {
  pgReachable ??= (async () => {
    const url = loadConfig().testDatabaseUrl;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query("select 1");
      return undefined;
    } catch (e) {
      return `PostgreSQL not reachable at ${url} (${(e as Error).message}): start it with \`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\` or set DXM_TEST_DATABASE_URL`;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgReachable;
}

export interface TestBackend {
  readonly name: BackendName;
  /** A reason to skip this backend's tests, or undefined. */
  readonly skip: string | undefined;
  /** Opens a fresh database for one test (or one suite); close it with `store.close()`. */
  open(): Promise<Store>;
}

export interface BackendSetup {
  /** Name of the cached template, e.g. `schema` or `demo`. */
  name: string;
  /** Source folders the template depends on. */
  folders: readonly string[];
  /** Fills a freshly migrated database. */
  fill: (store: Store) => Promise<void>;
}

const SCHEMA_SETUP: BackendSetup = { name: "schema", folders: ["src/store"], fill: async () => {} };

/** The backends to run a suite on, each opening databases prepared by `setup`. */
export async function testBackends(setup: BackendSetup = SCHEMA_SETUP): Promise<TestBackend[]> {
  const cfg = loadConfig();
  const pgSkip = await postgresUnavailable();
  if (pgSkip && cfg.ci) throw new Error(`CI must run the PostgreSQL tests: ${pgSkip}`);
  return [
    {
      name: "pglite",
      skip: undefined,
      async open() {
        const template = await pgliteTemplate(setup.name, [...setup.folders, "src/store"], async (s) => {
          await migrateToLatest(s);
          await setup.fill(s);
        });
        return openStore({ loadDataDir: template });
      },
    },
    {
      name: "postgres",
      skip: pgSkip,
      async open() {
        const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
        const store = await openStore({ databaseUrl: cfg.testDatabaseUrl, schema });
        await migrateToLatest(store);
        await setup.fill(store);
        const close = store.close.bind(store);
        return {
          ...store,
          async close() {
            await close();
            await dropSchema(cfg.testDatabaseUrl, schema);
          },
        };
      },
    },
  ];
}
