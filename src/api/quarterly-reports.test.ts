import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../config.ts";
import { CLI_ACTOR } from "../domain/auth.ts";
import { recompute } from "../services/recompute.ts";
import { prepareRelease, scheduleRelease } from "../services/releases.ts";
import { demoBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { upsertObservations } from "../store/observations-repo.ts";
import { buildApp } from "./app.ts";

const cfg = loadConfig();
const RELEASE_AT = new Date("2026-10-15T02:00:00Z");

for (const backend of await demoBackends()) {
  describe(`the quarterly report over HTTP on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    let clock = new Date(RELEASE_AT.getTime() - 1000);

    before(async () => {
      store = await backend.open();
      await upsertObservations(
        store.db,
        [
          {
            series: "reported",
            code: "ECOM_REVENUE",
            target: "element",
            geography: "2025",
            area: "79",
            period: "2026-Q3",
            value: 130,
            status: "preliminary",
            note: null,
          },
        ],
        "rev@test",
        "approval",
      );
      await recompute(store, { series: ["reported"] });
      const prepared = new Date("2026-10-10T02:00:00Z");
      const r = await prepareRelease(store, CLI_ACTOR, { period: "2026-Q3" }, prepared);
      await scheduleRelease(store, CLI_ACTOR, r.id, { at: RELEASE_AT }, prepared);
      app = await buildApp({ store, logLevel: "silent", now: () => clock });
    });
    after(async () => {
      await app?.close();
      await store?.close();
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
