import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { CLI_ACTOR } from "../domain/auth.ts";
import type { Observation } from "../domain/observation.ts";
import { recompute } from "../services/recompute.ts";
import { prepareRelease, scheduleRelease } from "../services/releases.ts";
import { demoBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { upsertObservations } from "../store/observations-repo.ts";
import { buildApp } from "./app.ts";

// Every public read goes through the app's clock (progress and digital-economy as /observations), so
// a test with a clock it controls sees the embargo lift at the release time on these routes too.

const T0 = new Date("2026-11-20T03:00:00Z");
const AT = new Date("2026-12-15T02:00:00Z"); // 09:00 in Vietnam

function annual(element: string, value: number): Observation {
  return {
    series: "reported",
    code: element,
    target: "element",
    geography: "2025",
    area: "79",
    period: "2026",
    value,
    status: "preliminary",
    note: null,
  };
}

for (const backend of await demoBackends()) {
  describe(`public reads under a release embargo on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    let clock = T0;

    const reportedProgress = async () => {
      const res = await app.inject(
        "/api/v1/progress?indicator=SMARTPHONE_ADULTS&area=79&series=reported&geography=2025",
      );
      assert.equal(res.statusCode, 200, res.body);
      return (JSON.parse(res.body).items as { series: string; inputs: unknown }[]).filter(
        (i) => i.series === "reported",
      );
    };

    before(async () => {
      store = await backend.open();
      await upsertObservations(
        store.db,
        [annual("POP_ADULT", 1000), annual("ADULTS_SMARTPHONE", 850)],
        "reviewer@demo.dxmonitor.local",
        "approval",
      );
      await recompute(store, { series: ["reported"] });
      const r = await prepareRelease(store, CLI_ACTOR, { period: "2026-Q4" }, T0);
      await scheduleRelease(store, CLI_ACTOR, r.id, { at: "2026-12-15T09:00+07:00" }, T0);
      app = await buildApp({ store, logLevel: "silent", now: () => clock });
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    it("shows no progress of a released series before the release time", async () => {
      clock = new Date(AT.getTime() - 1000);
      assert.deepEqual(await reportedProgress(), []);
    });

    it("shows the released value's progress from the release time on", async () => {
      clock = AT;
      const items = await reportedProgress();
      assert.ok(items.length > 0, "one item per target");
      for (const i of items) assert.equal((i.inputs as { xc: number }).xc, 85);
    });
  });
}
