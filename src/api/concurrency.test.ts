/**
 * Concurrency over real HTTP on loopback: the 34 provinces' reporters save and submit, 2 reviewers
 * approve whatever is submitted, an analyst polls the reported values and the public polls published
 * ones — all at once.
 * Properties: no 5xx; every report approved exactly once (no lost or doubled update: the loser of a
 * race gets 409); every value a reader saw is the value of a committed state (a province's figures
 * are written once, so any value shown must equal the final one); the integrity check passes.
 * Releases: a release of the previous quarter is public when the run starts, and halfway through the
 * approvals a reviewer prepares and schedules the quarter's release, which comes out while the
 * public keeps reading the released series: every answer is exactly the previous release's complete
 * set or the new release's, never a mix of the two.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { loadAreas } from "../catalog/areas.ts";
import { DEFAULT_HTTP_LIMITS } from "../config.ts";
import { CLI_ACTOR } from "../domain/auth.ts";
import { createUser } from "../services/auth.ts";
import { checkIntegrity, describeFailures } from "../services/integrity.ts";
import { prepareRelease, scheduleRelease } from "../services/releases.ts";
import { approveReport, openPeriodAs } from "../services/reporting.ts";
import { fillAndSubmit, referenceBackends, workflowPrincipals } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { buildApp } from "./app.ts";

const PERIOD = "2026-Q3";
const PREVIOUS = "2026-Q2";
/** Provinces whose previous-quarter report is in the release public at the start. */
const PREVIOUS_PROVINCES = ["01", "79", "15"];
const PASSWORD = "correct horse battery";
const provinces = loadAreas()
  .filter((a) => a.geography === "2025" && a.level === "province")
  .map((a) => a.code);
const READ_URL = `/api/v1/observations?series=reported&geography=2025&period=${PERIOD}&limit=5000`;
/** What the public reads of the released series: every period, one page. */
const RELEASED_URL = "/api/v1/observations?series=reported&limit=10000";

interface Client {
  cookie: string;
  csrf: string;
}

for (const backend of await referenceBackends()) {
  describe(`34 reporters, 2 reviewers and public readers at once on ${backend.name}`, {
    skip: backend.skip,
  }, () => {
    let store: Store;
    let app: FastifyInstance;
    let base: string;
    const statuses = new Map<string, number[]>();

    const call = async (c: Client | null, method: string, url: string, body?: unknown) => {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: {
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
          ...(c ? { cookie: c.cookie, "x-csrf-token": c.csrf } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }).catch((e: Error) => {
        throw new Error(`${method} ${url}: ${e.message} (${String((e.cause as Error)?.message ?? e.cause)})`);
      });
      const text = await res.text();
      const list = statuses.get(method) ?? [];
      list.push(res.status);
      statuses.set(method, list);
      assert.ok(res.status < 500, `${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
      return { status: res.status, json: text ? JSON.parse(text) : null };
    };
    const login = async (email: string): Promise<Client> => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      assert.equal(res.status, 200);
      return {
        cookie: String(res.headers.get("set-cookie")).split(";")[0]!,
        csrf: (await res.json()).csrfToken,
      };
    };

    before(async () => {
      store = await backend.open();
      // The previous quarter, approved for a few provinces and released a minute ago. Services take
      // the clock from the caller, so the release can be scheduled "in the future" of a past instant.
      await openPeriodAs(store, "test", PREVIOUS, "2026-12-31");
      for (const area of PREVIOUS_PROVINCES) {
        const key = { geography: "2025" as const, area, period: PREVIOUS };
        await fillAndSubmit(store, key, 500);
        await approveReport(store, workflowPrincipals(area).reviewer, key);
      }
      const past = new Date(Date.now() - 60_000);
      const first = await prepareRelease(store, CLI_ACTOR, { period: PREVIOUS }, past);
      await scheduleRelease(store, CLI_ACTOR, first.id, { at: new Date(past.getTime() + 1000) }, past);
      await openPeriodAs(store, "test", PERIOD, "2026-12-31");
      for (const code of provinces) {
        await createUser(store, CLI_ACTOR, {
          email: `r${code}@x.vn`,
          role: "reporter",
          areas: [{ geography: "2025", code }],
          password: PASSWORD,
        });
      }
      for (const n of [1, 2]) {
        await createUser(store, CLI_ACTOR, { email: `v${n}@x.vn`, role: "reviewer", password: PASSWORD });
      }
      await createUser(store, CLI_ACTOR, { email: "analyst@x.vn", role: "analyst", password: PASSWORD });
      app = await buildApp({
        store,
        logLevel: "silent",
        loginRateLimit: false,
        // A loaded test machine can stall the event loop for seconds: a keep-alive connection the
        // server closes as idle while the client reuses it is a reset the client would retry, not a
        // fault of the server. Keep idle connections longer than any stall.
        httpLimits: { ...DEFAULT_HTTP_LIMITS, keepAliveTimeoutMs: 120_000 },
      });
      await app.listen({ port: 0, host: "127.0.0.1" });
      const addr = app.server.address();
      assert.ok(addr && typeof addr === "object");
      base = `http://127.0.0.1:${addr.port}`;
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    it("approves every report exactly once, never answers 5xx, and readers see only committed values", async () => {
      assert.equal(provinces.length, 34);
      let reportersDone = 0;
      const reporter = async (code: string, i: number) => {
        const c = await login(`r${code}@x.vn`);
        const url = `/api/v1/reports/2025/${code}/${PERIOD}`;
        const form = await call(c, "GET", url);
        const codes: string[] = form.json.sections.flatMap((s: { elements: { code: string }[] }) =>
          s.elements.map((e) => e.code),
        );
        // Each province its own figures, so a reader's value can be traced to one committed report.
        const values = Object.fromEntries(codes.map((e) => [e, 1000 + i]));
        const saved = await call(c, "PUT", `${url}/values`, { values });
        assert.equal(saved.status, 200);
        const comments: Record<string, string> = {};
        for (const issue of saved.json.validation.issues)
          for (const el of issue.elements) comments[el] = "checked";
        assert.equal((await call(c, "PUT", `${url}/values`, { values, comments })).status, 200);
        const submitted = await call(c, "POST", `${url}/submit`, {});
        assert.equal(submitted.status, 200, JSON.stringify(submitted.json));
        reportersDone++;
      };
      let approvals = 0;
      let conflicts = 0;
      const reviewer = async (n: number) => {
        const c = await login(`v${n}@x.vn`);
        for (;;) {
          const queue = await call(c, "GET", `/api/v1/reports?period=${PERIOD}&state=submitted`);
          const items: { area: string; version: number }[] = queue.json.items;
          if (!items.length) {
            if (reportersDone === provinces.length) return;
            await new Promise((r) => setTimeout(r, 20));
            continue;
          }
          // The two reviewers walk the queue from opposite ends, so they also meet on the same report.
          for (const r of n === 1 ? items : [...items].reverse()) {
            const res = await call(c, "POST", `/api/v1/reports/2025/${r.area}/${PERIOD}/approve`, {
              version: r.version,
            });
            if (res.status === 200) approvals++;
            else if (res.status === 409) conflicts++;
            else assert.fail(`approve ${r.area}: ${res.status} ${JSON.stringify(res.json)}`);
          }
        }
      };
      const seen: string[] = [];
      let readersStop = false;
      // The reported series is not released: an analyst reads it; the public reads published data.
      const analyst = await login("analyst@x.vn");
      const reader = async () => {
        while (!readersStop) {
          const res = await call(analyst, "GET", READ_URL);
          assert.equal(res.status, 200);
          seen.push(JSON.stringify(res.json));
        }
      };
      const publicReader = async () => {
        while (!readersStop) {
          for (const url of [
            "/api/v1/indicators",
            "/api/v1/observations?indicator=DE_SHARE_GDP&geography=2025",
          ]) {
            assert.equal((await call(null, "GET", url)).status, 200);
          }
        }
      };
      // The public's view of the released series: one key → value map per answer.
      type Released = { indicator: string; area: string; period: string; value: number | null };
      const snapshotOf = (json: { items: Released[]; next_offset: number | null }) => {
        assert.equal(json.next_offset, null, "the released series fits one page");
        return JSON.stringify(
          json.items.map((o) => `${o.indicator}|${o.area}|${o.period}=${o.value}`).sort(),
        );
      };
      const before = snapshotOf((await call(null, "GET", RELEASED_URL)).json);
      const released: string[] = [];
      // A short pause between reads: on PostgreSQL readers run in parallel with the writers, and on
      // two cores tight loops would mostly slow the run down without adding interleavings.
      const releasedReader = async () => {
        while (!readersStop) {
          released.push(snapshotOf((await call(null, "GET", RELEASED_URL)).json));
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      // Halfway through the approvals a reviewer prepares the quarter's release (a snapshot of what
      // is approved by then) and schedules it a moment ahead: it comes out during the reads.
      let releaseAt = 0;
      const publisher = async () => {
        while (approvals < provinces.length / 2) await new Promise((r) => setTimeout(r, 20));
        const c = await login("v1@x.vn");
        const prepared = await call(c, "POST", "/api/v1/releases", { period: PERIOD });
        assert.equal(prepared.status, 201, JSON.stringify(prepared.json));
        // A moment ahead; the request waits its turn behind approvals on a loaded machine, so when
        // the time has passed before it is read, try again further ahead.
        let scheduled = { status: 0, json: null as unknown };
        for (let ahead = 2000; ahead <= 64_000 && scheduled.status !== 200; ahead *= 2) {
          releaseAt = Math.ceil((Date.now() + ahead) / 1000) * 1000; // release times are whole seconds
          scheduled = await call(c, "POST", `/api/v1/releases/${prepared.json.id}/schedule`, {
            at: new Date(releaseAt).toISOString().replace(".000Z", "Z"),
          });
          if (scheduled.status !== 200 && !/not in the future/.test(JSON.stringify(scheduled.json))) break;
        }
        assert.equal(scheduled.status, 200, JSON.stringify(scheduled.json));
      };
      const readers = [reader(), reader(), publicReader(), releasedReader(), releasedReader()];
      await Promise.all([
        ...provinces.map((code, i) => reporter(code, i)),
        reviewer(1),
        reviewer(2),
        publisher(),
      ]);
      // Read on a little after the release time, so the new release is read too.
      while (Date.now() < releaseAt + 200) await new Promise((r) => setTimeout(r, 20));
      readersStop = true;
      await Promise.all(readers);

      assert.equal(approvals, 34, `${approvals} approvals, ${conflicts} conflicts`);
      // This quarter's reports only (the previous quarter's were approved before the run).
      const events = await store.db
        .selectFrom("report_event")
        .innerJoin("report", "report.id", "report_event.report_id")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("report_event.action", "=", "approve")
        .where("report.period", "=", PERIOD)
        .executeTakeFirstOrThrow();
      assert.equal(Number(events.n), 34, "one approval event per report");
      const states = await store.db
        .selectFrom("report")
        .select("state")
        .where("period", "=", PERIOD)
        .execute();
      assert.deepEqual(
        states.map((s) => s.state),
        provinces.map(() => "approved"),
      );

      // Every value a reader saw equals the final one of the same key.
      const final = await call(analyst, "GET", READ_URL);
      type Item = { indicator: string; area: string; period: string; value: number | null };
      const key = (o: Item) => `${o.indicator}|${o.area}|${o.period}`;
      const finalValues = new Map((final.json.items as Item[]).map((o) => [key(o), o.value]));
      // The observations route serves published values only, and the reported series is not released
      // before a release exists (issue 8): until then this comparison finds nothing to compare.
      let compared = 0;
      for (const text of seen) {
        for (const o of JSON.parse(text).items as Item[]) {
          if (!finalValues.has(key(o))) continue;
          if (o.area === "VN" || o.area.length > 2) continue; // aggregates grow as provinces arrive
          assert.equal(o.value, finalValues.get(key(o)), `reader saw ${key(o)} = ${o.value}`);
          compared++;
        }
      }
      assert.ok(seen.length > 0);

      // Every answer of the released series is one release's complete set: the previous one (read
      // before the run) or the new one (read after it), never a mix.
      const after = snapshotOf((await call(null, "GET", RELEASED_URL)).json);
      assert.notEqual(before, after, "the new release changed what the public sees");
      assert.ok(JSON.parse(before).length > 0, "the previous release is public at the start");
      assert.ok(
        (JSON.parse(before) as string[]).every((k) => !k.includes(`|${PERIOD}=`)),
        "the previous release holds no value of the new quarter",
      );
      assert.ok(
        (JSON.parse(after) as string[]).some((k) => k.includes(`|${PERIOD}=`)),
        "the new release holds values of the new quarter",
      );
      const mixed = released.filter((r) => r !== before && r !== after);
      assert.equal(mixed.length, 0, `${mixed.length} of ${released.length} answers were neither release`);
      const sawBefore = released.filter((r) => r === before).length;
      const sawAfter = released.length - sawBefore;
      assert.ok(sawBefore > 0 && sawAfter > 0, `read ${sawBefore} before and ${sawAfter} after the release`);
      const report = await checkIntegrity(store);
      assert.ok(report.ok, describeFailures(report));
      process.stderr.write(
        `concurrency on ${backend.name}: ${approvals} approvals, ${conflicts} conflicts (409), ${seen.length} reads, ${compared} values compared, released series read ${sawBefore} times before and ${sawAfter} after the release\n`,
      );
    });
  });
}
