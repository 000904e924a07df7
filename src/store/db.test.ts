import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import type { Store } from "./db.ts";
import { getMeta, setMeta } from "./meta-repo.ts";
import { testBackends } from "./testing.ts";

for (const backend of await testBackends()) {
  describe(`store on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
    });
    after(async () => {
      await store?.close();
    });

    it("keeps a write made outside a transaction that another caller rolls back", async () => {
      await setMeta(store.db, "outside", "0");
      let releaseTrx!: () => void;
      const trxOpen = new Promise<void>((r) => {
        releaseTrx = r;
      });
      let inTrx!: () => void;
      const started = new Promise<void>((r) => {
        inTrx = r;
      });
      const rolledBack = store.db
        .transaction()
        .execute(async (trx) => {
          await setMeta(trx, "inside", "lost");
          inTrx();
          await trxOpen;
          throw new Error("roll back");
        })
        .catch((e: Error) => e.message);
      await started;
      // Issued while the transaction is open: must not run inside it.
      const outside = setMeta(store.db, "outside", "kept");
      releaseTrx();
      assert.equal(await rolledBack, "roll back");
      await outside;
      assert.equal(await getMeta(store.db, "outside"), "kept");
      assert.equal(await getMeta(store.db, "inside"), undefined);
    });

    it("returns int8 and numeric values as numbers", async () => {
      const row = await sql<{
        n: number;
        d: number;
      }>`select 12345678901::int8 as n, 1.5::numeric as d`.execute(store.db);
      assert.deepEqual(row.rows[0], { n: 12345678901, d: 1.5 });
    });

    it("replaces rows by COPY in one transaction and quotes text safely", async () => {
      const n = await store.replaceRows({
        table: "meta",
        columns: ["key", "value"],
        rows: [
          ["copy:a", 'a "quoted", comma'],
          ["copy:b", "line\nbreak"],
        ],
        deleteWhere: {},
      });
      assert.equal(n, 2);
      assert.equal(await getMeta(store.db, "copy:a"), 'a "quoted", comma');
      assert.equal(await getMeta(store.db, "copy:b"), "line\nbreak");
    });

    it("rolls back the delete when the COPY fails", async () => {
      await setMeta(store.db, "keep", "me");
      await assert.rejects(
        store.replaceRows({
          table: "meta",
          columns: ["key", "value"],
          rows: [
            ["dup", "1"],
            ["dup", "2"],
          ],
          deleteWhere: {},
        }),
      );
      assert.equal(await getMeta(store.db, "keep"), "me");
    });
  });
}
