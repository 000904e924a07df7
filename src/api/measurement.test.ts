import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { demoBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { buildApp } from "./app.ts";

interface DeItem {
  area: string;
  period: string;
  method: string;
  intensity: string;
  series: string;
  value_added: number;
  grdp: number;
  share: number;
  components: { core: number; platform: number; sectoral: number };
  sectors: {
    sector: string;
    value_added: number;
    intensity: number;
    digital_value_added: number;
    share_of_sectoral: number;
  }[];
  complete: boolean;
  io_table_is_demo: boolean;
}

const close = (a: number, b: number, rel = 1e-9) =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

for (const backend of await demoBackends()) {
  describe(`digital-economy measurement and progress API on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    const get = async (url: string) => {
      const res = await app.inject({ method: "GET", url });
      return { status: res.statusCode, body: JSON.parse(res.body) };
    };

    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, logLevel: "silent" });
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    it("measures the nation's digital economy under both methods, components adding up to the total", async () => {
      const res = await get("/api/v1/digital-economy?area=VN&period=2024&series=demo");
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const items: DeItem[] = res.body.items;
      assert.deepEqual(items.map((i) => i.method).sort(), ["gso", "mic411"]);
      for (const i of items) {
        const c = i.components;
        assert.ok(close(c.core + c.platform + c.sectoral, i.value_added), `${i.method}: components add up`);
        assert.ok(close(i.share, (100 * i.value_added) / i.grdp));
        assert.equal(i.io_table_is_demo, true);
        const shares = i.sectors.reduce((s, x) => s + x.share_of_sectoral, 0);
        assert.ok(close(shares, 100, 1e-6), `sector shares sum to 100 (${shares})`);
        assert.ok(
          i.sectors.every(
            (s, k) => k === 0 || i.sectors[k - 1]!.digital_value_added >= s.digital_value_added,
          ),
        );
      }
      const gso = items.find((i) => i.method === "gso")!;
      const mic = items.find((i) => i.method === "mic411")!;
      assert.equal(gso.components.platform, 0);
      assert.equal(gso.intensity, "direct");
      assert.equal(mic.intensity, "total");
      assert.ok(mic.share > gso.share, "the ministry's method gives the larger share");
    });

    it("agrees with the stored DE_SHARE_GDP indicator, which is derived the same way (gso, direct)", async () => {
      const de = (
        await get("/api/v1/digital-economy?area=VN,79,DBSCL&period=2024,2025-Q3&series=demo&method=gso")
      ).body.items as DeItem[];
      const obs = (
        await get(
          "/api/v1/observations?indicator=DE_SHARE_GDP&geography=2025&area=VN,79,DBSCL&period=2024,2025-Q3&series=demo",
        )
      ).body.items as { area: string; period: string; value: number }[];
      assert.equal(de.length, 6);
      for (const i of de) {
        const o = obs.find((x) => x.area === i.area && x.period === i.period)!;
        assert.ok(close(i.share, o.value, 1e-9), `${i.area} ${i.period}: ${i.share} vs ${o.value}`);
      }
    });

    it("ranks the 34 provinces by sectoral digitalisation", async () => {
      const res = await get("/api/v1/digital-economy/provinces?period=2024&series=demo");
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const rows = res.body.items as { rank: number; area: string; sectoral_share: number }[];
      assert.equal(rows.length, 34);
      assert.equal(rows[0]!.rank, 1);
      assert.ok(rows.every((r, k) => k === 0 || rows[k - 1]!.sectoral_share >= r.sectoral_share));
    });

    it("lists the demo input–output table", async () => {
      const res = await get("/api/v1/io-tables");
      assert.deepEqual(
        res.body.items.map((t: { year: number; is_demo: boolean; industries: number }) => [
          t.year,
          t.is_demo,
          t.industries,
        ]),
        [[2022, true, 28]],
      );
    });

    it("answers a bad method with a 400 naming the parameter", async () => {
      const res = await get("/api/v1/digital-economy?method=oecd");
      assert.equal(res.status, 400);
      assert.equal(res.body.field, "method");
    });

    it("classifies the official series against the 2025 and 2030 targets, with every input", async () => {
      const res = await get("/api/v1/progress?indicator=DE_SHARE_GDP&area=VN&series=gso_official");
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const byYear = new Map(res.body.items.map((p: { target: { year: number } }) => [p.target.year, p]));
      const p2025 = byYear.get(2025) as {
        class: string;
        growth_actual: number;
        growth_required: number;
        inputs: { x0: number; t0: number; xc: number; tc: number; xstar: number };
        target: { source: string; scope: string };
      };
      // x₀ = 12.66 (2020), x_c = 14.02 (2025): g_act = (14.02/12.66)^(1/5) − 1 = 0.02062;
      // g_req = (20/12.66)^(1/5) − 1 = 0.09575; R = 0.215 → off_track.
      assert.equal(p2025.class, "off_track");
      assert.ok(Math.abs(p2025.growth_actual - 0.02062) < 1e-4);
      assert.ok(Math.abs(p2025.growth_required - 0.09575) < 1e-4);
      assert.deepEqual(
        [p2025.inputs.x0, p2025.inputs.t0, p2025.inputs.xc, p2025.inputs.tc, p2025.inputs.xstar],
        [12.66, 2020, 14.02, 2025, 20],
      );
      assert.match(p2025.target.source, /411/);
      assert.equal(p2025.target.scope, "national");
      assert.ok(byYear.has(2030));
    });

    it("gives the growth the digital economy's value added needs under a GDP growth assumption", async () => {
      const res = await get(
        "/api/v1/progress?indicator=DE_SHARE_GDP&area=VN&series=mic_estimate&gdp_growth=9",
      );
      const p = res.body.items.find((x: { target: { year: number } }) => x.target.year === 2025);
      // x_c = 18.3 (2024) → 20 in 2025: g_now = 20/18.3 − 1 = 0.09290; r = 1.09 × 1.09290 − 1 = 0.19126.
      assert.ok(Math.abs(p.growth_required_from_now - 0.0929) < 1e-4);
      assert.ok(Math.abs(p.numerator_growth_required - 0.19126) < 1e-4);
    });

    it("lets a province's own target override the national one, and names its source", async () => {
      const res = await get("/api/v1/progress?indicator=DE_SHARE_GDP&geography=2008&area=93&series=demo");
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const byYear = new Map(
        res.body.items.map(
          (p: { target: { year: number; value: number; scope: string; source: string } }) => [
            p.target.year,
            p.target,
          ],
        ),
      );
      const own = byYear.get(2025) as { value: number; scope: string; source: string };
      assert.equal(own.scope, "own");
      assert.equal(own.value, 20);
      assert.match(own.source, /Hậu Giang/);
      const national = byYear.get(2030) as { value: number; scope: string };
      assert.equal(national.scope, "national");
      assert.equal(national.value, 30);
    });

    it("answers an unknown indicator in a progress query with a 400 naming it", async () => {
      const res = await get("/api/v1/progress?indicator=NOPE");
      assert.equal(res.status, 400);
      assert.equal(res.body.field, "indicator");
    });
  });
}
