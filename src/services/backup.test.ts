/**
 * Backup → restore → integrity check → the same published data, on PGlite and on PostgreSQL; a
 * restore refuses a database with data (unless forced) and a damaged file (before touching anything).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import { buildApp } from "../api/app.ts";
import { loadConfig } from "../config.ts";
import { DxmError } from "../domain/errors.ts";
import { dropSchema, openStore, type Store } from "../store/db.ts";
import { tableCounts, tableDigests } from "../store/dump-repo.ts";
import { backupDatabase, restoreDatabase, verifyBackup } from "./backup.ts";
import { checkIntegrity, describeFailures } from "./integrity.ts";
import { approveReport, openPeriodAs } from "./reporting.ts";
import { demoBackends, fillAndSubmit, workflowPrincipals } from "./testing.ts";

const KEY = { geography: "2025" as const, area: "79", period: "2026-Q3" };

/** An empty database of the same kind as `backend`. */
async function emptyStore(kind: "pglite" | "postgres"): Promise<Store> {
  if (kind === "pglite") return openStore({});
  const url = loadConfig().testDatabaseUrl;
  const schema = `t_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const store = await openStore({ databaseUrl: url, schema });
  const close = store.close.bind(store);
  return {
    ...store,
    async close() {
      await close();
      await dropSchema(url, schema);
    },
  };
}

const PUBLIC_URLS = [
  "/api/v1/indicators",
  "/api/v1/observations?indicator=DE_SHARE_GDP&geography=2025&level=province&period_kind=Y",
  "/api/v1/observations?geography=2025&area=79&series=reported",
  "/api/v1/digital-economy?geography=2025&area=VN",
  "/api/v1/areas?geography=2025",
];

async function publicAnswers(store: Store): Promise<string[]> {
  const app = await buildApp({ store, logLevel: "silent" });
  try {
    const out: string[] = [];
    for (const url of PUBLIC_URLS) {
      const res = await app.inject({ method: "GET", url });
      assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 200)}`);
      out.push(res.body);
    }
    return out;
  } finally {
    await app.close();
  }
}

for (const backend of await demoBackends()) {
  describe(`backup and restore on ${backend.name}`, { skip: backend.skip }, () => {
    let source: Store;
    let work: string;
    let file: string;
    before(async () => {
      work = mkdtempSync(join(tmpdir(), "dxm-backup-"));
      file = join(work, "dxm.backup");
      source = await backend.open();
      // A report approved through the workflow: report rows, events, audit, reported observations.
      await openPeriodAs(source, "test", KEY.period, "2026-12-31");
      await fillAndSubmit(source, KEY);
      await approveReport(source, workflowPrincipals(KEY.area).reviewer, KEY);
    });
    after(async () => {
      await source?.close();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it("passes the integrity check before the backup", async () => {
      const report = await checkIntegrity(source);
      assert.ok(report.ok, describeFailures(report));
    });

    it("restores into an empty database the same rows, passing the check and serving the same data", async () => {
      const made = await backupDatabase(source, file);
      assert.ok(made.rows > 1000 && made.tables >= 20, JSON.stringify(made));
      assert.equal((await verifyBackup(file)).database, backend.name);
      await assert.rejects(
        backupDatabase(source, file),
        (e) => e instanceof DxmError && e.code === "conflict",
      );

      const target = await emptyStore(backend.name);
      try {
        const restored = await restoreDatabase(target, file);
        assert.equal(restored.rows, made.rows);
        const check = await checkIntegrity(target);
        assert.ok(check.ok, describeFailures(check));
        assert.deepEqual(await tableDigests(target.db), await tableDigests(source.db));
        assert.deepEqual(await publicAnswers(target), await publicAnswers(source));

        // The restored database has data now: a second restore needs --force, which replaces it.
        await assert.rejects(
          restoreDatabase(target, file),
          (e) => e instanceof DxmError && e.code === "conflict",
        );
        await target.db.deleteFrom("audit_log").where("action", "=", "report.approve").execute();
        assert.equal((await checkIntegrity(target)).ok, false, "the check notices a missing audit entry");
        await restoreDatabase(target, file, { force: true });
        assert.ok((await checkIntegrity(target)).ok);
        assert.deepEqual(await tableDigests(target.db), await tableDigests(source.db));
        // Sequences continue after the restored rows.
        const { id } = await target.db
          .insertInto("audit_log")
          .values({ actor: "t", action: "t", entity: "t", entity_key: "t", before: null, after: null })
          .returning("id")
          .executeTakeFirstOrThrow();
        const max = await source.db
          .selectFrom("audit_log")
          .select((eb) => eb.fn.max("id").as("m"))
          .executeTakeFirstOrThrow();
        assert.ok(Number(id) > Number(max.m));
      } finally {
        await target.close();
      }
    });

    it("refuses a damaged or truncated file before touching the database", async () => {
      const good = readFileSync(file);
      const text = gunzipSync(good).toString("utf8");
      const truncated = join(work, "truncated.backup");
      writeFileSync(truncated, gzipSync(text.slice(0, Math.floor(text.length / 2))));
      const tampered = join(work, "tampered.backup");
      writeFileSync(tampered, gzipSync(text.replace('"reporter-79@test"', '"intruder@test"')));
      const garbage = join(work, "garbage.backup");
      writeFileSync(garbage, "not a backup at all");
      const target = await emptyStore(backend.name);
      try {
        for (const f of [truncated, tampered, garbage]) {
          await assert.rejects(
            restoreDatabase(target, f),
            (e) => e instanceof DxmError && e.code === "invalid_data",
            f,
          );
        }
        const counts = await tableCounts(target.db);
        assert.deepEqual(Object.keys(counts), [], "nothing was created");
      } finally {
        await target.close();
      }
    });
  });
}
