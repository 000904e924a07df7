import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { CLI_ACTOR, type Principal } from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";
import type { Store } from "../store/db.ts";
import { testBackends } from "../store/testing.ts";
import { auditCsv, getAudit, recordAudit } from "./audit.ts";

const reviewer: Principal = { kind: "user", id: 2, email: "r@x.vn", name: "R", role: "reviewer", areas: [] };

async function collect(lines: AsyncIterable<string>): Promise<string> {
  let s = "";
  for await (const l of lines) s += l;
  return s;
}

for (const backend of await testBackends()) {
  describe(`audit log on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
    });
    after(async () => {
      await store?.close();
    });

    it("records who did what to which entity, before and after, with secrets redacted at any depth", async () => {
      await recordAudit(store.db, {
        actor: "lan@hcm.gov.vn",
        action: "update",
        entity: "redaction-test",
        entityKey: "1",
        before: { name: "A", password: "hunter2-hunter2" },
        after: { name: "B", nested: [{ token: "dxm_secret", csrf_token: "c", kept: 1 }], when: new Date(0) },
      });
      const [row] = (await getAudit(store, CLI_ACTOR, { entity: "redaction-test" })).items;
      assert.equal(row?.actor, "lan@hcm.gov.vn");
      assert.deepEqual(row?.before, { name: "A", password: "[redacted]" });
      assert.deepEqual(row?.after, {
        name: "B",
        nested: [{ token: "[redacted]", csrf_token: "[redacted]", kept: 1 }],
        when: "1970-01-01T00:00:00.000Z",
      });
      assert.ok(row!.at instanceof Date);
    });

    it("records inside the writer's transaction, so a rolled-back write leaves no trace", async () => {
      await assert.rejects(
        store.db.transaction().execute(async (trx) => {
          await recordAudit(trx, { actor: "x", action: "create", entity: "rollback-test", entityKey: "1" });
          throw new Error("the write failed");
        }),
      );
      assert.equal((await getAudit(store, CLI_ACTOR, { entity: "rollback-test" })).items.length, 0);
    });

    it("filters by entity, actor and time, newest first, in pages", async () => {
      for (let i = 0; i < 5; i++) {
        await recordAudit(store.db, {
          actor: i % 2 ? "a@x.vn" : "b@x.vn",
          action: "create",
          entity: "paging-test",
          entityKey: String(i),
          after: { i },
        });
      }
      const all = await getAudit(store, CLI_ACTOR, { entity: "paging-test" });
      assert.deepEqual(
        all.items.map((r) => r.entityKey),
        ["4", "3", "2", "1", "0"],
      );
      const byActor = await getAudit(store, CLI_ACTOR, { entity: "paging-test", actor: "a@x.vn" });
      assert.deepEqual(
        byActor.items.map((r) => r.entityKey),
        ["3", "1"],
      );
      const p1 = await getAudit(store, CLI_ACTOR, { entity: "paging-test", limit: 2 });
      assert.equal(p1.nextOffset, 2);
      const p3 = await getAudit(store, CLI_ACTOR, { entity: "paging-test", limit: 2, offset: 4 });
      assert.deepEqual(
        p3.items.map((r) => r.entityKey),
        ["0"],
      );
      assert.equal(p3.nextOffset, null);
      const future = await getAudit(store, CLI_ACTOR, {
        entity: "paging-test",
        since: new Date(Date.now() + 3_600_000),
      });
      assert.equal(future.items.length, 0);
    });

    it("exports CSV with formula cells neutralised", async () => {
      await recordAudit(store.db, {
        actor: '=HYPERLINK("http://evil","x")',
        action: "create",
        entity: "csv-test",
        entityKey: "+1-2",
        after: { name: "@SUM(A1:A9)" },
      });
      const csv = await collect(auditCsv(store, CLI_ACTOR, { entity: "csv-test" }));
      const [header, line] = csv.trimEnd().split("\n");
      assert.equal(header, "id,at,actor,action,entity,entity_key,before,after");
      assert.match(
        line!,
        /,"'=HYPERLINK\(""http:\/\/evil"",""x""\)",create,csv-test,'\+1-2,,"\{""name"":""@SUM\(A1:A9\)""\}"$/,
      );
    });

    it("is for admins only", async () => {
      await assert.rejects(
        getAudit(store, reviewer, {}),
        (e: unknown) => e instanceof DxmError && e.status === 403,
      );
      await assert.rejects(
        getAudit(store, null, {}),
        (e: unknown) => e instanceof DxmError && e.status === 401,
      );
      await assert.rejects(
        collect(auditCsv(store, reviewer, {})),
        (e: unknown) => e instanceof DxmError && e.status === 403,
      );
    });
  });
}
