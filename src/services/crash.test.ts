import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadConfig } from "../config.ts";
import { openStore, type Store } from "../store/db.ts";
import { listRevisions } from "../store/observations-repo.ts";
import { pgliteTemplate } from "../store/testing.ts";
import { prepareDatabase } from "./bootstrap.ts";
import { CRASH_SCENARIOS, prepareCrashBase } from "./crash-child.ts";
import { checkIntegrity, describeFailures } from "./integrity.ts";

const root = new URL("../../", import.meta.url).pathname;

/** Runs a scenario of crash-child.ts in a child and kills it after `delayMs` (or lets it finish). */
function runAndKill(dataDir: string, delayMs: number, scenario = "approve"): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/services/crash-child.ts", dataDir, scenario],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      out += s;
      if (out.includes("go\n") && !child.killed) setTimeout(() => child.kill("SIGKILL"), delayMs);
    });
    child.on("close", () => resolve(out));
  });
}

let base: string;
let work: string;
before(async () => {
  work = mkdtempSync(join(tmpdir(), "dxm-crash-"));
  base = join(work, "base");
  const template = await pgliteTemplate(
    "reference",
    // The same folders (and so the same cached template) as referenceBackends() in testing.ts.
    ["src/catalog", "src/methods", "src/services", "src/domain", "src/store"],
    async (s) => {
      const { migrateToLatest } = await import("../store/db.ts");
      await migrateToLatest(s);
      await prepareDatabase(s, { demo: false });
    },
  );
  const store = await openStore({ dataDir: base, loadDataDir: template });
  try {
    await prepareCrashBase(store);
  } finally {
    await store.close();
  }
});
after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A copy of the base data folder, as a crashed process would have left it (lock included). */
function copyBase(name: string): string {
  const dir = join(work, name);
  cpSync(base, dir, { recursive: true });
  rmSync(join(dir, "dxm.lock"), { force: true });
  return dir;
}

describe("an approval killed at any moment leaves the database as before or as after it", () => {
  for (const delayMs of [0, 150, 400, 900, 60_000]) {
    it(`keeps report, observations and audit log consistent when killed ${delayMs >= 60_000 ? "never" : `after ${delayMs} ms`}`, async () => {
      const dir = copyBase(`run-${delayMs}`);
      const out = await runAndKill(dir, delayMs);
      let store: Store | undefined;
      try {
        store = await openStore({ dataDir: dir });
        const report = await store.db
          .selectFrom("report")
          .selectAll()
          .where("area_code", "=", "79")
          .executeTakeFirstOrThrow();
        const values = await store.db
          .selectFrom("report_value")
          .select("element")
          .where("report_id", "=", report.id)
          .execute();
        const observations = await store.db
          .selectFrom("observation")
          .select("code")
          .where("series", "=", "reported")
          .where("area_code", "=", "79")
          .execute();
        const revisions = await listRevisions(store.db, { series: "reported", area: "79" });
        const audits = await store.db
          .selectFrom("audit_log")
          .select("action")
          .where("action", "=", "report.approve")
          .execute();
        assert.ok(report.state === "submitted" || report.state === "approved", report.state);
        if (report.state === "approved") {
          assert.equal(observations.length, values.length, "every approved value is an observation");
          assert.equal(revisions.length, values.length, "each with its revision");
          assert.equal(audits.length, 1);
        } else {
          assert.equal(observations.length, 0, "nothing half-written");
          assert.equal(revisions.length, 0);
          assert.equal(audits.length, 0);
        }
        if (delayMs >= 60_000) assert.match(out, /approved/, "left alone, the approval completes");
      } finally {
        await store?.close();
      }
    });
  }
});

/** A small deterministic generator (mulberry32), so a failing run can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// DXM_LONG_TESTS=1: 50 kills; otherwise a few, so the default suite stays fast.
const RUNS = loadConfig().longTests ? 50 : 5;
const SEED = 20261130;

describe(`${RUNS} kills at random moments of uploads, approvals, imports and recomputes`, () => {
  const next = random(SEED);
  const names = Object.keys(CRASH_SCENARIOS);
  for (let run = 0; run < RUNS; run++) {
    const scenario = names[run % names.length]!;
    const delayMs = Math.floor(next() * 2500);
    it(`passes the integrity check after a restart: run ${run + 1}, ${scenario} killed after ${delayMs} ms`, async () => {
      const dir = copyBase(`random-${run}`);
      await runAndKill(dir, delayMs, scenario);
      const store = await openStore({ dataDir: dir });
      try {
        // What `dxm serve` does on start: migrations, pending recomputes, accounts.
        await prepareDatabase(store, { demo: false });
        const report = await checkIntegrity(store);
        assert.ok(
          report.ok,
          `seed ${SEED}, run ${run + 1}, ${scenario} @ ${delayMs} ms:\n${describeFailures(report)}`,
        );
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
