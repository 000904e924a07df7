import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { QUESTIONS } from "../catalog/assessment-questionnaire.ts";
import { demoBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { buildApp } from "./app.ts";

const answers = (v: number) => Object.fromEntries(QUESTIONS.map((q) => [q.code, v]));

for (const backend of await demoBackends()) {
  describe(`self-assessment over HTTP on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    let slowApp: FastifyInstance;
    before(async () => {
      store = await backend.open();
      app = await buildApp({
        store,
        logLevel: "warn",
        assessments: { minFillMs: 0, submitRateLimit: { max: 8, timeWindowMs: 60_000 } },
      });
      slowApp = await buildApp({
        store,
        logLevel: "warn",
        assessments: { minFillMs: 60_000, submitRateLimit: false },
      });
    });
    after(async () => {
      await app?.close();
      await slowApp?.close();
      await store?.close();
    });

    const formToken = async (a = app) =>
      JSON.parse((await a.inject({ url: "/api/v1/assessments/questionnaire" })).body).form_token as string;
    const body = async (over: Record<string, unknown> = {}) => ({
      taxCode: "0312345678",
      name: "Công ty Cổ phần Ví Dụ",
      province: { geography: "2025", code: "79" },
      sector: "G",
      size: "small",
      answers: answers(4),
      platforms: ["EINVOICE", "ECONTRACT", "CASHLESS"],
      formToken: await formToken(),
      ...over,
    });

    it("serves the questionnaire with 30 questions, the six levels with their thresholds and a form token", async () => {
      const res = await app.inject({ url: "/api/v1/assessments/questionnaire" });
      assert.equal(res.statusCode, 200);
      const q = JSON.parse(res.body);
      assert.equal(q.questions.length, 30);
      assert.equal(q.levels[5].name_vi, "Dẫn dắt");
      assert.deepEqual(
        q.levels.map((l: { min_score: number }) => l.min_score),
        [0, 10, 30, 50, 70, 85],
      );
      assert.match(q.thresholds_note_en, /not published/);
      assert.match(q.form_token, /^\d+\.[\w-]+$/);
    });

    it("stores a submission, answers 201 with a result and a token, and reads the result back only with that token", async () => {
      const res = await app.inject({ method: "POST", url: "/api/v1/assessments", payload: await body() });
      assert.equal(res.statusCode, 201, res.body);
      const out = JSON.parse(res.body);
      assert.equal(out.result.overall, 80);
      assert.equal(out.result.level, 4);
      assert.equal(out.result.level_name_vi, "Nâng cao");
      assert.ok(out.result.peers.count >= 1);
      const read = await app.inject({
        url: "/api/v1/assessments/result",
        headers: { "x-assessment-token": out.token },
      });
      assert.equal(read.statusCode, 200);
      assert.equal(JSON.parse(read.body).tax_code, "0312345678");
      const wrong = await app.inject({
        url: "/api/v1/assessments/result",
        headers: { "x-assessment-token": "not-the-token-at-all" },
      });
      assert.equal(wrong.statusCode, 404);
      const none = await app.inject({ url: "/api/v1/assessments/result" });
      assert.equal(none.statusCode, 400);

      const dup = await app.inject({ method: "POST", url: "/api/v1/assessments", payload: await body() });
      assert.equal(dup.statusCode, 200);
      assert.equal(JSON.parse(dup.body).duplicate, true);
      assert.equal(JSON.parse(dup.body).result.id, out.result.id);
    });

    it("answers a 400 listing every bad field by name, in Vietnamese and English, and stores nothing", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/assessments",
        payload: await body({
          taxCode: "031234567X",
          name: " ",
          province: { geography: "2030", code: "" },
          sector: "",
          size: "tiny",
          answers: { ...answers(2), OPE3: 6 },
          platforms: ["PAGER"],
          website: "http://spam.example",
          formToken: "123.forged",
        }),
      });
      assert.equal(res.statusCode, 400);
      assert.match(String(res.headers["content-type"]), /application\/problem\+json/);
      const p = JSON.parse(res.body);
      assert.equal(p.code, "invalid_body");
      assert.deepEqual(
        p.errors.map((e: { field: string }) => e.field),
        [
          "website",
          "formToken",
          "taxCode",
          "name",
          "province.geography",
          "province.code",
          "sector",
          "size",
          "answers.OPE3",
          "platforms[0]",
        ],
      );
      for (const e of p.errors) assert.ok(e.message_vi && e.message_vi !== e.message, e.field);
      assert.match(p.detail_vi, /taxCode/);
    });

    it("refuses a submission sent sooner than the minimum fill time after the form was fetched", async () => {
      const res = await slowApp.inject({
        method: "POST",
        url: "/api/v1/assessments",
        payload: await body({ taxCode: "0399999999", formToken: await formToken(slowApp) }),
      });
      assert.equal(res.statusCode, 400);
      const p = JSON.parse(res.body);
      assert.deepEqual(
        p.errors.map((e: { field: string }) => e.field),
        ["formToken"],
      );
      assert.match(p.errors[0].message, /too soon/);
    });

    it("gives statistics by area, sector and size with the caveat and the demo count", async () => {
      const res = await app.inject({ url: "/api/v1/assessments/stats?geography=2025&area=VN" });
      assert.equal(res.statusCode, 200);
      const s = JSON.parse(res.body);
      assert.ok(s.count > 1000, `count ${s.count}`);
      assert.ok(s.demo_count > 0 && s.demo_count <= s.count);
      assert.equal(
        s.levels.reduce((a: number, l: { count: number }) => a + l.count, 0),
        s.count,
      );
      assert.match(s.caveat_en, /not representative/);
      assert.ok(s.trend.length >= 2);
      const region = JSON.parse(
        (await app.inject({ url: "/api/v1/assessments/stats?area=DNB&sector=G&size=small" })).body,
      );
      assert.ok(region.count > 0 && region.count < s.count);
      assert.ok(region.provinces.every((p: { code: string }) => ["79", "75", "80"].includes(p.code)));
      const bad = await app.inject({ url: "/api/v1/assessments/stats?size=huge" });
      assert.equal(bad.statusCode, 400);
      assert.equal(JSON.parse(bad.body).field, "size");
      const unknown = await app.inject({ url: "/api/v1/assessments/stats?area=ZZ" });
      assert.equal(unknown.statusCode, 400);
      assert.equal(JSON.parse(unknown.body).field, "area");
    });

    it("gives 2008-geography statistics for the firms placed in a 2008 province and names those it cannot place", async () => {
      const res = await app.inject({ url: "/api/v1/assessments/stats?geography=2008&area=74" });
      assert.equal(res.statusCode, 200);
      const s = JSON.parse(res.body);
      assert.equal(s.geography, "2008");
      assert.equal(s.coverage.complete, false);
      assert.deepEqual(s.coverage.merged, ["74"]);
      assert.ok(s.coverage.unplaced_by_2025.every((u: { code: string }) => u.code === "79"));
      assert.match(s.coverage.note_en, /never shared out by a guess/);
      const nation = JSON.parse((await app.inject({ url: "/api/v1/assessments/stats?geography=2008" })).body);
      assert.equal(
        nation.count,
        JSON.parse((await app.inject({ url: "/api/v1/assessments/stats" })).body).count,
      );
      const inBoth = await app.inject({ url: "/api/v1/assessments/stats?geography=2008&area=12" });
      assert.equal(JSON.parse(inBoth.body).coverage.complete, true);
    });

    it("limits submissions per address", async () => {
      let limited = false;
      for (let i = 0; i < 10 && !limited; i++) {
        const res = await app.inject({
          method: "POST",
          url: "/api/v1/assessments",
          payload: { formToken: "x" },
        });
        if (res.statusCode === 429) limited = true;
        else assert.equal(res.statusCode, 400);
      }
      assert.ok(limited, "the 9th request within the window is refused");
    });
  });
}
