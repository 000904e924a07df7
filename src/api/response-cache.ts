/**
 * An in-process cache of public answers of the data routes, keyed by URL. Published data change only
 * when a recompute ends, the catalogue is re-seeded or a release's time comes, so each request checks
 * one small version (`publicDataVersion`, shared by every process on the database, remembered for at
 * most a second — see `memoizedPublicDataVersion`) and, when it matches, answers
 * with the stored body instead of querying and serialising again; ETag and 304 then apply as to any
 * public read (cache.ts). Requests with a session or a token are never cached or served from it.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { memoizedPublicDataVersion } from "../services/data-version.ts";
import type { Store } from "../store/db.ts";

/** Routes whose answers depend only on the published data and the catalogue. */
const CACHEABLE =
  /^\/api\/v1\/(observations|indicators|targets|areas|digital-economy|progress|io-tables)(\/|\?|$)/;

interface Entry {
  version: string;
  /** Bytes, encoded once: a string would be encoded again for every answer (300 kB for some). */
  body: Buffer;
  type: string;
  etag: string | undefined;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The data version this public request was answered at, when its answer may be cached. */
    dxmCacheVersion: string | null;
  }
}

export function registerResponseCache(
  app: FastifyInstance,
  store: Store,
  now: () => Date = () => new Date(),
  maxEntries = 1000,
): void {
  const entries = new Map<string, Entry>();
  const publicDataVersion = memoizedPublicDataVersion(store);
  app.decorateRequest("dxmCacheVersion", null);
  const cacheable = (req: FastifyRequest) =>
    req.method === "GET" &&
    req.principal === null &&
    req.headers.authorization === undefined &&
    CACHEABLE.test(req.url);

  app.addHook("onRequest", async (req, reply) => {
    req.dxmCacheVersion = null;
    if (!cacheable(req)) return;
    const version = await publicDataVersion(now());
    const hit = entries.get(req.url);
    if (hit && hit.version === version) {
      if (hit.etag) reply.header("ETag", hit.etag);
      return reply.code(200).type(hit.type).send(hit.body);
    }
    req.dxmCacheVersion = version;
  });

  app.addHook("onSend", async (req, reply, payload) => {
    if (req.dxmCacheVersion === null || reply.statusCode !== 200 || typeof payload !== "string")
      return payload;
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(req.url, {
      version: req.dxmCacheVersion,
      body: Buffer.from(payload),
      type: String(reply.getHeader("content-type") ?? "application/json; charset=utf-8"),
      // Set by the public-caching hook, which runs first (registered first).
      etag: typeof reply.getHeader("etag") === "string" ? String(reply.getHeader("etag")) : undefined,
    });
    return payload;
  });
}
