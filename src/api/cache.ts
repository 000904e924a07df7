/**
 * HTTP caching of public reads: a strong ETag from the body's hash, `Cache-Control: public`, and
 * 304 Not Modified when the client already has it. Public data change only on recompute or
 * publication, so a short max-age with revalidation keeps clients and proxies fresh and cheap.
 */
import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";

export function registerPublicCaching(app: FastifyInstance, maxAgeSeconds = 60): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" || reply.statusCode !== 200) return payload;
    if (!request.url.startsWith("/api/v1/")) return payload;
    // An answer from the response cache comes as bytes with the ETag computed when it was stored.
    // Other bytes (a reporter's Excel template) are none of this hook's business: no public policy.
    const known = reply.getHeader("etag");
    if (!(typeof payload === "string" || (Buffer.isBuffer(payload) && typeof known === "string")))
      return payload;
    const etag =
      typeof known === "string" ? known : `"${createHash("sha1").update(payload).digest("base64url")}"`;
    reply.header("ETag", etag);
    // A route that answers differently to staff (releases) sets its own policy; keep it.
    if (!reply.hasHeader("cache-control"))
      reply.header("Cache-Control", `public, max-age=${maxAgeSeconds}, must-revalidate`);
    const inm = request.headers["if-none-match"];
    if (inm?.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
      reply.code(304);
      return "";
    }
    return payload;
  });
}
