/**
 * The index API on the demo database (PGlite and PostgreSQL): the exact contract of the scores,
 * province, explain and frameworks routes, the published 2022 ranking through /observations, and
 * 400/404 problems naming the parameter.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { demoBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { buildApp } from "./app.ts";

interface Item {
  area: string;
  score: number;
  rank: number;
  rank_median: number;
  rank_p05: number;
  rank_p95: number;
  pillars: Record<string, number>;
}

const DTI_922_PILLARS = [
  "AWARENESS",
  "INSTITUTIONS",
  "INFRASTRUCTURE",
  "HUMAN_RESOURCES",
  "CYBERSECURITY",
  "SMART_CITY",
  "DIGITAL_GOVERNMENT",
  "DIGITAL_ECONOMY",
  "DIGITAL_SOCIETY",
];

for (const backend of await demoBackends()) {
  describe(`index API on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    const get = async (url: string) => {
      const res = await app.inject({ method: "GET", url });
      return {
        status: res.statusCode,
        type: String(res.headers["content-type"]),
        body: JSON.parse(res.body),
      };
    };

    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, logLevel: "silent" });
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    it("lists both framework versions with their pillars and the years computed", async () => {
      const res = await get("/api/v1/index");
      assert.equal(res.status, 200);
      const ids = res.body.items.map((f: { id: string }) => f.id);
      assert.deepEqual(ids, ["dti-922", "dti-405"]);
      const f922 = res.body.items[0];
      assert.equal(f922.version, "922/QĐ-BTTTT");
      assert.deepEqual(
        f922.pillars.map((p: { code: string }) => p.code),
        DTI_922_PILLARS,
      );
      const demo2008 = f922.computed.find(
        (c: { series: string; geography: string; basis: string }) =>
          c.series === "demo" && c.geography === "2008" && c.basis === "indicators",
      );
      assert.deepEqual(demo2008.years, [2020, 2021, 2022, 2023, 2024]);
      assert.equal(res.body.items[1].pillars.length, 8);
    });

    it("answers the scores contract for 63 provinces with ranks, bands and pillar scores, saying how they were produced", async () => {
      const res = await get("/api/v1/index/dti-922/scores?year=2022&geography=2008");
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const b = res.body;
      assert.equal(b.framework, "dti-922");
      assert.equal(b.version, "922/QĐ-BTTTT");
      assert.equal(b.series, "demo");
      assert.equal(b.series_is_demo, true);
      assert.equal(b.basis, "indicators");
      assert.equal(b.normalisation.method, "mixed");
      assert.equal(b.normalisation.goalposts_year, 2022);
      assert.equal(b.normalisation.indicators.DE_SHARE_GDP.method, "minmax");
      assert.equal(b.aggregation, "arithmetic");
      assert.equal(b.monte_carlo.draws, 1000);
      const items: Item[] = b.items;
      assert.equal(items.length, 63);
      for (const i of items) {
        assert.deepEqual(Object.keys(i.pillars).sort(), [...DTI_922_PILLARS].sort());
        assert.ok(i.rank_p05 <= i.rank_median && i.rank_median <= i.rank_p95, JSON.stringify(i));
        // The score is the weighted sum of the pillar scores (arithmetic aggregation).
        const sum = Object.entries(i.pillars).reduce((s, [p, v]) => s + b.weights[p] * v, 0);
        assert.ok(Math.abs(sum - i.score) < 1e-9, i.area);
      }
      assert.deepEqual(
        items.map((i) => i.rank),
        [...items.map((i) => i.rank)].sort((x, y) => x - y),
      );
      assert.equal(items[0]!.rank, 1);
      // Goalposts from the base year: the scores of 2022 span 0–1 by construction of min–max.
      assert.ok(items.every((i) => i.score > -0.5 && i.score < 1.5));
    });

    it("defaults to the 2025 geography and its latest year, and offers the mean of former provinces", async () => {
      const rebased = await get("/api/v1/index/dti-922/scores");
      assert.equal(rebased.status, 200);
      assert.equal(rebased.body.geography, "2025");
      assert.equal(rebased.body.year, 2025);
      assert.equal(rebased.body.items.length, 34);
      const mean = await get("/api/v1/index/dti-922/scores?geography=2025&year=2024&basis=mean_of_former");
      assert.equal(mean.status, 200);
      assert.equal(mean.body.basis, "mean_of_former");
      assert.match(mean.body.basis_description, /mean of the former provinces/);
      assert.equal(mean.body.items.length, 34);
      const old = await get("/api/v1/index/dti-922/scores?geography=2008&year=2024");
      const score = new Map(old.body.items.map((i: Item) => [i.area, i.score]));
      const hcm = mean.body.items.find((i: Item) => i.area === "79");
      const expected = ["74", "77", "79"].map((c) => score.get(c) as number).reduce((a, x) => a + x, 0) / 3;
      assert.ok(Math.abs(hcm.score - expected) < 1e-12);
    });

    it("shows a province with its pillar profile against the best and the median, and its history", async () => {
      const res = await get("/api/v1/index/dti-922/provinces/48?geography=2008&year=2022");
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const b = res.body;
      assert.equal(b.area, "48");
      assert.equal(b.name_vi, "Đà Nẵng");
      assert.equal(b.ranked, 63);
      assert.equal(b.profile.length, 9);
      for (const p of b.profile) assert.ok(p.best >= p.score && p.best >= p.median, p.pillar);
      assert.deepEqual(
        b.history.map((h: { year: number }) => h.year),
        [2020, 2021, 2022, 2023, 2024],
      );
    });

    it("explains a change as pillar contributions that add up to it", async () => {
      const res = await get("/api/v1/index/dti-922/explain?geography=2025&area=79&from=2022&to=2024");
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const b = res.body;
      assert.deepEqual([b.area, b.from, b.to], ["79", 2022, 2024]);
      const sum = Object.values(b.contributions as Record<string, number>).reduce((a, x) => a + x, 0);
      assert.ok(Math.abs(sum - b.change) < 1e-12);
      assert.ok(Math.abs(b.change - (b.score_to - b.score_from)) < 1e-12);
      assert.equal(b.contributions.SMART_CITY, 0);
      const merged = await get(
        "/api/v1/index/dti-922/explain?geography=2025&area=79&from=2022&to=2024&basis=mean_of_former",
      );
      assert.equal(merged.status, 200);
      const msum = Object.values(merged.body.contributions as Record<string, number>).reduce(
        (a, x) => a + x,
        0,
      );
      assert.ok(Math.abs(msum - merged.body.change) < 1e-12);
    });

    it("reads the published 2022 ranking through /observations as series dti_published", async () => {
      const ranks = await get("/api/v1/observations?series=dti_published&indicator=DTI_RANK&period=2022");
      assert.equal(ranks.status, 200);
      assert.equal(ranks.body.items.length, 63);
      const scores = await get("/api/v1/observations?series=dti_published&indicator=DTI_SCORE");
      assert.equal(scores.body.items.length, 6);
      assert.equal(scores.body.items.find((o: { area: string }) => o.area === "48").value, 0.8002);
    });

    it("sets the published ranking beside the computed one with Spearman's rho", async () => {
      const res = await get("/api/v1/index/dti-922/published?year=2022");
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.n, 63);
      assert.equal(res.body.published_series, "dti_published");
      assert.equal(res.body.computed_series_is_demo, true);
      assert.ok(res.body.spearman > -1 && res.body.spearman < 1);
      assert.deepEqual(res.body.items[0].area, "48");
      assert.equal(res.body.items[0].published_rank, 1);
    });

    it("answers 404 problems naming the framework, the year and the province", async () => {
      const f = await get("/api/v1/index/dti-999/scores");
      assert.equal(f.status, 404);
      assert.match(f.type, /application\/problem\+json/);
      assert.equal(f.body.field, "framework");
      assert.ok(f.body.detail_vi);
      const y = await get("/api/v1/index/dti-922/scores?year=2019&geography=2008");
      assert.equal(y.status, 404);
      assert.equal(y.body.field, "year");
      const p = await get("/api/v1/index/dti-922/provinces/99?geography=2008");
      assert.equal(p.status, 404);
      assert.equal(p.body.field, "code");
      const e = await get("/api/v1/index/dti-922/explain?geography=2008&area=79&from=2018&to=2022");
      assert.equal(e.status, 404);
      assert.equal(e.body.field, "from");
    });

    it("answers 400 problems naming the parameter", async () => {
      for (const [url, field] of [
        ["/api/v1/index/dti-922/scores?geography=2030", "geography"],
        ["/api/v1/index/dti-922/scores?year=abc", "year"],
        ["/api/v1/index/dti-922/scores?basis=median", "basis"],
        ["/api/v1/index/dti-922/scores?geography=2008&basis=mean_of_former", "basis"],
        ["/api/v1/index/dti-922/explain?area=79&from=2022", "to"],
        ["/api/v1/index/dti-922/scores?colour=red", "colour"],
      ] as const) {
        const res = await get(url);
        assert.equal(res.status, 400, url);
        assert.equal(res.body.field, field, `${url}: ${JSON.stringify(res.body)}`);
      }
    });
  });
}
