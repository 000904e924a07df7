import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
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

    it("sends gzip to a client that takes it, with its own ETag, and plain JSON to one that does not", async () => {
      const url = "/api/v1/areas";
      const zipped = [];
      for (const pass of ["first answer (stored)", "from the cache"]) {
        const res = await app.inject({
          method: "GET",
          url,
          headers: { "accept-encoding": "br, gzip, deflate" },
        });
        assert.equal(res.statusCode, 200, pass);
        assert.equal(res.headers["content-encoding"], "gzip", pass);
        assert.equal(res.headers.vary, "Accept-Encoding", pass);
        assert.equal(Number(res.headers["content-length"]), res.rawPayload.length, pass);
        zipped.push(res);
      }
      const plain = await app.inject({ method: "GET", url });
      assert.equal(plain.statusCode, 200);
      assert.equal(plain.headers["content-encoding"], undefined);
      assert.equal(plain.headers.vary, "Accept-Encoding");
      for (const res of zipped) {
        assert.ok(res.rawPayload.length * 4 < plain.rawPayload.length, "compressed well");
        assert.deepEqual(JSON.parse(gunzipSync(res.rawPayload).toString("utf8")), plain.json());
        assert.equal(res.headers.etag, `${String(plain.headers.etag).slice(0, -1)}-gzip"`);
      }
      const again = await app.inject({
        method: "GET",
        url,
        headers: { "accept-encoding": "gzip", "if-none-match": String(zipped[0]!.headers.etag) },
      });
      assert.equal(again.statusCode, 304, "the gzip ETag revalidates");
      const refused = await app.inject({
        method: "GET",
        url,
        headers: { "accept-encoding": "gzip;q=0, identity" },
      });
      assert.equal(refused.headers["content-encoding"], undefined, "q=0 means no gzip");
      assert.deepEqual(refused.json(), plain.json());
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
