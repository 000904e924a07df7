/**
 * The auth plugin and the auth routes over HTTP (inject), in a small app built like app.ts: the
 * same error handler and public caching, plus dummy report routes that ask the permission questions
 * the real ones will ask.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadAreas } from "../catalog/areas.ts";
import { CLI_ACTOR, type Role } from "../domain/auth.ts";
import { createMachineToken, createUser, revokeMachineToken, updateUserAccount } from "../services/auth.ts";
import { assertCan, canReadDrafts, canWriteReport } from "../services/permissions.ts";
import { upsertAreas } from "../store/catalog-repo.ts";
import type { Store } from "../store/db.ts";
import { testBackends } from "../store/testing.ts";
import { registerAuth } from "./auth-plugin.ts";
import { registerPublicCaching } from "./cache.ts";
import { sendProblem, toProblem } from "./problem.ts";
import { type AuthRouteOptions, authRoutes } from "./routes/auth.ts";

const backends = await testBackends({
  name: "auth-areas",
  folders: ["src/catalog"],
  fill: async (s) => upsertAreas(s.db, loadAreas()),
});

async function buildTestApp(
  store: Store,
  options: { secureCookies?: boolean; routes?: AuthRouteOptions; writes?: string[] } = {},
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(reply, toProblem(error, request)));
  await registerAuth(app, store, { secureCookies: options.secureCookies ?? false });
  registerPublicCaching(app);
  const writes = options.writes ?? [];
  await app.register(
    async (api) => {
      await api.register(authRoutes(store, options.routes ?? { loginRateLimit: false }));
      const key = z.strictObject({ geography: z.enum(["2008", "2025"]), area: z.string().max(10) });
      const typed = api.withTypeProvider<ZodTypeProvider>();
      typed.get("/drafts/:geography/:area", { schema: { params: key } }, async (req) => {
        const area = { geography: req.params.geography, code: req.params.area };
        assertCan(
          canReadDrafts(req.principal, area),
          req.principal,
          `read drafts of ${area.geography}:${area.code}`,
        );
        return { draft: `${area.geography}:${area.code}` };
      });
      typed.put(
        "/reports/:geography/:area/values",
        { schema: { params: key, body: z.strictObject({ value: z.number() }) } },
        async (req) => {
          const area = { geography: req.params.geography, code: req.params.area };
          assertCan(
            canWriteReport(req.principal, area),
            req.principal,
            `write the report of ${area.geography}:${area.code}`,
          );
          writes.push(`${area.geography}:${area.code}=${req.body.value}`);
          return { stored: true };
        },
      );
      typed.get("/public", async () => ({ hello: "world" }));
    },
    { prefix: "/api/v1" },
  );
  return app;
}

interface Res {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Record<string, unknown> & { user?: Record<string, unknown>; csrfToken?: string };
}

function cookieOf(res: Res): string | undefined {
  const raw = res.headers["set-cookie"];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return typeof first === "string" ? first : undefined;
}

for (const backend of backends) {
  describe(`auth over HTTP on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    const writes: string[] = [];

    async function call(
      method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
      url: string,
      opts: { body?: unknown; headers?: Record<string, string>; ip?: string; on?: FastifyInstance } = {},
    ): Promise<Res> {
      const res = await (opts.on ?? app).inject({
        method,
        url,
        headers: opts.headers ?? {},
        ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
        ...(opts.ip ? { remoteAddress: opts.ip } : {}),
      });
      return {
        status: res.statusCode,
        headers: res.headers,
        body: res.body ? (JSON.parse(res.body) as Res["body"]) : {},
      };
    }

    let n = 0;
    async function account(role: Role = "reporter", areas = [{ geography: "2025" as const, code: "79" }]) {
      const email = `${role}${++n}@x.vn`;
      const password = "correct horse battery";
      await createUser(store, CLI_ACTOR, { email, role, areas: role === "reporter" ? areas : [], password });
      return { email, password };
    }

    /** Logs in; returns the headers of a browser with that session. */
    async function session(role: Role = "reporter", areas?: { geography: "2025"; code: string }[]) {
      const { email, password } = await account(role, areas);
      const res = await call("POST", "/api/v1/auth/login", { body: { email, password } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const cookie = cookieOf(res)!.split(";")[0]!;
      return { email, password, cookie, csrf: res.body.csrfToken!, userId: res.body.user!.id as number };
    }

    before(async () => {
      store = await backend.open();
      app = await buildTestApp(store, { writes });
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    it("logs in: 200, an HttpOnly SameSite=Lax cookie, the user and the CSRF token", async () => {
      const { email, password } = await account("reporter");
      const res = await call("POST", "/api/v1/auth/login", { body: { email, password } });
      assert.equal(res.status, 200);
      const cookie = cookieOf(res)!;
      assert.match(cookie, /^dxm_session=[A-Za-z0-9_-]{43};/);
      assert.match(cookie, /; HttpOnly/);
      assert.match(cookie, /; SameSite=Lax/);
      assert.match(cookie, /; Path=\//);
      assert.doesNotMatch(cookie, /; Secure/);
      assert.deepEqual(Object.keys(res.body).sort(), ["csrfToken", "user"]);
      assert.deepEqual(res.body.user, {
        id: res.body.user!.id,
        email,
        name: email.split("@")[0],
        role: "reporter",
        areas: [{ geography: "2025", code: "79" }],
      });
      assert.match(res.body.csrfToken!, /^[A-Za-z0-9_-]{43}$/);
    });

    it("marks the cookie Secure when configured", async () => {
      const secureApp = await buildTestApp(store, { secureCookies: true });
      try {
        const { email, password } = await account("analyst");
        const res = await call("POST", "/api/v1/auth/login", { body: { email, password }, on: secureApp });
        assert.match(cookieOf(res)!, /; Secure/);
      } finally {
        await secureApp.close();
      }
    });

    it("answers a wrong password or an unknown email with one 401 that does not say which", async () => {
      const { email } = await account();
      const wrong = await call("POST", "/api/v1/auth/login", { body: { email, password: "wrong password" } });
      const unknown = await call("POST", "/api/v1/auth/login", {
        body: { email: "nobody@x.vn", password: "wrong password" },
      });
      for (const res of [wrong, unknown]) {
        assert.equal(res.status, 401);
        assert.match(String(res.headers["content-type"]), /application\/problem\+json/);
        assert.equal(res.headers["set-cookie"], undefined);
      }
      assert.equal(wrong.body.detail, unknown.body.detail);
      assert.equal(wrong.body.field, undefined);
    });

    it("locks an email after 5 failures: 429 with Retry-After, even with the right password, in every process", async () => {
      const { email, password } = await account();
      for (let i = 0; i < 5; i++) {
        const res = await call("POST", "/api/v1/auth/login", {
          body: { email, password: "wrong password" },
          ip: `192.0.2.${i + 1}`,
        });
        assert.equal(res.status, 401);
      }
      // A second app on the same database stands for a second server process.
      const other = await buildTestApp(store);
      try {
        for (const on of [app, other]) {
          const res = await call("POST", "/api/v1/auth/login", {
            body: { email, password },
            ip: "192.0.2.99",
            on,
          });
          assert.equal(res.status, 429);
          assert.equal(res.body.code, "rate_limited");
          assert.equal(res.body.field, "email");
          const retry = Number(res.headers["retry-after"]);
          assert.ok(retry > 14 * 60 && retry <= 15 * 60, `Retry-After ${retry}`);
          assert.equal(res.headers["set-cookie"], undefined);
        }
      } finally {
        await other.close();
      }
    });

    it("limits login requests per address in memory too", async () => {
      const limited = await buildTestApp(store, {
        routes: { loginRateLimit: { max: 3, timeWindowMs: 60_000 } },
      });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) {
          const res = await call("POST", "/api/v1/auth/login", {
            body: { email: `flood${i}@x.vn`, password: "whatever password" },
            ip: "198.51.100.7",
            on: limited,
          });
          statuses.push(res.status);
        }
        assert.deepEqual(statuses, [401, 401, 401, 429]);
      } finally {
        await limited.close();
      }
    });

    it("GET /auth/me: 401 without a session, the person and the CSRF token with one", async () => {
      const anonymous = await call("GET", "/api/v1/auth/me");
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.body.code, "unauthorized");
      const s = await session("reviewer");
      const me = await call("GET", "/api/v1/auth/me", { headers: { cookie: s.cookie } });
      assert.equal(me.status, 200);
      assert.equal(me.body.user!.email, s.email);
      assert.equal(me.body.user!.role, "reviewer");
      assert.equal(me.body.user!.kind, "user");
      assert.equal(me.body.csrfToken, s.csrf);
    });

    it("keeps private answers out of shared caches", async () => {
      const s = await session("analyst");
      const me = await call("GET", "/api/v1/auth/me", { headers: { cookie: s.cookie } });
      assert.equal(me.headers["cache-control"], "private, no-store");
      assert.equal(me.headers.etag, undefined);
      const pub = await call("GET", "/api/v1/public");
      assert.match(String(pub.headers["cache-control"]), /^public/);
      const pubLoggedIn = await call("GET", "/api/v1/public", { headers: { cookie: s.cookie } });
      assert.equal(pubLoggedIn.headers["cache-control"], "private, no-store");
    });

    it("refuses an unsafe request of a session without the right CSRF token, storing nothing", async () => {
      const s = await session("reporter");
      const before = writes.length;
      const url = "/api/v1/reports/2025/79/values";
      const missing = await call("PUT", url, { body: { value: 1 }, headers: { cookie: s.cookie } });
      assert.equal(missing.status, 403);
      assert.equal(missing.body.code, "forbidden");
      assert.equal(missing.body.field, "x-csrf-token");
      const wrong = await call("PUT", url, {
        body: { value: 2 },
        headers: {
          cookie: s.cookie,
          "x-csrf-token": `${s.csrf.slice(0, -1)}${s.csrf.endsWith("x") ? "y" : "x"}`,
        },
      });
      assert.equal(wrong.status, 403);
      assert.equal(wrong.body.field, "x-csrf-token");
      assert.equal(writes.length, before, "nothing stored");
      const right = await call("PUT", url, {
        body: { value: 3 },
        headers: { cookie: s.cookie, "x-csrf-token": s.csrf },
      });
      assert.equal(right.status, 200);
      assert.deepEqual(writes.slice(before), ["2025:79=3"]);
      // The logout route is unsafe too.
      const logout = await call("POST", "/api/v1/auth/logout", { headers: { cookie: s.cookie } });
      assert.equal(logout.status, 403);
    });

    it("answers 401 after logout to the old cookie, on reads and writes", async () => {
      const s = await session("reporter");
      const headers = { cookie: s.cookie, "x-csrf-token": s.csrf };
      const out = await call("POST", "/api/v1/auth/logout", { headers });
      assert.equal(out.status, 204);
      assert.match(cookieOf(out) ?? "", /^dxm_session=;/);
      assert.equal((await call("GET", "/api/v1/auth/me", { headers })).status, 401);
      const write = await call("PUT", "/api/v1/reports/2025/79/values", { body: { value: 4 }, headers });
      assert.equal(write.status, 401);
      assert.equal(write.body.code, "unauthorized");
    });

    it("logs out everywhere: every session of the person gets 401, another person's goes on", async () => {
      const a = await session("reporter");
      const loginB = await call("POST", "/api/v1/auth/login", {
        body: { email: a.email, password: a.password },
      });
      const b = cookieOf(loginB)!.split(";")[0]!;
      const other = await session("reviewer");
      const noCsrf = await call("POST", "/api/v1/auth/logout-everywhere", { headers: { cookie: a.cookie } });
      assert.equal(noCsrf.status, 403);
      const out = await call("POST", "/api/v1/auth/logout-everywhere", {
        headers: { cookie: a.cookie, "x-csrf-token": a.csrf },
      });
      assert.equal(out.status, 200);
      assert.equal(out.body.sessions_ended, 2);
      assert.match(cookieOf(out) ?? "", /^dxm_session=;/);
      assert.equal((await call("GET", "/api/v1/auth/me", { headers: { cookie: a.cookie } })).status, 401);
      assert.equal((await call("GET", "/api/v1/auth/me", { headers: { cookie: b } })).status, 401);
      assert.equal((await call("GET", "/api/v1/auth/me", { headers: { cookie: other.cookie } })).status, 200);
      const anonymous = await call("POST", "/api/v1/auth/logout-everywhere", {});
      assert.equal(anonymous.status, 401);
    });

    it("changes the password: other sessions get 401, this one goes on, the old password fails", async () => {
      const a = await session("reporter");
      const loginB = await call("POST", "/api/v1/auth/login", {
        body: { email: a.email, password: a.password },
      });
      const b = cookieOf(loginB)!.split(";")[0]!;
      const headers = { cookie: a.cookie, "x-csrf-token": a.csrf };
      const short = await call("POST", "/api/v1/auth/password", {
        headers,
        body: { current: a.password, new: "short" },
      });
      assert.equal(short.status, 400);
      assert.equal(short.body.field, "new");
      const wrong = await call("POST", "/api/v1/auth/password", {
        headers,
        body: { current: "not my password", new: "a brand new password" },
      });
      assert.equal(wrong.status, 403);
      assert.equal(wrong.body.field, "current");
      const res = await call("POST", "/api/v1/auth/password", {
        headers,
        body: { current: a.password, new: "a brand new password" },
      });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { other_sessions_ended: 1 });
      assert.equal((await call("GET", "/api/v1/auth/me", { headers: { cookie: b } })).status, 401);
      assert.equal((await call("GET", "/api/v1/auth/me", { headers: { cookie: a.cookie } })).status, 200);
      const old = await call("POST", "/api/v1/auth/login", {
        body: { email: a.email, password: a.password },
      });
      assert.equal(old.status, 401);
      const fresh = await call("POST", "/api/v1/auth/login", {
        body: { email: a.email, password: "a brand new password" },
      });
      assert.equal(fresh.status, 200);
    });

    it("answers 401 to the session of a user who has been disabled", async () => {
      const s = await session("analyst");
      await updateUserAccount(store, CLI_ACTOR, s.userId, { disabled: true });
      assert.equal((await call("GET", "/api/v1/auth/me", { headers: { cookie: s.cookie } })).status, 401);
    });

    it("enforces role × scope on reads of drafts and on writes, storing nothing refused", async () => {
      const reporter79 = await session("reporter", [{ geography: "2025", code: "79" }]);
      const reviewer = await session("reviewer");
      const analyst = await session("analyst");
      const admin = await session("admin");
      const matrix: [string, { cookie: string; csrf: string } | null, number, number, number, number][] = [
        // who, read 79, read 01, write 79, write 01
        ["anonymous", null, 401, 401, 401, 401],
        ["reporter of 79", reporter79, 200, 403, 200, 403],
        ["reviewer", reviewer, 200, 200, 403, 403],
        ["analyst", analyst, 200, 200, 403, 403],
        ["admin", admin, 200, 200, 200, 200],
      ];
      for (const [who, s, read79, read01, write79, write01] of matrix) {
        const headers: Record<string, string> = s ? { cookie: s.cookie, "x-csrf-token": s.csrf } : {};
        const before = writes.length;
        const got = [
          (await call("GET", "/api/v1/drafts/2025/79", { headers })).status,
          (await call("GET", "/api/v1/drafts/2025/01", { headers })).status,
          (await call("PUT", "/api/v1/reports/2025/79/values", { headers, body: { value: 1 } })).status,
          (await call("PUT", "/api/v1/reports/2025/01/values", { headers, body: { value: 1 } })).status,
        ];
        assert.deepEqual(got, [read79, read01, write79, write01], who);
        const stored = writes.slice(before);
        assert.deepEqual(
          stored,
          [write79 === 200 ? "2025:79=1" : null, write01 === 200 ? "2025:01=1" : null].filter(
            (x) => x !== null,
          ),
          who,
        );
      }
    });

    it("accepts a machine token as Bearer, without CSRF, within its provinces, until revoked", async () => {
      const { token, secret } = await createMachineToken(store, CLI_ACTOR, {
        name: "HCMC push",
        areas: [{ geography: "2025", code: "79" }],
      });
      const headers = { authorization: `Bearer ${secret}` };
      const me = await call("GET", "/api/v1/auth/me", { headers });
      assert.equal(me.status, 200);
      assert.deepEqual(me.body.user, {
        id: token.id,
        email: null,
        name: "HCMC push",
        role: "reporter",
        areas: [{ geography: "2025", code: "79" }],
        kind: "token",
      });
      assert.equal(me.body.csrfToken, null);
      assert.equal(
        (await call("PUT", "/api/v1/reports/2025/79/values", { headers, body: { value: 5 } })).status,
        200,
      );
      assert.equal(
        (await call("PUT", "/api/v1/reports/2025/01/values", { headers, body: { value: 5 } })).status,
        403,
      );
      await revokeMachineToken(store, CLI_ACTOR, token.id);
      const revoked = await call("PUT", "/api/v1/reports/2025/79/values", { headers, body: { value: 6 } });
      assert.equal(revoked.status, 401);
      assert.equal(revoked.body.field, "authorization");
      const malformed = await call("GET", "/api/v1/public", {
        headers: { authorization: "Bearer nonsense" },
      });
      assert.equal(malformed.status, 401);
      const spaced = await call("GET", "/api/v1/public", {
        headers: { authorization: `Bearer ${secret} extra` },
      });
      assert.equal(spaced.status, 401);
      const basic = await call("GET", "/api/v1/public", { headers: { authorization: "Basic dXNlcjpwYXNz" } });
      assert.equal(basic.status, 200, "other schemes (a proxy's) are left alone");
    });

    it("answers bad login and password bodies with 400 naming the field", async () => {
      const s = await session("reporter");
      const cases: [string, unknown, string][] = [
        ["/api/v1/auth/login", { email: "a@x.vn", password: "p", admin: true }, "admin"],
        ["/api/v1/auth/login", { email: 42, password: "p" }, "email"],
        ["/api/v1/auth/login", { email: "a@x.vn" }, "password"],
        ["/api/v1/auth/login", { email: "a@x.vn", password: "x".repeat(100_000) }, "password"],
        ["/api/v1/auth/login", { email: `${"e".repeat(100_000)}@x.vn`, password: "p" }, "email"],
        ["/api/v1/auth/password", { current: "x", new: "y".repeat(100_000) }, "new"],
        ["/api/v1/auth/password", { current: ["x"], new: "long enough new" }, "current"],
      ];
      for (const [url, body, field] of cases) {
        const res = await call("POST", url, { body, headers: { cookie: s.cookie, "x-csrf-token": s.csrf } });
        assert.equal(res.status, 400, `${url} ${JSON.stringify(body).slice(0, 60)}`);
        assert.equal(res.body.field, field, JSON.stringify(res.body).slice(0, 300));
      }
    });
  });
}
