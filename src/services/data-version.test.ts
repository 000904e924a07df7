import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { CLI_ACTOR } from "../domain/auth.ts";
import type { Store } from "../store/db.ts";
import { setMeta } from "../store/meta-repo.ts";
import { upsertObservations } from "../store/observations-repo.ts";
import { memoizedPublicDataVersion, publicDataVersion } from "./data-version.ts";
import { recompute } from "./recompute.ts";
import { prepareRelease, scheduleRelease } from "./releases.ts";
import { referenceBackends } from "./testing.ts";

const T0 = new Date("2026-11-20T03:00:00Z");
const AT = new Date("2026-12-15T02:00:00Z");

for (const backend of await referenceBackends()) {
  describe(`the remembered public data version on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
    });
    after(async () => store?.close());

    it("sees at once a data version this process writes", async () => {
      const version = memoizedPublicDataVersion(store, 60_000);
      const first = await version(T0);
      await setMeta(store.db, "recomputed_at", "2026-11-20T03:00:01Z");
      const second = await version(T0);
      assert.notEqual(second, first);
      assert.equal(second, await publicDataVersion(store, T0));
    });

    it("sees a change written by another process only when the memo expires", async () => {
      const version = memoizedPublicDataVersion(store, 200);
      const first = await version(T0);
      // Another process's write: straight to the table, not through this process's repository.
      await store.db
        .updateTable("meta")
        .set({ value: "elsewhere" })
        .where("key", "=", "recomputed_at")
        .execute();
      assert.equal(await version(T0), first, "within the memo's lifetime");
      await new Promise((r) => setTimeout(r, 250));
      // After it the memo is read again in the background; callers keep the old one meanwhile.
      let seen = await version(T0);
      for (let i = 0; i < 100 && seen === first; i++) {
        await new Promise((r) => setTimeout(r, 10));
        seen = await version(T0);
      }
      assert.notEqual(seen, first, "after it, within a moment");
      assert.equal(seen, await publicDataVersion(store, T0));
    });

    it("does not serve a memo older than twice its lifetime: the first caller after a quiet spell reads afresh", async () => {
      const version = memoizedPublicDataVersion(store, 100);
      const first = await version(T0);
      await store.db.updateTable("meta").set({ value: "quiet" }).where("key", "=", "recomputed_at").execute();
      await new Promise((r) => setTimeout(r, 250));
      const after = await version(T0);
      assert.notEqual(after, first);
      assert.equal(after, await publicDataVersion(store, T0));
    });

    it("reads once for many callers who find the memo out of date at the same moment", async () => {
      const version = memoizedPublicDataVersion(store, 60_000);
      await version(T0);
      await setMeta(store.db, "recomputed_at", "2026-11-20T03:00:02Z"); // this process's write
      const reads = version.reads();
      const answers = await Promise.all(Array.from({ length: 200 }, () => version(T0)));
      assert.equal(version.reads() - reads, 1, "one read of the database for the 200");
      assert.equal(new Set(answers).size, 1, "every caller gets the same, fresh version");
      assert.equal(answers[0], await publicDataVersion(store, T0));
    });

    it("changes exactly at a scheduled release's time, and back when the clock goes back", async () => {
      await upsertObservations(
        store.db,
        [
          {
            series: "reported",
            code: "RETAIL_SALES",
            target: "element",
            geography: "2025",
            area: "79",
            period: "2026-Q3",
            value: 1000,
            status: "preliminary",
            note: null,
          },
        ],
        "rev@test",
        "approval",
      );
      await recompute(store, { series: ["reported"] });
      const version = memoizedPublicDataVersion(store, 60_000);
      const r = await prepareRelease(store, CLI_ACTOR, { period: "2026-Q3" }, T0);
      await scheduleRelease(store, CLI_ACTOR, r.id, { at: "2026-12-15T09:00+07:00" }, T0);
      const before = await version(new Date(AT.getTime() - 1));
      assert.equal(before, await version(new Date(AT.getTime() - 1)));
      const at = await version(AT);
      assert.notEqual(at, before, "the release is in force from its time on");
      assert.equal(at, await publicDataVersion(store, AT));
      assert.equal(await version(new Date(AT.getTime() - 1)), before, "a clock set back reads afresh");
    });
  });
}
