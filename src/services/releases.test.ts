import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { CLI_ACTOR, type Principal } from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";
import type { Observation } from "../domain/observation.ts";
import type { Store } from "../store/db.ts";
import { sql } from "../store/db.ts";
import { upsertObservations } from "../store/observations-repo.ts";
import { getObservations } from "./read.ts";
import { recompute } from "./recompute.ts";
import {
  deleteRelease,
  getRelease,
  listReleases,
  prepareRelease,
  releaseValues,
  scheduleRelease,
} from "./releases.ts";
import { referenceBackends } from "./testing.ts";

const reviewer: Principal = {
  kind: "user",
  id: 1,
  email: "rev@test",
  name: "Rev",
  role: "reviewer",
  areas: [],
};
const reporter: Principal = {
  kind: "user",
  id: 2,
  email: "rep@test",
  name: "Rep",
  role: "reporter",
  areas: [{ geography: "2025", code: "79" }],
};

function code(e: unknown): string {
  return e instanceof DxmError ? `${e.code}:${e.field ?? ""}` : String(e);
}

function obs(area: string, element: string, value: number, period = "2026-Q3"): Observation {
  return {
    series: "reported",
    code: element,
    target: "element",
    geography: "2025",
    area,
    period,
    value,
    status: "preliminary",
    note: null,
  };
}

/** Approved values as the reporting workflow stores them, then the recompute that follows. */
async function approve(store: Store, values: Observation[]): Promise<void> {
  await upsertObservations(store.db, values, "rev@test", "approval");
  await recompute(store, { series: ["reported"] });
}

async function publicShare(store: Store, at: Date, area = "79") {
  const page = await getObservations(store, {
    indicator: ["ECOM_SHARE_RETAIL"],
    series: ["reported"],
    geography: ["2025"],
    area: [area],
    period: ["2026-Q3"],
    at,
    limit: 10,
    offset: 0,
  });
  return page.items.map((o) => o.value);
}

const T0 = new Date("2026-11-20T03:00:00Z");
const AT1 = "2026-12-15T09:00+07:00";
const AT1_UTC = new Date("2026-12-15T02:00:00Z");
const second = 1000;

for (const backend of await referenceBackends()) {
  describe(`releases on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
      await approve(store, [
        obs("79", "RETAIL_SALES", 1000),
        obs("79", "ECOM_REVENUE", 100),
        obs("01", "RETAIL_SALES", 2000),
        obs("01", "ECOM_REVENUE", 300),
        // A value of the next quarter: not part of a 2026-Q3 release.
        obs("79", "RETAIL_SALES", 1100, "2026-Q4"),
      ]);
    });
    after(async () => store?.close());

    it("lets only reviewers, admins and the command line prepare a release", async () => {
      await assert.rejects(
        prepareRelease(store, null, { period: "2026-Q3" }, T0),
        (e) => code(e) === "unauthorized:",
      );
      await assert.rejects(
        prepareRelease(store, reporter, { period: "2026-Q3" }, T0),
        (e) => code(e) === "forbidden:",
      );
      await assert.rejects(
        prepareRelease(store, reviewer, { period: "2026-Q9" }, T0),
        (e) => code(e) === "invalid_period:period",
      );
    });

    let first: number;
    it("gathers the approved values up to the release's period, all new in a first release", async () => {
      const r = await prepareRelease(store, reviewer, { period: "2026-Q3" }, T0);
      first = r.id;
      assert.equal(r.state, "draft");
      assert.equal(r.period, "2026-Q3");
      assert.equal(r.counts.observations, 4, "the 2026-Q4 value is left out");
      assert.equal(r.counts.revised + r.counts.withdrawn, 0);
      assert.ok(r.counts.new >= 4);
      const share = r.changes.find(
        (c) =>
          c.target === "indicator" &&
          c.code === "ECOM_SHARE_RETAIL" &&
          c.area === "79" &&
          c.period === "2026-Q3",
      );
      assert.deepEqual([share?.change, share?.oldValue, share?.newValue], ["new", null, 10]);
      const values = await releaseValues(store, reviewer, first, T0, {
        indicator: ["ECOM_SHARE_RETAIL"],
        area: ["VN"],
      });
      assert.ok(
        values.every((v) => v.period <= "2026-Q3" && v.period !== "2026"),
        "no later period",
      );
    });

    it("refuses a second pending release and keeps a draft out of public reads and lists", async () => {
      await assert.rejects(
        prepareRelease(store, reviewer, { period: "2026-Q3" }, T0),
        (e) => code(e) === "conflict:period",
      );
      assert.deepEqual(await publicShare(store, T0), []);
      assert.deepEqual(await listReleases(store, null, T0), []);
      assert.equal((await listReleases(store, reviewer, T0)).length, 1);
      await assert.rejects(getRelease(store, null, first, T0), (e) => code(e) === "not_found:id");
    });

    it("schedules only in the future, in Vietnam's time when no offset is given", async () => {
      await assert.rejects(
        scheduleRelease(store, reviewer, first, { at: "2026-11-20T09:59+07:00" }, T0),
        (e) => code(e) === "invalid_body:at",
      );
      await assert.rejects(
        scheduleRelease(store, reviewer, first, { at: "soon" }, T0),
        (e) => code(e) === "invalid_body:at",
      );
      const r = await scheduleRelease(store, reviewer, first, { at: "2026-12-15T09:00" }, T0);
      assert.equal(r.state, "scheduled");
      assert.equal(r.releaseAt?.toISOString(), AT1_UTC.toISOString());
      assert.equal(r.releaseAtLocal, "2026-12-15T09:00:00+07:00");
      // Rescheduling before the time is allowed.
      const again = await scheduleRelease(store, reviewer, first, { at: AT1 }, T0);
      assert.equal(again.releaseAt?.toISOString(), AT1_UTC.toISOString());
    });

    it("keeps everything embargoed one second before the release time and shows it at that second", async () => {
      const before1 = new Date(AT1_UTC.getTime() - second);
      assert.deepEqual(await publicShare(store, before1), []);
      assert.deepEqual(await listReleases(store, null, before1), []);
      await assert.rejects(getRelease(store, null, first, before1), (e) => code(e) === "not_found:id");
      assert.deepEqual(await publicShare(store, AT1_UTC), [10]);
      const after1 = new Date(AT1_UTC.getTime() + second);
      assert.deepEqual(await publicShare(store, after1), [10]);
      const listed = await listReleases(store, null, after1);
      assert.deepEqual(
        listed.map((r) => [r.id, r.state]),
        [[first, "published"]],
      );
    });

    it("refuses to change or delete a published release, in the service and in the database", async () => {
      const later = new Date(AT1_UTC.getTime() + second);
      await assert.rejects(
        scheduleRelease(store, reviewer, first, { at: "2027-01-01T09:00+07:00" }, later),
        (e) => code(e) === "conflict:id",
      );
      await assert.rejects(deleteRelease(store, reviewer, first, later), (e) => code(e) === "conflict:id");
      // The database's own clock has not reached AT1: the guard is tested on a release in its past below.
    });

    let second2: number;
    it("hides a value approved after a release until the next one, which lists it as revised old → new with a note", async () => {
      const t1 = new Date(AT1_UTC.getTime() + 60 * second);
      await approve(store, [obs("79", "ECOM_REVENUE", 150)]);
      assert.deepEqual(await publicShare(store, t1), [10], "the release still shows the released value");
      const r = await prepareRelease(store, reviewer, { period: "2026-Q3" }, t1);
      second2 = r.id;
      assert.equal(r.previousId, first);
      const revised = r.changes.filter((c) => c.change === "revised");
      assert.ok(
        revised.some(
          (c) =>
            c.target === "element" && c.code === "ECOM_REVENUE" && c.oldValue === 100 && c.newValue === 150,
        ),
      );
      assert.ok(
        revised.some(
          (c) => c.code === "ECOM_SHARE_RETAIL" && c.area === "79" && c.oldValue === 10 && c.newValue === 15,
        ),
      );
      assert.equal(r.changes.filter((c) => c.change === "new").length, 0);
      await assert.rejects(
        scheduleRelease(store, reviewer, second2, { at: "2027-01-15T09:00+07:00" }, t1),
        (e) => code(e) === "invalid_body:note",
        "a revision needs a note",
      );
      const s = await scheduleRelease(
        store,
        reviewer,
        second2,
        { at: "2027-01-15T09:00+07:00", note: "Hồ Chí Minh City corrected its e-commerce revenue" },
        t1,
      );
      assert.equal(s.note, "Hồ Chí Minh City corrected its e-commerce revenue");
      assert.deepEqual(await publicShare(store, new Date("2027-01-15T01:59:59Z")), [10]);
      assert.deepEqual(await publicShare(store, new Date("2027-01-15T02:00:00Z")), [15]);
    });

    it("lists withdrawn values when an approved value no longer exists", async () => {
      const t2 = new Date("2027-01-16T00:00:00Z");
      await sql`DELETE FROM observation WHERE series = 'reported' AND area_code = '01'`.execute(store.db);
      await recompute(store, { series: ["reported"] });
      const r = await prepareRelease(store, CLI_ACTOR, { period: "2026-Q3" }, t2);
      const withdrawn = r.changes.filter((c) => c.change === "withdrawn");
      assert.ok(
        withdrawn.some(
          (c) =>
            c.target === "element" && c.area === "01" && c.code === "RETAIL_SALES" && c.oldValue === 2000,
        ),
      );
      assert.ok(withdrawn.every((c) => c.newValue === null));
      // A draft can be deleted; the deletion is audited.
      await deleteRelease(store, reviewer, r.id, t2);
      await assert.rejects(getRelease(store, reviewer, r.id, t2), (e) => code(e) === "not_found:id");
      const audit = await store.db
        .selectFrom("audit_log")
        .select("action")
        .where("entity", "=", "release")
        .execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), [
        "release.delete",
        "release.prepare",
        "release.prepare",
        "release.prepare",
        "release.schedule",
        "release.schedule",
        "release.schedule",
      ]);
    });

    it("has the database refuse any change to a release whose time has passed on its own clock", async () => {
      // Prepared and scheduled with a clock in the past, so the database's now() is after it.
      const past = new Date("2020-01-01T00:00:00Z");
      const rows = await sql<{ id: number }>`
        INSERT INTO release (period, state, release_at, prepared_by) VALUES ('2019-Q4', 'scheduled', ${past}, 'test') RETURNING id`.execute(
        store.db,
      );
      const id = rows.rows[0]!.id;
      await assert.rejects(
        sql`UPDATE release SET note = 'changed' WHERE id = ${id}`.execute(store.db),
        /published/,
      );
      await assert.rejects(sql`DELETE FROM release WHERE id = ${id}`.execute(store.db), /published/);
      await assert.rejects(
        sql`INSERT INTO release_observation VALUES (${id}, 'reported', 'GRDP', '2025', '79', '2019-Q4', 1, 'preliminary')`.execute(
          store.db,
        ),
        /published/,
      );
    });
  });
}
