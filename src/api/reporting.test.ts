import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { demoBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { buildApp } from "./app.ts";

interface Session {
  cookie: string;
  csrf: string;
}

function multipart(file: Buffer, name = "report.xlsx"): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----dxmtest7d1f";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
      "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n",
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file, tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

for (const backend of await demoBackends()) {
  describe(`reporting over HTTP on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    let period: string;
    let reporter: Session;
    let reviewer: Session;

    const login = async (email: string, password: string): Promise<Session> => {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email, password },
      });
      assert.equal(res.statusCode, 200, res.body);
      const cookie = String(res.headers["set-cookie"]).split(";")[0]!;
      return { cookie, csrf: JSON.parse(res.body).csrfToken };
    };
    const call = (
      s: Session | null,
      method: "GET" | "PUT" | "POST",
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

    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, logLevel: "silent" });
      reporter = await login("reporter-79@demo.dxmonitor.local", "demo-79-2025");
      reviewer = await login("reviewer@demo.dxmonitor.local", "reviewer-demo-2025");
      const periods = JSON.parse(
        (await app.inject({ method: "GET", url: "/api/v1/reporting/periods" })).body,
      ).items;
      period = periods[0].period;
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    it("shows a reporter the form of their province with the previous quarter beside each field", async () => {
      const res = await call(reporter, "GET", `/api/v1/reports/2025/79/${period}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = JSON.parse(res.body);
      assert.equal(body.state, "not_started");
      assert.ok(body.sections.length >= 3);
      const grdp = body.sections
        .flatMap((s: { elements: { code: string; previous: number | null }[] }) => s.elements)
        .find((e: { code: string }) => e.code === "GRDP");
      assert.ok(grdp.previous > 0, "previous quarter shown");
      assert.equal(body.previous_series, "demo");
      assert.match(String(res.headers["cache-control"]), /no-store/);
    });

    it("gives the Q4 form the annual elements, marked annual, with last year's value as previous", async () => {
      const open = JSON.parse((await app.inject({ method: "GET", url: "/api/v1/reporting/periods" })).body)
        .items as { period: string }[];
      if (!open.some((p) => p.period === "2026-Q4")) {
        const res = await call(reviewer, "POST", "/api/v1/reporting/periods", {
          period: "2026-Q4",
          deadline: "2027-01-31",
        });
        assert.equal(res.statusCode, 200, res.body);
      }
      const res = await call(reporter, "GET", "/api/v1/reports/2025/79/2026-Q4");
      assert.equal(res.statusCode, 200, res.body);
      const elements = JSON.parse(res.body).sections.flatMap(
        (s: { elements: { code: string; frequency: string; previous: number | null }[] }) => s.elements,
      ) as { code: string; frequency: string; previous: number | null }[];
      const pop = elements.find((e) => e.code === "POP_TOTAL");
      assert.equal(pop?.frequency, "annual");
      assert.ok((pop?.previous ?? 0) > 1_000_000, "the 2025 population of the demo series");
      assert.equal(elements.find((e) => e.code === "GRDP")?.frequency, "quarterly");
      const q3 = JSON.parse((await call(reporter, "GET", "/api/v1/reports/2025/79/2026-Q3")).body);
      if (q3.sections) {
        const codes = q3.sections.flatMap((s: { elements: { code: string }[] }) =>
          s.elements.map((e) => e.code),
        );
        assert.equal(codes.includes("POP_TOTAL"), false, "not in Q3");
      }
    });

    it("refuses without a session (401), without the CSRF token (403), and another province (403)", async () => {
      assert.equal((await call(null, "GET", `/api/v1/reports/2025/79/${period}`)).statusCode, 401);
      const noCsrf = await call(
        reporter,
        "PUT",
        `/api/v1/reports/2025/79/${period}/values`,
        { values: { GRDP: 1 } },
        false,
      );
      assert.equal(noCsrf.statusCode, 403);
      assert.equal(JSON.parse(noCsrf.body).field, "x-csrf-token");
      assert.equal((await call(reporter, "GET", `/api/v1/reports/2025/01/${period}`)).statusCode, 403);
      const other = await call(reporter, "PUT", `/api/v1/reports/2025/01/${period}/values`, {
        values: { GRDP: 1 },
      });
      assert.equal(other.statusCode, 403);
      const list = JSON.parse((await call(reviewer, "GET", `/api/v1/reports?area=01`)).body);
      assert.deepEqual(list.items, [], "nothing was stored for 01");
    });

    it("rejects bad bodies with a 400 naming the field", async () => {
      const url = `/api/v1/reports/2025/79/${period}/values`;
      const cases: [unknown, RegExp][] = [
        [{ values: { GRDP: "12" } }, /values/],
        [{ values: {}, extra: 1 }, /extra/],
        [{ values: { GRDP: 1 }, comments: { GRDP: "x".repeat(100_000) } }, /comments/],
        [{ values: { NOT_AN_ELEMENT: 1 } }, /values\.NOT_AN_ELEMENT/],
        [{ values: { GRDP: 1e300 } }, /values\.GRDP/],
        [{ values: { GRDP: -5 } }, /values\.GRDP/],
      ];
      for (const [body, field] of cases) {
        const res = await call(reporter, "PUT", url, body);
        assert.ok(
          res.statusCode === 400 || res.statusCode === 422,
          `${JSON.stringify(body).slice(0, 60)}: ${res.statusCode}`,
        );
        assert.match(JSON.parse(res.body).field ?? "", field);
      }
    });

    it("stores text with formula characters as text", async () => {
      const res = await call(reporter, "PUT", `/api/v1/reports/2025/79/${period}/values`, {
        values: { GRDP: 1_000_000 },
        comments: { GRDP: '=HYPERLINK("x"); DROP TABLE report;--' },
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = JSON.parse(res.body);
      const grdp = body.sections
        .flatMap((s: { elements: { code: string; comment: string }[] }) => s.elements)
        .find((e: { code: string }) => e.code === "GRDP");
      assert.equal(grdp.comment, '=HYPERLINK("x"); DROP TABLE report;--');
    });

    it("round-trips the Excel template: download, upload for a preview that stores nothing, then confirm", async () => {
      const tpl = await call(reporter, "GET", `/api/v1/reports/2025/79/${period}/template.xlsx`);
      assert.equal(tpl.statusCode, 200);
      assert.match(String(tpl.headers["content-type"]), /spreadsheetml/);
      assert.doesNotMatch(
        String(tpl.headers["cache-control"] ?? ""),
        /public/,
        "a province's pre-filled template is not for shared caches",
      );
      const file = tpl.rawPayload;
      const { payload, headers } = multipart(file);
      const preview = await app.inject({
        method: "POST",
        url: `/api/v1/reports/2025/79/${period}/upload`,
        payload,
        headers: { ...headers, cookie: reporter.cookie, "x-csrf-token": reporter.csrf },
      });
      assert.equal(preview.statusCode, 200, preview.body);
      const p = JSON.parse(preview.body);
      assert.equal(p.stored, false);
      assert.deepEqual(p.problems, []);
      assert.equal(p.values.GRDP, 1_000_000, "the draft value comes back from the pre-filled template");
      const confirm = await app.inject({
        method: "POST",
        url: `/api/v1/reports/2025/79/${period}/upload?confirm=true`,
        payload,
        headers: { ...headers, cookie: reporter.cookie, "x-csrf-token": reporter.csrf },
      });
      assert.equal(confirm.statusCode, 200, confirm.body);
      assert.equal(JSON.parse(confirm.body).stored, true);
      // The same file again changes nothing: no new event, same version.
      const before = JSON.parse(confirm.body).report;
      const again = await app.inject({
        method: "POST",
        url: `/api/v1/reports/2025/79/${period}/upload?confirm=true`,
        payload,
        headers: { ...headers, cookie: reporter.cookie, "x-csrf-token": reporter.csrf },
      });
      const after = JSON.parse(again.body).report;
      assert.equal(after.version, before.version);
      assert.equal(after.events.length, before.events.length);
    });

    it("answers a file that is not XLSX with its problem listed, and refuses to store it", async () => {
      const { payload, headers } = multipart(Buffer.from("this is not a spreadsheet"), "x.xlsx");
      const h = { ...headers, cookie: reporter.cookie, "x-csrf-token": reporter.csrf };
      const preview = await app.inject({
        method: "POST",
        url: `/api/v1/reports/2025/79/${period}/upload`,
        payload,
        headers: h,
      });
      assert.equal(preview.statusCode, 200);
      assert.equal(JSON.parse(preview.body).problems[0].code, "not_xlsx");
      const confirm = await app.inject({
        method: "POST",
        url: `/api/v1/reports/2025/79/${period}/upload?confirm=true`,
        payload,
        headers: h,
      });
      assert.equal(confirm.statusCode, 422);
    });

    it("does not let a reviewer approve a report that was not submitted (409)", async () => {
      const res = await call(reviewer, "POST", `/api/v1/reports/2025/79/${period}/approve`, {});
      assert.equal(res.statusCode, 409);
    });

    it("shows the completeness board to a reviewer, not to a reporter", async () => {
      const res = await call(reviewer, "GET", `/api/v1/reporting/completeness?period=${period}`);
      assert.equal(res.statusCode, 200);
      const rows = JSON.parse(res.body).items;
      assert.equal(rows.length, 34);
      assert.equal(rows.find((r: { area: string }) => r.area === "79").state, "draft");
      assert.equal(
        (await call(reporter, "GET", `/api/v1/reporting/completeness?period=${period}`)).statusCode,
        403,
      );
    });
  });
}
