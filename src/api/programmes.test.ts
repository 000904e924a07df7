import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { demoBackends } from "../services/testing.ts";
import { listAudit } from "../store/audit-repo.ts";
import type { Store } from "../store/db.ts";
import { buildApp } from "./app.ts";

interface Session {
  cookie: string;
  csrf: string;
}

for (const backend of await demoBackends()) {
  describe(`action programmes over HTTP on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    let reviewer: Session;
    let reporter: Session;
    let clock = new Date("2024-12-31T16:59:59Z"); // 23:59:59 on 31/12/2024 in Vietnam

    const login = async (email: string, password: string): Promise<Session> => {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email, password },
      });
      assert.equal(res.statusCode, 200, res.body);
      return {
        cookie: String(res.headers["set-cookie"]).split(";")[0]!,
        csrf: JSON.parse(res.body).csrfToken,
      };
    };
    const call = (
      s: Session | null,
      method: "GET" | "POST" | "PATCH",
      url: string,
      payload?: unknown,
      csrf = true,
    ) =>
      app.inject({
        method,
        url,
        ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
        headers: {
          ...(s ? { cookie: s.cookie } : {}),
          ...(s && csrf && method !== "GET" ? { "x-csrf-token": s.csrf } : {}),
        },
      });
    const list = async (query = "") =>
      JSON.parse((await call(null, "GET", `/api/v1/programmes${query}`)).body).items;

    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, logLevel: "silent", now: () => clock });
      reviewer = await login("reviewer@demo.dxmonitor.local", "reviewer-demo-2025");
      reporter = await login("reporter-79@demo.dxmonitor.local", "demo-79-2025");
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    it("lists the 10 forum programmes publicly as { items }, with leads, status and indicators' progress classes", async () => {
      const res = await call(null, "GET", "/api/v1/programmes");
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers["cache-control"]), /public/);
      const items = JSON.parse(res.body).items;
      assert.equal(items.length, 10);
      const first = items[0];
      assert.equal(first.key, "forum-2023-01");
      assert.deepEqual(first.leads[0], {
        vi: "Bộ Thông tin và Truyền thông",
        en: "Ministry of Information and Communications",
      });
      assert.equal(first.deadline, "2024-12-31");
      assert.deepEqual(
        first.indicators.map((i: { code: string }) => i.code),
        ["SMARTPHONE_ADULTS", "FIBRE_HOUSEHOLDS"],
      );
      assert.ok(first.indicators.every((i: { class: string | null }) => "class" in i));
      const de = items.find((p: { key: string }) => p.key === "forum-2023-08");
      assert.ok(de.indicators[0].class, "DE_SHARE_GDP has a progress class");
      assert.ok(["green", "amber", "red"].includes(de.derived_status.rag));
    });

    it("shows programmes late one second after their deadline ends in Vietnam, and not one second before", async () => {
      clock = new Date("2024-12-31T16:59:59Z");
      const before_ = (await list()).find((p: { key: string }) => p.key === "forum-2023-01");
      assert.notEqual(before_.status, "late");
      clock = new Date("2024-12-31T17:00:00Z");
      const items = await list();
      const late = items.find((p: { key: string }) => p.key === "forum-2023-01");
      assert.equal(late.status, "late");
      assert.equal(late.status_source, "deadline");
      assert.equal(late.overdue, true);
      // 2 (2024-12-31), 8 (2023-12-31) and 9 (2024-06-30) are late too; those without a deadline never.
      assert.deepEqual(
        items.filter((p: { status: string }) => p.status === "late").map((p: { key: string }) => p.key),
        ["forum-2023-01", "forum-2023-02", "forum-2023-08", "forum-2023-09"],
      );
      assert.deepEqual(
        (await list("?status=late")).map((p: { key: string }) => p.key),
        ["forum-2023-01", "forum-2023-02", "forum-2023-08", "forum-2023-09"],
      );
    });

    it("filters by owner", async () => {
      const gso = await list(`?lead=${encodeURIComponent("General Statistics Office")}`);
      assert.deepEqual(
        gso.map((p: { key: string }) => p.key),
        ["forum-2023-08"],
      );
      const leads = JSON.parse((await call(null, "GET", "/api/v1/programmes/leads")).body).items;
      assert.ok(leads.some((l: { en: string }) => l.en === "General Statistics Office"));
    });

    it("lets a reviewer add a provincial programme, set a status with a reason and post an update, all audited", async () => {
      const created = await call(reviewer, "POST", "/api/v1/programmes", {
        title_vi: "Kế hoạch kinh tế số Hậu Giang",
        title_en: "Hau Giang digital economy plan",
        lead_vi: "UBND thành phố Cần Thơ",
        lead_en: "Can Tho People's Committee",
        geography: "2025",
        area: "92",
        start: "2024-01-01",
        deadline: "2025-12-31",
        progress: 10,
        evidence: [{ url: "https://haugiang.gov.vn/ke-hoach", label: "Kế hoạch số 1" }],
        indicators: ["DE_SHARE_GDP"],
      });
      assert.equal(created.statusCode, 201, created.body);
      const p = JSON.parse(created.body);
      assert.equal(created.headers.location, `/api/v1/programmes/${p.id}`);
      assert.equal(p.scope.area, "92");
      assert.equal(p.indicators[0].code, "DE_SHARE_GDP");

      const patched = await call(reviewer, "PATCH", `/api/v1/programmes/${p.id}`, {
        status: "at_risk",
        status_reason: "Thiếu kinh phí",
        progress: 25,
        version: p.version,
      });
      assert.equal(patched.statusCode, 200, patched.body);
      const after_ = JSON.parse(patched.body);
      assert.equal(after_.status, "at_risk");
      assert.equal(after_.reviewer_status.reason, "Thiếu kinh phí");
      assert.equal(after_.reviewer_status.by, "Demo reviewer", "the public sees the name, not the email");
      assert.ok("derived_status" in after_, "the derived status is shown beside the reviewer's");

      const stale = await call(reviewer, "PATCH", `/api/v1/programmes/${p.id}`, {
        progress: 30,
        version: p.version,
      });
      assert.equal(stale.statusCode, 409);

      const upd = await call(reviewer, "POST", `/api/v1/programmes/${p.id}/updates`, {
        text: "Đã khởi công",
      });
      assert.equal(upd.statusCode, 201, upd.body);
      const one = JSON.parse((await call(null, "GET", `/api/v1/programmes/${p.id}`)).body);
      assert.deepEqual(
        one.updates.map((u: { text: string }) => u.text),
        ["Đã khởi công"],
      );
      assert.equal(one.progress, 25);
      const audit = await listAudit(store.db, { entity: "programme", entityKey: String(p.id) }, 10);
      assert.deepEqual(
        audit.map((a) => [a.action, a.actor]),
        [
          ["programme.add_update", "reviewer@demo.dxmonitor.local"],
          ["programme.status", "reviewer@demo.dxmonitor.local"],
          ["programme.create", "reviewer@demo.dxmonitor.local"],
        ],
      );
    });

    it("refuses writes without a session (401), without CSRF (403) and from a reporter (403)", async () => {
      const id = (await list())[0].id;
      const body = { text: "x" };
      assert.equal((await call(null, "POST", `/api/v1/programmes/${id}/updates`, body)).statusCode, 401);
      const noCsrf = await call(reviewer, "POST", `/api/v1/programmes/${id}/updates`, body, false);
      assert.equal(noCsrf.statusCode, 403);
      assert.equal(JSON.parse(noCsrf.body).field, "x-csrf-token");
      assert.equal((await call(reporter, "POST", `/api/v1/programmes/${id}/updates`, body)).statusCode, 403);
      assert.equal(
        (await call(reporter, "PATCH", `/api/v1/programmes/${id}`, { progress: 5 })).statusCode,
        403,
      );
      assert.equal(
        (await call(reporter, "POST", "/api/v1/programmes", { title_vi: "a", title_en: "a", lead_vi: "b" }))
          .statusCode,
        403,
      );
      const one = JSON.parse((await call(null, "GET", `/api/v1/programmes/${id}`)).body);
      assert.equal(one.updates.length, 0, "nothing was stored");
    });

    it("answers bad input with a 400 naming the field, and an unknown programme with a 404", async () => {
      const id = (await list())[0].id;
      const base = { title_vi: "T", title_en: "T", lead_vi: "L" };
      const cases: [string, "POST" | "PATCH", unknown, string][] = [
        ["/api/v1/programmes", "POST", { ...base, evidence: [{ url: "javascript:alert(1)" }] }, "evidence"],
        ["/api/v1/programmes", "POST", { ...base, evidence: [{ url: "ftp://x.vn/a" }] }, "evidence"],
        ["/api/v1/programmes", "POST", { ...base, evidence: [{ url: "https://" }] }, "evidence.0.url"],
        ["/api/v1/programmes", "POST", { ...base, deadline: "31/12/2025" }, "deadline"],
        ["/api/v1/programmes", "POST", { ...base, progress: 101 }, "progress"],
        ["/api/v1/programmes", "POST", { ...base, title_vi: "" }, "title_vi"],
        ["/api/v1/programmes", "POST", { ...base, indicators: ["NOT_AN_INDICATOR"] }, "indicators.0"],
        ["/api/v1/programmes", "POST", { ...base, area: "99" }, "area"],
        ["/api/v1/programmes", "POST", { ...base, extra: 1 }, "extra"],
        [`/api/v1/programmes/${id}`, "PATCH", { status: "done" }, "status_reason"],
        [`/api/v1/programmes/${id}`, "PATCH", { status: "finished", status_reason: "x" }, "status"],
        [`/api/v1/programmes/${id}`, "PATCH", { progress: -1 }, "progress"],
      ];
      for (const [url, method, body, field] of cases) {
        const res = await call(reviewer, method, url, body);
        assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.statusCode} ${res.body}`);
        const problem = JSON.parse(res.body);
        assert.equal(problem.field, field, `${JSON.stringify(body)}: ${res.body}`);
        assert.ok(problem.detail_vi, "a Vietnamese detail");
      }
      assert.equal((await call(null, "GET", "/api/v1/programmes/999999")).statusCode, 404);
      assert.equal((await call(null, "GET", "/api/v1/programmes/abc")).statusCode, 400);
      assert.equal((await call(null, "GET", "/api/v1/programmes?status=finished")).statusCode, 400);
    });
  });
}
