/**
 * The HTTP application: JSON API under /api/v1 (RFC 9457 errors, OpenAPI at /api/docs), and the
 * built web app at /. Routes stay thin: validate (zod) → service → JSON. One central error handler
 * turns every failure into problem+json; unknown errors are logged and become a 500 without
 * internals.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import {
  DEFAULT_HTTP_LIMITS,
  DEFAULT_PUBLIC_WRITE_RATE_LIMIT,
  type HttpLimits,
  type RateLimit,
} from "../config.ts";
import { projectRoot } from "../paths.ts";
import type { Store } from "../store/db.ts";
import { registerAuth } from "./auth-plugin.ts";
import { registerPublicCaching } from "./cache.ts";
import { limitsOf } from "./limits.ts";
import { sendProblem, toProblem } from "./problem.ts";
import { registerResponseCache } from "./response-cache.ts";
import { recordRoutes } from "./route-list.ts";
import { type AssessmentRouteOptions, assessmentRoutes } from "./routes/assessments.ts";
import { authRoutes } from "./routes/auth.ts";
import { digitalEconomyRoutes } from "./routes/digital-economy.ts";
import { indexRoutes } from "./routes/index-scores.ts";
import { indicatorRoutes } from "./routes/indicators.ts";
import { metaRoutes } from "./routes/meta.ts";
import { observationDownloadRoutes } from "./routes/observation-downloads.ts";
import { observationRoutes } from "./routes/observations.ts";
import { openDataRoutes } from "./routes/open-data.ts";
import { programmeRoutes } from "./routes/programmes.ts";
import { progressRoutes } from "./routes/progress.ts";
import { quarterlyReportRoutes } from "./routes/quarterly-reports.ts";
import { releaseRoutes } from "./routes/releases.ts";
import { reportRoutes } from "./routes/reports.ts";
import { userRoutes } from "./routes/users.ts";
import { registerSecurityHeaders } from "./security-headers.ts";

export interface AppOptions {
  store: Store;
  logLevel?: string;
  /** Folder of the built web app; default `dist/web`. */
  webDir?: string;
  /** Mark the session cookie `Secure` (behind HTTPS). */
  secureCookies?: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (login throttling). */
  trustProxy?: boolean;
  /** Today's date (YYYY-MM-DD), for deadlines; default the clock. Tests pass a fixed one. */
  today?: () => string;
  /** Self-assessment submissions: minimum fill time and rate limit (tests lower them). */
  assessments?: AssessmentRouteOptions;
  /** The clock of release embargoes and late programmes; default the system clock. Tests pass one they control. */
  now?: () => Date;
  /** Body sizes and slow-client timeouts; default `DEFAULT_HTTP_LIMITS` (config.ts). */
  httpLimits?: HttpLimits;
  /** Login requests per client address and window (in memory); false turns it off (tests). */
  loginRateLimit?: RateLimit | false;
  /** Anonymous writes per client address and window, for routes that use `limitRequests`. */
  publicWriteRateLimit?: RateLimit;
}

const root = projectRoot;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const limits = options.httpLimits ?? DEFAULT_HTTP_LIMITS;
  const app = Fastify({
    logger: { level: options.logLevel ?? "info" },
    bodyLimit: limits.bodyBytes,
    // Slow clients (slowloris): all headers within headersTimeout, the whole request within
    // requestTimeout, else Node answers 408 and closes the socket. Node checks these every
    // connectionsCheckingInterval, so keep it well below the timeouts.
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    return503OnClosing: true,
    trustProxy: options.trustProxy ?? false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate("dxmLimits", limits);
  app.decorate("dxmPublicWriteRateLimit", options.publicWriteRateLimit ?? DEFAULT_PUBLIC_WRITE_RATE_LIMIT);
  recordRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, "request failed");
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || request.method !== "GET") {
      return sendProblem(reply, {
        type: "https://dxmonitor.vn/problems/not_found",
        title: "Not Found",
        status: 404,
        detail: `No route ${request.method} ${request.url.split("?")[0]}`,
        detail_vi: `Không có đường dẫn ${request.method} ${request.url.split("?")[0]}`,
        code: "not_found",
        instance: request.url,
      });
    }
    // A missing file (a script, an image) is a plain 404; any other GET is a page of the web app,
    // which routes on the client.
    const path = request.url.split("?")[0] ?? "";
    if (path.startsWith("/assets/") || /\.[a-z0-9]{1,8}$/i.test(path)) {
      return reply.code(404).type("text/plain").send(`Not found: ${path}`);
    }
    if (hasWeb) return reply.header("Cache-Control", "no-cache").type("text/html").sendFile("index.html");
    return reply.type("text/plain").send(webMissingMessage);
  });

  registerSecurityHeaders(app, {
    // HSTS tells browsers to use HTTPS only: send it only when the site is served over HTTPS
    // (secure cookies), or a plain-HTTP install would lock its users out.
    xFrameOptions: { action: "deny" },
    hsts: options.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "dxmonitor API",
        version: "1",
        description:
          "Vietnam's digital economy and digital transformation: indicators, targets and published values for the nation, regions and provinces in the 2008 (63) and 2025 (34) geographies.",
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  registerPublicCaching(app);
  await registerAuth(app, options.store, { secureCookies: options.secureCookies ?? false });
  // After auth: only anonymous requests are served from the cache.
  registerResponseCache(app, options.store, options.now);
  // Excel uploads: one file of at most uploadBytes (the parser has its own limits on what is inside).
  await app.register(multipart, {
    limits: { files: 1, fileSize: limitsOf(app).uploadBytes, fields: 10, parts: 12, headerPairs: 100 },
  });
  await app.register(
    async (api) => {
      await api.register(metaRoutes(options.store));
      await api.register(indicatorRoutes(options.store));
      await api.register(observationRoutes(options.store, options.now ? { now: options.now } : {}));
      await api.register(observationDownloadRoutes(options.store));
      await api.register(digitalEconomyRoutes(options.store, options.now ? { now: options.now } : {}));
      await api.register(progressRoutes(options.store, options.now ? { now: options.now } : {}));
      await api.register(
        authRoutes(
          options.store,
          options.loginRateLimit === undefined ? {} : { loginRateLimit: options.loginRateLimit },
        ),
      );
      await api.register(userRoutes(options.store));
      await api.register(reportRoutes(options.store, options.today ? { today: options.today } : {}));
      await api.register(indexRoutes(options.store));
      await api.register(assessmentRoutes(options.store, options.assessments ?? {}));
      await api.register(releaseRoutes(options.store, options.now ? { now: options.now } : {}));
      await api.register(openDataRoutes(options.store, options.now ? { now: options.now } : {}));
      await api.register(programmeRoutes(options.store, options.now ? { now: options.now } : {}));
      await api.register(quarterlyReportRoutes(options.store, options.now ? { now: options.now } : {}));
    },
    { prefix: "/api/v1" },
  );

  const webDir = options.webDir ?? join(root, "dist", "web");
  const hasWeb = existsSync(join(webDir, "index.html"));
  const webMissingMessage =
    "dxmonitor: the web app is not built. Run `npm run build` (npm start does it for you). The API is at /api/v1.";
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: "/",
      // One wildcard route, not one per file: no listing of dist/web at start (≈0.2 s with the
      // compressed copies) and a rebuilt dist/web is served without a restart. A missing file goes
      // to the not-found handler above (a 404, or the app's page for a page route).
      wildcard: true,
      index: ["index.html"],
      // The build wrote .br and .gz beside each text file (vite.config.ts): sent when the browser takes them.
      preCompressed: true,
      // Our own Cache-Control below; left on, `send` overwrote it with "public, max-age=0".
      cacheControl: false,
      // Built assets have content hashes in their names: cache them for good; the page revalidates.
      setHeaders(res, path) {
        res.setHeader("Vary", "Accept-Encoding");
        res.setHeader(
          "Cache-Control",
          path.includes(`${join("/", "assets", "/")}`) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  } else {
    app.get("/", { schema: { hide: true } }, async (_req, reply) =>
      reply.type("text/plain").send(webMissingMessage),
    );
  }
  return app;
}
