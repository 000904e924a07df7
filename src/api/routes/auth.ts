/**
 * Login, logout, the current person, password change (`/api/v1/auth/…`). Needs `registerAuth`
 * (auth-plugin.ts) on the app. Login is throttled twice: per client address in memory
 * (@fastify/rate-limit, against floods that would burn CPU on argon2) and per email and address in
 * the database (lockout after repeated failures, across processes; see services/auth.ts).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AreaScope, PASSWORD_MAX, PASSWORD_MIN, type Principal, type User } from "../../domain/auth.ts";
import { DxmError } from "../../domain/errors.ts";
import { changePassword, login, logout, logoutEverywhere } from "../../services/auth.ts";
import type { Store } from "../../store/db.ts";
import { clearSessionCookie, setSessionCookie } from "../auth-plugin.ts";
import { limitRequests } from "../limits.ts";
import { sendProblem } from "../problem.ts";

export interface AuthRouteOptions {
  /** Login requests allowed per client address and window, in memory; false turns it off. */
  loginRateLimit?: { max: number; timeWindowMs: number } | false;
}

const DEFAULT_LOGIN_RATE = { max: 30, timeWindowMs: 60_000 };

export function areasJson(areas: readonly AreaScope[]) {
  return areas.map((a) => ({ geography: a.geography, code: a.code }));
}

/** The person as login and `me` return them. */
export function sessionUserJson(u: User | Principal) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, areas: areasJson(u.areas) };
}

/** A 429 problem with Retry-After. */
export function sendThrottled(
  reply: FastifyReply,
  request: FastifyRequest,
  retryAfterSeconds: number,
  field: string,
): FastifyReply {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  reply.header("Retry-After", String(retryAfterSeconds));
  return sendProblem(reply, {
    type: "https://dxmonitor.vn/problems/rate_limited",
    title: "Too Many Requests",
    status: 429,
    detail: `Too many failed logins: try again in ${minutes} minute${minutes === 1 ? "" : "s"}`,
    detail_vi: `Đăng nhập sai quá nhiều lần: hãy thử lại sau ${minutes} phút`,
    code: "rate_limited",
    field,
    instance: request.url,
  });
}

function requireSettings(app: { hasDecorator(name: string): boolean }): void {
  if (!app.hasDecorator("dxmAuth")) {
    throw new Error("authRoutes: call registerAuth(app, store, …) on the app before registering the routes");
  }
}

const password = z.string().min(1).max(PASSWORD_MAX);

export const authRoutes =
  (store: Store, options: AuthRouteOptions = {}): FastifyPluginAsyncZod =>
  async (app) => {
    requireSettings(app);
    const limit = options.loginRateLimit === undefined ? DEFAULT_LOGIN_RATE : options.loginRateLimit;

    // Login in its own scope, so that the in-memory rate limiter applies to it alone.
    await app.register(async (plain) => {
      const scope = plain.withTypeProvider<ZodTypeProvider>();
      if (limit) await limitRequests(scope, limit, { en: "login", vi: "đăng nhập" });
      scope.post(
        "/auth/login",
        {
          config: { csrf: false },
          schema: {
            summary: "Log in with email and password: sets the session cookie, returns the CSRF token",
            tags: ["auth"],
            body: z.strictObject({ email: z.string().min(1).max(320), password }),
          },
        },
        async (req, reply) => {
          const result = await login(store, {
            email: req.body.email,
            password: req.body.password,
            ip: req.ip,
            userAgent: req.headers["user-agent"],
            previousSessionIdHash: req.authSession?.idHash,
          });
          if (result.kind === "throttled")
            return sendThrottled(reply, req, result.retryAfterSeconds, "email");
          setSessionCookie(reply, req, result.session.id);
          return { user: sessionUserJson(result.user), csrfToken: result.session.csrfToken };
        },
      );
    });

    app.post(
      "/auth/logout",
      { schema: { summary: "Log out: ends the session", tags: ["auth"] } },
      async (req, reply) => {
        if (req.authSession && req.principal) await logout(store, req.authSession, req.principal);
        clearSessionCookie(reply, req);
        return reply.code(204).send();
      },
    );

    app.post(
      "/auth/logout-everywhere",
      {
        schema: {
          summary: "Log out everywhere: ends every session of the person, this one included",
          tags: ["auth"],
        },
      },
      async (req, reply) => {
        const ended = await logoutEverywhere(store, req.principal);
        clearSessionCookie(reply, req);
        return { sessions_ended: ended };
      },
    );

    app.get(
      "/auth/me",
      {
        schema: {
          summary: "The person (or machine token) making the request, and the CSRF token",
          tags: ["auth"],
        },
      },
      async (req) => {
        const p = req.principal;
        if (!p) {
          throw new DxmError("unauthorized", "Not logged in", { messageVi: "Chưa đăng nhập" });
        }
        return {
          user: { ...sessionUserJson(p), kind: p.kind },
          csrfToken: req.authSession?.csrfToken ?? null,
        };
      },
    );

    app.post(
      "/auth/password",
      {
        schema: {
          summary: "Change one's own password; every other session ends",
          tags: ["auth"],
          body: z.strictObject({
            current: password,
            new: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
          }),
        },
      },
      async (req, reply) => {
        const result = await changePassword(store, req.principal, req.authSession, {
          current: req.body.current,
          next: req.body.new,
          ip: req.ip,
        });
        if (result.kind === "throttled")
          return sendThrottled(reply, req, result.retryAfterSeconds, "current");
        return { other_sessions_ended: result.sessionsEnded };
      },
    );
  };
