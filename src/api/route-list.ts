/**
 * The routes an app registers, as Fastify saw them (method, URL, schema): the OpenAPI test walks
 * them to check that every API route is documented with its parameters and responses.
 */
import type { FastifyInstance, FastifySchema } from "fastify";

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly schema: (FastifySchema & { hide?: boolean }) | undefined;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every route registered after `recordRoutes`, HEAD routes excluded. */
    dxmRoutes: RegisteredRoute[];
  }
}

/** Records the routes registered from now on in `app.dxmRoutes`. */
export function recordRoutes(app: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  app.decorate("dxmRoutes", routes);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      routes.push({ method, url: route.url, schema: route.schema as RegisteredRoute["schema"] });
    }
  });
}
