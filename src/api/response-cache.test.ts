import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { recompute } from "../services/recompute.ts";
import { referenceBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { buildApp } from "./app.ts";

for (const backend of await referenceBackends()) {
  describe(`the cache of public answers on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, logLevel: "silent" });
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    const nameOf = async (headers: Record<string, string> = {}) => {
      const res = await app.inject({ method: "GET", url: "/api/v1/indicators/DE_SHARE_GDP", headers });
      assert.equal(res.statusCode, 200, res.body);
      return { name: res.json().name_en as string, etag: String(res.headers.etag) };
    };

    it("answers from the cache until the data version changes, then reads afresh", async () => {
      const first = await nameOf();
      await store.db
        .updateTable("indicator")
        .set({ name_en: "Renamed behind the cache" })
        .where("code", "=", "DE_SHARE_GDP")
        .execute();
      const cached = await nameOf();
      assert.equal(cached.name, first.name, "same data version: the cached answer");
      assert.equal(cached.etag, first.etag);
      const revalidated = await app.inject({
        method: "GET",
        url: "/api/v1/indicators/DE_SHARE_GDP",
        headers: { "if-none-match": first.etag },
      });
      assert.equal(revalidated.statusCode, 304, "a cached answer still honours If-None-Match");
      await recompute(store); // a recompute ends: a new data version
      const fresh = await nameOf();
      assert.equal(fresh.name, "Renamed behind the cache");
      assert.notEqual(fresh.etag, first.etag);
    });

    it("never serves a request with credentials from the cache", async () => {
      const res = await app.inject({
        method: "GET",
        url: "/api/v1/indicators",
        headers: { authorization: "Bearer dxm_not_a_token" },
      });
      assert.equal(res.statusCode, 401, "a bearer token is checked, not bypassed by the cache");
    });
  });
}
