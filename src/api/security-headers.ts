/**
 * Security headers (helmet's) on every answer. The policy never changes while the process runs, so
 * helmet's middleware is built once and applied by one synchronous hook. `@fastify/helmet`, used
 * before, built the middleware again for every request — parsing the Content-Security-Policy
 * directives each time, about a tenth of the CPU of a cached public answer under load — in two
 * async hooks.
 */
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  // Built here, at start: a bad directive fails the start, not a request.
  const apply = helmet(options);
  app.addHook("onRequest", (request, reply, done) => {
    apply(request.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined));
  });
}
