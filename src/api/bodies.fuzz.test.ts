/**
 * Every JSON body of the API under generated input (fast-check). The routes and their body schemas
 * are read from the app's own OpenAPI description, so a route added later is fuzzed without editing
 * this file. Bodies are drawn half from the schema's shape (right keys, random values, sometimes an
 * unknown key) and half from any JSON at all; each is sent as an admin, a reviewer and a reporter.
 * Properties: never a 5xx; a refused body (400, 413, 415, 422) stores nothing, checked with a
 * fingerprint of every table.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../config.ts";
import { CLI_ACTOR, type Role } from "../domain/auth.ts";
import { createUser } from "../services/auth.ts";
import { openPeriodAs } from "../services/reporting.ts";
import { referenceBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { databaseFingerprint } from "../store/dump-repo.ts";
import { buildApp } from "./app.ts";

const RUNS_PER_ROUTE_AND_ROLE = loadConfig().longTests ? 400 : 15;
const REFUSED = new Set([400, 413, 415, 422]);

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
};

/** Values shaped by a JSON schema, with random content (and so mostly invalid in detail). */
function shaped(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const any = fc.jsonValue({ maxDepth: 2 });
  if (!schema || depth > 4) return any;
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((s) => shaped(s, depth + 1)));
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), any);
  if (schema.const !== undefined) return fc.oneof(fc.constant(schema.const), any);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const props = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, s]) => [k, shaped(s, depth + 1)]),
      );
      const base = fc.record(props, { requiredKeys: [] });
      const extra =
        typeof schema.additionalProperties === "object"
          ? fc.dictionary(fc.string({ maxLength: 12 }), shaped(schema.additionalProperties, depth + 1), {
              maxKeys: 6,
            })
          : fc.constant({});
      return fc
        .tuple(base, extra, fc.option(fc.tuple(fc.string({ maxLength: 8 }), any), { freq: 5 }))
        .map(([b, e, unknown]) => ({ ...e, ...b, ...(unknown ? { [`x_${unknown[0]}`]: unknown[1] } : {}) }));
    }
    case "array":
      return fc.array(shaped(schema.items, depth + 1), { maxLength: 5 });
    case "string":
      return fc.oneof(
        fc.string({ maxLength: schema.maxLength ? Math.min(schema.maxLength + 2, 64) : 32 }),
        fc.string({ unit: "binary", maxLength: 16 }),
        fc.constantFrom("2025", "79", "2026-Q3", "admin", "", " ", "=1+1", "a@b.vn", "2026-12-31"),
        fc.string({ minLength: 3000, maxLength: 3000 }),
      );
    case "number":
    case "integer":
      return fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -1, 1e308, 2 ** 53));
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return any;
  }
}

interface BodyRoute {
  method: string;
  url: string;
  schema: JsonSchema;
}

/** The routes with a JSON body, from the OpenAPI description, with path parameters filled in. */
function bodyRoutes(
  openapi: { paths: Record<string, Record<string, unknown>> },
  params: Record<string, string>,
) {
  const routes: BodyRoute[] = [];
  for (const [path, ops] of Object.entries(openapi.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const schema = (op as { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } })
        .requestBody?.content?.["application/json"]?.schema;
      if (!schema) continue;
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "1");
      routes.push({ method: method.toUpperCase(), url, schema });
    }
  }
  return routes;
}

for (const backend of await referenceBackends()) {
  describe(`every JSON body under generated input on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    const sessions: { role: Role; cookie: string; csrf: string }[] = [];
    let routes: BodyRoute[] = [];

    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, logLevel: "silent", loginRateLimit: false });
      await openPeriodAs(store, "test", "2026-Q3", "2026-12-31");
      let adminId = 1;
      for (const role of ["admin", "reviewer", "reporter"] as const) {
        const email = `fuzz-${role}@x.vn`;
        const password = "correct horse battery";
        const { user } = await createUser(store, CLI_ACTOR, {
          email,
          role,
          areas: role === "reporter" ? [{ geography: "2025", code: "79" }] : [],
          password,
        });
        if (role === "admin") adminId = user.id;
        const res = await app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { email, password },
        });
        assert.equal(res.statusCode, 200, res.body);
        sessions.push({
          role,
          cookie: String(res.headers["set-cookie"]).split(";")[0]!,
          csrf: res.json().csrfToken,
        });
      }
      const rule = await store.db.selectFrom("validation_rule").select("id").executeTakeFirst();
      const openapi = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      routes = bodyRoutes(openapi, {
        geography: "2025",
        area: "79",
        period: "2026-Q3",
        id: String(adminId),
      }).map(
        // A validation rule's id is its code, not a number.
        (r) =>
          r.url.includes("/validation-rules/") && rule ? { ...r, url: r.url.replace(/[^/]+$/, rule.id) } : r,
      );
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    it("finds the routes with a JSON body in the OpenAPI description", () => {
      const names = routes.map((r) => `${r.method} ${r.url}`);
      assert.ok(names.includes("POST /api/v1/auth/login"), names.join("\n"));
      assert.ok(
        names.some((n) => n.startsWith("PUT /api/v1/reports/2025/79/2026-Q3/values")),
        names.join("\n"),
      );
      assert.ok(routes.length >= 6, names.join("\n"));
    });

    it("answers every generated body without a 5xx, and stores nothing for a refused one", async () => {
      // Session last-seen times change on every request by design; everything else must not.
      const fingerprint = await databaseFingerprint(store.db, { exclude: ["user_session"] });
      const statuses = new Map<number, number>();
      for (const route of routes) {
        for (const s of sessions) {
          // Logging in afresh would replace these sessions; logging out would end them.
          if (route.url.endsWith("/auth/login") && s.role !== "reporter") continue;
          if (route.url.endsWith("/auth/logout")) continue;
          await fc.assert(
            fc.asyncProperty(fc.oneof(shaped(route.schema), fc.jsonValue({ maxDepth: 3 })), async (body) => {
              const before = await fingerprint();
              const res = await app.inject({
                method: route.method as "POST",
                url: route.url,
                payload: JSON.stringify(body),
                headers: {
                  "content-type": "application/json",
                  ...(route.url.endsWith("/auth/login") ? {} : { cookie: s.cookie, "x-csrf-token": s.csrf }),
                },
              });
              statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
              assert.ok(
                res.statusCode < 500,
                `${route.method} ${route.url} as ${s.role}: ${res.statusCode} ${res.body}`,
              );
              if (REFUSED.has(res.statusCode)) {
                assert.match(String(res.headers["content-type"]), /problem\+json/);
                assert.equal(
                  await fingerprint(),
                  before,
                  `${route.method} ${route.url} stored a refused body`,
                );
              }
            }),
            { numRuns: RUNS_PER_ROUTE_AND_ROLE },
          );
        }
      }
      // The generator reaches past validation sometimes, and is refused most of the time.
      assert.ok((statuses.get(400) ?? 0) > 0, JSON.stringify([...statuses]));
    });
  });
}
