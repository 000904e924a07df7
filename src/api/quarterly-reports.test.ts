import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../config.ts";
import { demoBackends, releaseOneApprovedValue } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { buildApp } from "./app.ts";

const cfg = loadConfig();
const RELEASE_AT = new Date("2026-10-15T02:00:00Z");

for (const backend of await demoBackends()) {
  describe(`the quarterly report over HTTP on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    let clock = new Date(RELEASE_AT.getTime() - 1000);
    let releaseId = 0;

    before(async () => {
      store = await backend.open();
      releaseId = await releaseOneApprovedValue(store, RELEASE_AT);
      app = await buildApp({ store, logLevel: "silent", now: () => clock });
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    it("shows a logged-in reviewer an embargoed preview before the release time, never cacheable", async () => {
      clock = new Date(RELEASE_AT.getTime() - 1000);
      const login = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "reviewer@demo.dxmonitor.local", password: "reviewer-demo-2025" },
      });
      assert.equal(login.statusCode, 200, login.body);
      const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
      for (const url of [
        "/api/v1/quarterly-reports/2026-Q3/report.html",
        `/api/v1/releases/${releaseId}/report.html`,
      ]) {
        const res = await app.inject({ method: "GET", url, headers: { cookie } });
        assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
        assert.equal(res.headers["cache-control"], "private, no-store", url);
        assert.equal(res.headers.etag, undefined, url);
        assert.match(res.body, /CẤM CÔNG BỐ TRƯỚC/, url);
      }
      const versions = await app.inject({
        method: "GET",
        url: "/api/v1/quarterly-reports/2026-Q3/versions",
        headers: { cookie },
      });
      assert.equal(versions.headers["cache-control"], "private, no-store");
      assert.deepEqual(
        JSON.parse(versions.body).items.map((v: { embargoed: boolean; html_sha256: null }) => [
          v.embargoed,
          v.html_sha256,
        ]),
        [[true, null]],
        "a preview is not stored",
      );
      for (const url of [
        "/api/v1/quarterly-reports/2026-Q3/report.html",
        `/api/v1/releases/${releaseId}/report.html`,
        "/api/v1/quarterly-reports/2026-Q3/versions",
      ]) {
        assert.equal((await app.inject({ method: "GET", url })).statusCode, 404, `public ${url}`);
      }
    });

    it("serves the frozen report with its SHA-256 as the ETag, and 304 to a client that has it", async () => {
      clock = new Date(RELEASE_AT.getTime() + 1000);
      const res = await app.inject({ method: "GET", url: "/api/v1/quarterly-reports/2026-Q3/report.html" });
      assert.equal(res.statusCode, 200);
      const sha = createHash("sha256").update(res.rawPayload).digest("hex");
      assert.equal(res.headers["x-content-sha256"], sha);
      assert.equal(res.headers.etag, `"${sha}"`);
      assert.equal(res.headers["x-release-id"], String(releaseId));
      const again = await app.inject({
        method: "GET",
        url: "/api/v1/quarterly-reports/2026-Q3/report.html",
        headers: { "if-none-match": `"${sha}"` },
      });
      assert.equal(again.statusCode, 304);
      clock = new Date(RELEASE_AT.getTime() + 86_400_000);
      const version = await app.inject({ method: "GET", url: `/api/v1/releases/${releaseId}/report.html` });
      assert.equal(version.body, res.body, "a day later, the same bytes");
      assert.match(String(version.headers["cache-control"]), /immutable/);
      const versions = JSON.parse(
        (await app.inject({ method: "GET", url: "/api/v1/quarterly-reports/2026-Q3/versions" })).body,
      ).items;
      assert.equal(versions.length, 1);
      assert.equal(versions[0].html_sha256, sha);
      assert.equal(versions[0].current, true);
      assert.equal(versions[0].html_url, `/api/v1/releases/${releaseId}/report.html`);
    });

    it("answers 404 to the public one second before the release time and the page one second after", async () => {
      clock = new Date(RELEASE_AT.getTime() - 1000);
      const before_ = await app.inject({
        method: "GET",
        url: "/api/v1/quarterly-reports/2026-Q3/report.html",
      });
      assert.equal(before_.statusCode, 404, before_.body);
      assert.equal(JSON.parse(before_.body).field, "release");
      clock = new Date(RELEASE_AT.getTime() + 1000);
      const res = await app.inject({ method: "GET", url: "/api/v1/quarterly-reports/2026-Q3/report.html" });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers["content-type"]), /text\/html/);
      assert.match(res.body, /Báo cáo kinh tế số quý 3\/2026/);
      assert.match(String(res.headers["cache-control"]), /public/);
      const bad = await app.inject({ method: "GET", url: "/api/v1/quarterly-reports/2026-Q9/report.html" });
      assert.equal(bad.statusCode, 400);
      assert.equal(JSON.parse(bad.body).field, "period");
    });

    if (backend.name === "pglite") {
      it("serves the PDF after the release time", {
        skip: !existsSync(cfg.chromiumPath) && !cfg.ci,
      }, async () => {
        clock = new Date(RELEASE_AT.getTime() + 1000);
        const res = await app.inject({ method: "GET", url: "/api/v1/quarterly-reports/2026-Q3/report.pdf" });
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers["content-type"], "application/pdf");
        assert.equal(res.rawPayload.subarray(0, 5).toString(), "%PDF-");
      });
    }
  });
}
