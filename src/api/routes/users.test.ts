/**
 * Users, tokens and audit routes over HTTP (inject), in a small app built like app.ts with the auth
 * plugin, as the lead wires them.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { loadAreas } from "../../catalog/areas.ts";
import { CLI_ACTOR, type Role } from "../../domain/auth.ts";
import { createUser } from "../../services/auth.ts";
import { upsertAreas } from "../../store/catalog-repo.ts";
import type { Store } from "../../store/db.ts";
import { testBackends } from "../../store/testing.ts";
import { registerAuth } from "../auth-plugin.ts";
import { registerPublicCaching } from "../cache.ts";
import { sendProblem, toProblem } from "../problem.ts";
import { authRoutes } from "./auth.ts";
import { userRoutes } from "./users.ts";

const backends = await testBackends({
  name: "auth-areas",
  folders: ["src/catalog"],
  fill: async (s) => upsertAreas(s.db, loadAreas()),
});

async function buildTestApp(store: Store): Promise<FastifyInstance> {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(reply, toProblem(error, request)));
  await registerAuth(app, store, { secureCookies: false });
  registerPublicCaching(app);
  await app.register(
    async (api) => {
      await api.register(authRoutes(store, { loginRateLimit: false }));
      await api.register(userRoutes(store));
    },
    { prefix: "/api/v1" },
  );
  return app;
}

interface UserJson {
  id: number;
  email: string;
  name: string;
  role: string;
  areas: { geography: string; code: string }[];
  disabled: boolean;
  kind?: string;
}
interface TokenJson {
  id: number;
  prefix: string;
  created_by: string;
  areas: { geography: string; code: string }[];
}
interface AuditJson {
  at: string;
  actor: string;
  action: string;
  entity_key: string;
  after: Record<string, unknown> | null;
}
type Item = UserJson & TokenJson & AuditJson;
interface Body {
  user: UserJson;
  token: TokenJson;
  items: Item[];
  password?: string;
  secret: string;
  csrfToken: string;
  next_offset: number | null;
  code?: string;
  field?: string;
}

interface Res {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
  /** The JSON body, read field by field (an empty object when not JSON). */
  body: Body;
}

for (const backend of backends) {
  describe(`users, tokens and audit API on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    let admin: Record<string, string>;
    let adminEmail: string;

    async function call(
      method: "GET" | "POST" | "PATCH" | "DELETE",
      url: string,
      opts: { body?: unknown; headers?: Record<string, string> } = {},
    ): Promise<Res> {
      const res = await app.inject({
        method,
        url,
        headers: opts.headers ?? {},
        ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
      });
      const text = res.body;
      const json = (/json/.test(String(res.headers["content-type"])) && text ? JSON.parse(text) : {}) as Body;
      return { status: res.statusCode, headers: res.headers, text, body: json };
    }

    async function logIn(email: string, password: string): Promise<Record<string, string>> {
      const res = await call("POST", "/api/v1/auth/login", { body: { email, password } });
      assert.equal(res.status, 200, res.text);
      const cookie = String([res.headers["set-cookie"]].flat()[0]).split(";")[0]!;
      return { cookie, "x-csrf-token": res.body.csrfToken };
    }

    let n = 0;
    async function sessionAs(role: Role): Promise<Record<string, string>> {
      const email = `${role}-${++n}@x.vn`;
      await createUser(store, CLI_ACTOR, {
        email,
        role,
        areas: role === "reporter" ? [{ geography: "2025", code: "79" }] : [],
        password: "correct horse battery",
      });
      return logIn(email, "correct horse battery");
    }

    before(async () => {
      store = await backend.open();
      app = await buildTestApp(store);
      adminEmail = "root@dxm.vn";
      await createUser(store, CLI_ACTOR, { email: adminEmail, role: "admin", password: "admin password 1" });
      admin = await logIn(adminEmail, "admin password 1");
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    it("refuses every admin route to the public (401) and to other roles (403)", async () => {
      const routes: ["GET" | "POST" | "PATCH" | "DELETE", string, unknown][] = [
        ["GET", "/api/v1/users", undefined],
        ["POST", "/api/v1/users", { email: "new@x.vn", role: "admin" }],
        ["PATCH", "/api/v1/users/1", { role: "admin" }],
        ["GET", "/api/v1/tokens", undefined],
        ["POST", "/api/v1/tokens", { name: "t", areas: [{ geography: "2025", code: "79" }] }],
        ["DELETE", "/api/v1/tokens/1", undefined],
        ["GET", "/api/v1/audit", undefined],
        ["GET", "/api/v1/audit.csv", undefined],
      ];
      const others = await Promise.all((["reporter", "reviewer", "analyst"] as const).map(sessionAs));
      for (const [method, url, body] of routes) {
        assert.equal((await call(method, url, { body })).status, 401, `${method} ${url} anonymous`);
        for (const headers of others) {
          const res = await call(method, url, { body, headers });
          assert.equal(res.status, 403, `${method} ${url}`);
          assert.equal(res.body.code, "forbidden");
        }
      }
      const users = await call("GET", "/api/v1/users", { headers: admin });
      assert.equal(
        users.body.items.some((u) => u.role === "admin" && u.email === "new@x.vn"),
        false,
      );
    });

    it("creates a reporter with a generated password shown once, who can then log in", async () => {
      const res = await call("POST", "/api/v1/users", {
        headers: admin,
        body: {
          email: "Lan@HCM.gov.vn",
          name: "Nguyễn Thị Lan",
          role: "reporter",
          areas: [{ geography: "2025", code: "79" }],
        },
      });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.user.email, "lan@hcm.gov.vn");
      assert.equal(res.body.user.name, "Nguyễn Thị Lan");
      assert.deepEqual(res.body.user.areas, [{ geography: "2025", code: "79" }]);
      assert.equal(res.body.user.disabled, false);
      assert.equal(typeof res.body.password, "string");
      const list = await call("GET", "/api/v1/users", { headers: admin });
      assert.equal(list.headers["cache-control"], "private, no-store");
      const lan = list.body.items.find((u) => u.email === "lan@hcm.gov.vn");
      assert.deepEqual(Object.keys(lan!).sort(), [
        "areas",
        "created_at",
        "disabled",
        "email",
        "id",
        "last_login_at",
        "name",
        "role",
      ]);
      assert.equal(list.text.includes(res.body.password!), false);
      await logIn("lan@hcm.gov.vn", res.body.password!);
    });

    it("answers bad user bodies with 400 (or 409) naming the field, storing nothing", async () => {
      const before = (await call("GET", "/api/v1/users", { headers: admin })).body.items.length;
      const cases: [unknown, number, string][] = [
        [{ email: "a@x.vn", role: "analyst", isAdmin: true }, 400, "isAdmin"],
        [{ email: "a@x.vn", role: "root" }, 400, "role"],
        [{ email: 7, role: "analyst" }, 400, "email"],
        [{ email: "a@x.vn", role: "analyst", name: "n".repeat(100_000) }, 400, "name"],
        [{ email: `${"a".repeat(100_000)}@x.vn`, role: "analyst" }, 400, "email"],
        [{ email: "a@x.vn", role: "analyst", password: "short" }, 400, "password"],
        [{ email: "a@x.vn", role: "reporter", areas: [{ geography: "2025", code: "99" }] }, 400, "areas"],
        [{ email: "a@x.vn", role: "reporter", areas: [{ geography: "2025", code: "DBSH" }] }, 400, "areas"],
        [{ email: "a@x.vn", role: "reporter", areas: ["2025:79"] }, 400, "areas"],
        [{ email: "a@x.vn", role: "reporter" }, 400, "areas"],
        [{ email: "a@x.vn", role: "analyst", areas: [{ geography: "2025", code: "79" }] }, 400, "areas"],
        [{ email: "not-an-email", role: "analyst" }, 400, "email"],
        [{ email: adminEmail.toUpperCase(), role: "analyst" }, 409, "email"],
      ];
      for (const [body, status, field] of cases) {
        const res = await call("POST", "/api/v1/users", { headers: admin, body });
        assert.equal(res.status, status, `${JSON.stringify(body).slice(0, 80)} → ${res.text.slice(0, 200)}`);
        assert.equal(res.body.field, field, res.text.slice(0, 300));
      }
      assert.equal((await call("GET", "/api/v1/users", { headers: admin })).body.items.length, before);
    });

    it("stores SQL and formula injection in names as plain text", async () => {
      const name = "Robert'); DROP TABLE app_user;-- =cmd|' /C calc'!A0";
      const res = await call("POST", "/api/v1/users", {
        headers: admin,
        body: { email: "bobby@x.vn", name, role: "analyst" },
      });
      assert.equal(res.status, 201);
      const list = await call("GET", "/api/v1/users", { headers: admin });
      assert.equal(list.body.items.find((u) => u.email === "bobby@x.vn")?.name, name);
    });

    it("changes a role, moving the areas, and disabling ends the user's sessions", async () => {
      const created = await call("POST", "/api/v1/users", {
        headers: admin,
        body: {
          email: "mai@x.vn",
          role: "reporter",
          areas: [{ geography: "2025", code: "01" }],
          password: "mai password 1",
        },
      });
      const id = created.body.user.id;
      const mai = await logIn("mai@x.vn", "mai password 1");
      const toReviewer = await call("PATCH", `/api/v1/users/${id}`, {
        headers: admin,
        body: { role: "reviewer" },
      });
      assert.equal(toReviewer.status, 200, toReviewer.text);
      assert.equal(toReviewer.body.user.role, "reviewer");
      assert.deepEqual(toReviewer.body.user.areas, []);
      const me = await call("GET", "/api/v1/auth/me", { headers: mai });
      assert.equal(me.body.user.role, "reviewer", "a role change applies to the live session");
      const disabled = await call("PATCH", `/api/v1/users/${id}`, {
        headers: admin,
        body: { disabled: true },
      });
      assert.equal(disabled.body.user.disabled, true);
      assert.equal((await call("GET", "/api/v1/auth/me", { headers: mai })).status, 401);
      const reset = await call("PATCH", `/api/v1/users/${id}`, {
        headers: admin,
        body: { disabled: false, reset_password: true },
      });
      assert.equal(typeof reset.body.password, "string");
      await logIn("mai@x.vn", reset.body.password!);

      const bad: [string, unknown, number, string][] = [
        [`/api/v1/users/${id}`, { role: "reporter" }, 400, "areas"],
        [`/api/v1/users/${id}`, { disabled: "yes" }, 400, "disabled"],
        [`/api/v1/users/${id}`, { email: "x@x.vn" }, 400, "email"],
        [`/api/v1/users/abc`, { disabled: true }, 400, "id"],
        [`/api/v1/users/999999`, { disabled: true }, 404, "id"],
      ];
      for (const [url, body, status, field] of bad) {
        const res = await call("PATCH", url, { headers: admin, body });
        assert.equal(res.status, status, `${url} ${JSON.stringify(body)} → ${res.text.slice(0, 200)}`);
        assert.equal(res.body.field, field, res.text.slice(0, 300));
      }
    });

    it("refuses to disable the last active admin", async () => {
      const me = await call("GET", "/api/v1/auth/me", { headers: admin });
      const users = (await call("GET", "/api/v1/users", { headers: admin })).body.items as {
        id: number;
        role: string;
        disabled: boolean;
      }[];
      for (const u of users.filter((u) => u.role === "admin" && !u.disabled && u.id !== me.body.user.id)) {
        await call("PATCH", `/api/v1/users/${u.id}`, { headers: admin, body: { disabled: true } });
      }
      const res = await call("PATCH", `/api/v1/users/${me.body.user.id}`, {
        headers: admin,
        body: { disabled: true },
      });
      assert.equal(res.status, 409);
      assert.equal(res.body.field, "disabled");
    });

    it("creates a machine token shown once, lists it without its secret, and revokes it", async () => {
      const created = await call("POST", "/api/v1/tokens", {
        headers: admin,
        body: { name: "Hà Nội push", areas: [{ geography: "2025", code: "01" }] },
      });
      assert.equal(created.status, 201, created.text);
      const secret: string = created.body.secret;
      assert.match(secret, /^dxm_/);
      assert.equal(created.body.token.created_by, adminEmail);
      const bearer = { authorization: `Bearer ${secret}` };
      assert.equal((await call("GET", "/api/v1/auth/me", { headers: bearer })).body.user.kind, "token");
      assert.equal(
        (await call("GET", "/api/v1/users", { headers: bearer })).status,
        403,
        "a token is no admin",
      );
      const list = await call("GET", "/api/v1/tokens", { headers: admin });
      assert.equal(list.text.includes(secret), false);
      assert.equal(list.body.items.find((t) => t.id === created.body.token.id)?.prefix, secret.slice(0, 12));
      const del = await call("DELETE", `/api/v1/tokens/${created.body.token.id}`, { headers: admin });
      assert.equal(del.status, 204);
      assert.equal((await call("GET", "/api/v1/auth/me", { headers: bearer })).status, 401);
      assert.equal((await call("DELETE", "/api/v1/tokens/999999", { headers: admin })).status, 404);
      const bad: [unknown, string][] = [
        [{ name: "t", areas: [] }, "areas"],
        [{ name: "t", areas: [{ geography: "2025", code: "VN" }] }, "areas"],
        [{ name: "", areas: [{ geography: "2025", code: "79" }] }, "name"],
        [{ name: "t", areas: [{ geography: "2025", code: "79" }], role: "admin" }, "role"],
      ];
      for (const [body, field] of bad) {
        const res = await call("POST", "/api/v1/tokens", { headers: admin, body });
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal(res.body.field, field, res.text.slice(0, 300));
      }
    });

    it("shows admins the audit log of these writes, filtered, without passwords or tokens", async () => {
      const ok = await call("POST", "/api/v1/users", {
        headers: admin,
        body: {
          email: "audit@x.vn",
          name: '=HYPERLINK("http://evil")',
          role: "analyst",
          password: "audit secret pw",
        },
      });
      assert.equal(ok.status, 201);
      // "=" is allowed in the local part of an address: it must come out neutralised.
      const formulaEmail = await call("POST", "/api/v1/users", {
        headers: admin,
        body: { email: "=cmd@x.vn", role: "analyst", password: "another secret pw" },
      });
      assert.equal(formulaEmail.status, 201, formulaEmail.text);
      const log = await call(
        "GET",
        `/api/v1/audit?entity=user&actor=${encodeURIComponent(adminEmail)}&since=2020-01-01`,
        {
          headers: admin,
        },
      );
      assert.equal(log.status, 200, log.text);
      const entry = log.body.items.find((e) => e.entity_key === "audit@x.vn" && e.action === "create");
      assert.equal(entry?.actor, adminEmail);
      assert.equal(entry?.after?.role, "analyst");
      assert.equal(log.text.includes("audit secret pw"), false);
      const page = await call("GET", "/api/v1/audit?limit=1", { headers: admin });
      assert.equal(page.body.items.length, 1);
      assert.equal(page.body.next_offset, 1);
      // A date range: `until` is exclusive, so a range ending before the entry leaves it out.
      const at = entry!.at;
      const inRange = await call(
        "GET",
        `/api/v1/audit?entity=user&since=${encodeURIComponent(at)}&until=${encodeURIComponent(
          new Date(Date.parse(at) + 1).toISOString(),
        )}`,
        { headers: admin },
      );
      assert.equal(inRange.status, 200, inRange.text);
      assert.ok(inRange.body.items.some((e) => e.entity_key === "audit@x.vn"));
      const beforeIt = await call("GET", `/api/v1/audit?entity=user&until=${encodeURIComponent(at)}`, {
        headers: admin,
      });
      assert.equal(
        beforeIt.body.items.some((e) => e.entity_key === "audit@x.vn"),
        false,
        "until is exclusive",
      );
      const csvRange = await call("GET", `/api/v1/audit.csv?entity=user&until=${encodeURIComponent(at)}`, {
        headers: admin,
      });
      assert.equal(csvRange.status, 200);
      assert.equal(csvRange.text.includes("audit@x.vn"), false);
      for (const [q, field] of [
        ["since=yesterday", "since"],
        ["until=2025-13-45", "until"],
        ["limit=0", "limit"],
        ["limit=5000", "limit"],
        ["colour=red", "colour"],
      ] as const) {
        const res = await call("GET", `/api/v1/audit?${q}`, { headers: admin });
        assert.equal(res.status, 400, q);
        assert.equal(res.body.field, field, res.text);
      }
      const csv = await call("GET", "/api/v1/audit.csv?entity=user", { headers: admin });
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers["content-type"]), /^text\/csv/);
      assert.match(String(csv.headers["content-disposition"]), /attachment; filename="audit.csv"/);
      assert.equal(csv.headers["cache-control"], "private, no-store");
      const lines = csv.text.trimEnd().split("\n");
      assert.equal(lines[0], "id,at,actor,action,entity,entity_key,before,after");
      const line = lines.find((l) => l.includes(",audit@x.vn,"))!;
      assert.match(line, /""name"":""=HYPERLINK/, "the formula sits inside a JSON cell that starts with {");
      assert.equal(csv.text.includes("audit secret pw"), false);
      const cells: string[][] = parse(csv.text);
      assert.ok(
        cells.some((row) => row[5] === "'=cmd@x.vn"),
        "the formula-like key is neutralised",
      );
      for (const row of cells) {
        for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@]/, `cell ${cell}`);
      }
    });
  });
}
