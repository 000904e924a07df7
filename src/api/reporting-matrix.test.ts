import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { demoBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { buildApp } from "./app.ts";

type Who = "own" | "other" | "reviewer" | "analyst" | "anonymous";
const WHO: Who[] = ["own", "other", "reviewer", "analyst", "anonymous"];
const CREDENTIALS: Record<Exclude<Who, "anonymous">, [string, string]> = {
  own: ["reporter-01@demo.dxmonitor.local", "demo-01-2025"],
  other: ["reporter-79@demo.dxmonitor.local", "demo-79-2025"],
  reviewer: ["reviewer@demo.dxmonitor.local", "reviewer-demo-2025"],
  analyst: ["analyst@demo.dxmonitor.local", "analyst-demo-2025"],
};

/**
 * Route × caller → expected status, for the report of Hà Nội (2025:01). "ok" means any 2xx;
 * 409/422 are the state and validation answers a caller who is allowed gets.
 */
const MATRIX: {
  route: string;
  method: "GET" | "PUT" | "POST";
  body?: unknown;
  expect: Record<Who, number | "ok" | "state">;
}[] = [
  {
    route: "",
    method: "GET",
    expect: { own: "ok", other: 403, reviewer: "ok", analyst: "ok", anonymous: 401 },
  },
  {
    route: "/template.xlsx",
    method: "GET",
    expect: { own: "ok", other: 403, reviewer: "ok", analyst: "ok", anonymous: 401 },
  },
  {
    route: "/values",
    method: "PUT",
    body: { values: { GRDP: 123 } },
    expect: { own: "ok", other: 403, reviewer: 403, analyst: 403, anonymous: 401 },
  },
  {
    route: "/upload",
    method: "POST",
    expect: { own: "ok", other: 403, reviewer: 403, analyst: 403, anonymous: 401 },
  },
  {
    route: "/submit",
    method: "POST",
    body: {},
    expect: { own: "state", other: 403, reviewer: 403, analyst: 403, anonymous: 401 },
  },
  {
    route: "/approve",
    method: "POST",
    body: {},
    expect: { own: 403, other: 403, reviewer: "state", analyst: 403, anonymous: 401 },
  },
  {
    route: "/return",
    method: "POST",
    body: { comment: "no" },
    expect: { own: 403, other: 403, reviewer: "state", analyst: 403, anonymous: 401 },
  },
  {
    route: "/reopen",
    method: "POST",
    body: {},
    expect: { own: 403, other: 403, reviewer: "state", analyst: 403, anonymous: 401 },
  },
];

for (const backend of await demoBackends()) {
  describe(`who may do what with a report, over HTTP, on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    let base: string;
    const sessions = new Map<Who, { cookie: string; csrf: string }>();

    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, logLevel: "silent" });
      for (const who of WHO) {
        if (who === "anonymous") continue;
        const [email, password] = CREDENTIALS[who];
        const res = await app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { email, password },
        });
        assert.equal(res.statusCode, 200, res.body);
        sessions.set(who, {
          cookie: String(res.headers["set-cookie"]).split(";")[0]!,
          csrf: JSON.parse(res.body).csrfToken,
        });
      }
      const period = JSON.parse((await app.inject({ method: "GET", url: "/api/v1/reporting/periods" })).body)
        .items[0].period;
      base = `/api/v1/reports/2025/01/${period}`;
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    for (const row of MATRIX) {
      for (const who of WHO) {
        const expected = row.expect[who];
        it(`${row.method} …${row.route || "/"} by ${who} → ${expected}`, async () => {
          const s = sessions.get(who);
          const headers: Record<string, string> = s ? { cookie: s.cookie, "x-csrf-token": s.csrf } : {};
          let payload: string | Buffer | undefined;
          if (row.route === "/upload") {
            const boundary = "----m";
            payload = Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nnot xlsx\r\n--${boundary}--\r\n`,
            );
            headers["content-type"] = `multipart/form-data; boundary=${boundary}`;
          } else if (row.body !== undefined) {
            payload = JSON.stringify(row.body);
            headers["content-type"] = "application/json";
          }
          const res = await app.inject({
            method: row.method,
            url: `${base}${row.route}`,
            headers,
            ...(payload ? { payload } : {}),
          });
          if (expected === "ok")
            assert.ok(
              res.statusCode >= 200 && res.statusCode < 300,
              `${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          else if (expected === "state")
            assert.ok([409, 422].includes(res.statusCode), `${res.statusCode} ${res.body.slice(0, 200)}`);
          else assert.equal(res.statusCode, expected, res.body.slice(0, 200));
        });
      }
    }

    it("stored nothing from the refused requests: only the province's own reporter wrote", async () => {
      const res = await app.inject({
        method: "GET",
        url: base,
        headers: { cookie: sessions.get("reviewer")!.cookie },
      });
      const events = JSON.parse(res.body).events as { actor: string }[];
      assert.ok(events.length > 0);
      assert.ok(
        events.every((e) => e.actor === CREDENTIALS.own[0]),
        JSON.stringify(events),
      );
    });
  });
}
