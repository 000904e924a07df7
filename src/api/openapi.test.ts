/**
 * The OpenAPI document covers the API: every route registered under /api/v1 is in
 * /api/openapi.json with its method, its path and query parameters, and described responses.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { ZodType } from "zod";
import { z } from "zod";
import type { Store } from "../store/db.ts";
import { testBackends } from "../store/testing.ts";
import { buildApp } from "./app.ts";

interface Operation {
  parameters?: { name: string; in: string }[];
  responses?: Record<string, { description?: string }>;
}

/** The keys of a zod object schema (query string or path parameters). */
function keysOf(schema: unknown): string[] {
  if (!schema || typeof schema !== "object" || !("_zod" in schema)) return [];
  const json = z.toJSONSchema(schema as ZodType, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, unknown>;
  };
  return Object.keys(json.properties ?? {});
}

const [pglite] = await testBackends();

describe("the OpenAPI document", () => {
  let store: Store;
  let app: FastifyInstance;
  let doc: { paths: Record<string, Record<string, Operation>> };
  before(async () => {
    store = await pglite!.open();
    app = await buildApp({ store, logLevel: "silent" });
    await app.ready();
    doc = JSON.parse((await app.inject({ method: "GET", url: "/api/openapi.json" })).body);
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it("is browsable at /api/docs", async () => {
    let res = await app.inject({ method: "GET", url: "/api/docs" });
    for (let hops = 0; res.statusCode === 302 && hops < 3; hops++) {
      const location = String(res.headers.location);
      res = await app.inject({
        method: "GET",
        url: location.startsWith("/") ? location : `/api/docs/${location}`,
      });
    }
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /swagger/i);
  });

  it("lists every API route with its parameters and described responses", () => {
    const routes = app.dxmRoutes.filter((r) => r.url.startsWith("/api/v1/"));
    assert.ok(routes.length > 40, `${routes.length} routes`);
    // The walk reads the routes' own schemas.
    const observations = routes.find((r) => r.url === "/api/v1/observations")!;
    assert.ok(keysOf(observations.schema?.querystring).includes("period_kind"));
    const missing: string[] = [];
    for (const r of routes) {
      const path = r.url.replace(/:([A-Za-z_]+)/g, "{$1}");
      const op = doc.paths[path]?.[r.method.toLowerCase()];
      const name = `${r.method} ${r.url}`;
      if (r.schema?.hide) {
        missing.push(`${name} is hidden`);
        continue;
      }
      if (!op) {
        missing.push(`${name} is not in the document`);
        continue;
      }
      const params = new Set((op.parameters ?? []).map((p) => `${p.in}:${p.name}`));
      for (const k of keysOf(r.schema?.params))
        if (!params.has(`path:${k}`)) missing.push(`${name}: path parameter ${k}`);
      for (const k of keysOf(r.schema?.querystring))
        if (!params.has(`query:${k}`)) missing.push(`${name}: query parameter ${k}`);
      for (const m of path.matchAll(/\{([A-Za-z_]+)\}/g))
        if (!params.has(`path:${m[1]}`)) missing.push(`${name}: path parameter ${m[1]} undocumented`);
      const responses = Object.values(op.responses ?? {});
      if (!responses.length || responses.some((x) => !x.description?.trim()))
        missing.push(`${name}: a response without a description`);
    }
    assert.deepEqual(missing, []);
  });

  it("describes the open-data and release routes in words, not the default", () => {
    for (const [path, method] of [
      ["/api/v1/data", "get"],
      ["/api/v1/data/{indicator}", "get"],
      ["/api/v1/releases", "get"],
      ["/api/v1/releases/{id}", "get"],
      ["/api/v1/releases/{id}/data", "get"],
      ["/api/v1/sdmx/dsd", "get"],
      ["/api/v1/sdmx/codelists/{id}", "get"],
    ] as const) {
      const op = doc.paths[path]![method]!;
      const d = Object.values(op.responses ?? {})[0]?.description ?? "";
      assert.notEqual(d, "Default Response", `${method} ${path}`);
    }
    const formats = doc.paths["/api/v1/data"]!.get!.parameters!.find((p) => p.name === "format");
    assert.ok(formats, "format is documented");
  });
});
