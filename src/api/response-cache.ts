/**
 * An in-process cache of public answers of the data routes, keyed by URL. Published data change only
 * when a recompute ends, the catalogue is re-seeded or a release's time comes, so each request checks
 * one small version (`publicDataVersion`, shared by every process on the database, remembered for
 * about a second — see `memoizedPublicDataVersion`) and, when it matches, answers
 * with the stored body instead of querying and serialising again; ETag and 304 then apply as to any
 * public read (cache.ts). Requests with a session or a token are never cached or served from it.
 *
 * A client that accepts gzip (every browser) gets the answer compressed, once per stored answer:
 * the public JSON shrinks about tenfold (95 kB of indicators → 11 kB), which is what a provincial
 * office on a slow line waits for. The compressed bytes are their own representation: their own
 * ETag (suffix `-gzip`) and `Vary: Accept-Encoding` on every answer of these routes.
 */
import { gzipSync } from "node:zlib";
import { Negotiator } from "@fastify/accept-negotiator";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
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
  /** The gzip-compressed body, made on the first answer that may use it (undefined until then). */
  gzip?: Buffer;
}

/** Answers smaller than this go uncompressed: the saving would not pay for the header. */
const GZIP_MIN_BYTES = 1024;

const encodings = new Negotiator({ supportedValues: ["gzip", "identity"], cache: new Map() });

/** Whether the request's Accept-Encoding prefers gzip to no encoding (q-values respected). */
function wantsGzip(req: FastifyRequest): boolean {
  const header = req.headers["accept-encoding"];
  return typeof header === "string" && encodings.negotiate(header) === "gzip";
}

/** The entry's body for this request, compressed when the client takes gzip; sets the headers. */
function representation(req: FastifyRequest, reply: FastifyReply, entry: Entry): Buffer {
  reply.header("Vary", "Accept-Encoding");
  if (entry.body.length < GZIP_MIN_BYTES || !wantsGzip(req)) {
    if (entry.etag) reply.header("ETag", entry.etag);
    return entry.body;
  }
  // Level 6 (zlib's default): 95 kB in ~2 ms, once per stored answer.
  entry.gzip ??= gzipSync(entry.body);
  reply.header("Content-Encoding", "gzip");
  if (entry.etag) reply.header("ETag", `${entry.etag.slice(0, -1)}-gzip"`);
  return entry.gzip;
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
      return reply
        .code(200)
        .type(hit.type)
        .send(representation(req, reply, hit));
    }
    req.dxmCacheVersion = version;
  });

  app.addHook("onSend", async (req, reply, payload) => {
    if (req.dxmCacheVersion === null || reply.statusCode !== 200 || typeof payload !== "string")
      return payload;
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    const entry: Entry = {
      version: req.dxmCacheVersion,
      body: Buffer.from(payload),
      type: String(reply.getHeader("content-type") ?? "application/json; charset=utf-8"),
      // Set by the public-caching hook, which runs first (registered first).
      etag: typeof reply.getHeader("etag") === "string" ? String(reply.getHeader("etag")) : undefined,
    };
    entries.set(req.url, entry);
    return representation(req, reply, entry);
  });
}
