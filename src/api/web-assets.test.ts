import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { referenceBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { buildApp } from "./app.ts";

// A built web app in miniature: the page and one hashed asset with the .br and .gz the build writes.
const script = `console.log(${JSON.stringify("Chuyển đổi số ".repeat(200))});\n`;
const dir = mkdtempSync(join(tmpdir(), "dxm-web-"));
mkdirSync(join(dir, "assets"));
writeFileSync(
  join(dir, "index.html"),
  '<!doctype html><div id="root"></div><script src="/assets/app-x1.js"></script>',
);
writeFileSync(join(dir, "assets", "app-x1.js"), script);
writeFileSync(join(dir, "assets", "app-x1.js.br"), brotliCompressSync(script));
writeFileSync(join(dir, "assets", "app-x1.js.gz"), gzipSync(script));

const [backend] = await referenceBackends();
describe("the web app's files", () => {
  let store: Store;
  let app: FastifyInstance;
  before(async () => {
    store = await backend!.open();
    app = await buildApp({ store, logLevel: "silent", webDir: dir });
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const asset = (acceptEncoding?: string) =>
    app.inject({
      method: "GET",
      url: "/assets/app-x1.js",
      headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
    });

  it("go out precompressed with brotli to a browser that takes it, else gzip, else as they are", async () => {
    const br = await asset("gzip, deflate, br");
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers["content-encoding"], "br");
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), script);
    assert.ok(br.rawPayload.length * 10 < Buffer.byteLength(script), "much smaller");
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.match(String(br.headers["cache-control"]), /immutable/, "hashed names: cached for good");

    const gz = await asset("gzip");
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.equal(gunzipSync(gz.rawPayload).toString(), script);

    const plain = await asset();
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.equal(plain.body, script);
    assert.match(String(plain.headers["cache-control"]), /max-age=31536000, immutable/);
  });

  it("answers a page route with the app's HTML", async () => {
    const res = await app.inject({
      method: "GET",
      url: "/indicators/DE_SHARE_GDP",
      headers: { "accept-encoding": "br" },
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<div id="root">/);
    assert.equal(res.headers["cache-control"], "no-cache", "the page is revalidated, so a new build shows");
    const home = await app.inject({ method: "GET", url: "/" });
    assert.match(home.body, /<div id="root">/);
  });

  it("answers a missing script with a plain 404, and serves a file added after the start", async () => {
    const missing = await app.inject({ method: "GET", url: "/assets/app-gone.js" });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /Not found: \/assets\/app-gone\.js/);
    // A rebuilt web app (new hashed names) is served by the running server.
    writeFileSync(join(dir, "assets", "app-x2.js"), "export {};\n");
    const added = await app.inject({ method: "GET", url: "/assets/app-x2.js" });
    assert.equal(added.statusCode, 200);
    assert.equal(added.body, "export {};\n");
  });
});
