import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { demoBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { buildApp } from "./app.ts";

interface Obs {
  indicator: string;
  geography: string;
  area: string;
  period: string;
  series: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  complete: boolean;
  missing: string[];
  method: string;
}

for (const backend of await demoBackends()) {
  describe(`API on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    const get = async (url: string, headers: Record<string, string> = {}) => {
      const res = await app.inject({ method: "GET", url, headers });
      return {
        status: res.statusCode,
        headers: res.headers,
        body: res.body ? JSON.parse(res.body) : undefined,
      };
    };
    const observations = async (query: string): Promise<Obs[]> => {
      const res = await get(`/api/v1/observations?${query}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.items;
    };

    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, logLevel: "silent" });
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    it("reports health with the database kind", async () => {
      const res = await get("/api/v1/health");
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { status: "ok", database: backend.name });
    });

    it("lists 63 provinces in 2008 and 34 in 2025, with the former codes of merged units", async () => {
      const p2008 = await get("/api/v1/areas?geography=2008&level=province");
      const p2025 = await get("/api/v1/areas?geography=2025&level=province");
      assert.equal(p2008.body.items.length, 63);
      assert.equal(p2025.body.items.length, 34);
      const laoCai = p2025.body.items.find((a: { code: string }) => a.code === "15");
      assert.equal(laoCai.name_vi, "Lào Cai");
      assert.deepEqual(laoCai.members, ["10", "15"]);
      const yenBai = p2008.body.items.find((a: { code: string }) => a.code === "15");
      assert.equal(yenBai.name_vi, "Yên Bái");
      assert.equal(yenBai.members, undefined);
      const nation = await get("/api/v1/areas?level=nation");
      assert.deepEqual(
        nation.body.items.map((a: { geography: string; code: string }) => `${a.geography}:${a.code}`),
        ["2008:VN", "2025:VN"],
      );
    });

    it("answers a bad filter with a 400 problem naming the parameter", async () => {
      const cases: [string, string][] = [
        ["/api/v1/areas?geography=2010", "geography"],
        ["/api/v1/areas?level=district", "level"],
        ["/api/v1/areas?color=red", "color"],
        ["/api/v1/observations?period=2024-Q5", "period"],
        ["/api/v1/observations?indicator=NOT_AN_INDICATOR", "indicator"],
        ["/api/v1/observations?area=99", "area"],
        ["/api/v1/observations?series=nonsense", "series"],
        ["/api/v1/observations?limit=0", "limit"],
        ["/api/v1/targets?indicator=de_share", "indicator"],
      ];
      for (const [url, field] of cases) {
        const res = await get(url);
        assert.equal(res.status, 400, url);
        assert.match(String(res.headers["content-type"]), /application\/problem\+json/, url);
        assert.equal(res.body.field, field, `${url}: ${JSON.stringify(res.body)}`);
        assert.match(res.body.detail, new RegExp(field), url);
      }
    });

    it("answers an unknown indicator with a 404 problem", async () => {
      const res = await get("/api/v1/indicators/NO_SUCH_THING");
      assert.equal(res.status, 404);
      assert.equal(res.body.code, "not_found");
    });

    it("describes an indicator with its formula and Decision 411 targets", async () => {
      const res = await get("/api/v1/indicators/DE_SHARE_GDP");
      assert.equal(res.status, 200);
      assert.equal(res.body.unit, "percent");
      assert.equal(res.body.factor, 100);
      assert.match(res.body.formula, /GRDP/);
      const national = res.body.targets.filter(
        (t: { area: string; geography: string }) => t.area === "VN" && t.geography === "2025",
      );
      assert.deepEqual(
        national
          .filter((t: { source: string }) => /411/.test(t.source))
          .map((t: { year: number; value: number }) => [t.year, t.value]),
        [
          [2025, 20],
          [2030, 30],
        ],
      );
      const all = await get("/api/v1/indicators");
      assert.ok(all.body.items.length >= 30);
    });

    it("keeps the official and the ministry series apart", async () => {
      const items = await observations("indicator=DE_SHARE_GDP&area=VN&period=2022&geography=2008");
      const bySeries = new Map(items.map((o) => [o.series, o]));
      assert.equal(bySeries.get("gso_official")?.value, 12.83);
      assert.equal(bySeries.get("mic_estimate")?.value, 14.26);
      assert.equal(bySeries.get("gso_official")?.method, "direct@1");
      const demo = bySeries.get("demo");
      assert.ok(demo?.method.startsWith("ratio-of-sums"));
      const official = await observations("indicator=DE_SHARE_GDP&area=VN&series=gso_official&period_kind=Y");
      assert.ok(official.every((o) => o.series === "gso_official"));
    });

    it("computes a region's share as the ratio of sums of its provinces", async () => {
      const provinces = (await get("/api/v1/areas?geography=2025&level=province")).body.items.filter(
        (a: { parent: string }) => a.parent === "DBSCL",
      );
      const codes = provinces.map((a: { code: string }) => a.code).join(",");
      const rows = await observations(
        `indicator=ECOM_SHARE_RETAIL&geography=2025&series=demo&period=2024&area=${codes},DBSCL`,
      );
      const region = rows.find((o) => o.area === "DBSCL")!;
      const members = rows.filter((o) => o.area !== "DBSCL");
      assert.equal(members.length, provinces.length);
      const num = members.reduce((s, o) => s + o.numerator!, 0);
      const den = members.reduce((s, o) => s + o.denominator!, 0);
      assert.ok(Math.abs(region.value! - (100 * num) / den) < 1e-9);
      const meanOfShares = members.reduce((s, o) => s + o.value!, 0) / members.length;
      assert.notEqual(Number(region.value!.toFixed(6)), Number(meanOfShares.toFixed(6)));
    });

    it("re-bases 2024 to the 2025 geography: Lào Cai (15) is Lào Cai (10) plus Yên Bái (15)", async () => {
      const old = await observations(
        "indicator=DE_SHARE_GDP&geography=2008&series=demo&period=2024&area=10,15",
      );
      const merged = (
        await observations("indicator=DE_SHARE_GDP&geography=2025&series=demo&period=2024&area=15")
      )[0]!;
      assert.equal(old.length, 2);
      const num = old.reduce((s, o) => s + o.numerator!, 0);
      const den = old.reduce((s, o) => s + o.denominator!, 0);
      assert.ok(Math.abs(merged.numerator! - num) < 1e-6);
      assert.ok(Math.abs(merged.denominator! - den) < 1e-6);
      assert.ok(Math.abs(merged.value! - (100 * num) / den) < 1e-9);
      assert.equal(merged.complete, true);
    });

    it("serves the nation, regions and provinces for quarters and years in both geographies", async () => {
      const q = await observations(
        "indicator=DE_SHARE_GDP&series=demo&area=VN&geography=2025&period=2025-Q3,2025,2024-Q4",
      );
      assert.deepEqual(q.map((o) => o.period).sort(), ["2024-Q4", "2025", "2025-Q3"]);
      const none2008 = await observations("indicator=DE_SHARE_GDP&series=demo&geography=2008&period=2025-Q3");
      assert.equal(none2008.length, 0, "2025 periods are not split back to the 63 provinces");
    });

    it("pages long answers", async () => {
      const first = await get("/api/v1/observations?indicator=DE_SHARE_GDP&series=demo&limit=5");
      assert.equal(first.body.items.length, 5);
      assert.equal(first.body.next_offset, 5);
      const second = await get("/api/v1/observations?indicator=DE_SHARE_GDP&series=demo&limit=5&offset=5");
      assert.notDeepEqual(second.body.items[0], first.body.items[0]);
    });

    it("lets a client revalidate a public read with its ETag", async () => {
      const res = await app.inject({ method: "GET", url: "/api/v1/indicators/DE_SHARE_GDP" });
      const etag = res.headers.etag as string;
      assert.ok(etag);
      assert.match(String(res.headers["cache-control"]), /public/);
      const again = await app.inject({
        method: "GET",
        url: "/api/v1/indicators/DE_SHARE_GDP",
        headers: { "if-none-match": etag },
      });
      assert.equal(again.statusCode, 304);
    });

    it("lists targets with comparator, year, value and legal source", async () => {
      const res = await get("/api/v1/targets?indicator=SMARTPHONE_ADULTS&area=VN&geography=2025");
      assert.equal(res.status, 200);
      const t2025 = res.body.items.find((t: { year: number }) => t.year === 2025);
      assert.equal(t2025.comparator, ">=");
      assert.equal(t2025.value, 80);
      assert.match(t2025.source, /411/);
    });

    it("answers an unknown API route with a problem, not the web page", async () => {
      const res = await get("/api/v1/nothing-here");
      assert.equal(res.status, 404);
      assert.equal(res.body.code, "not_found");
    });

    it("publishes an OpenAPI description of the routes", async () => {
      const res = await get("/api/openapi.json");
      assert.equal(res.status, 200);
      assert.ok(res.body.paths["/api/v1/observations"]);
      assert.ok(res.body.paths["/api/v1/areas"]);
    });
  });
}
