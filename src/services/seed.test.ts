import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { countComputed, queryComputed } from "../store/computed-repo.ts";
import type { Store } from "../store/db.ts";
import { countObservations, listRevisions, upsertObservations } from "../store/observations-repo.ts";
import { prepareDatabase } from "./bootstrap.ts";
import { recompute } from "./recompute.ts";
import { seedDemo, seedReference } from "./seed.ts";
import { referenceBackends, TEST_DEMO } from "./testing.ts";

for (const backend of await referenceBackends()) {
  describe(`seeding and recompute on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
    });
    after(async () => {
      await store?.close();
    });

    it("seeds the reference catalogue idempotently: a second run changes nothing", async () => {
      const again = await seedReference(store);
      assert.equal(again.published.inserted, 0);
      assert.equal(again.published.updated, 0);
      assert.ok(again.published.unchanged > 0);
    });

    it("loads the demo series, and a second seed with the same parameters leaves it as it is", async () => {
      const first = await seedDemo(store, TEST_DEMO);
      assert.equal(first.regenerated, true);
      assert.ok(first.rows > 50_000, `demo rows: ${first.rows}`);
      const second = await seedDemo(store, TEST_DEMO);
      assert.equal(second.regenerated, false);
      assert.equal(await countObservations(store.db, "demo"), first.rows);
    });

    it("recomputes idempotently: the same inputs give the same values", async () => {
      await recompute(store);
      const before = await queryComputed(store.db, { indicator: ["DE_SHARE_GDP"], series: ["demo"] });
      const n = await countComputed(store.db);
      await recompute(store);
      const afterRows = await queryComputed(store.db, { indicator: ["DE_SHARE_GDP"], series: ["demo"] });
      assert.equal(await countComputed(store.db), n);
      assert.deepEqual(afterRows, before);
    });

    it("records a revision for every change of a stored value and none for a repeat", async () => {
      const obs = {
        series: "gso_official",
        code: "DE_SHARE_GDP",
        target: "indicator" as const,
        geography: "2025" as const,
        area: "VN",
        period: "2026",
        value: 14.5,
        status: "preliminary" as const,
        note: "test",
      };
      assert.deepEqual(await upsertObservations(store.db, [obs], "tester"), {
        inserted: 1,
        updated: 0,
        unchanged: 0,
      });
      assert.deepEqual(await upsertObservations(store.db, [obs], "tester"), {
        inserted: 0,
        updated: 0,
        unchanged: 1,
      });
      assert.deepEqual(
        await upsertObservations(store.db, [{ ...obs, value: 14.7 }], "reviser", "corrected"),
        {
          inserted: 0,
          updated: 1,
          unchanged: 0,
        },
      );
      const revs = await listRevisions(store.db, {
        series: "gso_official",
        code: "DE_SHARE_GDP",
        period: "2026",
      });
      assert.deepEqual(
        revs.map((r) => [r.oldValue, r.newValue, r.changedBy]),
        [
          [null, 14.5, "tester"],
          [14.5, 14.7, "reviser"],
        ],
      );
    });

    it("prepares an already prepared database without reseeding", async () => {
      const report = await prepareDatabase(store, { demo: true, demoOptions: TEST_DEMO });
      assert.equal(report.referenceSeeded, false);
      assert.deepEqual(report.migrations, []);
    });
  });
}
